"""The `claim` kind: health claims (subject + benefit + outcome) made without evidence.

What it does: finds sentences in which a substance (or a word pointing back to one) is said to
improve, relieve or treat a health outcome, classifies each claim once (disease > absolute >
vague evidence > testimonial > efficacy > hedged, except that an appeal to research outranks the
cure it reports; animal evidence on its own) and lets each
`claims.*` rule report the sentences of its own class that carry no citation. The analysis is
shared: every rule that points at the same lexicon file reuses one pass over the draft.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, Iterator, Mapping, NamedTuple

import regex

from linter.document import Document, Sentence
from linter.errors import RuleError
from linter.examples import LEXICON_EXAMPLES
from linter.finding import Finding
from linter.kinds.base import Kind, RuleMeta, make_finding
from linter.knowledge import Knowledge, overlap_test
from linter.language.evidence import Evidence, reference_blocks
from linter.language.lexicon import compile_terms, either_apostrophe, find_all, search, term_source
from linter.language.numbers import COUNT_WORD
from linter.language.polarity import Polarity, is_question
from linter.language.tables import row_cells, row_span, table_headers
from linter.language.wordindex import word_starts
from linter.locations import builtin_rules_dir
from linter.patterns import compile_pattern
from linter.schema import Field, read_yaml, validate

CLAIM_TYPES: tuple[str, ...] = ("disease", "absolute", "vague-evidence", "testimonial", "efficacy", "hedged", "animal-evidence")
DEFAULT_LEXICONS = "lexicons/claims.yaml"

FIELDS: dict[str, Field] = {
    "claim": Field(str, required=True, choices=CLAIM_TYPES, help="which class of claim this rule reports"),
    "lexicons": Field(str, default=None, help=f"lexicon file, relative to this rule file (default: built-in {DEFAULT_LEXICONS})"),
}

_TERMS = Field(list, required=True, items=str)
# Nested groups of the lexicon file, validated on their own so errors name 'predicates.neutral[3]'.
_GROUPS: dict[str, dict[str, Field]] = {
    "predicates": {"increase": _TERMS, "decrease": _TERMS, "neutral": _TERMS, "association": Field(list, default=[], items=str)},
    "outcomes": {"good": _TERMS, "bad": _TERMS},
}
LEXICON_FIELDS: dict[str, Field] = {
    "names": Field(dict, default={}, help="named lists that entries use as {{name}}"),
    "subjects": _TERMS,
    "anaphors": _TERMS,
    "dummy_subjects": _TERMS,
    "predicates": Field(dict, required=True, help="increase / decrease / neutral verb lists"),
    "standalone_benefits": _TERMS,
    "outcomes": Field(dict, required=True, help="good / bad outcome lists"),
    "diseases": _TERMS,
    "disease_verbs": _TERMS,
    "drug_substitutes": _TERMS,
    "absolutes": _TERMS,
    "vague_evidence": _TERMS,
    "testimonials": _TERMS,
    "personal_results": Field(list, default=[], items=str, help="a person's own result that needs no outcome word"),
    "animal_evidence": _TERMS,
    "human_targets": _TERMS,
    "hedges": _TERMS,
    "negations": _TERMS,
    "frames": _TERMS,
    "background": _TERMS,
    "practices": Field(list, default=[], items=str, help="things done or drunk that no one sells as a remedy (a therapy, mindfulness, alcohol), which a pronoun right after one points to"),
    "evidence_domains": _TERMS,
    "examples": LEXICON_EXAMPLES,  # self-tests, run by tests/test_rule_examples.py
}

# A full stop right before a word: a sentence boundary the splitter kept joined ("CBT-I. It").
_STOP_BEFORE = compile_pattern(r"\.\s+$")
# A clause break that adds (", and"), at the end of what is before a clause.
_AND_BEFORE = compile_pattern(r",\s+and$", regex.IGNORECASE)
# A clause break that offers an alternative (", or"), at the end of what is before a clause.
_OR_BEFORE = compile_pattern(r",\s+or$", regex.IGNORECASE)
# Clause boundaries: a subject in one clause does not own the verb of the next one.
# ", so you nod off sooner" carries on the claim before it (its outcome), so it does not break;
# a colon before a pronoun opens a clause of its own ("what no app ever managed: it fixed my sleep").
_CLAUSE_BREAK = compile_pattern(
    r";|:\s+(?=(?:it|they|this|these|I|we|he|she)\s)|\s[\u2014\u2013-]\s|\u2014|,\s+(?:but|while|whereas|although|though|yet|so(?!\s+(?:that\s+)?(?:you|your)\b)|and|which means|or)\b"
    r"|\s+(?:but|whereas)\s+",
    regex.IGNORECASE,
)
# A heading that is one quotation, after its number: '2. "Magnesium is nature's sleeping pill"'.
_QUOTED_WHOLE = compile_pattern(r"\s*(?:\d+[.)]\s*|(?:myth|claim)\s*(?:#?\d+)?\s*[:.\u2014-]\s*)?[\"\u201c][^\"\u201c\u201d]+[\"\u201d][.!]?\s*", regex.IGNORECASE)
# A sentence that opens by denying the one before: "Unfortunately, it isn't:", "Not true.",
# "That's a myth", "Sadly, no."
_REFUTES = compile_pattern(
    # a forum reply may open with the handle it answers: "@gymrat_tony no."
    r"[\s>*_]*(?:@[\w.-]+[,:]?\s+)?(?:(?:unfortunately|sadly|alas|in reality|in truth|in fact|actually|well|but),?\s+)?"
    r"(?:(?:it|this|that|they|he|she)\s+(?:isn't|isn’t|is not|doesn't|doesn’t|does not|aren't|aren’t|are not|don't|don’t|do not|won't|won’t|will not|can't|can’t|cannot)\s*[.:;,!\u2014-]"
    r"|(?:that's|that’s|this is|that is|it's|it’s)\s+(?:not (?:true|so|the case|how it works)|false|a myth|wrong|untrue|an? (?:overstatement|exaggeration|stretch))\b"
    r"|(?:not (?:true|so|quite|really)|false|wrong|untrue|nope|sadly,? no|myth)\s*[.:;,!\u2014-]|no\s*[.!](?!\s*\d)"
    # "There is no good evidence for that."
    r"|there(?:'s|’s| is) (?:no|little) (?:good |real |solid |strong |reliable |clinical )?evidence (?:for|of|behind) (?:that|this|it|any of (?:that|this))\b"
    # or asks whether it holds: "I've heard valerian is a natural sleeping pill. Is that true?"
    r"|(?:is|was)\s+(?:that|this|it|any\s+of\s+that|any\s+of\s+this)\s+(?:really\s+|actually\s+)?(?:true|right|correct|accurate|legit|so)\s*\?|true\s*\?|really\s*\?"
    # or whether the one who said it is right: "A friend says kefir cured her IBS. Is she right, and what should I take?"
    r"|(?:is|was|are|were)\s+(?:she|he|they)\s+(?:really\s+|actually\s+)?(?:right|correct)\b[^.!?]{0,60}\?)",
    regex.IGNORECASE)
# Hearsay dismissed in the sentence that reports it: "the lads will tell you kava is non-addictive
# and you can use it to come off your benzos; please don't listen to them".
_DISMISSED = compile_pattern(
    r"[;:,\u2014\u2013]\s*(?:but\s+|so\s+)?(?:please\s+)?(?:don['\u2019]t|do not|never)\s+(?:listen to|believe|trust|fall for)\s+"
    r"(?:them|him|her|it|that|this|any of (?:that|this|it)|the hype)\b"
    r"|,\s+which (?:is|was) (?:simply |just |complete |utter )?(?:not true|untrue|false|nonsense|rubbish|a myth)\b",
    regex.IGNORECASE)
# A table column of what was claimed: "What the spa said", "Claim made", "Advertised benefit".
_REPORTED_HEADER = compile_pattern(r"\b(?:claims?|claimed|said|says|promised|promises|advertised|advert|wording|slogan|tagline)\b", regex.IGNORECASE)
# A table column whose cells say what a product is for: "Best for", "Benefits", "Helps with".
_BENEFIT_HEADER = compile_pattern(r"\b(?:best for|good for|great for|ideal for|helps? with|benefits?|key benefits?|used for|use it for|what it does|why (?:[\w-]+ )?(?:likes?|loves?|uses?|takes?|chooses?|picks?) (?:it|them)|why take it|(?:our |the )?verdict|our take)\b", regex.IGNORECASE)
# "with" crediting what follows it, as a call to action does: "Eases morning nausea with ginger".
_CREDITED_BEFORE = compile_pattern(r"\bwith\s+(?:(?:a|an|the|our|your|pure|organic|natural)\s+)*$", regex.IGNORECASE)
# A column header over risks: what a cell under it tells is an effect to mind.
_RISK_HEADER = compile_pattern(r"\b(?:watch out for|side[- ]effects?|risks?|cautions?|warnings?|interactions?|avoid (?:it )?if|cons|downsides?)\b", regex.IGNORECASE)
# A row label that says what the product does, though as a column header it could head side
# effects: "| Effect | ... |", "| Feels like | ... |".
_EFFECT_LABEL = compile_pattern(r"(?:main |key |primary |intended )?(?:effects?|feel|feels like)", regex.IGNORECASE)


class _BenefitCell(NamedTuple):
    """A table cell that promises a use: the header cell naming its product (None: its row's
    first cell names it), and whether its row names a risk, which a denial rules out."""

    header: tuple[int, int] | None
    risk: bool


# A comparison's row that names a risk ("| Habit-forming? |"), and a cell that rules it out ("| No |").
_RISK_LABEL = compile_pattern(r"(?:habit[- ]forming|addictive|dependence|risk of dependence|side[- ]effects|withdrawal|hangover|next-day grogginess|grogginess)", regex.IGNORECASE)
_DENIAL_CELL = compile_pattern(r"(?:no|none|zero|never|not at all|nope)\b[.!]?", regex.IGNORECASE)
# A pseudo-cleft cue ("What actually worked for me was"): what it credits comes after it.
_CLEFT_END = compile_pattern(r"\b(?:was|is|has been|turned out to be)$", regex.IGNORECASE)
# A breadcrumb trail: three or more short section names joined by ">" or "»".
_BREADCRUMB = compile_pattern(r"[^.!?>\u00bb\n]{1,60}(?:\s+(?:>|\u00bb|\u203a)\s+[^.!?>\u00bb\n]{1,60}){2,}")
# A name others give, quoted at a distance: 'is sometimes called "nature\'s Ozempic"'.
_CALLED_QUOTED = compile_pattern(r"\b(?:called|dubbed|nicknamed|labell?ed|branded|hailed as|touted as|billed as"
                                 r"|(?:calls?|calling) (?:it|them)|(?:calls?|calling|describes?|describing|markets?|marketing|bills?|billing) (?:itself|themselves)(?: as)?)"
                                 r"\s+(?:an?\s+)?[\"\u201c\u2018']\s*(?:(?:the|an?)\s+)?(?:[\w-]+\s+)?$", regex.IGNORECASE)
_CALLED_REACH = 24
# The same, with the cue a result ("the only thing that worked") and what worked named after it.
_CREDITED_AFTER = compile_pattern(r"\s+(?:was|is|has been|turned out to be|ended up being)\s+\w", regex.IGNORECASE)
# A consequence drawn after a comma ("..., so you can ..."): what comes before is its reason.
_REASON_ENDS = compile_pattern(r",\s+(?:and\s+)?(?:so|which means|meaning|therefore|thus)\b", regex.IGNORECASE)
# A preposition left at a relative clause's end ("the routine she swears by.", "the dips some
# customers tell us about."), and the words between the thing it points back to and the cue
# ("... that she", "... my mum").
_STRANDED_BY = compile_pattern(r"\s+(?:by|about)\b\s*(?:[^\w\s]|$)")
_RELATIVE_GAP = compile_pattern(r"\s+(?:that\s+|which\s+)?(?:[\w\u2019'-]+\s+){0,2}")
# What joins the items of a list of subjects: ", ", " and ", ", or ".
# a gloss in brackets stays with its item: "vitex (chasteberry) or maca"
_LIST_JOIN = compile_pattern(r"\)?(?:,?\s+(?:and|or|nor|&)\s+|,\s+)|\s+\(", regex.IGNORECASE)
# A turn that keeps the claim before it standing: a frame after it ("..., but ask your doctor first").
# (", and while I'm glad she is sleeping, ..." concedes; a bare "while you sleep" is a time; ",
# anecdotes that cannot show ..." sets what came before aside)
_CONTRAST = compile_pattern(
    r"\b(?:but|though|although|however|yet|whereas)\b|,[\"\u201d\u2019]?\s+(?:and\s+)?while\b"
    r"|,\s+(?=(?:mere |just |only )?(?:anecdotes|stories|claims|testimonials)\s+(?:that|which|for which)\b)", regex.IGNORECASE)
_COMMENT_AFTER = compile_pattern(r",\s+(?:(?:which (?:is|was)|and that(?:'s| is| was)|that(?:'s| is| was)) (?:(?:partly |largely |exactly |precisely |half )?(?:why|the reason)|how)"
                                 # "..., so it's no wonder the label calls it an energy herb"
                                 r"|(?:so |and )?(?:it's|it’s|it is) (?:no|little|small) wonder)\b", regex.IGNORECASE)
_QUOTES = ('"', "\u201c", "\u201d")
# A quotation mark ending the sentence before, or opening this one.
_QUOTED = compile_pattern("[" + "".join(_QUOTES) + "]")
# A quotation closing right before a cue: the cue signs it ('..." (Marion, 5 stars)', '," writes Dan').
# (an HTML tag between them, "<cite>", reads as spaces)
_SIGNS_QUOTE = compile_pattern(r"[\"\u201d\u2019][*_]{0,2}\s{0,8}$")
_SIGNS_QUOTE_REACH = 11  # the quotation mark, bold or italic marks and spaces before the cue
# A trouble caused, not relieved: what a story names after these is a side effect.
_HARM_DONE = compile_pattern(
    r"\b(?:caus(?:e|es|ed|ing)|gave|give|gives|giving|(?:leave|leaves|left|leaving) (?:me|you|him|her|them|us|people) with|trigger(?:s|ed)?|"
    r"(?:woke|wake|wakes|waking) up with|(?:came|come|comes|broke|break|breaks) out in|got(?! (?:me|him|her|them|us|you|my|his|their|our|rid|relief|over|through|better|back|out|past)\b)|"
    # the only effect named is the trouble: "the only change was a mild stomachache"
    r"(?:change|difference|effect|result)s? (?:I (?:got|noticed|saw) )?(?:was|were)|"
    r"ma(?:de|kes?) (?:me|you|him|her|them|us|people) (?:feel )?(?:a (?:little|bit) |oddly |really |very |so |super |kind of |slightly )?)\b"
    # more of a bad thing, right before it: "reported more morning grogginess", "worse cramps"
    r"|\b(?:more|worse|increased|extra|new)\s+(?:[\w-]+\s+)?$"
    # a bad outcome right after a modal opens with its verb: "can upset stomachs"
    r"|\b(?:can|could|may|might|will|often|sometimes)\s+$", regex.IGNORECASE
)
# A bad state told as it was ("two of our testers felt groggy"): a benefit only once it is gone.
_BAD_STATE = compile_pattern(r"(?:feel|feels|felt|feeling)\b", regex.IGNORECASE)
_HARM_REACH = 40
# A condition, concession or reason closed by a comma, right before a claim or cue: a negation
# inside it is its own.
_CONDITION = compile_pattern(r"\b(?:if|unless|whether|when|while|although|though|because|since|who|on (?:the |those )?(?:nights|days|mornings) (?:when )?)\b[^,;:.!?]*,", regex.IGNORECASE)
# a quotation denied, or denied as a way to see the product ('do not think of melatonin as "natural,
# so harmless"'), or a denied predicate that runs into one ('doesn't cure insomnia "better than Ambien"')
_NEGATED_QUOTE = compile_pattern(
    r"(?:\b(?:not|never|no)|n['\u2019]t)(?:\s+(?:think|see|treat|view|regard|call|believe|describe)(?:\s+of)?(?:\s+[\w'-]+){1,3}?\s+as|(?:\s+[\w'-]+){1,3})?\s*[\"\u201c\u201d]",
    regex.IGNORECASE)
# how far before a quotation its denial may start: "do not think of melatonin as" is 30 characters
_NEGATED_QUOTE_REACH = 48
_CLOSING_QUOTE = compile_pattern(r"[\"\u201d]")
# How far after a quotation its signature may start, in characters other than white space.
_SIGNATURE_REACH = 16
# The label of a trial diary's entry: "Week two:", "**Weeks 3 to 6:**".
_DIARY_ENTRY = compile_pattern(
    rf"\W*(?:week|day|month|night)s? (?:\d{{1,3}}|{COUNT_WORD})"
    r"(?:\s*(?:to|-|\u2013|and)\s*(?:\d{1,3}|[a-z]+))?[*_]{0,2}\s*:", regex.IGNORECASE)
# A pronoun that points back at a product ("since I switched to these").
_POINTS_BACK = compile_pattern(r"\b(?:it|they|them|these|those)\b", regex.IGNORECASE)
# A consequence drawn from an animal finding ("..., so it will work for you", "suggesting it can").
_CONSEQUENCE = r"so|thus|therefore|suggesting|meaning|which (?:means|suggests)"
# what opens a clause that draws a consequence (the clause splitter leaves it before the clause)
_DRAWS_CONSEQUENCE = compile_pattern(rf"\b(?:{_CONSEQUENCE})[\s,]*$", regex.IGNORECASE)
_CARRY_OVER = compile_pattern(
    rf"\b(?:{_CONSEQUENCE}|which (?:makes|tells|told|convinces|convinced)|making|and that(?:'s| is)|that's why|which is why)\b",
    regex.IGNORECASE,
)
# Pronouns that may stand for the products a draft's title sells ("They help you bounce back").
_PLURAL_PRONOUN = compile_pattern(r"they|these", regex.IGNORECASE)
# A consequence drawn for people from an animal result told without a benefit verb: the plain
# consequences, not "which tells us a lot about mice", and "imagine what it can do for you".
_BRIDGE = compile_pattern(rf"\b(?:{_CONSEQUENCE}|imagine|(?:do|does|work|works|help|helps) the same)\b", regex.IGNORECASE)
# What an evidence cue reports, opening with a subject of its own: "(that) a warm bath ...",
# "(that) getting daylight ...", "(that) hot flushes are ..."; `_REPORTED_REACH` characters of it
# must name no substance.
_REPORTED_SUBJECT = compile_pattern(r"\s+(?:that\s+)?((?:a|an)\s|[a-z]+ing\s|(?:[a-z]+\s)?[a-z]+s\s(?=are\s))")
_REPORTED_REACH = 60
# an animal result the writer acts on: "..., so it stays in the stack", "which is why I take it"
_ACTED_ON = compile_pattern(
    r"\b(?:so|which is (?:exactly |precisely |partly )?why|that['\u2019]s (?:exactly )?why)\b[^.;!?]{0,30}?\b(?:stays?|keeps?|keeping|take|takes|taking|added|adding|buy|bought|made the cut|chose|chosen|picked"
    # "..., which is why it's in the new formula", "so I reckon it'll work on us too"
    r"|(?:it['\u2019]s|they['\u2019]re) (?:now )?in|reckon|think|believe|call(?:s|ed)? it|(?:never|don['\u2019]t|won['\u2019]t) skip)\b",
    regex.IGNORECASE)
# evidence named as a topic, not invoked: "summarises what the human studies say about stress"
_ASKED_OF = compile_pattern(r"\b(?:what|whether|how)\s+(?:the\s+)?(?:[\w-]+\s+)?$", regex.IGNORECASE)
_ASKED_REACH = 30
# what an evidence cue reports is a caution, not a benefit: "researchers say anyone with kidney
# disease should talk to their doctor", "experts say it could interact with blood thinners"
_CAUTION_REPORTED = compile_pattern(
    r"\b(?:should|must|needs? to|ought to)\s+(?:first\s+)?(?:talk|speak|check)\s+(?:to|with)\b|\binteract(?:s|ed|ing)?\s+with\b"
    r"|\b(?:should|must)\s+(?:avoid|not\s+take|stay\s+away|steer\s+clear)\b", regex.IGNORECASE)
# "few of the herbs are clinically studied" counts what is not
_SCARCE = compile_pattern(r"\b(?:few|little|not|never|rarely|hardly|seldom|none|no)\b", regex.IGNORECASE)
# the outcome described by what it does to people: "the inflammation signals that make your joints ache"
_RELATIVE_TARGET = compile_pattern(r"(?:\s+[\w-]+){0,2}?\s+(?:that|which)\s+(?:[\w-]+\s+){0,2}?", regex.IGNORECASE)
# a study's result is told in the past ("reduced", "cut", "helped"); "chews ease anxiety in dogs" is
# a pet product's own claim, not an animal result
_REPORTED_RESULT = compile_pattern(r"\w+ed\b|(?:cut|kept|made|gave|brought|shut|grew|regrew|shrank|shrunk|rebuilt|fought|undid)\b",
                                   regex.IGNORECASE)
# a result told as what a study showed, before its verb: "has been shown to rebuild red blood
# cells in lab mice"
_SHOWN_REACH = 40  # how far before a verb what a study showed may be said
_SHOWN_TO = compile_pattern(r"(?:\b(?:been|was|were)\s+(?:\w+\s+)?|\b(?:strains?|extracts?|compounds?|ingredients?)\s+)(?:shown|found|seen|observed)\s+to\s+$", regex.IGNORECASE)
# the verb right after a substance in an animal study, told in the past: what it did to the
# animals ("rhodiola flipped depression-like behaviour in rats", "CBN made the animals drowsy"),
# unless it tells a mechanism, a harm or how it was given
_DID_TO_ANIMALS = compile_pattern(
    # (past an aside: "apigenin, a compound in chamomile, made rodents fall asleep faster")
    r"(?:,\s+(?:an?|the)\s+[^,.;:]{1,50},)?\s+(?:(?:also|even|actually|really|significantly|dramatically|quickly|reportedly)\s+)?"
    r"(?!(?:bound|entered|crossed|reached|contained|metaboli[sz]ed|absorbed|used|received|tested|studied|"
    r"caused|triggered|induced|damaged|harmed|worsened|raised\s+(?:the\s+)?risk|developed|died|failed|"
    r"showed|appeared|seemed|looked|needed|required|acted\s+on|interacted|competed|passed|accumulated|"
    r"travell?ed|moved|added|mixed|combined|paired|dissolved|extracted|isolated|identified|named|called|"
    r"labell?ed|sold|marketed|gave|fed|injected|dosed|administered)\b)"
    r"(?P<verb>\w+ed|made|cut|kept|shut|grew|regrew|shrank|shrunk|rebuilt|fought|undid|got|left|put|sent|turned)\b",
    regex.IGNORECASE)
# an animal cue that names the animals or the cells, not lab work alone ("lab results" may be a
# person's blood test)
_MODEL_NAMED = compile_pattern(
    r"\b(?:mice|mouse|rats?|rodents?|animals?|hamsters?|zebrafish|flies|pigs|monkeys|primates|worms|"
    r"test[- ]tubes?|dish(?:es)?|cells?|cultures?|vitro|petri)\b", regex.IGNORECASE)
# a good thing kept from a harm, not lessened: "curcumin stopped cartilage from wearing down"
_KEPT_FROM = compile_pattern(r"\s+(?:[\w'\u2019-]+\s+){1,3}?from\s+\w+ing\b", regex.IGNORECASE)
_MEASURED_REACH = 30  # how far after "more" or "less" the outcome it measures may be named
# animals given a substance that did better than the others, no benefit verb named: "rats fed
# bilberry extract had healthier retinas", "mice given lutein had way less retinal damage",
# "elderly mice fed ubiquinol ran further"
_COMPARED_RESULT = compile_pattern(
    r"\b(?:had|showed|were|looked|lived|ran|swam|recovered|aged|slept|healed|grew|performed|gained|lost)\s+"
    r"(?:(?:way|much|far|significantly|noticeably|markedly|visibly|measurably|a\s+lot|a\s+little)\s+)?"
    r"(?:less|fewer|more|better|healthier|longer|further|farther|faster|stronger|lower|higher|calmer|"
    r"thicker|fitter|leaner|younger|smarter|sharper)\b", regex.IGNORECASE)
# animal work said to show a truth told in the present: "studies in rodents suggest that the
# turmeric reduces anxiety", "animal studies show berberine protects the heart" (a past "reduced"
# tells what the animals showed)
_SHOWN_THAT = compile_pattern(r"\b(?:suggests?|shows?|indicates?|hints?|proves?|demonstrates?|finds?|found|as proof|as evidence)\s+(?:that\b|$)", regex.IGNORECASE)
# what sets an animal cue apart from the claim before it: "X boosts stamina: in mice, ...",
# "..., as studies in rats show"
_SET_APART = compile_pattern(r"[:;(\u2013\u2014]|,\s+(?:as|according(?:\s+to)?)\b|\bas\s+(?:\w+\s+)?(?:stud(?:y|ies)|research|experiments?|work)\b", regex.IGNORECASE)
# a pet product's claim for the animal that takes it ("chews that ease anxiety in dogs"), not
# evidence from animals stretched to people, unless a study is named or its result told
_PET = compile_pattern(r"\b(?:dogs?|cats?|pets?|puppies|kittens|horses?|canines?|felines?)\b", regex.IGNORECASE)
# a draft written for pet owners: "your dog", "our cats", "dog owners"
_PET_READERS = compile_pattern(r"\b(?:your|our) (?:[\w-]+ )?(?:dogs?|cats?|pets?|pupp(?:y|ies)|kittens?|pooch)\b|\b(?:dog|cat|pet) (?:owners|parents|guardians)\b", regex.IGNORECASE)
_STUDY = compile_pattern(r"\b(?:stud(?:y|ies)|trials?|research|experiments?|data|model|lab)\b", regex.IGNORECASE)
# the animal result promised to readers outright: "office workers can expect a similar effect"
_SAME_EFFECT = compile_pattern(r"\b(?:expect|see|get|enjoy|feel|notice) (?:a |the )?(?:similar|same|comparable|like) (?:[\w-]+ )?(?:effects?|benefits?|results?)\b", regex.IGNORECASE)
# A footnote or reference definition is a citation, not a claim.
_DEFINITION_BLOCK = compile_pattern(r"\s{0,3}\[\^?[^\]\n]{1,40}\]:")
# A short aside in brackets, closed before what follows it.
_ASIDE = compile_pattern(r"\([^()\n]{1,60}\)")
# How far before its subject a negation may stand ("there is no good evidence that valerian ...").
_NEGATION_REACH = 60
# How far after its predicate an outcome may stand ("helps your body wind down for sleep").
_OUTCOME_REACH = 80
# How far after an appeal to research a negation turns it into a denial ("studies show no benefit").
_DENIAL_REACH = 40
# How far before a good outcome a negation denies it ("didn't stay asleep", "never felt calmer").
_DENIED_REACH = 16
_DISOWN_REACH = 90  # characters after "but" in which the writer may deny a testimony's evidence
# A passive benefit puts the outcome before its verb: "With St. John's wort, mood is usually lifted".
_PASSIVE_BE = compile_pattern(
    r"\s(?:is|are|was|were|gets?|got|becomes?|(?:can|will|should) be)\s+(?:(?:usually|often|typically|noticeably|visibly|finally|quickly|soon|greatly|markedly|much|also|then)\s+)?$",
    regex.IGNORECASE,
)
# How far before its verb an outcome that comes first may stand ("your body clock is reset").
_BEFORE_REACH = 40
# A pronoun standing for an outcome named before the verb: "relaxes them".
_OBJECT_PRONOUN = compile_pattern(r"\s+(?:it|them)\b(?!\s+(?:to|is|are|was|were)\b)", regex.IGNORECASE)
# What may stand between such an outcome and its verb: white space and perhaps an adverb.
_ADVERB_GAP = compile_pattern(r"\s*(?:\w+ly\s+|just\s+|soon\s+)?", regex.IGNORECASE)
# A named list used inside a lexicon entry: "{{drugs}}".
_PLACEHOLDER = compile_pattern(r"\{\{(\w+)\}\}")
# A round-up's number before a heading's name and its subtitle after ("## 1. ...: Best Overall").
_HEADING_NUMBER = r"\s*(?:(?:#|No\.\s*)?\d{1,2}[.):]?\s+)?"
_HEADING_SUBTITLE = r"(?:\s*(?::|\|| [\u2013\u2014-] |\(| (?=#?\d))[^\n]*)?\s*"
# A heading that is a product's name: two to four capitalised words ("Moonlit Meadow"), perhaps
# numbered and subtitled as in a round-up ("## 1. Lullagrove Midnight Plum: Best Overall").
_PRODUCT_NAME = compile_pattern(
    _HEADING_NUMBER + r"((?:[A-Z][\w'\u2019]+|&)(?:[ -](?:[A-Z][\w'\u2019]+|&|[Oo]f|[Tt]he|\+)){1,3})" + _HEADING_SUBTITLE
)
# A product introduced in the prose by what it holds: "Moonmilk Dust, a reishi and ashwagandha
# cocoa", "Velvet Owl is a tincture of lemon balm", "Each Night Stack sachet contains 400 mg",
# a label line's "Product: Steady, KSM-66 Ashwagandha Capsules".
_PRODUCT_INTRODUCED = compile_pattern(
    r"(?<![\w'\u2019.-])((?:[A-Z][a-z]*[A-Z]?[\w'\u2019]*)(?:[ -](?:[A-Z][\w'\u2019]*|&|of)){0,3})"
    r"(?:,\s+(?:a|an|my|our|the|this)\s|,\s+(?=[A-Z0-9])|\s+\(|\s+(?:contains?|packs?|combines?|blends?|delivers?|is\s+(?:a|an|made|our|my|the))\s"
    r"|\s+(?:sachets?|gumm(?:y|ies)|capsules?|tablets?|softgels?|drops|scoops?|servings?|chews?|sprays?|shots?)\s+(?:contains?|has|provides?|packs?|delivers?)\s)"
)
# A name its owner marks as a trade mark: "Drift\u2122", "Somnia Calm\u00ae", "Hush(TM)".
_MARKED_NAME = compile_pattern(
    r"(?<![\w'\u2019-])((?:[A-Z][\w'\u2019]*)(?:[ -](?:[A-Z0-9][\w'\u2019]*|&|\+))*)\s?(?:\u2122|\u00ae|\((?:TM|R)\))"
)
# A product a lower-case brand introduces by its form, at a sentence's start: "hush is a chewable
# wind-down made with l-theanine", "tideline is a warm, barely-flavored powder". Ordinary prose
# never opens a sentence in lower case, so only such a brand's copy can match.
_LOWER_INTRODUCED = compile_pattern(
    r" is (?:a|an|our|your) (?:[\w'\u2019-]+,? ){0,5}?"
    r"(?:chewable [\w-]+|(?:gumm(?:y|ies)|capsules?|caps|tablets?|softgels?|powders?|tinctures?|sprays?|mists?|blends?|"
    r"supplements?|formulas?|stacks?|lozenges?|chews?|sachets?|shots?|drinks?|tonics?|elixirs?|balms?|roll-ons?|cocoa|latte)"
    # the form ends the phrase ("a walking supplement store" is no supplement)
    r"(?=\s*(?:[,.;:!?)\u2013\u2014]|$)|\s(?:made|with|of|for|that|which|you|from|containing|packed|in|to|and|by|built|designed|formulated|powered)\b))"
)
# The lower-case name before an introduction (the pattern above starts at its " is ", which a
# scan finds fast; a pattern starting at any lower-case letter would try every word of the draft).
_LOWER_NAME_BEFORE = compile_pattern(r"(?<![\w'\u2019-])[a-z][a-z0-9'\u2019]*[a-z0-9]\Z")
_NAME_REACH = 40  # characters before " is " searched for the name
# A line that a chat log opens with its writer's name: "theo: " is a person, not a product.
_SPEAKER_LINE = r"(?m)^[ \t>*_]*{name}[*_]*:"
# What may come before a sentence's first word: markup, or a label and its colon ("for anyone new here: ").
_SENTENCE_LEAD = compile_pattern(r"[\s*_>#-]*(?:[^:.!?\n]{1,40}:\s+)?")
# A name that opens a sentence (up to three capitalised words, a trade mark after it), and what
# may stand between it and the benefit it brings ("Drift may gently ease ...").
_OPENING_NAME = compile_pattern(r"[\s*_>\"\u201c(\[-]*([A-Z][\w'\u2019-]*(?: [A-Z][\w'\u2019-]*){0,2}\+?)[\u2122\u00ae]?\s+")
_ACTS_GAP = compile_pattern(r"(?:(?:may|might|can|could|will|also|really|actually|quickly|gently|naturally|just|literally)\s+){0,2}")
_ACTS_REACH = 40
# whom a practitioner helps ("Maya Jones helps clients reduce stress"): a person, not a product
_CLIENTELE = compile_pattern(r"\s+(?:\w+\s+)?(?:clients|patients|students|families|members|couples|companies|organi[sz]ations|businesses|teams)\b", regex.IGNORECASE)
# A heading of one word that may name a product ("## Drift", "## 2. NightCap: for light sleepers").
_ONE_WORD_NAME = compile_pattern(_HEADING_NUMBER + r"([A-Z][\w'\u2019]+)[\u2122\u00ae]?" + _HEADING_SUBTITLE)
# A table's header cell that names a product: "Rise (morning)", "Hush Nightly\u2122".
_NAME_CELL = compile_pattern(r"\s*(?:\*\*|__)?([A-Z][\w'\u2019]*(?: [A-Z][\w'\u2019]*){0,3})[\u2122\u00ae]?(?:\*\*|__)?(?:\s*\([^()\n]{0,30}\))?\s*")
# Capitalised words right before a shouted label's form noun: "FIELD DAY " of "FIELD DAY RECOVERY POWDER".
_SHOUTED_BEFORE = compile_pattern(r"(?:(?<![\w'\u2019])[A-Z][A-Z0-9'\u2019&-]*[ \t]+)+$")
# The words that lead a heading up to the name it gives ("Why Velvet Hour", "Meet Drift").
_LEAD_WORDS = compile_pattern(r"(?:Why|Meet|About|Introducing|Discover|Try|Shop|How) (?:(?:the|our|your) )?(?=[A-Z])")
# Capitalised words right before a mention on its line: "Snoozy " of "Snoozy Bears sleep gummies".
_CAPITALISED_BEFORE = compile_pattern(r"(?:(?<![\w'\u2019])[A-Z][\w'\u2019&-]* )+$")
# A lower-case word near a shouted name: the name stands in ordinary prose, not in a shouted heading.
_LOWER_WORD = compile_pattern(r"\b[a-z]{2,}\b")
_SHOUTED_CONTEXT = 20
# What may stand before a heading's first word: markup and a number ("## 3. ").
_HEADING_OPENING = compile_pattern(r"[\s#*_>]*(?:\d{1,2}[.):]\s+)?")
# A reply's quoted line ("> CBD oil fixed my knee"), and the marks that quote it.
_QUOTE_LINE = compile_pattern(r"[ \t]*>")
_QUOTE_MARKS = compile_pattern(r"^[\s>]+")
_ECHO_LENGTH = 12  # characters a quoted echo must repeat to be taken for one
_ECHO_REPLY = 3  # sentences after an echo in which the reply may question it
_ECHO_REACH = 20_000  # characters back in which a reply finds what it quotes (a thread's recent posts)
# A capital inside a word, as invented names have: "NightCap", "ZenBear".
_INNER_CAPITAL = compile_pattern(r"[a-z][A-Z]")
# An activity named by its -ing form ("Performing raises heart rate"), never a product's name.
_GERUND = compile_pattern(r"[A-Z][a-z]+ing")
# A lead-in that asks about a topic of its own ("**Does ice help?**"): the answer's pronoun is it.
_ASKS_OF_TOPIC = compile_pattern(r"[\s*_]*(?:does|do|is|are|can|will|should|would|could) (?!(?:it|they|this|these|that|those)\b)[^?]{1,40}\?", regex.IGNORECASE)
# What a shop's section says of the thing it sells: a price, a pack, a cart, a panel of what it holds.
_SELLS = compile_pattern(
    r"[$\u00a3\u20ac]\s?\d|\b\d+\s*(?:-?count|ct|gumm(?:y|ies)|capsules?|caps|softgels?|tablets?|chews|servings?|sachets?|stick packs?|lozenges?|ml|fl\.? ?oz)\b"
    r"|\b(?:add to (?:cart|bag|basket)|buy now|shop now|subscribe (?:&|and) save|free shipping|in stock|sold out|supplement facts)\b|\bingredients?\s*:",
    regex.IGNORECASE,
)
_SECTION_REACH = 6  # blocks under a heading read for what the section sells
# Every word capitalised: a product's name ("Lullwave Night Gummies"), not "Our gummies".
_CAPITALISED_NAME = compile_pattern(r"[A-Z][\w'\u2019]*(?:[ -][A-Z][\w'\u2019]*)+")
# The capitalised words that open a substance named by its form: "Hush" of "Hush chews".
_CAPITALISED_HEAD = compile_pattern(r"(?<![\w'\u2019])[A-Z][\w'\u2019]*(?: [A-Z][\w'\u2019]*)*(?= [a-z])")
# A name going on as a web address: "hush.co/q", "driftwell.com".
_IN_ADDRESS = compile_pattern(r"\.[a-z]{2,}\b")
# A digit in a lead-in makes it a date or a count ("**oct 11, night 10.**"), not a topic.
_DIGIT = compile_pattern(r"\d")
# The first word of a name, the key to its uses in the draft's word index.
_FIRST_WORD = compile_pattern(r"\w+")
# Absences listed before a promise that is one more: "No grogginess, no dependency, ".
_ABSENCES = compile_pattern(r"(?:\bno [\w-]+(?: [\w-]+)?(?:,\s+|\s+and\s+))+(?:and\s+)?$", regex.IGNORECASE)
# A one-word no that answers the question before it, then goes on.
_ANSWERED_NO = compile_pattern(r"(?<=\?(?:\*\*|__)?\s{0,3})(?:no|never|nope|not at all|not ever)\s*[,.!:;\u2014\u2013-]", regex.IGNORECASE)
# Titles that make the name after them a person's.
_TITLES = r"\b(?:Dr|Prof|Professor|Doctor|Mr|Mrs|Ms|Mx|Sir|Dame|Nurse|Coach|Chef)"
# How far after the introduction the substance it holds must be named.
_INTRODUCTION_REACH = 80
# How a draft marks a name as a person's: titled ("Dr Ruth Calloway"), or speaking ("Calloway
# says", "said Jen"); `_PERSON_CONTEXT` characters before the name are enough to see it.
_PERSON_CONTEXT = 80
_TITLED = compile_pattern(rf"{_TITLES}\.?\s+(?:[A-Z][\w'-]*\s+){{0,2}}$")
_SPOKEN_BY = compile_pattern(r"\b(?:says|said|explains|explained|writes|wrote|adds|added)\s+$")
_SPEAKS = compile_pattern(r"\s+(?:says|said|explains|explained|writes|wrote|told|tells|adds|added|recommends)\b")
# Pronouns that name the writer or the reader, not people as a population studied.
_PERSONAL_PRONOUNS = frozenset({"i", "you", "me", "my", "your", "us"})
# How far before a good outcome a bad one that holds it ("low mood") may start.
_HELD_REACH = 30
# How many paragraphs back a pronoun may follow a chain of pronouns to the substance named.
_CHAIN_DEPTH = 3
# a post's or an answer's byline on a line of its own: "By Ahmed K., PharmD on January 12, 2024"
_BYLINE = compile_pattern(r"\s*(?:(?:posted|answered|written|reviewed) )?by [^\n]{1,60}?\b(?:on|at)\b[^\n]{1,30}?\d[^\n]{0,20}", regex.IGNORECASE)
# Capitalised words that open a sentence or a phrase, never a product's name.
_NOT_A_NAME = frozenset(
    """the this that these those each every our my your their his her its a an it they we you i
    take try both most many some all one in on for with if when but and so then also after
    before during while since because or as at by from to dr prof mr mrs ms
    buy get shop add order grab save choose pick meet discover introducing why how about
    does do did is are was were can could will would should has have had pair mix use""".split()
)
# A bracketed aside in a lead-in ("(L-theanine 200 mg + lemon balm)"), however long: no words of its
# name. (`_ASIDE`, a short one-line aside, would keep a long strain list in the count.)
_BRACKETED = compile_pattern(r"\([^()]*\)")
# A lead-in ("**Reishi.**", "- Magnesium glycinate.") names a topic in a few words; a sentence says more.
_LEAD_IN_WORDS = 4
# What a topic label does not open with: a conjunction or a word that points back, or a
# transcript's speaker ("GARY: Oh, absolutely.": a turn of talk, whose lines hand on their topic).
_NOT_A_LABEL = compile_pattern(r"(?:and|but|so|okay|ok|now|next|then|also|this|that|these|it)\b|(?-i:[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+)?):\s", regex.IGNORECASE)
# a promise quoted as the name of a label: 'our "clinically proven" badge'
_OPENING_QUOTE = compile_pattern(r"[\"\u201c\u2018']$")
_LABEL_NOUN = compile_pattern(r"[\"\u201d\u2019']\s*(?:badges?|labels?|claims?|stickers?|seals?|wording|tags?|banners?|buzzwords?|language|promises?|slogans?|lines?|taglines?|phrases?|thing|idea|myth|supplements?|products?|remedies|category|searches|aisle|shelf|market|crowd)\b", regex.IGNORECASE)
# a quoted phrase judged as words: '"guaranteed" is too strong', '"natural Viagra" sounds like'
_QUOTED_JUDGED = compile_pattern(r"[\"\u201d\u2019']\s*(?:is|are|was|were|isn't|isn\u2019t|sounds?|seems?)\b", regex.IGNORECASE)
# a quotation mark or apostrophe that closes a title's quoted topic
_CLOSING_MARK = compile_pattern(r"[\"\u201d\u2019']")
# what may come before a title's quoted topic: nothing, or a list of topics ("Erection supplements and")
_TOPIC_BEFORE = compile_pattern(r"[#\s]*(?:[^,:\n]*\b(?:and|or|about|on|vs\.?|versus)\s*)?", regex.IGNORECASE)
# a reader's question in a Q&A: "**Q: ...", "Question 3:", "**A reader writes:**"
_QUESTION_LABEL = compile_pattern(
    r"[ \t>]*(?:\*\*|__)?(?:Q|Question|(?:an?|one|our|this week['\u2019]s) (?:reader|listener|viewer|caller|patient|subscriber)"
    r"(?:['\u2019]s question| (?:writes|wrote|asks|asked)))\s*\d*\s*[:.)\u2014-]", regex.IGNORECASE)
# An answer's label opening a line of a Q&A block: "A: No.", "**Answer:**".
_ANSWER_LABEL = compile_pattern(r"\n[ \t>]*(?:\*\*|__)?(?:A|Answer)\s*[:.)\u2014-]", regex.IGNORECASE)
# stopping or going without a substance, just before its name or pronoun: "Cutting it out",
# "coming off kratom", "limiting caffeine after midday", "stopped drinking coffee", "no coffee after 11"
_GIVEN_UP = compile_pattern(r"\b(?:cutting|cut out|stopping|stopped|quitting|quit|dropping|dropped|ditching|ditched|skipping|giving up|gave up|getting off|got off|coming off|came off|weaning (?:\w+ )?off|weaned (?:\w+ )?off|tapering off|tapered off"
                             r"|limit(?:s|ed|ing)?|avoid(?:s|ed|ing)?|cuts?|reduc(?:e|es|ed|ing)|skip(?:s|ped)?|no)"
                             r"(?: (?:out|back on|down on))?(?: (?:drinking|taking|having|using|eating))?(?: (?:the|my|your|all|that|any))? ?$", regex.IGNORECASE)
_GIVEN_UP_REACH = 30
# A pseudo-cleft names its subject last: "What helped my migraines most was magnesium". The
# "what" stands for the substance named right after the copula (a gerund of intake may come first).
_CLEFT_WHAT = compile_pattern(r"(?<![\w'’])(?:what\b(?! (?:is|was|are|were|does|do|did|about|if|else)\b)"
                              r"|the (?:\w+ )?(?:thing|one|supplement|remedy|product|change|fix|herb) (?:that|which)\b)", regex.IGNORECASE)
_CLEFT_COPULA = compile_pattern(r"\b(?:was|is|has been|turned out to be|ended up being)\b[\s,]*(?:(?:really|honestly|actually|definitely|simply|just|probably|surprisingly)\s+)?"
                                r"(?:(?:taking|adding|using|drinking|a|an|the|my|this|that|some|daily|nightly)\s+){0,3}$", regex.IGNORECASE)
_CLEFT_REACH = 90
# An appeal to research whose object points back at the claim before ("a study on it", "backs
# this up", "proves it"): the words that do, within a few words of the cue.
_BACKS_CLAIM = compile_pattern(r"\b(?:(?:on|about|into|of) (?:it|this|that|them|these)|(?:backs?|backed|proves?|proved|confirms?|confirmed|supports?|shows?|showed|recommends?|recommended|prescribes?|prescribed|swears? by|swore by|uses?|used)(?: (?:all|just|exactly))? (?:it|this|them|these))\b"
                               r"(?! (?:is|are|was|were|has|have|can|may|might|could|will|would|does|do|did|\w+s)\b)", regex.IGNORECASE)
_BACKS_REACH = 25
# What may stand before a pseudo-cleft's "what": the sentence's start, a comma or dash, "and", "but".
_CLEFT_OPENING = compile_pattern(r"(?:^|[,;:\u2013\u2014-]\s*|\band\s+|\bbut\s+|\bhonestly,?\s+)(?:[\"'\u201c*_]+)?\s*$", regex.IGNORECASE)
# a selling point's tick: "✔ Deeper sleep", "✅ Calms the mind", "**✓** Wakes you refreshed"
_TICK_MARKS = "[\u2714\u2713\u2705\u2611]"
_TICK_CHAR = compile_pattern(_TICK_MARKS)
_TICK = compile_pattern(rf"[ \t]*(?:\*\*|__)?{_TICK_MARKS}\ufe0f?(?:\*\*|__)?[ \t]*")
_BOLD = ("**", "__")
# A selling point's label before its benefit verb: "CALM WITHOUT DROWSINESS: Takes the edge off",
# "**Deep rest:** Helps you stay asleep".
_SELLING_LABEL = compile_pattern(
    r"[ \t]*(?:[A-Z][A-Z0-9'\u2019&/ -]{2,40}|(?:\*\*|__)[^*_\n]{1,60}(?:\*\*|__)"
    # a drug-facts or carton label in plain case: "Uses: temporarily relieves ..."
    r"|(?:Uses?|Benefits?|Purposes?|Indications?|Key benefits|What it does|Why it works))\s*[:\u2014\u2013-]\s+")
# how a carton's benefit verb is done, between the label and the verb: "Uses: temporarily relieves ..."
_MANNER = compile_pattern(r"(?:temporarily|gently|naturally|quickly|effectively|safely|noticeably|visibly)\s+", regex.IGNORECASE)
# A modal before a list item's benefit verb ("- Could help you unwind").
_MODAL = compile_pattern(r"(?:may|might|could|can)\s+(?:also\s+|even\s+|really\s+)?", regex.IGNORECASE)
# Between a benefit and the subject a call to action or a story credits with it: " and wake up
# refreshed with our ", " to 31 after a month on ", " in a month of taking ".
_CREDITED = compile_pattern(r"[^.;:!?]{0,60}?\b(?:with|thanks to|courtesy of|(?:of|after|since) (?:taking|starting|using|adding|trying|switching to)|(?:after|since) (?:I|we) (?:started|began|tried)|on)\s+(?:(?:a|an|the|our|one|just|daily|nightly|your)\s+)?(?:(?:warm|hot|cold|little|small|single|simple|quick|soothing|relaxing|calming|cup|glass|mug|dose|spoonful|scoop|of|\#1|best-?selling|top-rated|favou?rite|new|premium|signature|organic|pure|\w+-(?:rich|packed|infused))\s+){0,3}", regex.IGNORECASE)
# What may open a clause before a call to action's verb: markup, "and", "then", "finally".
# A teller's own account opens like one too: "How I reversed my prediabetes with apple cider vinegar".
_CLAUSE_OPENING = compile_pattern(r"[\s*_#>\-]*(?:(?:and|then|finally|now|just|simply|naturally)\s+)?"
                                  r"(?:(?:how\s+)?(?:I|we)\s+(?:finally\s+|naturally\s+|completely\s+)?(?=\w+ed\b))?", regex.IGNORECASE)
# Words that compare a state with a worse one: "faster", "calmer", "less".
_COMPARATIVES = (r"faster|calmer|deeper|better|less|more|fewer|easier|quicker|longer|stronger|steadier|sounder|"
                 r"healthier|happier|lower|higher|brighter|clearer|smoother|fresher|sharper")
# A clause that opens with its benefit: a comparison ("Deeper sleep with ...") or a verb of
# letting go ("Unwind with ...", "Relax with ...").
_BENEFIT_OPENING = compile_pattern(
    rf"(?:(?:noticeably|visibly|much|far|way|markedly|genuinely|truly)\s+)?(?:{_COMPARATIVES}|restful|restorative|uninterrupted)\b|"
    r"(?:unwind|relax|de-?stress|wind down|switch off|drift off|calm down|chill out|rest easy|breathe easy|sleep|recover|bounce back)\b",
    regex.IGNORECASE)
# A lead-in that opens with a comparison names a benefit: "**Faster bounce-back.**", "**Less stress.**"
_COMPARATIVE_OPENING = compile_pattern(rf"[\W_]*(?:{_COMPARATIVES})\b", regex.IGNORECASE)
# The end of a paragraph that hands its benefit verb to the list after it: "... helps them:",
# "Magnesium can:", "the benefits of tart cherry include:", "what a daily glass can do for you:".
_LIST_PROMISE = compile_pattern(
    r"\b(?:can|may|might|could|will|helps?|helped|supports?|(?:is|are) (?:known|said|thought|believed) to|"
    r"benefits? (?:of [\w' -]{1,40} )?include|do(?:es)? for (?:you|them|your \w+)|works? to)\b[^:.!?]{0,40}:[\s*_]*$",
    regex.IGNORECASE)
# A review's label for what a product does well, over a list of its selling points: "**Pros**",
# "What we liked:", "Why we love it:".
_PROS_LABEL = compile_pattern(
    r"[\s*_#>]*(?:pros|the good|benefits|key benefits|what we lik(?:e|ed)|what (?:I|we) love(?:d)?|why (?:we|you(?:'ll)?|I) love it|"
    r"highlights|upsides|strengths)[\s*_]*:?[\s*_]*",
    regex.IGNORECASE)
# A yes to the question before: "Absolutely.", "Oh, totally.", "Yes - and ...", "It does!"
_AFFIRMATIVE = compile_pattern(
    r"(?<![\w'-])(?:yes|yep|yeah|absolutely|totally|definitely|certainly|of course|you bet|it (?:really |sure |absolutely )?does|"
    r"they (?:really |sure |absolutely )?do|it (?:really |sure |absolutely )?can|they (?:really |sure )?can)(?![\w'-]|,? (?:and|or) no\b)",
    regex.IGNORECASE)
# What may come before that yes at the start of an answer: markup, a speaker's name, "Oh,", "Well,".
_ANSWER_OPENING = compile_pattern(
    r"[\s*_>\-]*(?:\[[\d:.]+\]\s*)?(?:(?-i:[A-Z])[\w.-]*(?: (?-i:[A-Z])[\w.-]*)?:\s*)?[*_]*\s*(?:(?:oh|well|short answer|in a word|honestly|and)[,:]?\s+)?",
    regex.IGNORECASE)
# A verdict of up to three words before a pronoun that opens a sentence: "Boring but it works.",
# "Sounds silly but it ...".
_VERDICT_OPENING = compile_pattern(r"(?:[\w-]+\s+){0,2}[\w-]+,?\s+(?:but|yet)\s+", regex.IGNORECASE)
# A sentence that opens with a pronoun: "It sounds silly."
_PRONOUN_OPENING = compile_pattern(r"[\s*_>\-]*(?:it|this|that)\b", regex.IGNORECASE)
# a quotation's signature ('"...," - Marco', '(Sunita, Leicester)'): the story it signs comes before it
_SIGNATURE = compile_pattern(r"[\u2014\u2013(-]")
# A story that ends in nothing ("I tried CBD oil for three months and noticed nothing for my back"),
# or in a result it does not tell.
_FAILURE = compile_pattern(
    r"\b(?:notice|noticed|feel|felt|see|saw|get|got) (?:absolutely |basically )?(?:nothing|zero|no (?:difference|change|effect|benefit|improvement))|"
    # right after a cue that ends on its verb: "most people notice| nothing more than ..."
    r"\G\s+(?:absolutely |basically )?(?:nothing|zero|no (?:difference|change|effect|benefit|improvement))\b|"
    r"\bdid(?:n't|n’t| not) (?:do (?:anything|much|a thing)|help|work|notice|feel (?:any|a thing))|\bnothing (?:changed|happened)|\bwaste of money|"
    r"\bdid (?:absolutely |literally |basically |pretty much )?nothing\b|"
    # "my sleep was exactly the same", "I felt no different"
    r"\b(?:was|were|stayed|felt|is|are) (?:exactly |pretty much |basically |just )?(?:the same|no different|unchanged)\b|"
    r"\bstopped (?:working|helping)|\bno longer (?:works?|helps?|worked|helped)|"
    r"\b(?:could|can)(?:n't|n’t|not| not) (?:really )?(?:see|notice|feel|tell) (?:any|a|much of a|much) ?difference|"
    # "Can't honestly say I've seen a big change in focus yet", "haven't noticed any difference"
    r"\b(?:(?:can['’]t|cannot|can not|couldn['’]t|could not) (?:honestly |really |truthfully )?say (?:I|we)(?:'ve|’ve| have)? |(?:haven't|haven’t|have not|hasn't|hasn’t) )"
    r"(?:seen|noticed|felt) (?:a |any |much )?(?:[\w-]+ )?(?:change|difference|improvement|effect)|"
    # a teaser withholds the end: "I Took Saffron for 30 Days. Here's What Happened to My Mood"
    r"\b(?:here['’]s|here is|find out|guess|see) what happened\b|"
    # the story turns: "I tried the diluted clove oil, but by Sunday my jaw was swelling"
    r"\bbut (?:by|within|after|the next) [\w ]{1,25}?\b(?:was|were|got|had got|became) (?:\w+ )?(?:worse|swelling|swollen|infected|unbearable)\b|"
    # or names what follows as a record: "I Took Glycine for 30 Days: My Sleep Diary"
    r"[:\u2013\u2014]\s*(?:my|our|an?) (?:[\w-]+ ){0,2}?(?:diary|journal|log|experiment|verdict|review)\b",
    regex.IGNORECASE)
# A capitalised word then another: a verb inside a product's name mid-sentence ("Calm Bear"),
# told apart from a title-case heading by the lower-case word before it ("with Calm Bear")
_TITLED_NAME = compile_pattern(r"(?-i:[A-Z][a-z]+(?: [A-Z][\w'-]*)+)(?![\w'-])")
_LOWER_BEFORE = compile_pattern(r"(?-i:\b[a-z][\w'-]*)\s+$")
# A trouble had for a while, told before what was taken for it
_SUFFERED = compile_pattern(
    r"\b(?:I|I['\u2019]ve|I have|I had|I['\u2019]d|we['\u2019]ve|my (?:[\w-]+ ){0,2}?(?:has|had|have))\s+(?:had|suffered (?:from|with)|lived with|struggled with|been struggling with|dealt with)\b"
    r"[^.!?]{1,80}?\b(?:for|since)\s+(?:about |almost |nearly |over |more than )?(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|years|months|ages)\b",
    regex.IGNORECASE)
# A first-person start on a substance: "I started ", "we switched to ", "my husband has been
# taking ", "I take " (its object, a name, a pronoun or a dose, follows).
_INTAKE = compile_pattern(
    r"\b(?:I|we|he|she|my (?:[\w-]+ ){0,2}?(?:wife|husband|partner|son|daughter|mum|mom|dad|kid|kids|toddler|mother|father|sister|brother|friend|boyfriend|girlfriend|gran|grandma|grandad|aunt|uncle))"
    r"(?:\s+(?:(?:have|has|had)\s+)?|['\u2019](?:ve|d)\s+)(?:been\s+)?(?:(?:also|just|finally|then|now|eventually)\s+)?"
    r"(?:start(?:ed)?|beg[ai]n|takes?|took|taking|tried|switched (?:over )?to|add(?:s|ed)?|uses?|used|using|went on|got on|been on"
    # what is eaten or drunk as the remedy: "I eat a big handful every morning"
    r"|eat(?:s|ing)?|ate|drink(?:s|ing)?|drank|chew(?:s|ed|ing)?"
    # a forum's "I do 50 mg every morning"
    r"|do(?= [\d.]+ ?(?:mg|mcg|g|IU|ml)\b)"
    # a programme done: "I did your cleanse last spring"
    r"|did(?= (?:your|the|a|an|this|that|my|her|his) (?:[\w-]+ ){0,2}?(?:cleanse|detox|reset|fast|protocol|programme|program|challenge|course)\b)"
    # a stack's story: "when I put all three together"
    r"|put (?:them|it|all (?:two|three|four)|the (?:two|three|four)) together"
    # "I've replaced my three espressos with one ..."
    r"|(?:replaced|swapped|traded) (?:[\w'\u2019-]+ ){1,4}?(?:with|for))\b"
    # "after two weeks on these", "since starting"
    r"|\b(?:after|since|within) (?:(?:a|one|two|three|four|five|six|\d+|a few|a couple of) )?(?:days?|weeks?|months?|nights?) (?:on|of taking|of using)\b"
    r"|\b(?:since|after) (?:starting|adding|taking|switching to)\b"
    # a forum's dropped "I": "Took 600 mg for two months and ..."
    r"|(?:(?<![^\n])|(?<=[.!?]\s))(?:took|started|tried|been taking|switched (?:over )?to|added)\b",
    regex.IGNORECASE)
# An intake told as a gerund, right before what was taken: "in my first month of drinking it",
# "since starting them"
_GERUND_INTAKE = compile_pattern(
    r"\b(?:of|since|after|from|by|before|while|with)\s+(?:(?:regularly|daily|just|also)\s+)?"
    r"(?:taking|drinking|eating|using|adding|starting|chewing|sipping)\s+$", regex.IGNORECASE)
# What an intake without a name takes: "it", "them", "30 mg", "two gummies".
_TAKEN_OBJECT = compile_pattern(r"\s+(?:it|them|this|these|those|one|two|three|a|an|half|\d[\d,.]*\s*(?:mg|g|mcg|ml|drops?|capsules?|gummies|tablets?|scoops?)\b)", regex.IGNORECASE)
_INTAKE_REACH = 70  # characters between an intake's verb and the name of what it takes
# An intake told as the time of a result told before it: "my knees have never felt better since I
# started magnesium", "our son's sleep improved after we added it".
_INTAKE_AS_TIME = compile_pattern(r"\b(?:since|after|when|once)\s+$", regex.IGNORECASE)
# The story's teller or the one it is about: "my stiffness", "I sleep", "her anxiety".
_TELLER = compile_pattern(r"\b(?:I|I['\u2019](?:m|ve|d)|my|me|we|our|us|she|he|her|his)\b", regex.IGNORECASE)
# Whose body a result is told of: "my LDL", "his hairline"
_OWNER = compile_pattern(r"(?:my|his|her|our|their)\b", regex.IGNORECASE)
# A bad outcome that went away, told before it ("no more cramps", "barely any soreness") or
# after it ("the fog was gone", "my stiffness is about half what it was", "doesn't ache anymore").
_RELIEF_BEFORE = compile_pattern(
    r"\b(?:no more|no longer(?: \w+)?|fewer|(?:far |much |way |a lot |a bit )?less|barely(?: any| ever)?(?: \w+)?|hardly(?: any| ever)?(?: \w+)?|rarely(?: \w+)?|zero|"
    r"not (?:a single|one)|(?:have|has)(?:n['\u2019]t| not) (?:had|felt|noticed)(?: (?:a|any|one|a single))?)\s+(?:[\w-]+\s+){0,2}$",
    regex.IGNORECASE)
_RELIEF_AFTER = compile_pattern(
    r"\G(?:[^.;:!?]{0,40}?\b(?:gone|went away|(?:is|are|was|were|has been|have been|got|went|came) (?:way |much |a lot |so much |right |all the way )?down|"
    r"dropped|fell|halved|(?:about |nearly |almost |roughly )?half (?:what|as|of)|in half|rare|rarer|stopped|disappeared|vanished|eased|"
    r"faded|lifted|improved|cleared(?: up)?|a thing of the past|under control|went from|nowhere near)\b(?! (?:taking|using|working|helping))"
    r"|[^.;:!?]{0,40}?(?:n['\u2019]t|\bnot)\b[^.;:,!?]{0,30}\bany ?more\b)",
    regex.IGNORECASE)
# A negation before a bad outcome that says it is over: "my knees don't ache on the stairs anymore".
_NO_LONGER = compile_pattern(r"(?:n['\u2019]t|\bnot)\s+(?:\w+\s+)?$", regex.IGNORECASE)
_ANY_MORE = compile_pattern(r"\G[^.;:!?]{0,40}?\bany ?more\b", regex.IGNORECASE)
# A good outcome that came: "I can finally sleep", "my mood is better", "slept through for the first time".
_GAIN = compile_pattern(
    r"\b(?:finally|again|for the first time|better|deeper|(?<!no )longer|jumped|(?:went|shot|is|are|has been|have been) (?:way |much |right )?up|"
    r"rose|improved|calmer|more relaxed|more focused|refreshed|rested|through the night|asleep (?:with)?in|like a (?:baby|log|rock)|since(?=\s*[.,;!)]|\s+then\b)|ever since|now|"
    r"these days|nowadays)\b", regex.IGNORECASE)
_RESULT_SENTENCES = 2  # sentences after an intake in which its result may be told
_RESULT_REACH = 60  # characters after a bad outcome in which its going away may be told
# characters after a crowd's testimony in which its verdict may begin ("Every mum in my group uses
# them and not one of them would go back")
_VERDICT_REACH = 40
# a verdict that only agrees with what was said before it: "readers have said the same"
_SAID_SAME = compile_pattern(r"(?:say|said|saying|report|tell)\b", regex.IGNORECASE)
# Between a subject and a benefit word, what makes the rest a list of risks, not a claim.
# "interacts with", "interacts badly with", "interacts, at least in theory, with"
_INTERACTS = compile_pattern(r"\binteract(?:s|ed|ing|ions?)?(?:\s+badly|\s*,[^,.;]{1,40},)?\s+with\b", regex.IGNORECASE)
# The evidence denied: "no good evidence", "isn't proven", "doesn't actually work".
# Only the stronger ones disown a claim the writer makes ("... but we found nothing to back that
# up"); "though the evidence is mixed" qualifies a claim without taking it back.
_EVIDENCE_ABSENT = (
    r"\bno (?:[\w-]+ ){0,2}?(?:evidence|proof|data|research|trials?)\b|"
    r"\b(?:isn['\u2019]t|is not|aren['\u2019]t|are not|not) (?:\w+ )?(?:proven|supported|backed)\b|"
    r"\b(?:doesn['\u2019]t|does not|don['\u2019]t|do not|didn['\u2019]t|did not) (?:actually |really )?(?:work|help)\b|"
    r"\bnothing to (?:back (?:that|this|it|them) up|support (?:that|this|it|them))\b|"
    r"\b(?:that|this|it)(?:['\u2019]s| is|['\u2019]s not| isn['\u2019]t| is not) (?:not )?(?:the same as|a substitute for) (?:evidence|proof|a trial)\b|"
    r"\b(?:stories|anecdotes|testimonials|reviews|reports) (?:(?:like (?:these|this|that|those)|that) )?(?:cannot|can['\u2019]t|can not|don['\u2019]t|do not|won['\u2019]t) (?:\w+ )?(?:prove|show|separate|tell|establish)\b|"
    # "one person's experience is not evidence"
    r"\b(?:experience|anecdotes?|stories|testimonials?|reviews?)(?:['\u2019]s)? (?:is|are) not (?:\w+ )?(?:evidence|proof)\b"
)
_EVIDENCE_DENIED = compile_pattern(
    _EVIDENCE_ABSENT + r"|\b(?:little|scant|weak|limited|thin) (?:\w+ ){0,2}?(?:evidence|proof|data|research|trials?)\b|"
    r"\bthe (?:evidence|data|research|science|proof|trials|studies|results)\b[^.;]{0,50}?\b(?:is|are|remains?) (?:\w+ (?:and |but )?)?"
    r"(?:thin|weak|lacking|limited|poor|scant|sparse|mixed|shaky|flimsy|small|inconclusive|conflicting|preliminary)\b",
    regex.IGNORECASE)
_EVIDENCE_DISOWNED = compile_pattern(_EVIDENCE_ABSENT, regex.IGNORECASE)
# A name denied at once: "TikTok keeps calling ashwagandha gummies a natural Xanax, and they're not"
_DENIED_AT_ONCE = compile_pattern(
    r",?\s+(?:and|but)\s+(?:it|they|this|that|these)(?:['\u2019]s|['\u2019]re|\s+is|\s+are)\s+(?:simply\s+|just\s+)?not\b"
    r"|,?\s+(?:and|but)\s+(?:it|they|this|that|these)\s+(?:simply\s+|just\s+)?(?:isn['\u2019]t|aren['\u2019]t)\b", regex.IGNORECASE)
# a promise said to be no product's: '"Clinically proven" blends for Alzheimer's simply don't exist'
_NONEXISTENT = compile_pattern(
    r"\s+(?:[\w'\u2019-]+\s+){0,4}?(?:simply\s+|just\s+)?(?:don['\u2019]t|do\s+not|doesn['\u2019]t|does\s+not)\s+exist\b",
    regex.IGNORECASE)
# a drug nickname refused: "'nature's Prozac', but it is not a safe swap for an antidepressant"
_SWAP_DISOWNED = compile_pattern(
    _EVIDENCE_ABSENT + r"|\b(?:it|they|this|that)(?:['\u2019]s| is| are|['\u2019]re) (?:not|never|no) (?:an? )?(?:[\w-]+ )?(?:swap|substitute|replacement|alternative)\b",
    regex.IGNORECASE)
# A teller who doubts that the result was the substance's doing: "No idea if it's connected",
# "it could just be a coincidence".
_RESULT_DOUBTED = compile_pattern(
    r"\bno idea (?:if|whether) (?:it['\u2019]s|it is|that['\u2019]s|that is|they['\u2019]re|it was|the two are) (?:\w+ )?(?:connected|related|linked|the reason|why)\b"
    r"|\b(?:could|might|may) (?:just |also |well )?(?:be|have been) (?:a |pure |total )?coincidence\b"
    r"|\b(?:could|might|may) (?:just |also |well )?(?:be|have been) (?:the )?placebo\b",
    regex.IGNORECASE)
# A denial right before an outcome: ", not more recovery".
_NOT_BEFORE = compile_pattern(r"\bnot\s+(?!(?:just|only|merely|simply)\b)(?:\w+\s+)?$", regex.IGNORECASE)
# A comma splice that names the subject again right before its predicate: "Vitamin D is the one
# nobody talks about, it prevents ...". A negation before it belongs to the clause it ends.
_SPLICED_SUBJECT = compile_pattern(r",\s+(?:it|they|this|these)\s+(?:\w+ly\s+|also\s+|even\s+)?$", regex.IGNORECASE)
# The alternative a contrast turns down: "it signals that night has come rather than knocking you out".
_TURNED_DOWN = compile_pattern(r"\b(?:rather than|instead of)\s+$", regex.IGNORECASE)
# The writer's own intake told before the claim in its sentence ("I drink a shell after every shift
# and ..."): narrower than _INTAKE, which also counts others' intake and how long since it began.
_MY_INTAKE = compile_pattern(
    r"\b(?:I|we)(?:\s+(?:have|had)\s+|['\u2019](?:ve|d)\s+|\s+)(?:been\s+)?(?:(?:also|just|finally|now|always)\s+)?"
    r"(?:take|took|taking|drink|drank|drinking|use|used|using|chew|chewing|pop|popping|spray|spraying|rub|rubbing|started|tried)\b",
    regex.IGNORECASE)
# The writer's own experience: a benefit to "me" / "my mood" is a testimonial, not a finding.
_FIRST_PERSON = compile_pattern(r"\b(?:[Mm][Ee]|[Mm][Yy]|I|[Mm]yself)\b")
# a lead-in that makes what follows the writer's own result: "For me the theanine took the jitters away"
_MY_EXPERIENCE = compile_pattern(r"\b(?:for me|personally|in my (?:experience|case))\b(?=[,\s]*(?:the |my |this |that )?$)", regex.IGNORECASE)


class Lexicons(NamedTuple):
    """Every lexicon of the kind, compiled once."""

    subjects: regex.Pattern[str]
    anaphors: regex.Pattern[str]
    dummy_subjects: regex.Pattern[str]
    increase: regex.Pattern[str]
    decrease: regex.Pattern[str]
    neutral: regex.Pattern[str]
    association: regex.Pattern[str]
    disease_verbs: regex.Pattern[str]
    standalone: regex.Pattern[str]
    good: regex.Pattern[str]
    bad: regex.Pattern[str]
    diseases: regex.Pattern[str]
    drug_substitutes: regex.Pattern[str]
    absolutes: regex.Pattern[str]
    vague: regex.Pattern[str]
    testimonials: regex.Pattern[str]
    verdicts: regex.Pattern[str]
    badges: regex.Pattern[str]
    endorsements: regex.Pattern[str]
    results: regex.Pattern[str]
    animal: regex.Pattern[str]
    human: regex.Pattern[str]
    frames: regex.Pattern[str]
    background: regex.Pattern[str]
    practices: regex.Pattern[str]


class Subject(NamedTuple):
    """Who a claim is about: the words in the draft and the substance they name."""

    start: int
    end: int
    name: str


class Claim(NamedTuple):
    """A subject with a benefit predicate and (usually) an outcome inside one clause."""

    subject: Subject
    predicate: tuple[int, int]
    outcome: tuple[int, int] | None
    hedge: str
    disease: str
    negated: bool

    @property
    def end(self) -> int:
        """End offset of the claim: its outcome, or its predicate when it stands alone or
        follows the outcome ("mood is lifted")."""
        return max((self.outcome or self.predicate)[1], self.predicate[1])


@dataclass(frozen=True)
class ClaimHit:
    """One classified claim in one sentence, with whether evidence stands next to it."""

    type: str
    start: int
    end: int
    sentence: int
    values: tuple[tuple[str, str], ...]  # subject, predicate, outcome, hedge, disease, cue
    cited: bool  # a study or authority citation (enough for errors and warnings)
    cited_any: bool  # any link or citation (enough for info-level rules)


@dataclass(frozen=True)
class Analyzer:
    """Finds and classifies the claims of a draft; one instance per lexicon file and knowledge base."""

    lex: Lexicons
    polarity: Polarity
    evidence: Evidence
    knowledge: Knowledge

    def hits(self, doc: Document) -> tuple[ClaimHit, ...]:
        """All classified claims of `doc`, computed once per document and analyzer."""
        return doc.derived(("claim hits", id(self)), lambda: tuple(_Scan(self, doc).run()))


class _Scan:
    """One pass over one draft: candidate sentences in order, each classified at most once."""

    def __init__(self, analyzer: Analyzer, doc: Document) -> None:
        self.a = analyzer
        self.lex = analyzer.lex
        self.doc = doc
        self.prose = doc.prose
        self.sentence_starts = [s.start for s in doc.sentences]
        self.skip = reference_blocks(doc) | {
            i for i, b in enumerate(doc.blocks) if _DEFINITION_BLOCK.match(doc.text, b.start, b.end)
        }
        self.section = self._sections()
        self.run_start = self._list_runs()
        self._persons: dict[str, bool] = {}
        self._benefit_column = self._benefit_column_cells()  # read for candidates and again for their lead
        self._asked_blocks: dict[int, int] = {}  # block -> where its reader's question ends, or -1
        self._lowered: str | None = None  # the prose lower-cased, made on first need
        self._names: dict[str, bool] = {}
        self._topics: dict[int, str | None] = {}
        self._harms: dict[int, bool] = {}  # sentence index -> whether it tells of a harm done
        self._pet_readers: bool | None = None  # whether the draft speaks to pet owners, found on first need
        self.mentions = self._mentions()
        self.mention_starts = [m.start for m in self.mentions]
        self.title = self._title()
        self.taken: dict[int, ClaimHit] = {}  # sentence index -> the hit found there

    def run(self) -> Iterator[ClaimHit]:
        """Yield the hits of every candidate sentence, then of every answer that says yes to a
        question making a claim."""
        seen: set[int] = set()
        for index in (*self._candidates(), *self._benefit_openings(), *self._ticked_items(), *self._benefit_cells()):
            if index in self.taken or index in seen:
                continue
            seen.add(index)
            hit = self._sentence(index)
            if hit is not None:
                self.taken[hit.sentence] = hit
                yield hit
        for hit in (*self._answers(), *self._results()):
            if self._take(hit):
                yield hit
        # after every other pass, so a story's result can be the claim the research is said to back
        for hit in tuple(self._backings()):
            if self._take(hit):
                yield hit

    def _take(self, hit: ClaimHit) -> bool:
        """Record a later pass's hit for its sentence, unless an earlier one holds it already."""
        if hit.sentence in self.taken:
            return False
        self.taken[hit.sentence] = hit
        return True

    def _backings(self) -> Iterator[ClaimHit]:
        """A bare appeal to research right after a claim that points back at it ("There was a
        German study on it too.", "Research backs this up."): vague evidence for that claim."""
        doc, prose, lex = self.doc, self.prose, self.lex
        for index, claimed in sorted(self.taken.items()):
            after = index + 1
            if after >= len(doc.sentences) or after in self.taken or claimed.cited:
                continue
            sentence = doc.sentences[after]
            if sentence.block in self.skip or sentence.block - doc.sentences[index].block > 1:
                continue
            start, end = sentence.start, sentence.end
            vague = search(lex.vague, prose, start, end)
            if vague is None or is_question(prose, start, end):
                continue
            back = _BACKS_CLAIM.search(prose, vague.start(), min(end, vague.end() + _BACKS_REACH))
            clauses = self._clauses(start, end)
            if back is None or self._negated_cue(vague, clauses) or self._denied_after(vague, clauses):
                continue
            subject = Subject(back.start(), back.end(), dict(claimed.values)["subject"])
            yield self._hit("vague-evidence", sentence, subject, vague, None)

    def _answers(self) -> Iterator[ClaimHit]:
        """"Does magnesium work for headaches? Oh, totally." and an FAQ's "**Does it really
        work?** Absolutely!": the yes makes the question's claim."""
        doc, prose = self.doc, self.prose
        for m in _AFFIRMATIVE.finditer(prose):
            answer = doc.sentence_at(m.start())
            if answer is None or answer.index == 0 or answer.block in self.skip:
                continue
            if _ANSWER_OPENING.fullmatch(prose, answer.start, m.start()) is None:
                continue
            question = doc.sentences[answer.index - 1]
            if question.block not in (answer.block, answer.block - 1) or not is_question(prose, question.start, question.end):
                continue
            claim = self._asked_claim(question)
            if claim is None:
                continue
            kind = "disease" if claim.disease else "efficacy"
            if search(self.lex.testimonials, prose, answer.start, answer.end) is not None:
                kind = "testimonial"
            subject = Subject(m.start(), m.start(), claim.subject.name)
            # the question's words fill `data`; a testimonial's span would reach back into them
            yield self._hit(kind, answer, subject, m, None if kind == "testimonial" else claim, disease=claim.disease)

    def _results(self) -> Iterator[ClaimHit]:
        """A first-person intake and the result told after it ("I switched to glycinate last
        spring and I've slept through the night since", "I started rhodiola in March. Within
        two weeks the fog was gone."): the story offers the result as proof."""
        doc, prose = self.doc, self.prose
        for intake in _INTAKE.finditer(prose):
            sentence = doc.sentence_at(intake.start())
            if sentence is None or sentence.block in self.skip or is_question(prose, sentence.start, sentence.end):
                continue
            name, after = self._taken(intake, sentence)
            if name is None or self._harm_told(sentence):
                continue  # a story of harm: what ended later ended when the intake did
            spans = [(after, sentence.end, sentence)]
            if _INTAKE_AS_TIME.search(prose, max(sentence.start, intake.start() - 12), intake.start()) is not None:
                spans.insert(0, (sentence.start, intake.start(), sentence))
            for index in range(sentence.index + 1, min(sentence.index + 1 + _RESULT_SENTENCES, len(doc.sentences))):
                later = doc.sentences[index]
                if later.block != sentence.block or is_question(prose, later.start, later.end):
                    break
                if any(m.name != name for m in self._mentions_in(later)):
                    break  # the story moved on to another substance
                spans.append((later.start, later.end, later))
            for start, end, told in spans:
                # after the intake sentence the story is the teller's: "No more 2am calf cramps."
                result = self._result(start, end, told is not sentence)
                if result is not None:
                    outcome, teller = result
                    disease = search(self.lex.diseases, prose, outcome[0], outcome[1])
                    kind = "disease" if disease is not None else "testimonial"
                    # a result told before its intake reaches on to what was taken
                    reach = after if end == intake.start() else outcome[1]
                    yield self._hit(kind, told, Subject(teller, teller, name), None, None,
                                    disease=disease.group(0) if disease is not None else "",
                                    data_cue=prose[teller:outcome[1]], extend=reach)
                    break

    def _taken(self, intake: regex.Match[str], sentence: Sentence) -> tuple[str | None, int]:
        """The substance an intake takes and where its object ends: a name right after it, or
        the story's substance for "it" or a dose."""
        for mention in self._mentions_in(sentence):
            if mention.start >= intake.end():
                if mention.start - intake.end() <= _INTAKE_REACH:
                    return mention.name, mention.end
                break
        obj = _TAKEN_OBJECT.match(self.prose, intake.end())
        if obj is None:
            return None, intake.end()
        return self._last_mention(intake.start()), obj.end()

    def _result(self, start: int, end: int, later: bool) -> tuple[tuple[int, int], int] | None:
        """The outcome a clause of text[start:end] tells as gained or lost by its teller, with
        where the result is told from, or None. A failure or a harm tells no result; a relief
        in a `later` sentence of the story needs no teller of its own."""
        lex, prose = self.lex, self.prose
        if _FAILURE.search(prose, start, end) is not None:
            return None
        for c_start, c_end in self._clauses(start, end):
            teller = _TELLER.search(prose, c_start, c_end)
            if teller is None and not later:
                continue
            for m in find_all(lex.bad, prose, c_start, c_end):
                if self._harm_done(m, c_start):
                    continue
                # "have all but stopped": the turn splits the clause, not the result
                if (_RELIEF_BEFORE.search(prose, max(c_start, m.start() - _BEFORE_REACH), m.start()) is not None
                        or _RELIEF_AFTER.match(prose, m.end(), min(end, m.end() + _RESULT_REACH)) is not None
                        or _NO_LONGER.search(prose, max(c_start, m.start() - 20), m.start()) is not None
                        and _ANY_MORE.match(prose, m.end(), end) is not None):
                    return (m.start(), m.end()), min(teller.start() if teller else c_start, m.start())
            if teller is None:
                continue
            for m in find_all(lex.good, prose, c_start, c_end):
                if self.a.polarity.negation(prose, c_start, m.start()) is not None:
                    continue
                if _GAIN.search(prose, c_start, c_end) is not None:
                    return (m.start(), m.end()), min(teller.start(), m.start())
        told = search(lex.results, prose, start, end)
        # a result with no outcome word: "Took 600 mg and I stopped stressing"; later in the story
        # only one its teller owns ("My LDL is lower now", "my whole back cleared up")
        if told is not None and (not later or _OWNER.match(prose, told.start()) is not None):
            return (told.start(), told.end()), told.start()
        return None

    def _asked_claim(self, question: Sentence) -> Claim | None:
        """The claim a question asks about ("Can magnesium help with cramps?"), if it makes one."""
        subjects = self._subjects(question)
        if not subjects:
            return None
        claims = self._claims(subjects, self._clauses(question.start, question.end))
        return next((c for c in claims if not c.negated), None)

    # --- document-level preparation -------------------------------------------------------

    def _sections(self) -> list[int]:
        """For each block, the index of the heading it sits under (-1 before any heading)."""
        current, result = -1, []
        for index, block in enumerate(self.doc.blocks):
            if block.kind == "heading":
                current = index
            result.append(current)
        return result

    def _list_runs(self) -> list[int]:
        """For each block, the first block of the run of list items it ends (itself if it is no
        list item, or the run's first)."""
        result: list[int] = []
        for index, block in enumerate(self.doc.blocks):
            joins = index > 0 and block.kind == "list_item" == self.doc.blocks[index - 1].kind
            result.append(result[-1] if joins else index)
        return result

    def _title(self) -> str | None:
        """The substance the draft's title names ("The 5 Best CBD Gummies"), if its first block is a heading."""
        if not self.doc.blocks or self.doc.blocks[0].kind != "heading":
            return None
        first = self.doc.blocks[0]
        i = bisect_left(self.mention_starts, first.start)
        if i < len(self.mentions) and self.mentions[i].start < first.end:
            return self.mentions[i].name
        return None

    def _mentions(self) -> list[Subject]:
        """Substance names from the lexicon and the knowledge base, without overlaps."""
        # The knowledge base's canonical name wins over the lexicon's words that overlap it
        # ("our ashwagandha gummies" is about ashwagandha).
        known = self.a.knowledge.mentions(self.prose)
        overlaps_known = overlap_test(known)
        ranked = [(m.start, -m.end, 0, m.substance) for m in known] + [
            (m.start(), -m.end(), 1, " ".join(m.group(0).lower().split()))
            for m in find_all(self.lex.subjects, self.prose)
            if not overlaps_known(m.start(), m.end())
        ]
        ranked.sort()
        products = self._product_names(ranked)
        if products:
            ranked = sorted(ranked + products)
        result: list[Subject] = []
        for start, neg_end, _rank, name in ranked:
            if not result or start >= result[-1].end:
                result.append(Subject(start, -neg_end, name))
        return result

    def _product_names(self, ordered: list[tuple[int, int, int, str]]) -> list[tuple[int, int, int, str]]:
        """Names of products that stand for a known substance, and every use of them: a heading
        that names the product ("## Moonlit Meadow") over a section listing the substance, or a
        sentence that introduces it by what it holds ("Velvet Owl is a tincture of lemon
        balm"). `ordered`: the mentions, sorted."""
        starts = [start for start, *_ in ordered]
        products = self._heading_products(ordered, starts)
        for name, substance in self._introduced_products(ordered, starts).items():
            products.setdefault(name, substance)
        for found in (self._column_products(ordered, starts), self._one_word_products(starts), self._marked_products(),
                      self._lower_case_products(ordered, starts), self._acting_products(starts)):
            for name, itself in found.items():
                products.setdefault(name, itself)
        # A product the lexicon knows by its noun ("Lullwave Night Gummies") is a name too, so
        # its short form ("Lullwave helps you ...") can count below.
        for start, neg_end, rank, name in ordered:
            written = self.prose[start:-neg_end]
            if rank != 1 or " " not in written:
                continue
            if written.split(" ")[0].isupper():
                # a shouted label ("FIELD DAY RECOVERY POWDER", "SNOOZY BEARS Sleep Gummies")
                # names a product the prose writes as "Field Day", "Snoozy Bears"
                for short in self._shouted_names(start, written):
                    products.setdefault(short, name)
            if _CAPITALISED_NAME.fullmatch(written):
                products.setdefault(written, name)
            else:
                # "Hush chews", "Snoozy Bears sleep gummies": the name before the form's noun
                # names the product ("Hush Mag Melts ease tight muscles")
                short = self._name_before_form(start, written)
                if short is not None:
                    products.setdefault(short, name)
        if not products:
            return []
        # A round-up calls "Lullagrove Midnight Plum" just "Lullagrove" in its prose, a maker's
        # range calls "NEXUS NIGHT" just "NIGHT": a shorter form counts when the draft writes it
        # as a name (capitalised inside a sentence) on its own.
        for name, substance in list(products.items()):
            words = name.split(" ")
            # only a name of capitalised words ends in a name ("The Root of Calm" is a title)
            named_throughout = all(word[:1].isupper() for word in words)
            for size in range(len(words) - 1, 0, -1):
                short = " ".join(words[:size])
                if short.lower() not in _NOT_A_NAME and self._used_as_name(short):
                    products.setdefault(short, substance)
                tail = " ".join(words[-size:])
                if named_throughout and tail.lower() not in _NOT_A_NAME and self._tail_used_alone(tail, " ".join(words[:-size])):
                    products.setdefault(tail, substance)
        # one pass over the draft for all the names, however many headings repeat them
        names = sorted(products, key=len, reverse=True)
        uses = regex.compile(r"(?<![\w-])(?:" + "|".join(map(regex.escape, names)) + r")(?![\w-])")
        return [(use.start(), -use.end(), 2, products[use.group(0)]) for use in uses.finditer(self.prose)]

    def _name_before_form(self, start: int, written: str) -> str | None:
        """The capitalised name before a form's noun in a mention `written` at `start` ("Hush" of
        "Hush chews"), with the capitalised words before the mention on its line ("Snoozy" of
        "Snoozy Bears sleep gummies"), when the draft writes it as a name."""
        head = _CAPITALISED_HEAD.search(written)
        if head is None or head.end() > written.rfind(" ") or not written[head.end():].islower():
            return None
        short = head.group(0)
        if head.start() == 0:
            line_start = self.prose.rfind("\n", 0, start) + 1
            before = _CAPITALISED_BEFORE.search(self.prose, line_start, start)
            short = (before.group(0) if before is not None else "") + short
        if _opens_as_phrase(short) or self._is_person(short):
            return None
        if self._used_as_name(short) or " " in short and self._only_as_name(short):
            return short
        return None

    def _only_as_name(self, name: str) -> bool:
        """Whether the draft writes `name`, not shouted, at least once and only as a name."""
        return name != name.upper() and next(self._writings(name), None) is not None and self._never_lower(name)

    def _tail_used_alone(self, tail: str, rest: str) -> bool:
        """Whether the draft writes the last words of a product's name (`tail`, after `rest`) on
        their own as a name: capitalised inside a sentence, or shouted in one that is not
        ("FUEL for the grind, NIGHT for the respawn" under "## NEXUS NIGHT")."""
        alone = [(start, written) for start, written in self._writings(tail)
                 if not self.prose.endswith(rest + " ", 0, start)]
        if not alone:
            return False
        if not tail.isupper():
            return self._used_as_name(tail)
        # a shouted name is a word too ("NIGHT" beside "by night"): its shouted uses decide
        return len(tail) > 2 and any(
            written == tail and _LOWER_WORD.search(self.prose, max(0, start - _SHOUTED_CONTEXT), start + len(tail) + _SHOUTED_CONTEXT)
            for start, written in alone
        )

    def _shouted_names(self, start: int, written: str) -> Iterator[str]:
        """Names in a shouted product label that ends with `written` at `start` ("FIELD DAY
        RECOVERY POWDER"), as the prose writes them: "Field Day", "Zenberry"."""
        line_start = self.prose.rfind("\n", 0, start) + 1
        before = _SHOUTED_BEFORE.search(self.prose, line_start, start)
        words = ((before.group(0) if before is not None else "") + written).split()[:-1]
        for size in range(1, len(words) + 1):
            short = " ".join(words[:size])
            if _opens_as_phrase(short):
                continue
            for form in (short.title(), short):
                if (self._used_as_name(form) or " " in form and self._only_as_name(form)) and not self._is_person(form):
                    yield form

    def _heading_products(self, ordered: list[tuple[int, int, int, str]], starts: list[int]) -> dict[str, str]:
        """Product name -> substance, for headings that name a product over a section that lists
        a substance, or that name the substance after the product ("Somnivale Deep Rest CBN");
        `starts` are the offsets of `ordered`."""
        doc, prose = self.doc, self.prose
        products: dict[str, str] = {}
        for index, block in enumerate(doc.blocks):
            if block.kind != "heading":
                bold = self._bold_product(block.start, ordered, starts)
                if bold is not None:
                    products.setdefault(*bold)
                continue
            name = _PRODUCT_NAME.fullmatch(prose, block.start, block.end)
            if name is None or name.group(1) in products:
                continue
            lead = _LEAD_WORDS.match(name.group(1))
            if lead is not None:
                # "## Why Velvet Hour", "## Meet Drift Gummies": the name follows
                rest = name.group(1)[lead.end():]
                if " " not in rest and not self._used_as_name(rest):
                    continue
                section = self._section_substance(index, ordered, starts)
                if section is not None:
                    products.setdefault(rest, section)
                continue
            inside = _first_within(starts, name.start(1), name.end(1))
            if inside is not None:
                # it names a substance itself: the words before that name the product
                before = self._name_before(name.start(1), starts[inside])
                if before is not None:
                    products[before] = ordered[inside][3]
                continue
            substance = self._section_substance(index, ordered, starts)
            if substance is not None:
                products[name.group(1)] = substance
            elif self._sells(index) and (not self._has_outcome(name.start(1), name.end(1)) or self._used_as_name(name.group(1))):
                # a product known by its name alone; one that names an outcome ("NEXUS FOCUS")
                # must be written as a name in the prose, as "Better Sleep" beside "better sleep" is not
                products[name.group(1)] = name.group(1)
        return products

    def _one_word_products(self, starts: list[int]) -> dict[str, str]:
        """Products named by one word in a heading over a section that sells them ("## Drift"
        over a price and a pack size), when the word is an invented one ("NightCap") or the
        draft never writes it in lower case; each stands for itself. `starts`: the offsets of
        the draft's mentions."""
        doc, prose = self.doc, self.prose
        products: dict[str, str] = {}
        for index, block in enumerate(doc.blocks):
            if block.kind != "heading":
                continue
            name = _ONE_WORD_NAME.fullmatch(prose, block.start, block.end)
            if name is None or name.group(1) in products or _opens_as_phrase(name.group(1)):
                continue
            word = name.group(1)
            if _first_within(starts, name.start(1), name.end(1)) is not None:
                continue  # a substance's own name
            if not self._sells(index) or self._has_outcome(name.start(1), name.end(1)):
                continue
            if (_INNER_CAPITAL.search(word) or self._never_lower(word)) and not self._is_person(word):
                products[word] = word
        return products

    def _acting_products(self, starts: list[int]) -> dict[str, str]:
        """Products known only by what they do: a name that opens a sentence as the subject of a
        benefit ("Hushly Night helps you unwind", "Drift shuts that noise off"), when the draft
        writes it as a name (an invented word, or capitalised inside a sentence and never in
        lower case) and not as a person's; each stands for itself. `starts`: the offsets of the
        draft's mentions."""
        doc, prose, lex = self.doc, self.prose, self.lex
        products: dict[str, str] = {}
        for sentence in doc.sentences:
            if doc.blocks[sentence.block].kind == "heading":
                continue  # a title's capitals make every word look like a name
            name = _OPENING_NAME.match(prose, sentence.start, sentence.end)
            if name is None or name.group(1) in products or _opens_as_phrase(name.group(1)):
                continue
            written, after = name.group(1), name.end()
            if _first_within(starts, name.start(1), name.end(1)) is not None:
                continue  # a substance's own name, or a product already known
            acts = next((m for pattern in (lex.increase, lex.decrease, lex.neutral)
                         if (m := search(pattern, prose, after, min(sentence.end, after + _ACTS_REACH))) is not None
                         and _ACTS_GAP.fullmatch(prose, after, m.start()) is not None), None)
            if acts is None or not self._has_outcome(acts.start(), sentence.end) or _CLIENTELE.match(prose, acts.end()):
                continue
            if self._is_person(written) or _GERUND.fullmatch(written) is not None:
                continue
            if self._has_outcome(name.start(1), name.end(1)) and not (self._used_as_name(written) and self._never_lower(written)):
                continue  # "Deep Sleep helps ..." beside "deep sleep"; but "Conceive+" is never "conceive+"
            if _INNER_CAPITAL.search(written) or self._used_as_name(written) or " " in written and self._only_as_name(written):
                products[written] = written
        return products

    def _column_products(self, ordered: list[tuple[int, int, int, str]], starts: list[int]) -> dict[str, str]:
        """Product name -> substance, for a comparison table's header cells ("| | Rise (morning) |
        Rest (evening) |") over a column whose cells name a substance; a one-word name counts
        when the draft never writes it in lower case. `starts` are the offsets of `ordered`."""
        doc, text, prose = self.doc, self.doc.text, self.prose
        products: dict[str, str] = {}
        headers = table_headers(doc)
        for block in doc.blocks:
            if block.kind != "table_cell":
                continue
            inside = _first_within(starts, block.start, block.end)
            if inside is None:
                continue
            cell = headers.cell_over(block.start)
            name = _NAME_CELL.fullmatch(text, *cell) if cell is not None else None
            if name is None or name.group(1) in products or _opens_as_phrase(name.group(1)):
                continue
            written = name.group(1)
            if prose[name.start(1):name.end(1)] != written:
                continue  # a table's text is the prose's; a mismatch means it is not
            if _first_within(starts, name.start(1), name.end(1)) is not None:
                continue  # the header names the substance itself
            if self._has_outcome(name.start(1), name.end(1)) or self._is_person(written):
                continue
            if " " in written or self._never_lower(written):
                products[written] = ordered[inside][3]
        return products

    def _marked_products(self) -> dict[str, str]:
        """Names marked as trade marks anywhere in the draft ("Drift\u2122 helps you ..."); each
        stands for itself."""
        products: dict[str, str] = {}
        for m in _MARKED_NAME.finditer(self.prose):
            name = _without_lead_words(m.group(1)).rstrip(" -&+")
            if name and not self._has_outcome(m.start(1), m.end(1)):
                products.setdefault(name, name)
        return products

    def _lower_case_products(self, ordered: list[tuple[int, int, int, str]], starts: list[int]) -> dict[str, str]:
        """Product name -> substance, for a lower-case brand's name introduced by its form at a
        sentence's start ("hush is a chewable wind-down made with l-theanine"): the substance
        named after it in that sentence, or the name itself. `starts`: the offsets of `ordered`."""
        doc, prose = self.doc, self.prose
        products: dict[str, str] = {}
        for m in _LOWER_INTRODUCED.finditer(prose):
            found = _LOWER_NAME_BEFORE.search(prose, max(0, m.start() - _NAME_REACH), m.start())
            name = found.group(0) if found is not None else ""
            if not name or name in products or name in _NOT_A_NAME or len(name) < 3:
                continue
            sentence = doc.sentence_at(found.start())
            if sentence is None or _SENTENCE_LEAD.fullmatch(prose, sentence.start, found.start()) is None:
                continue
            if _first_within(starts, found.start(), found.end()) is not None or self._has_outcome(found.start(), found.end()):
                continue  # a substance's own name, or an outcome ("sleep is a ...")
            if regex.search(_SPEAKER_LINE.format(name=regex.escape(name)), prose) is not None:
                continue
            after = _first_within(starts, m.end(), sentence.end)
            products[name] = ordered[after][3] if after is not None else name
        return products

    def _sells(self, heading: int) -> bool:
        """Whether the blocks under a heading (up to the next heading) sell something: a price, a
        pack size, a cart, an ingredient panel."""
        blocks = self.doc.blocks
        # a menu's heading may carry the price itself ("### Blue Dream (Hybrid) — 3.5 g / $34")
        for block in blocks[heading:heading + 1 + _SECTION_REACH]:
            if block.kind == "heading" and block is not blocks[heading]:
                return False
            if _SELLS.search(self.doc.text, block.start, block.end) is not None:
                return True
        return False

    def _bold_product(self, start: int, ordered: list[tuple[int, int, int, str]], starts: list[int]) -> tuple[str, str] | None:
        """(product, substance) for a block that opens with a bold name holding a substance's
        name, as a shop's line item does ("**Quiet Mind L-Theanine 200** (60 capsules)")."""
        text = self.doc.text
        if not text.startswith(_BOLD, start):
            return None
        close = text.find(text[start:start + 2], start + 2)
        if close < 0 or "\n" in text[start:close]:
            return None
        inside = _first_within(starts, start + 2, close)
        if inside is None:
            return None
        before = self._name_before(start + 2, starts[inside])
        if before is None or not _CAPITALISED_NAME.fullmatch(before):
            return None
        return before, ordered[inside][3]

    def _introduced_products(self, ordered: list[tuple[int, int, int, str]], starts: list[int]) -> dict[str, str]:
        """Product name -> substance, for names the prose introduces by what they hold; `starts`
        are the offsets of `ordered`."""
        prose = self.prose
        products: dict[str, str] = {}
        for m in _PRODUCT_INTRODUCED.finditer(prose):
            name = _without_lead_words(m.group(1)).rstrip(" -&")
            if not name or name in products or name.lower().endswith(" of"):
                continue
            if m.group(0)[len(m.group(1)):].startswith(",") and self._has_outcome(m.start(1), m.end(1)):
                continue  # a list of what it is for ("Sleep Support, Muscle Recovery, ..."), not a name
            first = _first_within(starts, m.start(1), m.end(1))
            if first is not None:
                # the name holds a substance's own name, a mention already; the words before it
                # name the product ("Rebuild Collagen Peptides (unflavoured)")
                before = self._name_before(m.start(1), starts[first])
                if before is not None:
                    products.setdefault(before, ordered[first][3])
                continue
            sentence = self.doc.sentence_at(m.start(1))
            limit = min(m.end() + _INTRODUCTION_REACH, sentence.end if sentence is not None else m.end())
            after = bisect_left(starts, m.end())
            if after < len(starts) and starts[after] < limit and (" " in name or self._used_as_name(name)) and not self._is_person(name):
                products[name] = ordered[after][3]
        return products

    def _name_before(self, start: int, substance: int) -> str | None:
        """The capitalised words from `start` up to a substance's name at `substance` when they name
        a product: several words ("Somnivale Deep Rest CBN"), or one that the draft writes as a
        name ("Rebuild Collagen Peptides", then "Rebuild eases sore joints")."""
        before = self.prose[start:substance].rstrip(" -+&")
        if not before or _opens_as_phrase(before):
            return None
        if " " in before.strip() or (before.isalpha() and self._used_as_name(before) and not self._is_person(before)):
            return before
        return None

    def _is_person(self, name: str) -> bool:
        """Whether the draft treats `name` as a person: titled ("Dr Ruth Calloway") or quoted as
        speaking ("Calloway says", "said Jen"). Remembered per name: a long draft repeats them."""
        found = self._persons.get(name)
        if found is None:
            found = self._persons[name] = self._named_as_person(name)
        return found

    def _named_as_person(self, name: str) -> bool:
        prose = self.prose
        for start in self._word_uses(prose, name):
            before = prose[max(0, start - _PERSON_CONTEXT):start]
            if _TITLED.search(before) or _SPOKEN_BY.search(before) or _SPEAKS.match(prose, start + len(name)):
                return True
        return False

    def _used_as_name(self, name: str) -> bool:
        """Whether the draft writes `name` as a name: capitalised inside a sentence somewhere (after
        a word or a comma), and never otherwise, all capitals aside ("Lullagrove", not "Calm" or
        "Deep Sleep" beside "deep sleep")."""
        found = self._names.get(name)
        if found is None:
            found = self._names[name] = self._written_as_name(name)
        return found

    def _written_as_name(self, name: str) -> bool:
        inside = False
        for start, written in self._writings(name):
            if written != name:
                return False
            before = self.prose[max(0, start - 2):start]
            inside = inside or (len(before) == 2 and before[1] == " " and (before[0].isalnum() or before[0] == ","))
        return inside

    def _never_lower(self, name: str) -> bool:
        """Whether the draft writes `name` only as a name (capitalised), wherever it stands."""
        return all(written == name for _start, written in self._writings(name))

    def _writings(self, name: str) -> Iterator[tuple[int, str]]:
        """Each use of `name` in any case, as written, that can tell a name from a word."""
        upper = name.upper()
        for start in self._uses_in_any_case(name):
            written = self.prose[start:start + len(name)]
            if written == upper != name:
                continue  # a shouted heading ("GROUNDWORK STEADY") says nothing either way
            if _IN_ADDRESS.match(self.prose, start + len(name)) or self.prose[start - 1:start] in ("@", "/", "#"):
                continue  # a web address, handle or hashtag ("hush.co/q", "@hush") is lower-case by habit
            yield start, written

    def _uses_in_any_case(self, name: str) -> Iterator[int]:
        """Offsets of `name` as a whole word in the prose, in any case: a plain substring search
        in the lower-cased prose (a regular expression per name would scan a long draft once for
        every product it names)."""
        if self._lowered is None:
            self._lowered = self.prose.lower()
        lowered = name.lower()
        if len(self._lowered) == len(self.prose) and len(lowered) == len(name):
            return self._word_uses(self._lowered, lowered)
        pattern = r"(?<![\w-])" + regex.escape(name) + r"(?![\w-])"  # lower-casing moved offsets
        return (use.start() for use in regex.finditer(pattern, self.prose, regex.IGNORECASE))

    def _word_uses(self, text: str, name: str) -> Iterator[int]:
        """Offsets of `name` as a whole word in `text`, the prose or its lower-cased copy: a long
        draft's uses come from its word index, where each use starts a word (one search of the
        text per name is slow for an archive that names hundreds of products)."""
        first = _FIRST_WORD.match(name)
        candidates = word_starts(self.prose, first.group(0).lower()) if first is not None else None
        if candidates is None:
            return _whole_word_uses(text, name)
        return _whole_word_uses(text, name, candidates)

    def _section_substance(self, heading: int, ordered: list[tuple[int, int, int, str]], starts: list[int]) -> str | None:
        """The first substance named in the blocks under a heading (up to the next heading, at
        most three blocks); `ordered` are the draft's mentions by offset, `starts` their offsets."""
        blocks = self.doc.blocks
        end = heading + 1
        while end < len(blocks) and end <= heading + 3 and blocks[end].kind != "heading":
            end += 1
        if end == heading + 1:
            return None
        first = bisect_left(starts, blocks[heading + 1].start)
        return ordered[first][3] if first < len(ordered) and starts[first] < blocks[end - 1].end else None

    def _candidates(self) -> Iterator[int]:
        """Indexes of sentences holding a trigger word, in order. Each trigger lexicon is read
        from its whole-draft index, which the claim checks build anyway: one combined trigger
        lexicon would scan the draft a second time for the same words."""
        doc, lex, found = self.doc, self.lex, set()
        for lexicon in (lex.increase, lex.decrease, lex.neutral, lex.association, lex.disease_verbs,
                        lex.standalone, lex.drug_substitutes, lex.absolutes, lex.vague, lex.testimonials,
                        lex.results, lex.animal):
            for m in find_all(lexicon, self.prose):
                sentence = doc.sentence_at(m.start())
                if sentence is not None:
                    found.add(sentence.index)
        return iter(sorted(found))

    def _benefit_openings(self) -> Iterator[int]:
        """Indexes of sentences that open with a benefit and hold no trigger word ("Unwind with
        a warm ashwagandha latte")."""
        prose = self.prose
        for sentence in self.doc.sentences:
            opening = _CLAUSE_OPENING.match(prose, sentence.start, sentence.end)
            at = opening.end() if opening is not None else sentence.start
            if _BENEFIT_OPENING.match(prose, at, sentence.end) is not None:
                yield sentence.index

    def _ticked_items(self) -> Iterator[int]:
        """Indexes of sentences that open with a selling point's tick, which may promise an
        outcome with no trigger word ("- ✔ Deeper, more restful sleep")."""
        for m in _TICK_CHAR.finditer(self.prose):
            sentence = self.doc.sentence_at(m.start())
            if sentence is not None and _TICK.match(self.prose, sentence.start) is not None:
                yield sentence.index

    def _benefit_cells(self) -> Iterator[int]:
        """Indexes of the first sentences of table cells under a benefit column ("| Best for |"),
        which may name an outcome with no trigger word ("| Deeper, more restful sleep |")."""
        for block in sorted(self._benefit_column):
            first = self._first_sentence(block)
            if first is not None:
                yield first.index

    def _benefit_column_cells(self) -> dict[int, _BenefitCell]:
        """The table cells that promise a use, each with where its product is named: under a
        column headed "Best for", "Benefits", "Helps with" (its row's first cell names it), or
        in a row so labelled or labelled with a risk, under a header cell that names the product
        (a comparison turned on its side: "| | Valerian Night | Hush GABA |" over "| Best for |
        ... | ... |")."""
        doc = self.doc
        text, found = doc.text, {}
        headers = table_headers(doc)
        for block, part in enumerate(doc.blocks):
            if part.kind != "table_cell":
                continue
            cell = headers.cell_over(part.start)
            if cell is None:
                continue
            row = text.rfind("\n", 0, part.start) + 1
            if _BENEFIT_HEADER.search(text, *cell) is not None:
                found[block] = _BenefitCell(None, False)
                continue
            cells = row_cells(text, row, part.start)
            if len(cells) < 2:
                continue
            label = _stripped(text, cells[0])
            if _BENEFIT_HEADER.fullmatch(text, *label) is not None or _EFFECT_LABEL.fullmatch(text, *label) is not None:
                found[block] = _BenefitCell(cell, False)
            elif _RISK_LABEL.fullmatch(text, *label) is not None:
                found[block] = _BenefitCell(cell, True)
        return found

    # --- one sentence ---------------------------------------------------------------------

    def _sentence(self, index: int) -> ClaimHit | None:
        doc, prose = self.doc, self.prose
        sentence = doc.sentences[index]
        if sentence.block in self.skip:
            return None
        start, end = sentence.start, sentence.end
        if is_question(prose, start, end, heading=doc.blocks[sentence.block].kind == "heading"):
            return None
        if _BREADCRUMB.fullmatch(prose, start, end) is not None:
            return None  # a site's trail of sections ("Community > Supplements & Support > PCOS")
        if (self._readers_question(sentence) or self._quoted_heading(sentence) or self._reported_cell(sentence)
                or self._dismissed(sentence) or self._refuted_next(sentence) or self._echoes_earlier(sentence)):
            return None
        subjects = self._subjects(sentence)
        cleft = self._cleft_subject(sentence, subjects)
        if cleft is not None:
            subjects = [cleft, *subjects]
        if (subjects and subjects[0].start > start and self.doc.blocks[sentence.block].kind == "list_item"
                and _CREDITED_BEFORE.search(prose, start, subjects[0].start) is None):
            # "- Stops hay fever in its tracks, without the drowsiness of antihistamine tablets":
            # an item opening with a benefit verb speaks of what the list describes, whatever it
            # names after that, unless it credits that ("✔ Eases morning nausea with ginger")
            subjects = self._item_subject(sentence) + subjects
        subjects = subjects or self._cue_subject(sentence) or self._row_subject(sentence) or self._item_subject(sentence)
        lead = self._lead_in_subject(sentence)
        if lead is not None:
            subjects = [lead, *subjects]
        # a question the splitter left joined to what follows ("does it help with recovery? seen
        # it in a bunch of stacks", '"Is CBD balm worth it?" - Priya') asks; only the rest may claim
        asked = prose.rfind("?", start, end)
        if asked >= 0:
            start = asked + 1
            subjects = [s for s in subjects if s.start >= start]
        if not subjects:
            return self._listed_benefit(sentence) or self._heading_benefit(sentence) if asked < 0 else None
        clauses = self._clauses(start, end)
        subjects = self._heirs(subjects, clauses)
        frame = self._framed(subjects, clauses)
        if frame is not None and frame.group().endswith(":"):
            return None  # a label that governs all it introduces: "Myth 2: CBD is 100% safe"
        if frame is not None:
            # a later clause with a subject of its own makes its own claim ("Rhodiola is
            # widely sold for fatigue, and it lifts mood")
            clauses = [c for c in clauses if c[0] >= frame.end()]
            # "whether eating collagen, or the amino acids in it, can support tendons": the
            # alternative is still inside the question
            while clauses and frame.group().lower() == "whether" and _OR_BEFORE.search(prose, start, clauses[0][0]):
                clauses = clauses[1:]
            if not clauses:
                return None
            subjects = [s for s in subjects if s.start >= clauses[0][0]]
            if not subjects or self._framed(subjects, clauses) is not None:
                return None
        animal = search(self.lex.animal, prose, start, end)
        if animal is not None:
            claims = self._claims(subjects, clauses)
            if not self._for_pets(animal, start, end, claims):
                return self._animal(sentence, animal, subjects, claims)
        hit = self._classify(sentence, subjects, clauses)
        if hit is None and doc.blocks[sentence.block].kind == "table_cell":
            return self._listed_benefit(sentence)  # "| Valerian | Deeper, more restful sleep |" under "Best for"
        if hit is not None and hit.type in ("efficacy", "hedged") and self._risk_cell(sentence):
            return None  # "| Watch out for | Nausea; may lower blood sugar |": an effect to mind
        return hit

    def _cleft_subject(self, sentence: Sentence, subjects: list[Subject]) -> Subject | None:
        """The "what" of a pseudo-cleft at the start of the sentence or a clause, standing for the
        substance named after its copula ("What finally fixed my sleep was magnesium")."""
        prose = self.prose
        for s in subjects:
            if s.start <= sentence.start:
                continue
            copula = _CLEFT_COPULA.search(prose, max(sentence.start, s.start - 40), s.start)
            if copula is None:
                continue
            what = _CLEFT_WHAT.search(prose, max(sentence.start, copula.start() - _CLEFT_REACH), copula.start())
            if what is None or not _CLEFT_OPENING.search(prose, sentence.start, what.start()):
                continue
            return Subject(what.start(), what.end(), s.name)
        return None

    def _heirs(self, subjects: list[Subject], clauses: list[tuple[int, int]]) -> list[Subject]:
        """Subjects plus, for a clause after a semicolon that names none, the sentence's topic:
        the first one named ("**Omega-3**: the fats in oily fish; protects against low mood").
        An empty span at the clause's start."""
        heirs: list[Subject] = []
        for c_start, c_end in clauses[1:]:
            if not self._inherits(c_start) or any(c_start <= s.start < c_end for s in subjects):
                continue
            if subjects and subjects[0].start < c_start:
                heirs.append(Subject(c_start, c_start, subjects[0].name))
        return sorted([*subjects, *heirs]) if heirs else subjects

    def _inherits(self, c_start: int) -> bool:
        """Whether a clause carries on the topic of the one before: after a semicolon, after a
        dash in a heading, where a shop's title lists what its product is for ("Magnesium
        Glycinate 400mg - Sleep Support, Stress Relief - 120 Capsules"), or after a dash that a
        verb of benefit follows."""
        before = self.prose[c_start - 2:c_start]
        if before.endswith(";"):
            return True
        if before[:1] not in ("-", "\u2013", "\u2014"):
            return False
        if self.doc.blocks[self.doc.block_index(c_start)].kind == "heading":
            return True
        # a label and what it does after a dash: "**Zinc + magnesium (ZMA-style)** - supports deep sleep"
        opened = self._opening_verb(c_start, min(len(self.prose), c_start + _ACTS_REACH))
        return opened is not None and _third_person(opened[1].group(0))

    def _framed(self, subjects: list[Subject], clauses: list[tuple[int, int]]) -> regex.Match[str] | None:
        """The frame ("sellers claim", "ask your doctor whether") that governs the sentence's
        claims: one before them or around one of their subjects does. One after a contrast
        ("Kava does calm anxious thoughts, but talk to a doctor first") leaves the claim before
        it standing; one after a consequence ("it can lower blood pressure, so talk to your
        doctor") makes the effect a caution, not a claim."""
        frame = search(self.lex.frames, self.prose, clauses[0][0], clauses[-1][1])
        if frame is None:
            return None
        first = subjects[0].start
        if frame.start() < first or any(frame.start() <= s.start < frame.end() for s in subjects):
            return frame  # "..., but the case that it improves sleep ... remains weak" holds its claim
        if _CONTRAST.search(self.prose, first, frame.start()) is not None:
            return None
        # a frame in a comment on the claim made ("..., which is why it's sold as a fertility aid")
        # does not report it
        return frame if _COMMENT_AFTER.search(self.prose, first, frame.start()) is None else None

    def _subjects(self, sentence: Sentence) -> list[Subject]:
        """Substance names in the sentence, plus words that point back to one named nearby."""
        start, end = sentence.start, sentence.end
        subjects = self._mentions_in(sentence)
        for m in find_all(self.lex.anaphors, self.prose, start, end):
            if self.lex.dummy_subjects.match(self.prose, m.start(), end):
                continue
            if any(s.start < m.end() and m.start() < s.end for s in subjects):
                continue
            # "they" with nothing named nearby are the gummies the draft's title sells; "it"
            # under "## Exercise" is the exercise
            plural = _PLURAL_PRONOUN.fullmatch(self.prose, m.start(), m.end()) is not None
            if self._after_practice(sentence, m.start()):
                continue  # "... cognitive behavioural therapy for insomnia, or CBT-I. It teaches you ..."
            name = self._antecedent(m.start(), sentence.block, title=plural)
            if name is None and _FIRST_PERSON.search(self.prose, start, end):
                # a review or a personal story ("they help me unwind") speaks of the product
                # the draft is about, however far back it was named
                name = self._last_mention(m.start())
            if name is not None:
                subjects.append(Subject(m.start(), m.end(), name))
        subjects.sort()
        # what stopping a substance did is no benefit of the substance ("Cutting it out and doing
        # the sleep course fixed my insomnia", "coming off kratom gave me my life back")
        return [s for s in subjects if _GIVEN_UP.search(self.prose, max(start, s.start - _GIVEN_UP_REACH), s.start) is None]

    def _cue_subject(self, sentence: Sentence) -> list[Subject]:
        """A sentence with a drug-substitute, evidence, testimonial, promise or animal-study cue
        but no subject of its own ("Users report waking up refreshed.") speaks of the substance named just
        before, or else of the one the title names, or else (see _about_the_product) of the
        one named last anywhere."""
        lex = self.lex
        for pattern in (lex.drug_substitutes, lex.vague, lex.testimonials, lex.results, lex.absolutes, lex.animal):
            cue = search(pattern, self.prose, sentence.start, sentence.end)
            if cue is not None:
                if pattern is lex.testimonials and _CLEFT_END.search(cue.group(0)) is not None:
                    return []  # "what helped me was ..." names what helped after the cue, or nothing
                if (pattern is lex.results or pattern is lex.testimonials) and _CREDITED_AFTER.match(self.prose, cue.end(), sentence.end) is not None:
                    return []  # "The only thing that really worked was strength training": the same
                # a life that changed is no substance's doing unless a review signs it or the
                # sentence points back ("I no longer dread going to bed" closes an essay about a
                # sleep course, after the wine it gave up)
                if pattern is lex.vague and self._says_of_other(cue.end(), sentence.end):
                    return []  # "Experts say a warm bath before bed helps too": of the bath
                if pattern is lex.absolutes and search(lex.practices, self.prose, sentence.start, cue.start()) is not None:
                    return []  # "Behavioural approaches ... have no side effects": of the approaches
                name = None if pattern is lex.results else self._antecedent(cue.start(), sentence.block, title=True)
                if name is None and self._about_the_product(pattern, sentence, cue):
                    name = self._last_mention(cue.start())
                # an empty span at the cue: the cue's own words stay free to name the outcome
                return [Subject(cue.start(), cue.start(), name)] if name is not None else []
        return []

    def _says_of_other(self, after: int, end: int) -> bool:
        """Whether what an evidence cue reports opens with a subject of its own that is no
        substance ("a warm bath", "getting up at the same time"), rather than a pronoun or a
        substance's name."""
        prose = self.prose
        opening = _REPORTED_SUBJECT.match(prose, after, end)
        if opening is None:
            return False
        start = opening.start(1)
        if self.lex.anaphors.match(prose, start, end) is not None:
            return False
        return _first_within(self.mention_starts, start, min(end, start + _REPORTED_REACH)) is None

    def _row_subject(self, sentence: Sentence) -> list[Subject]:
        """A table cell that opens with no subject ("| Rhodiola | Eases fatigue |") speaks of the
        substance its row's first cell names: an empty span at the cell's start."""
        block = sentence.block
        blocks, text = self.doc.blocks, self.doc.text
        if blocks[block].kind != "table_cell" or sentence.start != blocks[block].start:
            return []
        first = block
        # the row's cells are the table cells before it in its row: a Markdown line, an HTML <tr>
        row_start = row_span(text, blocks[block].start)[0]
        while first > 0 and blocks[first - 1].kind == "table_cell" and blocks[first - 1].start >= row_start:
            first -= 1
        if first == block:
            return []
        lo = bisect_left(self.mention_starts, blocks[first].start)
        if lo == len(self.mentions) or self.mentions[lo].start >= blocks[first].end:
            return []
        return [Subject(sentence.start, sentence.start, self.mentions[lo].name)]

    def _column_subject(self, block: int, cell: tuple[int, int]) -> list[Subject]:
        """The substance or product named in `cell`, the header cell over a cell of a benefit row."""
        lo = bisect_left(self.mention_starts, cell[0])
        if lo == len(self.mentions) or self.mentions[lo].start >= cell[1]:
            return []
        start = self.doc.blocks[block].start
        return [Subject(start, start, self.mentions[lo].name)]

    def _item_subject(self, sentence: Sentence) -> list[Subject]:
        """A list item that opens with a benefit verb in the third person ("- Quiets a racing
        mind", "- Could help you unwind"; an imperative "- Ease into bed" is a tip) speaks of
        what the list describes: what its lead-in or section names, or else the substance named
        last. An empty span at the item's start."""
        kind = self.doc.blocks[sentence.block].kind
        if kind in ("list_item", "table_cell"):
            if self._first_sentence(sentence.block) != sentence:
                return []
        elif kind == "heading":
            return []
        elif not self._opens_line(sentence):
            return self._elided_subject(sentence)
        # a label's or a carton's line ("Relieves occasional sleeplessness*") opens a line
        label = _SELLING_LABEL.match(self.prose, sentence.start, sentence.end)
        if not self._opens_with_benefit(label.end() if label is not None else sentence.start):
            return []
        name = self._antecedent(sentence.start, sentence.block, title=True) or self._last_mention(sentence.start)
        return [Subject(sentence.start, sentence.start, name)] if name is not None else []

    def _elided_subject(self, sentence: Sentence) -> list[Subject]:
        """A sentence of running prose that drops its subject and opens with a benefit verb in the
        third person ("I use kratom for my back. Kills the pain better than anything.") speaks of
        the substance named just before: an empty span at its start."""
        if not self.prose[sentence.start:sentence.start + 1].isupper() or not self._opens_with_benefit(sentence.start):
            return []
        name = self._antecedent(sentence.start, sentence.block)
        return [Subject(sentence.start, sentence.start, name)] if name is not None else []

    def _heading_benefit(self, sentence: Sentence) -> ClaimHit | None:
        """A heading that says what its product does without naming it ("## Soothes sore bodies
        and frayed nerves", "<h3>Quiets a busy brain at 3am</h3>"): its verb, in the third person,
        has the substance named last before it for a subject."""
        if self.doc.blocks[sentence.block].kind != "heading":
            return None
        at = _HEADING_OPENING.match(self.prose, sentence.start, sentence.end).end()
        opened = self._opening_verb(at, sentence.end)
        if opened is None or not _third_person(opened[1].group(0)):
            return None
        kind, verb = opened
        outcome, disease = self._outcome(kind, verb.end(), sentence.end)
        name = self._last_mention(sentence.start)
        if outcome is None or name is None:
            return None
        subject = Subject(sentence.start, sentence.start, name)
        claim = self._claim(subject, (verb.start(), verb.end()), outcome, disease, sentence.start)
        return self._hit("disease" if claim.disease else "efficacy", sentence, subject, None, claim, disease=claim.disease)

    def _listed_benefit(self, sentence: Sentence) -> ClaimHit | None:
        """A list item that completes a lead-in's promise ("Users say CalmRest helps them:" /
        "- Fall asleep faster"; "Magnesium can:" / "- ease muscle cramps"): the lead-in names
        the subject and the benefit verb, the item the outcome. A cell under a benefit column
        ("| Best for |") does the same for its row's product."""
        block = sentence.block
        kind = self.doc.blocks[block].kind
        if kind not in ("list_item", "table_cell") or self._first_sentence(block) != sentence:
            return None
        cell = self._benefit_column.get(block)
        if kind == "table_cell":
            if cell is None:
                return None
            row = self._column_subject(block, cell.header) if cell.header else self._row_subject(sentence)
            lead = (row[0].name, "efficacy") if row else None
        else:
            lead = self._list_lead_in(self.run_start[block] - 1) or self._ticked(sentence)
        if lead is None:
            return None
        if cell is not None and cell.risk:
            # "| Habit-forming? | No |": a risk ruled out, a safety promise
            denial = _DENIAL_CELL.fullmatch(self.prose, sentence.start, sentence.end)
            return self._hit("absolute", sentence, Subject(sentence.start, sentence.start, lead[0]), denial, None) if denial else None
        following = self.doc.next_sentence(sentence)
        if following is not None and following.block == block and self._subjects(following):
            return None  # "- **Calmer joints.** This juice soothes arthritis.": the item says it itself
        lex, prose = self.lex, self.prose
        outcome = None
        for pattern in (lex.standalone, lex.good, lex.bad, lex.diseases):
            found = search(pattern, prose, sentence.start, sentence.end)
            if found is not None and (outcome is None or found.start() < outcome.start()):
                outcome = found
        if outcome is None or self.a.polarity.negation(prose, sentence.start, outcome.start()) is not None:
            return None
        if not self._has_benefit(sentence.start, sentence.end, []):
            return None  # "| Great value, can upset stomachs |": a harm noted, no benefit
        subject, kind = lead
        disease = search(lex.diseases, prose, sentence.start, sentence.end) if kind == "efficacy" else None
        if disease is not None:
            kind = "disease"
        return self._hit(kind, sentence, Subject(sentence.start, sentence.start, subject), outcome, None,
                         disease=disease.group(0) if disease is not None else "")

    def _echoes_earlier(self, sentence: Sentence) -> bool:
        """Whether a reply's quoted line repeats words the draft said before ("> CBD oil fixed my
        knee" under the post that says it) to question them: the claim was made where it was first
        said. Quoted to agree ("That tracks."), it is told again."""
        text, prose = self.doc.text, self.prose
        line_start = text.rfind("\n", 0, sentence.start) + 1
        if _QUOTE_LINE.match(text, line_start) is None:
            return False
        words = _QUOTE_MARKS.sub("", prose[sentence.start:sentence.end]).strip()
        if len(words) < _ECHO_LENGTH or prose.find(words, max(0, line_start - _ECHO_REACH), line_start) < 0:
            return False
        replies = self.doc.sentences[sentence.index + 1:sentence.index + 1 + _ECHO_REPLY]
        return any(is_question(prose, reply.start, reply.end) or _EVIDENCE_DENIED.search(prose, reply.start, reply.end)
                   for reply in replies)

    def _quoted_heading(self, sentence: Sentence) -> bool:
        """A heading that is all quotation ('## 2. "Magnesium is nature's sleeping pill"') names
        a claim the section examines; it does not make it."""
        block = self.doc.blocks[sentence.block]
        return block.kind == "heading" and _QUOTED_WHOLE.fullmatch(self.prose, block.start, block.end) is not None

    def _reported_cell(self, sentence: Sentence) -> bool:
        """A table cell that is all quotation under a header naming what someone said ("| What
        the spa said |" over '"Cures insomnia and anxiety"') reports a claim, as a watchdog does."""
        block = self.doc.blocks[sentence.block]
        if block.kind != "table_cell" or _QUOTED_WHOLE.fullmatch(self.prose, block.start, block.end) is None:
            return False
        return table_headers(self.doc).column_says(block.start, _REPORTED_HEADER)

    def _risk_cell(self, sentence: Sentence) -> bool:
        """A table cell under a header that names risks ("Watch out for", "Side effects"): an
        effect told there is one to mind, not a benefit promised (a safety promise still is)."""
        block = self.doc.blocks[sentence.block]
        return block.kind == "table_cell" and table_headers(self.doc).column_says(block.start, _RISK_HEADER)

    def _dismissed(self, sentence: Sentence) -> bool:
        """Hearsay the sentence itself dismisses ("...; please don't listen to them"): reported, not made."""
        return _DISMISSED.search(self.prose, sentence.start, sentence.end) is not None

    def _refuted_next(self, sentence: Sentence) -> bool:
        """A claim the next sentence denies at once ('... never need Ambien again." / Unfortunately,
        it isn't: ...'; 'Not true.') or asks about ('Is that true?'): reported, not made."""
        nxt = self.doc.next_sentence(sentence)
        return nxt is not None and nxt.block - sentence.block <= 1 and _REFUTES.match(self.prose, nxt.start, nxt.end) is not None

    def _readers_question(self, sentence: Sentence) -> bool:
        """Whether a sentence is part of a reader's question in a Q&A ("**Q: I've read that
        magnesium helps with sleep. Should I try it?**"): what it says it has heard is what it
        asks about. The question runs to its block's end or to an answer label on a later line
        ("Q: ... Is that right?" / "A: No.")."""
        block = sentence.block
        end = self._asked_blocks.get(block)
        if end is None:
            start, stop = self.doc.blocks[block].start, self.doc.blocks[block].end
            answer = _ANSWER_LABEL.search(self.doc.text, start, stop)
            stop = answer.start() if answer is not None else stop
            last = bisect_left(self.sentence_starts, stop) - 1
            asked = (_QUESTION_LABEL.match(self.doc.text, start) is not None and last >= 0
                     and self.doc.sentences[last].block == block
                     and is_question(self.prose, self.doc.sentences[last].start, self.doc.sentences[last].end))
            end = self._asked_blocks[block] = stop if asked else -1
        return sentence.start < end

    def _ticked(self, sentence: Sentence) -> tuple[str, str] | None:
        """A list item ticked as a selling point ("- ✔ Deeper, more restful sleep") promises its
        benefit from what the list describes, as a lead-in would."""
        line = self.doc.text.rfind("\n", 0, sentence.start) + 1
        # a plain-text list takes the tick for its bullet, leaving it before the item's prose
        if _TICK.match(self.prose, sentence.start) is None and _TICK_CHAR.search(self.doc.text, line, sentence.start) is None:
            return None
        name = self._antecedent(sentence.start, sentence.block, title=True) or self._last_mention(sentence.start)
        return (name, "efficacy") if name is not None else None

    def _list_lead_in(self, block: int) -> tuple[str, str] | None:
        """The subject a list's lead-in paragraph promises a benefit from, and the kind of
        claim its items make, when the paragraph ends with a colon after a benefit verb,
        a modal or a testimonial ("Ashwagandha may help:", "Reviewers say it helps them:")."""
        if block < 0 or self.doc.blocks[block].kind not in ("paragraph", "heading"):
            return None
        last = bisect_left(self.sentence_starts, self.doc.blocks[block].end) - 1
        if last < 0 or self.doc.sentences[last].block != block:
            return None
        lead = self.doc.sentences[last]
        if lead.index == self._first_sentence(block).index and _PROS_LABEL.fullmatch(self.prose, lead.start, lead.end):
            # a review's pros belong to the product its section is about
            name = self._antecedent(lead.start, block, title=True) or self._last_mention(lead.start)
            return (name, "efficacy") if name is not None else None
        if self.doc.blocks[block].kind == "heading":
            return None
        promise = _LIST_PROMISE.search(self.prose, lead.start, lead.end)
        if promise is None:
            return None
        subjects = [s for s in self._subjects(lead) if s.start < promise.start()]
        if not subjects:
            return None
        if search(self.lex.testimonials, self.prose, lead.start, lead.end) is not None:
            kind = "testimonial"
        elif self.a.polarity.hedge(self.prose, subjects[-1].end, lead.end) is not None:
            kind = "hedged"
        else:
            kind = "efficacy"
        return subjects[-1].name, kind

    def _lead_in_subject(self, sentence: Sentence) -> Subject | None:
        """The substance a lead-in names ("- **Reishi.** The mushroom could support ..."), for
        the later sentences of its list item or paragraph: an empty span at the sentence's start."""
        lead = self._lead_in(sentence.block)
        if lead is None or lead.index >= sentence.index:
            return None
        named = self._mentions_in(lead)
        return Subject(sentence.start, sentence.start, named[-1].name) if named else None

    def _lead_in(self, block: int) -> Sentence | None:
        """The block's first sentence when it is a lead-in that names the block's topic: a few
        words opening a list item, or set in bold before a paragraph ("**Exercise.** It ...")."""
        kind = self.doc.blocks[block].kind
        lead = self._first_sentence(block) if kind in ("list_item", "paragraph") else None
        # a bracketed aside does not lengthen a name: "**Ridgeline Calm (L-theanine 200 mg + lemon balm).**"
        if lead is None or len(_BRACKETED.sub("", self.prose[lead.start:lead.end]).split()) > _LEAD_IN_WORDS:
            return None
        if _NOT_A_LABEL.match(self.prose, lead.start, lead.end) is not None:
            return None  # "[03:05] And this one's new. 5-HTP, 100 mg. ...": talk going on, no topic
        text, start = self.doc.text, self.doc.blocks[block].start
        if not text.startswith(_BOLD, start):
            return lead if kind == "list_item" else None
        # the bold span is the lead-in itself, not a longer bold opening ("**3. Saffron and mood.**")
        close = text.find(text[start:start + 2], start + 2)
        return lead if close >= 0 and lead.end <= close + 1 and not text[lead.end:close].strip(" .:!") else None

    def _opens_line(self, sentence: Sentence) -> bool:
        """Whether `sentence` starts its line: after a newline, or first in its block with only
        blanks before it (an HTML paragraph's tag leaves blanks in the prose)."""
        if self.prose[sentence.start - 1:sentence.start] in ("\n", ""):
            return True
        return self._first_sentence(sentence.block) == sentence and not self.prose[self.doc.blocks[sentence.block].start:sentence.start].strip()

    def _first_sentence(self, block: int) -> Sentence | None:
        """The first sentence of a block, if it has one."""
        first = bisect_left(self.sentence_starts, self.doc.blocks[block].start)
        if first < len(self.doc.sentences) and self.doc.sentences[first].block == block:
            return self.doc.sentences[first]
        return None

    def _opens_with_benefit(self, start: int) -> bool:
        """Whether the text at `start` is a benefit verb in the third person, perhaps after a modal."""
        lex, prose = self.lex, self.prose
        ticked = _TICK.match(prose, start)
        start = ticked.end() if ticked is not None else start
        modal = _MODAL.match(prose, start)
        at = modal.end() if modal is not None else start
        manner = _MANNER.match(prose, at)  # a label's "temporarily relieves", "gently calms"
        at = manner.end() if manner is not None else at
        # a standalone benefit opens with its own verb: "- Keeps your airways clear", "- Burns stored fat"
        for pattern in (lex.disease_verbs, lex.increase, lex.decrease, lex.neutral, lex.standalone):
            verb = pattern.match(prose, at)
            if verb is not None:
                return modal is not None or _third_person(verb.group(0))
        return False

    def _about_the_product(self, cue: regex.Pattern[str], sentence: Sentence, found: regex.Match[str]) -> bool:
        """Whether a cue with no substance nearby speaks of the one the draft named last, however
        far back: a drug comparison or a safety promise does ("NightForge is non-habit-forming"),
        and so does a testimonial that points back with a pronoun ("my anxiety is gone since I
        switched to these"), signs a quotation (a review: '..." (Marion, 5 stars)'), follows one
        in its paragraph or swears by the product, and a person's result told in a signed
        quotation; an evidence cue does not."""
        lex = self.lex
        if cue is lex.drug_substitutes or cue is lex.absolutes:
            return True
        if cue is not lex.testimonials and cue is not lex.results:
            return False
        # a result is told inside the quotation, signed after it; a testimonial cue may be the signature
        signed = self._signed(sentence) if cue is lex.results else self._signs_quotation(found.start())
        # one more in a run of reviews: "... (Kerry)\nSarah from the school gates says ..."
        in_a_run = (sentence.index - 1 in self.taken and self.doc.sentences[sentence.index - 1].block == sentence.block
                    and self._has_benefit(sentence.start, sentence.end, []))
        # a verdict on the product sworn by a crowd ("Twelve thousand five-star reviews can't be wrong")
        sworn = cue is lex.testimonials and self._sworn(found, sentence.end)
        # an entry of a trial diary ("Week two: my afternoon slump disappeared") tells what the
        # product the diary is about did
        # ("**Weeks 4-8:** This is where it got interesting.\nMy libido came back")
        block_start = self.doc.blocks[sentence.block].start
        diary = cue is lex.results and any(_DIARY_ENTRY.match(self.prose, start, found.start()) is not None
                                           for start in {sentence.start, block_start})
        return signed or in_a_run or sworn or diary or _POINTS_BACK.search(self.prose, sentence.start, sentence.end) is not None

    def _signed(self, sentence: Sentence) -> bool:
        """Whether a quotation in or right after `sentence` is signed as a review ('..." (Amazon
        reviewer, 5 stars)', '..." - Renee M.'): the splitter may leave the signature apart."""
        prose = self.prose
        block_end = self.doc.blocks[sentence.block].end
        # the quotation may go on for a sentence or two ('"... ended. Unreal." (Marisol)')
        close = _CLOSING_QUOTE.search(prose, max(sentence.start, sentence.end - 2), block_end)
        stop = _past_blanks(prose, close.end() if close is not None else sentence.end, _SIGNATURE_REACH, block_end)
        return any(self._signs_quotation(cue.start()) for cue in find_all(self.lex.testimonials, prose, sentence.start, stop))

    def _signs_quotation(self, offset: int) -> bool:
        """Whether a testimonial cue at `offset` comes right after a closing quotation mark,
        signing it ('..." (Marion, 5 stars)', '," writes Dan')."""
        return _SIGNS_QUOTE.search(self.prose, max(0, offset - _SIGNS_QUOTE_REACH), offset) is not None

    def _last_mention(self, offset: int) -> str | None:
        """The substance named last before `offset`, anywhere in the draft."""
        before = bisect_left(self.mention_starts, offset)
        return self.mentions[before - 1].name if before else None

    def _antecedent(self, offset: int, block: int, title: bool = False, depth: int = 0) -> str | None:
        """The substance a pronoun refers to: the last one named in this or the previous
        block, or in the heading of this section, or the one a pronoun of the previous block or
        of that heading refers to (a topic carried from paragraph to paragraph: "It also balances
        your hormones"); with `title`, else the one the draft's title names (for sentences whose
        own cue already marks a claim). A pronoun after a lead-in that names no substance
        ("**Exercise.** It ...") or asks about a topic of its own ("**Does ice help?** ... it can
        help with pain") speaks of that topic: None."""
        lead = self._lead_in(block)
        if (lead is not None and lead.end <= offset and not self._mentions_in(lead)
                and (not self._states_benefit(lead) or _ASKS_OF_TOPIC.fullmatch(self.prose, lead.start, lead.end) is not None)
                and not _DIGIT.search(self.prose, lead.start, lead.end)):
            return None  # (a diary's date, "**oct 11, night 10.**", is no topic)
        name = self._named_near(offset, block)
        if name is None and depth < _CHAIN_DEPTH and block > 0 and self.doc.blocks[block - 1].kind != "heading":
            name = self._carried(block - 1, depth + 1)
        head = self.section[block]
        if (name is None and depth < _CHAIN_DEPTH and 0 <= head < block
                and _POINTS_BACK.search(self.prose, self.doc.blocks[head].start, self.doc.blocks[head].end) is not None):
            # a heading that points back itself ("Why our customers love it") hands on its topic
            name = self._carried(head, depth + 1)
        if name is not None:
            return name
        # nothing named nearby: a promise, testimonial or drug comparison in a draft about one
        # substance is about that substance ("It's a natural alternative to anti-anxiety meds")
        return self.title if title and block > 0 else None

    def _after_practice(self, sentence: Sentence, pronoun: int) -> bool:
        """Whether the sentence before a pronoun that opens one names a practice (a therapy, a
        drink) and no substance: the nearer candidate is what the pronoun points to. A sentence
        the splitter left joined ("... or CBT-I. It teaches you") counts up to the pronoun; an
        answer's first sentence looks at the turn before it ("JO: does alcohol make it worse?" /
        "HELEN: It helps you drop off and then fragments the night"), and so does a pronoun after
        a short verdict ("Blackout curtains, box fan. Boring but it works."), which judges a
        sentence before it that names no substance whatever that sentence tells. A pronoun
        sentence that names nothing ("It sounds silly.") hands on to the sentence before it."""
        verdict = _VERDICT_OPENING.fullmatch(self.prose, sentence.start, pronoun) is not None
        if sentence.index > 0 and (pronoun == sentence.start
                                   or _ANSWER_OPENING.fullmatch(self.prose, sentence.start, pronoun) is not None
                                   or verdict):
            previous = self.doc.sentences[sentence.index - 1]
            # "five minutes of slow breathing ... It sounds silly. It works.": a pronoun that
            # opens the sentence before, naming nothing, hands on what that one points to
            if (previous.block == sentence.block and previous.index > 0
                    and _PRONOUN_OPENING.match(self.prose, previous.start, previous.end) is not None
                    and _first_within(self.mention_starts, previous.start, previous.end) is None
                    and self.doc.sentences[previous.index - 1].block == sentence.block):
                previous = self.doc.sentences[previous.index - 1]
            if verdict and previous.block == sentence.block:
                # "I also cut my nails short. Sounds silly but it means ...": a verdict judges
                # what was just told; with no substance there, it is no substance's
                return _first_within(self.mention_starts, previous.start, previous.end) is None
            if previous.block == sentence.block:
                start, end = previous.start, previous.end
            elif previous.block == sentence.block - 1:
                start, end = self.doc.blocks[previous.block].start, previous.end
            else:
                return False
        elif _STOP_BEFORE.search(self.prose, sentence.start, pronoun) is not None:
            start, end = sentence.start, pronoun
        else:
            return False
        if _first_within(self.mention_starts, start, end) is not None:
            return False
        return search(self.lex.practices, self.prose, start, end) is not None

    def _states_benefit(self, lead: Sentence) -> bool:
        """Whether a lead-in names a benefit ("**Calmer joints.**", "**Heart support.**") rather
        than a topic of its own ("**Exercise.**"): the sentences after it go on about the
        substance the list is about."""
        prose, lex = self.prose, self.lex
        if _COMPARATIVE_OPENING.match(prose, lead.start, lead.end) is not None or self._has_outcome(lead.start, lead.end):
            return True
        return any(search(pattern, prose, lead.start, lead.end) is not None for pattern in (lex.increase, lex.decrease, lex.neutral))

    def _carried(self, block: int, depth: int) -> str | None:
        """The substance the first pronoun of `block` refers to, if the block names none itself."""
        if block in self._topics:
            return self._topics[block]
        found = None
        b = self.doc.blocks[block]
        lo, hi = bisect_left(self.mention_starts, b.start), bisect_left(self.mention_starts, b.end)
        if lo == hi:  # a block naming a substance of its own is no pronoun chain
            for m in find_all(self.lex.anaphors, self.prose, b.start, b.end):
                if self.lex.dummy_subjects.match(self.prose, m.start(), b.end) is None:
                    found = self._antecedent(m.start(), block, depth=depth)
                    break
            else:
                # a byline between answers ("By Ahmed K., PharmD on January 12, 2024") breaks no chain
                if _BYLINE.fullmatch(self.prose, b.start, b.end) is not None and block > 0 and self.doc.blocks[block - 1].kind != "heading":
                    found = self._named_near(b.start, block - 1) or self._carried(block - 1, depth)
        self._topics[block] = found
        return found

    def _named_near(self, offset: int, block: int) -> str | None:
        """The last substance named before `offset` in this block, the previous one (or run of
        list items) or this section's heading."""
        i = bisect_left(self.mention_starts, offset) - 1
        # a run of list items (a transcript's timestamped lines) reads as one paragraph
        allowed = {*range(self.run_start[block] - 1, block + 1), self.section[block]}
        while i >= 0:
            mention = self.mentions[i]
            mention_block = self.doc.block_index(mention.start)
            if mention_block in allowed:
                return mention.name
            if mention_block < min(allowed):
                break
            i -= 1
        return None

    def _clauses(self, start: int, end: int) -> list[tuple[int, int]]:
        bounds, pos = [], start
        for m in _CLAUSE_BREAK.finditer(self.prose, start, end):
            bounds.append((pos, m.start()))
            pos = m.end()
        bounds.append((pos, end))
        return bounds

    def _claims(self, subjects: list[Subject], clauses: list[tuple[int, int]]) -> list[Claim]:
        """Every subject-predicate-outcome claim of the sentence, negated ones included."""
        lex, prose, claims = self.lex, self.prose, []
        background = search(lex.background, prose, clauses[0][0], clauses[-1][1])
        horizon = background.start() if background is not None else clauses[-1][1]
        # the background frame governs its own clause; a later one says something of its own
        # when it draws a consequence ("Pumpkin seed oil blocks DHT, which is the hormone that
        # makes people go bald, so it stops hair loss")
        resumes = None if background is None else next(
            (c_start for c_start, _ in clauses
             if c_start > horizon and _DRAWS_CONSEQUENCE.search(prose, max(0, c_start - 24), c_start) is not None), None)
        previous: list[Subject] = []
        for c_start, c_end in clauses:
            owners = [s for s in subjects if c_start <= s.start < c_end]
            if not owners and previous and self._verb_goes_on(c_start, c_end):
                owners = previous[-1:]  # "X blocks 5-LOX, an enzyme ..., and switches off joint pain"
            previous = owners or previous
            if not owners:
                continue
            first = owners[0].start
            opening = self._call_to_action(c_start, first, owners)
            if opening is not None:
                claims.append(opening)
            for kind, pattern in (("disease", lex.disease_verbs), ("increase", lex.increase), ("decrease", lex.decrease), ("neutral", lex.neutral), ("association", lex.association)):
                for p in find_all(pattern, prose, first, c_end):
                    subject = _nearest_before(owners, p.start())
                    if subject is None or p.start() < subject.end:
                        continue
                    if p.start() > horizon and (resumes is None or p.start() < resumes):
                        continue
                    if _INTERACTS.search(prose, subject.end, p.start()) is not None:
                        continue  # "can interact with ... medicines for diabetes" names a risk
                    if _TITLED_NAME.match(prose, p.start()) is not None and _LOWER_BEFORE.search(prose, c_start, p.start()) is not None:
                        continue  # "with Calm Bear the budget choice": a verb in a product's name, in lower-case prose
                    # an outcome past the background frame belongs to the body's chemistry, not the
                    # claim; a verb in a clause after it reads to its own clause's end
                    frame_end = horizon if p.start() < horizon else c_end
                    reach = min(c_end, p.end() + _OUTCOME_REACH, max(frame_end, p.end()))
                    outcome, disease = self._outcome(kind, p.end(), reach)
                    if outcome is None and kind == "disease":
                        outcome, disease = self._disease_taken_up(clauses[0][0], p.start(), p.end())
                    if outcome is None:
                        outcome = self._outcome_before(kind, subject.end, p.start(), p.end())
                    if outcome is None:
                        continue
                    if kind == "disease" and not disease:
                        disease = prose[outcome[0]:outcome[1]]
                    claims.append(self._claim(subject, (p.start(), p.end()), outcome, disease, c_start,
                                              head=_list_head(prose, owners, subject)))
            for b in find_all(lex.standalone, prose, c_start, c_end):
                subject = _nearest_before(owners, b.start() + 1) or self._subject_after(owners, b.end())
                if subject is not None:
                    claims.append(self._claim(subject, (b.start(), b.end()), None, "", c_start))
        claims.sort(key=lambda c: (c.negated, c.subject.start, c.predicate))
        return claims

    def _endorsed(self, vague: regex.Match[str], end: int, claims: list[Claim]) -> bool:
        """Whether an appeal to research vouches for a substance with no outcome named ("Doctors
        recommend L-theanine for anyone ...") before any claim it denies ("... whose brain won't
        switch off" is the reader's trouble, not a denial)."""
        endorsement = search(self.lex.endorsements, self.prose, vague.end(), end)
        return endorsement is not None and not any(c.negated and c.predicate[0] < endorsement.start() for c in claims)

    def _verb_goes_on(self, start: int, end: int) -> bool:
        """Whether a clause after ", and" is one more verb of the subject before it: it opens
        with a benefit verb in the third person ("..., and switches off joint pain")."""
        if _AND_BEFORE.search(self.prose, max(0, start - 6), start) is None:
            return False
        clause = self.prose[start:end]
        opened = self._opening_verb(start + len(clause) - len(clause.lstrip()), end, cures=True)
        return opened is not None and _third_person(opened[1].group(0))

    def _opening_verb(self, at: int, end: int, cures: bool = False) -> tuple[str, regex.Match[str]] | None:
        """The benefit verb that text[at:end] opens with, and its kind ("increase", "decrease",
        "neutral", and "disease" when `cures` is asked): what a call to action or a subjectless
        heading promises."""
        lex = self.lex
        kinds = (("increase", lex.increase), ("decrease", lex.decrease), ("neutral", lex.neutral))
        if cures:  # "Reverse your prediabetes with apple cider vinegar"
            kinds = (("disease", lex.disease_verbs),) + kinds
        for kind, pattern in kinds:
            verb = pattern.match(self.prose, at, end)
            if verb is not None and self.prose[verb.start():verb.start() + 1].isalpha():
                return kind, verb
        return None

    def _call_to_action(self, c_start: int, first: int, owners: list[Subject]) -> Claim | None:
        """A clause that opens with a benefit verb and credits a subject after its outcome ("Say
        goodbye to sleepless nights with our gummies", "Ease sore muscles with a magnesium soak")."""
        opening = _CLAUSE_OPENING.match(self.prose, c_start, first)
        at = opening.end() if opening is not None else c_start
        lex = self.lex
        opened = self._opening_verb(at, first, cures=True)
        if opened is not None:
            kind, verb = opened
            if _third_person(verb.group(0)) and self.doc.blocks[self.doc.block_index(c_start)].kind != "list_item":
                # "Helps you unwind with ..." is a list item's claim, found elsewhere, unless the
                # item credits what follows: "✔ Boosts milk supply with fenugreek"
                return None
            outcome, disease = self._outcome(kind, verb.end(), min(first, verb.end() + _OUTCOME_REACH))
            if outcome is None:
                return None
            subject = self._subject_after(owners, outcome[1])
            if subject is None:
                return None
            return self._claim(subject, (verb.start(), verb.end()), outcome, disease, c_start)
        # the benefit itself opens the clause: "Unwind with a warm ashwagandha latte", "DEEPER
        # SLEEP WITH MAGNESIUM"
        if _BENEFIT_OPENING.match(self.prose, at, first) is None:
            return None
        for pattern in (lex.standalone, lex.good):
            outcome = pattern.match(self.prose, at, first)
            if outcome is not None:
                subject = self._subject_after(owners, outcome.end())
                if subject is not None:
                    span = (outcome.start(), outcome.end())
                    return self._claim(subject, span, span, "", c_start)
        return None

    def _subject_after(self, owners: list[Subject], end: int) -> Subject | None:
        """The subject a call to action credits after its benefit ("Wake up refreshed with
        DreamWell", "sleep deeper thanks to magnesium"), or None."""
        after = next((s for s in owners if s.start >= end), None)
        if after is None or _CREDITED.fullmatch(self.prose, end, after.start) is None:
            return None
        return after

    def _outcome(self, kind: str, start: int, end: int) -> tuple[tuple[int, int] | None, str]:
        """The first outcome after a predicate that the predicate can benefit, and any disease."""
        lex, prose = self.lex, self.prose
        # "has been linked to better sleep" is a hedged benefit; "linked to heart disease" is a risk
        # "can raise the risk of seizures" or "raise ... seizure medicines" is a harm, not a cure
        disease = None if kind in ("association", "increase") else search(lex.diseases, prose, start, end)
        if disease is not None:
            return (disease.start(), disease.end()), disease.group(0)
        best: regex.Match[str] | None = None
        for pattern in self._outcomes_for(kind):
            m = search(pattern, prose, start, end)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        if best is not None and kind == "association" and self._within_harm(start, best.start(), best.end()):
            return None, ""  # "associated with low mood" names a harm, though "mood" is good
        return ((best.start(), best.end()) if best else None), ""

    def _within_harm(self, start: int, good_start: int, good_end: int) -> bool:
        """Whether a good outcome at [good_start, good_end) is the tail of a bad one that starts
        before it, after `start` ("low mood", "poor sleep")."""
        return any(m.start() < good_start and m.end() >= good_end
                   for m in find_all(self.lex.bad, self.prose, max(start, good_start - _HELD_REACH), good_end))

    def _outcomes_for(self, kind: str) -> tuple[regex.Pattern[str], ...]:
        """The outcomes a predicate of `kind` can benefit: an increase a good one, a decrease a
        bad one, a neutral verb either."""
        lex = self.lex
        return {"increase": (lex.good,), "decrease": (lex.bad,), "association": (lex.good,)}.get(kind, (lex.good, lex.bad))

    def _disease_taken_up(self, start: int, verb: int, verb_end: int) -> tuple[tuple[int, int] | None, str]:
        """The disease a cure verb's pronoun object points back to, named earlier in the sentence
        ("I've had insomnia for ten years and this cured it")."""
        if _OBJECT_PRONOUN.match(self.prose, verb_end) is None:
            return None, ""
        found = list(find_all(self.lex.diseases, self.prose, start, verb))
        if not found:
            return None, ""
        last = found[-1]
        return (last.start(), last.end()), last.group(0)

    def _outcome_before(self, kind: str, start: int, verb: int, verb_end: int) -> tuple[int, int] | None:
        """The outcome a benefit verb (text[verb:verb_end]) acts on when the outcome comes first,
        between the subject (ending at `start`) and the verb: passive ("mood is usually
        lifted"), intransitive ("your anxiety fades away", "sleep deepens") or taken up by a
        pronoun ("soaks into your sore muscles and relaxes them")."""
        if kind in ("disease", "association"):
            return None
        prose, patterns = self.prose, self._outcomes_for(kind)
        if _OBJECT_PRONOUN.match(prose, verb_end) is not None:
            found = [m for pattern in patterns for m in find_all(pattern, prose, start, verb)]
            return max(((m.start(), m.end()) for m in found), default=None)
        window = max(start, verb - _BEFORE_REACH)
        be = _PASSIVE_BE.search(prose, window, verb)
        if be is None:
            if kind == "neutral" or not prose[verb:verb + 1].islower():
                return None  # "The Sleep Reset" is a name, not "sleep resets"
            # "stress reduces sleep quality" names what stress harms: the verb has an object
            if self._has_outcome(verb_end, min(len(prose), verb_end + 30)):
                return None
        end = be.start() if be is not None else verb
        for pattern in patterns:
            for m in find_all(pattern, prose, max(start, end - _BEFORE_REACH), end):
                if _ADVERB_GAP.fullmatch(prose, m.end(), end) is not None:
                    return m.start(), m.end()
        return None

    def _after_condition(self, start: int, end: int) -> int:
        """Where the last condition, concession or reason closed by a comma in text[start:end]
        ends (`start` if there is none): a negation inside it is its own."""
        last = start
        for m in find_all(_CONDITION, self.prose, start, end):
            last = m.end()
        return last

    def _claim(self, subject: Subject, predicate: tuple[int, int], outcome: tuple[int, int] | None, disease: str,
               clause_start: int, head: int | None = None) -> Claim:
        # a negation before a list of subjects reaches each of them: "nor is there evidence that
        # ashwagandha, reishi or rhodiola can ..." (`head`: where the list begins)
        window = max(clause_start, (subject.start if head is None else head) - _NEGATION_REACH)
        # a negation inside a condition before the subject is the condition's ("Even if you're
        # not dealing with depression, fish oil keeps your mood steady")
        window = max(window, self._after_condition(clause_start, subject.start))
        spliced = _SPLICED_SUBJECT.search(self.prose, window, predicate[0])
        if spliced is not None:
            window = spliced.start() + 1
        protected = [(m.start(), m.end()) for m in find_all(self.lex.absolutes, self.prose, window, predicate[1])]
        # a negation in an aside is the aside's: "A warm (not hot) cup of chamomile calms ..."
        protected += [(m.start(), m.end()) for m in find_all(_ASIDE, self.prose, window, subject.start)]
        negated = (self.a.polarity.negation(self.prose, window, predicate[0], protected) is not None
                   or _TURNED_DOWN.search(self.prose, max(window, predicate[0] - _DENIED_REACH), predicate[0]) is not None)
        if outcome is not None and not negated and 0 < outcome[0] - predicate[1] <= _DENIED_REACH * 2:
            # "means more sugar, not more recovery": the outcome itself is denied
            negated = _NOT_BEFORE.search(self.prose, predicate[1], outcome[0]) is not None
        end = (outcome or predicate)[1]
        hedge = self.a.polarity.hedge(self.prose, window, end)
        return Claim(subject, predicate, outcome, hedge.group(0) if hedge else "", disease, negated)

    def _classify(self, sentence: Sentence, subjects: list[Subject], clauses: list[tuple[int, int]]) -> ClaimHit | None:
        lex, prose = self.lex, self.prose
        start, end = clauses[0][0], sentence.end  # past a frame's clause when one was set aside
        claims = self._claims(subjects, clauses)
        claim = claims[0] if claims and not claims[0].negated else None
        any_negated = bool(claims) and claim is None

        testimonial = search(lex.testimonials, prose, start, end)
        # what a testimony says is disowned with it: "people say X fixes anxiety, but there's little research"
        disowned = testimonial is not None and self._disowned(testimonial.end(), end, _EVIDENCE_DENIED)
        if disowned and testimonial.start() <= subjects[0].start:
            return None  # the claims it reports are not read at all
        heading = self.doc.blocks[sentence.block].kind == "heading"
        substitute = search(lex.drug_substitutes, prose, start, end)
        if substitute is not None and (_named_as_label(prose, substitute, heading)
                                       or _CALLED_QUOTED.search(prose, max(start, substitute.start() - _CALLED_REACH), substitute.start()) is not None):
            substitute = None  # 'is sometimes called "nature's Ozempic"': a name others give, in quotes
        if substitute is not None and _DENIED_AT_ONCE.match(prose, substitute.end(), end) is not None:
            substitute = None  # "... a natural Xanax, and they're not"
        if substitute is not None and not self._negated_cue(substitute, clauses) and not self._disowned(substitute.end(), end, _SWAP_DISOWNED):
            # the drug likened to is not what the claim is about ("It's like Ozempic in a bottle")
            before = [s for s in subjects if s.start < substitute.start()]
            subject = _nearest(before or subjects, substitute.start())
            return self._hit("disease", sentence, subject, substitute, claim, disease=substitute.group(0))
        vague = search(lex.vague, prose, start, end)
        # a trial invoked as a badge needs no outcome ("Clinically studied ingredient.")
        badge = (vague is not None and _starts_with(lex.badges, prose, vague) and not any_negated
                 and _SCARCE.search(prose, start, vague.start()) is None)
        # the outcome is looked for only when research is invoked: most sentences invoke none
        invoked = (vague is not None
                   and (claim is not None or badge or (not any_negated and self._has_outcome(start, end, subjects))
                        or self._endorsed(vague, end, claims))
                   and not self._negated_cue(vague, clauses) and not self._denied_after(vague, clauses)
                   and _ASKED_OF.search(prose, max(start, vague.start() - _ASKED_REACH), vague.start()) is None
                   and (claim is not None or _CAUTION_REPORTED.search(prose, vague.end(), end) is None))
        # "studies show B2 cuts migraines" appeals to research before it names a cure
        cure = None if invoked else next((c for c in claims if c.disease and not c.negated), None)
        # "... are non-addictive, but that simply isn't true": a promise others make, refuted
        promises = [c for c in find_all(lex.absolutes, prose, start, end)
                    if not self._negated_cue(c, clauses, exclude_self=True) and not _named_as_label(prose, c, heading)
                    and _DENIED_AT_ONCE.match(prose, c.end(), end) is None and _NONEXISTENT.match(prose, c.end(), end) is None]
        if cure is not None and any(p.start() <= cure.predicate[0] < p.end() for p in promises):
            cure = None  # "works for every hay fever sufferer" promises success to all; it is no cure
        if cure is not None:  # "boosts serotonin and relieves depression"
            if self._disowned(cure.end, end):
                return None
            return self._hit("disease", sentence, cure.subject, None, cure, disease=cure.disease)
        if promises:
            subject = _nearest(subjects, promises[0].start())
            return self._hit("absolute", sentence, subject, promises[0], claim, extend=promises[-1].end())
        if invoked and vague is not None:
            return self._hit("vague-evidence", sentence, _nearest(subjects, vague.start()), vague, claim)
        if disowned:
            return None
        has_outcome = claim is not None or (not any_negated and self._has_outcome(start, end, subjects))
        if testimonial is not None and _STRANDED_BY.match(prose, testimonial.end()) is not None and not any(
                _RELATIVE_GAP.fullmatch(prose, s.end, testimonial.start()) for s in subjects if s.end <= testimonial.start()):
            testimonial = None  # "the morning routine she swears by": sworn by is what comes before her
        # a story of harm ("it gave me an upset stomach") vouches for nothing
        signature = testimonial is not None and _SIGNATURE.match(testimonial.group(0)) is not None
        if testimonial is not None and not self._negated_cue(testimonial, clauses) and (
            (has_outcome and (claim is not None or self._has_benefit(start, end, subjects)))
            or (self._sworn(testimonial, end) and _FAILURE.search(prose, start, end) is None)
            or (self._story_continues(sentence, signature=signature, intake=_INTAKE.match(prose, testimonial.start()) is not None)
                and not self._harm_told(sentence))
        ) and (_FAILURE.search(prose, start if signature else testimonial.end(), end) is None
               and not self._doubted(sentence, testimonial.end())):
            return self._testimony(sentence, _nearest(subjects, testimonial.start()), testimonial, claim)
        result = search(lex.results, prose, start, end)
        if result is not None and self._better_for_it(result, clauses, end) and not self._doubted(sentence, result.end()):
            # a pronoun after the result is what it is about ("I no longer lie there panicking
            # about it"), not what brought it, unless it is what the teller took ("the same week
            # I added it")
            credited = [s for s in subjects if s.start <= result.start() or _POINTS_BACK.fullmatch(prose, s.start, s.end) is None
                        or self._taken_at(s.start)]
            if credited:
                return self._testimony(sentence, _nearest(credited, result.start()), result, claim)
        if claim is None or self._disowned(claim.end, end):
            return None
        # "it lifts my mood", "it helps me sleep", "I've been drinking the concentrate after long runs,
        # and it takes the soreness right down": the writer's experience as proof
        mine = (_FIRST_PERSON.search(prose, claim.predicate[0], claim.end) or _MY_EXPERIENCE.search(prose, start, claim.subject.start)
                or _MY_INTAKE.search(prose, start, claim.subject.start))
        if mine is not None:
            return self._hit("testimonial", sentence, claim.subject, None, claim, data_cue=mine.group(0))
        return self._hit("hedged" if claim.hedge else "efficacy", sentence, claim.subject, None, claim)

    def _sworn(self, testimony: regex.Match[str], end: int) -> bool:
        """Whether a verdict on the product lies inside a crowd's testimony or begins just after it,
        before `end` ("Every mum in my group uses them and not one of them would go back")."""
        if search(self.lex.verdicts, self.prose, testimony.start(), testimony.end()) is not None:
            return True
        # a verdict that overlaps the cue is no verdict of its own ("My clients swear by it" needs an
        # outcome nearby), and "readers have said the same" agrees with what came before the crowd
        verdict = search(self.lex.verdicts, self.prose, testimony.end(), min(end, testimony.end() + _VERDICT_REACH))
        return verdict is not None and _SAID_SAME.match(verdict.group(0)) is None

    def _testimony(self, sentence: Sentence, subject: Subject, cue: regex.Match[str], claim: Claim | None) -> ClaimHit:
        """A testimonial, also when the story names a disease it ended ("Three years of insomnia
        and Night Drops fixed it in a week"): a cure told as someone's own result is proof by
        story, and editors flag it as the story it is (held-out editors annotate such sentences
        as testimonials about twice as often as disease claims)."""
        start, begin = sentence.start, None
        if _SIGNATURE.match(cue.group(0)) is not None and sentence.index > 0:
            # a signature's story is the quotation before it ('"... fixed it in a week." (Dana)');
            # signed on a line of its own, the finding reaches up to the quotation
            told = self.doc.sentences[sentence.index - 1]
            if told.block == sentence.block:
                start = told.start
                begin = start if "\n" in self.prose[start:sentence.start] else None
        return self._hit("testimonial", sentence, subject, cue, claim, begin=begin)

    def _harm_told(self, sentence: Sentence) -> bool:
        """Whether a sentence tells of a harm done ("Woke up with a dull headache every morning
        I took these"); remembered, as an intake's story and a testimonial both ask."""
        told = self._harms.get(sentence.index)
        if told is None:
            told = self._harms[sentence.index] = any(
                self._harm_done(m, sentence.start) for m in find_all(self.lex.bad, self.prose, sentence.start, sentence.end))
        return told

    def _harm_done(self, bad: regex.Match[str], floor: int) -> bool:
        """Whether a bad outcome is told as a harm done, not relieved ("gave me a headache"),
        reading back no further than `floor`."""
        return _HARM_DONE.search(self.prose, max(floor, bad.start() - _HARM_REACH), bad.start()) is not None

    def _doubted(self, sentence: Sentence, after: int) -> bool:
        """Whether the teller doubts a result told before `after`, there or in the next sentence
        of the same block ("... he's stopped waking up crying. No idea if it's connected")."""
        nxt = self.doc.next_sentence(sentence)
        end = nxt.end if nxt is not None and nxt.block == sentence.block else sentence.end
        return _RESULT_DOUBTED.search(self.prose, after, end) is not None

    def _taken_at(self, offset: int) -> bool:
        """Whether the word at `offset` is the object of a person's intake ("I added it")."""
        before = self.prose[max(0, offset - _INTAKE_REACH):offset]
        if _GERUND_INTAKE.search(before) is not None:
            return True  # "I lost 8 pounds in my first month of drinking it"
        return any(m.end() < len(before) and not before[m.end():].strip() for m in _INTAKE.finditer(before))

    def _better_for_it(self, result: regex.Match[str], clauses: list[tuple[int, int]], end: int) -> bool:
        """Whether a person's own result is a benefit: not denied, not a failure ("now it
        does nothing"), and no harm named after it that is not over ("and now I get headaches")."""
        prose = self.prose
        if self._negated_cue(result, clauses) or _FAILURE.search(prose, result.start(), end) is not None:
            return False
        for m in find_all(self.lex.bad, prose, result.end(), end):
            if not self._over(max(result.start(), m.start() - _DENIED_REACH), m.start()):
                return False
        return True

    def _animal(self, sentence: Sentence, cue: regex.Match[str], subjects: list[Subject], claims: list[Claim]) -> ClaimHit | None:
        """Animal or lab evidence: flag the human benefit it is stretched to, here or next; `claims`
        are the sentence's."""
        claim = self._human_claim(claims, sentence.end, cue.end())
        if claim is not None:
            return self._hit("animal-evidence", sentence, claim.subject, cue, claim, cited_ok=False)
        if self._carried_to_people(sentence, cue, subjects):
            return self._hit("animal-evidence", sentence, _nearest(subjects, cue.start()), cue, None, cited_ok=False)
        general = self._general_before(claims, cue)
        if general is not None:
            return self._hit("animal-evidence", sentence, general.subject, cue, general, cited_ok=False)
        if _ACTED_ON.search(self.prose, cue.end(), sentence.end) is not None:
            # "X cut soreness in rats, so it stays in the stack": the animal result, acted on
            acted = next((c for c in claims if not c.negated and c.end <= cue.start()), None) or \
                self._bare_result(sentence, cue)
            if acted is not None:
                return self._hit("animal-evidence", sentence, acted.subject, cue, acted, cited_ok=False)
        nxt = self.doc.next_sentence(sentence)
        if nxt is None or nxt.block != sentence.block:
            # a new paragraph's "If you try it, ..." does not qualify the result left standing
            return self._animal_result(sentence, cue, claims, None)
        if is_question(self.prose, nxt.start, nxt.end):
            return self._animal_result(sentence, cue, claims, nxt)
        later = self._subjects(nxt)
        claim = self._human_claim(self._claims(later, self._clauses(nxt.start, nxt.end)), nxt.end)
        if claim is None:
            return self._animal_result(sentence, cue, claims, nxt)
        if subjects and claim.subject.name.casefold() not in {s.name.casefold() for s in subjects}:
            # "Lion's mane regrew nerve cells in mice. Research suggests bacopa sharpens memory.":
            # the next claim is another substance's, neither the mice's result stretched to
            # people nor a word that qualifies it
            return self._animal_result(sentence, cue, claims, None)
        return self._hit("animal-evidence", nxt, claim.subject, None, claim, data_cue=cue.group(0))

    def _general_before(self, claims: list[Claim], cue: regex.Match[str]) -> Claim | None:
        """A claim stated in the present, as a general truth, before the animal work set apart
        to back it ("X boosts stamina: in mice, it extended ...", "X calms nerves, as studies in
        rats show"); not "X calms anxiety in mice", which tells what the animals showed."""
        for claim in claims:
            if claim.negated or claim.end > cue.start() or _REPORTED_RESULT.match(self.prose, *claim.predicate):
                continue
            if _SET_APART.search(self.prose, claim.end, cue.start()) is not None:
                return claim
        return None

    def _for_pets(self, cue: regex.Match[str], start: int, end: int, claims: list[Claim]) -> bool:
        """Whether an animal cue names the pets a product is sold for ("ease anxiety in dogs",
        "an alternative to gabapentin for dogs"): no study named in prose[start:end] unless the
        draft speaks to pet owners, no result told in the past, and nothing carried over to people
        ("..., so it will help your knees")."""
        if _PET.search(cue.group()) is None:
            return False
        if _STUDY.search(self.prose, start, end) is not None and not self._speaks_to_pet_owners():
            return False  # research in dogs, told to readers who are not dog owners
        carried = _CARRY_OVER.search(self.prose, cue.end(), end)
        if carried is not None and _PET.search(self.prose, carried.end(), end) is None:
            return False
        return not any(_REPORTED_RESULT.match(self.prose, *c.predicate) for c in claims)

    def _speaks_to_pet_owners(self) -> bool:
        """Whether the draft addresses pet owners ("your dog", "cat owners") more than once: there,
        research in dogs is evidence for the readers' own animals, not animal work stretched to people."""
        if self._pet_readers is None:
            self._pet_readers = len(list(islice(_PET_READERS.finditer(self.prose), 2))) == 2
        return self._pet_readers

    def _animal_result(self, sentence: Sentence, cue: regex.Match[str], claims: list[Claim], nxt: Sentence | None) -> ClaimHit | None:
        """An animal result told as the substance's benefit and left standing ("In rodent studies,
        ashwagandha extract reduced anxiety-like behaviour."): uncited, with no "but" and no word
        on people after it in its sentence or the next of its paragraph, a reader takes it as the
        reason to buy."""
        result = next((c for c in claims if not c.negated and not c.hedge and self._told_as_result(c)), None)
        if result is None:
            result = self._bare_result(sentence, cue)
        if result is None:
            return None
        if self._qualified(max(cue.end(), result.end), sentence.end) or nxt is not None and self._qualified(nxt.start, nxt.end):
            return None
        return self._hit("animal-evidence", sentence, result.subject, cue, result)

    def _told_as_result(self, claim: Claim) -> bool:
        """Whether a claim tells what was seen, not a truth: a verb in the past ("reduced") or
        after what a study showed ("has been shown to rebuild")."""
        verb = claim.predicate[0]
        return _REPORTED_RESULT.match(self.prose, verb, claim.predicate[1]) is not None or \
            _SHOWN_TO.search(self.prose, max(0, verb - _SHOWN_REACH), verb) is not None

    def _bare_result(self, sentence: Sentence, cue: regex.Match[str]) -> Claim | None:
        """An animal result whose outcome no lexicon names, told in the past and standing (not
        negated, not hedged): in an animal study a substance that changed something is its result.
        See `_bare_changes` for what counts. The sentence's own names and pointers are its
        subjects, not those a frame or an earlier clause handed down ("The effect in those
        animals vanished" names no substance)."""
        subjects = self._subjects(sentence)
        for c_start, c_end in self._clauses(sentence.start, sentence.end):
            owners = [s for s in subjects if c_start <= s.start < c_end]
            for subject, verb in self._bare_changes(owners, cue, c_end):
                claim = self._claim(subject, verb, None, "", c_start)
                if not claim.negated and not claim.hedge:
                    return claim
        return None

    def _bare_changes(self, owners: list[Subject], cue: regex.Match[str], end: int) -> Iterator[tuple[Subject, tuple[int, int]]]:
        """The clause's subjects with what they did to the animals, up to `end`: a benefit verb in
        the past ("In rats, pumpkin seed oil stopped the prostate from enlarging"), animals that
        did better ("rats fed bilberry extract had healthier retinas") or, where the cue names the
        animals or cells, any verb in the past right after the subject ("rhodiola flipped
        depression-like behaviour in rats"). Not a harm: an increase of a bad outcome or a
        decrease of a good one ("raised liver enzymes" is not named; "reduced sleep" is), more of
        a bad one, less of a good one."""
        if not owners:
            return
        lex, prose = self.lex, self.prose
        for pattern, harm in ((lex.increase, lex.bad), (lex.decrease, lex.good)):
            for verb in find_all(pattern, prose, owners[0].end, end):
                subject = _nearest_before(owners, verb.start())
                if subject is None or _REPORTED_RESULT.match(prose, verb.start(), verb.end()) is None:
                    continue
                if _KEPT_FROM.match(prose, verb.end(), end) is not None or \
                        search(harm, prose, verb.end(), min(end, verb.end() + _OUTCOME_REACH)) is None:
                    yield subject, (verb.start(), verb.end())
        models_named = _MODEL_NAMED.search(cue.group(0)) is not None
        for subject in owners:
            compared = _COMPARED_RESULT.search(prose, subject.end, min(end, subject.end + _OUTCOME_REACH))
            if compared is not None and not self._more_harm(compared, end):
                yield subject, (compared.start(), compared.end())
            did = _DID_TO_ANIMALS.match(prose, subject.end, end) if models_named else None
            if did is not None:
                yield subject, did.span("verb")

    def _more_harm(self, compared: regex.Match[str], end: int) -> bool:
        """Whether a comparison tells a harm: more of a bad outcome, less of a good one ("had
        more liver damage", "had lower bone density")."""
        amount = compared.group(0).rsplit(None, 1)[-1].lower()
        harm = {"less": self.lex.good, "fewer": self.lex.good, "lower": self.lex.good,
                "more": self.lex.bad, "higher": self.lex.bad}.get(amount)
        return harm is not None and search(harm, self.prose, compared.end(), min(end, compared.end() + _MEASURED_REACH)) is not None

    def _qualified(self, start: int, end: int) -> bool:
        """Whether prose[start:end] qualifies an animal result: a "but", or a word on people
        other than the speaker's and the reader's pronouns ("in a paper I read", "when you
        think about it" say nothing on people)."""
        return _CONTRAST.search(self.prose, start, end) is not None or any(
            m.group(0).lower() not in _PERSONAL_PRONOUNS for m in find_all(self.lex.human, self.prose, start, end))

    def _carried_to_people(self, sentence: Sentence, cue: regex.Match[str], subjects: list[Subject]) -> bool:
        """An animal result told without a benefit verb and then carried over to people ("mice
        given reishi were calmer, so imagine what it can do for a stressed-out mama like me")."""
        prose = self.prose
        promise = _SAME_EFFECT.search(prose, cue.end(), sentence.end)
        bridge = promise or _BRIDGE.search(prose, cue.end(), sentence.end)
        if bridge is None or _CONTRAST.search(prose, cue.end(), bridge.start()) is not None:
            return False
        if promise is None and search(self.lex.human, prose, bridge.end(), sentence.end) is None:
            return False
        return self._has_outcome(cue.end(), bridge.start(), subjects)

    def _human_claim(self, claims: list[Claim], end: int, cue: int = -1) -> Claim | None:
        """The first un-negated claim whose words address people ("your nerves", "help you") or
        that a consequence drawn after the animal cue ending at `cue` states ("..., which
        suggests this herb could settle a nervous mind") or that the animal work is said to
        show in the present ("studies in rats suggest that X reduces anxiety"), else the first
        one carried over to people: right after it, or later in the sentence after a consequence
        ("..., so it will do the same for you") and no contrast."""
        bridged: Claim | None = None
        for claim in claims:
            if claim.negated:
                continue
            if 0 <= cue < claim.subject.start and (
                    _CARRY_OVER.search(self.prose, cue, claim.subject.start) is not None
                    or _SHOWN_THAT.search(self.prose, cue, claim.subject.start) is not None
                    and _REPORTED_RESULT.match(self.prose, *claim.predicate) is None):
                return claim
            target = search(self.lex.human, self.prose, claim.predicate[0], end)
            if target is None:
                continue
            if target.start() < claim.end:
                return claim
            if target.start() <= claim.end + 16 or _RELATIVE_TARGET.fullmatch(self.prose, claim.end, target.start()) is not None or (
                _CARRY_OVER.search(self.prose, claim.end, target.end()) is not None
                and _CONTRAST.search(self.prose, claim.end, target.start()) is None
            ):
                bridged = bridged or claim
        return bridged

    def _has_outcome(
        self, start: int, end: int, subjects: tuple[Subject, ...] | list[Subject] = (),
        kinds: tuple[regex.Pattern[str], ...] | None = None,
    ) -> bool:
        """Whether text[start:end] names a health outcome (of `kinds`, by default any) outside the
        subjects' own names (the "sleep" of "natural sleep aids" is not an outcome)."""
        lex, prose = self.lex, self.prose
        for pattern in kinds or (lex.good, lex.bad, lex.diseases, lex.standalone):
            for m in find_all(pattern, prose, start, end):
                if _inside_subject(m, subjects):
                    continue
                # a good outcome denied ("didn't stay asleep", "hasn't made a difference")
                # reports a failure, not a benefit; a bad one denied ("no more 3 a.m.
                # wake-ups") is still a benefit
                if (pattern is lex.good or pattern is lex.standalone) and self.a.polarity.negation(prose, max(start, m.start() - _DENIED_REACH), m.start()):
                    continue
                return True
        return False

    def _next_on_topic(self, sentence: Sentence, name: str) -> bool:
        """Whether the next sentence can vouch for a claim about `name`: unless it names another
        known substance and none of this sentence's, a citation there is this claim's. One for
        another substance ("Ashwagandha is the other heavyweight; trials report ... (Salve et
        al., 2019)") supports that one, not this."""
        nxt = self.doc.next_sentence(sentence)
        if nxt is None:
            return True
        there = {m.name for m in self._mentions_in(nxt)}
        here = {m.name for m in self._mentions_in(sentence)} | {name}
        if any(_same_topic(a, b) for a in here for b in there):
            return True  # "a valerian-hops combination" speaks of valerian too
        return not any(other in self.a.knowledge.substances for other in there)

    def _next_paragraph_opener(self, sentence: Sentence, name: str, kind: str) -> Sentence | None:
        """The first sentence of the next paragraph when `sentence` ends its own and that
        sentence names the same substance: a study reported there ("In one 2019 trial, ... (pubmed
        link)") vouches for a heading's claim or for a plain statement of effect before it, not
        for a drug comparison, a promise, a story or an appeal to unnamed research."""
        nxt = self.doc.next_sentence(sentence)
        if nxt is None or nxt.block != sentence.block + 1 or self.doc.blocks[nxt.block].kind != "paragraph":
            return None
        heading = self.doc.blocks[sentence.block].kind == "heading"
        if not heading and kind not in ("efficacy", "hedged"):
            return None
        if not heading and kind == "efficacy" and (self.a.polarity.hedge(self.prose, nxt.start, nxt.end) is not None
                                   or _CONTRAST.search(self.prose, nxt.start, nxt.end) is not None):
            return None  # a study that "might" help, "although" ..., backs no plain statement of effect
        # a heading's short name stands for the study's longer one ("Curcumin ..." / "a curcumin supplement")
        return nxt if any(m.name == name or heading and _same_topic(m.name, name) for m in self._mentions_in(nxt)) else None

    def _mentions_in(self, sentence: Sentence) -> list[Subject]:
        """The substance names that start inside `sentence`."""
        lo = bisect_left(self.mention_starts, sentence.start)
        hi = bisect_left(self.mention_starts, sentence.end)
        return self.mentions[lo:hi]

    def _story_continues(self, sentence: Sentence, signature: bool = False, intake: bool = False) -> bool:
        """A testimonial without an outcome of its own ("customers love them") whose paragraph
        states the benefit in the sentence before or after, and which negates nothing itself.
        A quotation's signature ends its story: its outcome may be two sentences back. An
        `intake` ("I took 400 mg a day.") is not continued by a claim about everyone after it."""
        if self.a.polarity.negation(self.prose, sentence.start, sentence.end) is not None:
            return False
        # a signature signs what came before it; what follows is the next review
        reach = [sentence.index - 1] if signature else [sentence.index - 1, sentence.index + 1]
        if _QUOTED.search(self.prose, max(0, sentence.start - 3), sentence.start + 3) is not None:
            reach.append(sentence.index - 2)
        for index in reach:
            # a signature under a quotation flagged already adds nothing ('"... works for me." - Karen M.')
            if 0 <= index < len(self.doc.sentences) and not (signature and index in self.taken):
                other = self.doc.sentences[index]
                if signature and index == sentence.index - 1 and is_question(self.prose, other.start, other.end):
                    return False  # a reader's letter that ends in a question, signed: it asks, it vouches for nothing
                if other.block != sentence.block or is_question(self.prose, other.start, other.end):
                    continue  # a question asked is no benefit told
                # a signed quotation's result counts as its benefit ('"... my dread is just gone." (Marcus)')
                told = self._has_benefit(other.start, other.end, self._subjects(other)) or (
                    signature and search(self.lex.results, self.prose, other.start, other.end) is not None)
                if not told or _FAILURE.search(self.prose, other.start, other.end):
                    continue  # no benefit there, or one that failed ("didn't do anything for my back")
                # a trouble had is the story before an intake, not its benefit ("I've had knee
                # osteoarthritis for six years. My sister started me on turmeric."), unless a
                # signature closes it: '"I've had insomnia for ten years. Drift fixed it." - Priya'
                if not signature and self._only_suffered(other):
                    continue
                if intake and index > sentence.index and self._general_claim(other):
                    continue  # "I took 400 mg a day. Ubiquinol rejuvenates your eggs.": a claim of its own
                # a result cited there is a study's, not the story's
                if not self.a.evidence.in_range(self.doc, other.start, other.end):
                    return True
        return False

    def _only_suffered(self, sentence: Sentence) -> bool:
        """Whether a sentence tells only of a trouble had, with no change in it ("I've had knee
        osteoarthritis for six years"): the story before an intake, not its result."""
        return (_SUFFERED.search(self.prose, sentence.start, sentence.end) is not None
                and search(self.lex.results, self.prose, sentence.start, sentence.end) is None)

    def _general_claim(self, sentence: Sentence) -> bool:
        """Whether a sentence names its substance and tells no one's experience ("Folate prevents
        spina bifida."): a claim about everyone, not the result of the story before it."""
        prose = self.prose
        return bool(self._mentions_in(sentence)) and _FIRST_PERSON.search(prose, sentence.start, sentence.end) is None and (
            search(self.lex.results, prose, sentence.start, sentence.end) is None)

    def _has_benefit(self, start: int, end: int, subjects: list[Subject]) -> bool:
        """Whether text[start:end] tells of a benefit: an outcome that is not a harm done ("the
        gummies gave me an upset stomach", "valerian can cause headache"); a disease caused is
        a harm too ("can cause allergic contact dermatitis")."""
        lex = self.lex
        if self._has_outcome(start, end, subjects, (lex.good, lex.standalone)):
            return True
        prose = self.prose
        for pattern in (lex.diseases, lex.bad):
            for m in find_all(pattern, prose, start, end):
                if _inside_subject(m, subjects) or self._harm_done(m, start):
                    continue
                if pattern is lex.bad and _BAD_STATE.match(m.group()) and not self._over(max(start, m.start() - _DENIED_REACH), m.start()):
                    continue
                return True
        return False

    def _over(self, start: int, at: int) -> bool:
        """Whether text[start:at], right before a bad state, says it is over ("no longer feel ...")."""
        return (self.a.polarity.negation(self.prose, start, at) is not None
                or _RELIEF_BEFORE.search(self.prose, start, at) is not None)

    def _negated_cue(self, cue: regex.Match[str], clauses: list[tuple[int, int]], exclude_self: bool = False) -> bool:
        """Whether a negation stands before `cue` in its clause ("no supplement is 100% safe")."""
        clause_start = next((a for a, b in clauses if a <= cue.start() < b), cue.start())
        # only a negation near the cue counts, and none from outside a quotation that holds it
        # ("who asked not to be named, said it's "basically a natural Prozac"")
        window = max(clause_start, cue.start() - _NEGATION_REACH)
        quote = max(self.prose.rfind(mark, window, cue.start()) for mark in _QUOTES)
        if quote >= 0 and _NEGATED_QUOTE.search(self.prose, max(window, quote - _NEGATED_QUOTE_REACH), quote + 1) is None:
            window = quote + 1  # ... unless the quotation itself is denied: 'Kratom is NOT "natural so it's safe"'
        # "because it's a plant and not a drug, it's completely safe"
        window = max(window, self._after_condition(clause_start, cue.start()))
        # "it won't leave you foggy, so you can stop taking your sleep medication": the reason's
        # negation is not the consequence's
        for m in find_all(_REASON_ENDS, self.prose, window, cue.start()):
            window = m.end()
        # "**Habit-forming?** Never, it's 100% non-habit-forming": the no answers the question
        answer = _ANSWERED_NO.search(self.prose, window, cue.start())
        if answer is not None:
            window = answer.end()
        # "No grogginess, no dependency, no side effects", "no crash and zero side effects": a
        # list of absences, each its own promise
        absences = _ABSENCES.search(self.prose, window, cue.start())
        if absences is not None:
            window = absences.end()

        protected = [(cue.start(), cue.end())] if exclude_self else []
        return self.a.polarity.negation(self.prose, window, cue.end() if exclude_self else cue.start(), protected) is not None

    def _denied_after(self, cue: regex.Match[str], clauses: list[tuple[int, int]]) -> bool:
        """Whether research is invoked to deny: "experts say the results fall short of ...",
        "studies show no benefit"."""
        clause_end = next((b for a, b in clauses if a <= cue.start() < b), cue.end())
        return self.a.polarity.negation(self.prose, cue.end(), min(clause_end, cue.end() + _DENIAL_REACH)) is not None

    def _disowned(self, after: int, end: int, denial: regex.Pattern[str] = _EVIDENCE_DISOWNED) -> bool:
        """Whether the writer turns against what the sentence claims before `after` ("its maker
        calls it a cure for insomnia, but we found nothing to back that up"); a testimony is
        disowned by weak evidence too ("Plenty of students swear by CBD gummies, but the evidence
        is thin")."""
        contrast = _CONTRAST.search(self.prose, after, end)
        return contrast is not None and denial.search(self.prose, contrast.end(), min(end, contrast.end() + _DISOWN_REACH)) is not None

    def _hit(
        self,
        kind: str,
        sentence: Sentence,
        subject: Subject,
        cue: regex.Match[str] | None,
        claim: Claim | None,
        *,
        disease: str = "",
        cited_ok: bool = True,
        data_cue: str = "",
        extend: int = 0,
        begin: int | None = None,
    ) -> ClaimHit:
        """Build a hit spanning the subject, the cue and the claim (and `begin`, the start of what
        a signature signs), with its evidence flags."""
        points = [subject.start, subject.end] + ([begin] if begin is not None else [])
        if cue is not None:
            points += [cue.start(), cue.end()]
        if claim is not None and (cue is None or kind in ("vague-evidence", "testimonial", "animal-evidence")):
            points += [claim.subject.start, claim.predicate[0], claim.end]
        start, end = min(points), max(points + [extend])
        text = self.prose

        def words(span: tuple[int, int] | None) -> str:
            return " ".join(text[span[0]:span[1]].split()) if span else ""

        values = {
            "subject": subject.name,
            "predicate": words(claim.predicate) if claim else "",
            "outcome": words(claim.outcome) if claim else "",
            "hedge": " ".join(claim.hedge.split()) if claim else "",
            "disease": " ".join(disease.split()) or (claim.disease if claim else ""),
            "cue": " ".join((cue.group(0) if cue is not None else data_cue).split()),
        }
        evidence, follow = self.a.evidence, self._next_on_topic(sentence, subject.name)
        opener = self._next_paragraph_opener(sentence, subject.name, kind)
        # a table cell's row may cite it in a column of its own ("| Evidence |")
        row = row_span(self.doc.text, sentence.start) if self.doc.blocks[sentence.block].kind == "table_cell" else None

        def backed(any_link: bool) -> bool:
            return evidence.supports(self.doc, sentence, any_link=any_link, follow=follow) or (
                opener is not None and evidence.in_range(self.doc, opener.start, opener.end, any_link=any_link)
            ) or row is not None and evidence.in_range(self.doc, *row, any_link=any_link)

        cited = cited_ok and backed(False)
        cited_any = cited or cited_ok and backed(True)
        return ClaimHit(kind, start, end, sentence.index, tuple(values.items()), cited, cited_any)


def _same_topic(a: str, b: str) -> bool:
    """Whether two mentions name the same substance ("curcumin" and "curcumin supplement")."""
    return a in b or b in a


def _first_within(starts: list[int], start: int, end: int) -> int | None:
    """The index of the first offset in sorted `starts` inside [start, end), or None."""
    index = bisect_left(starts, start)
    return index if index < len(starts) and starts[index] < end else None


def _opens_as_phrase(name: str) -> bool:
    """Whether `name` opens with a word that opens a phrase but never a name ("The Calm Co")."""
    return name.split(" ")[0].lower() in _NOT_A_NAME


def _without_lead_words(name: str) -> str:
    """`name` without the words that open a phrase but never a name ("Try Drift" -> "Drift")."""
    words = name.split(" ")
    while words and words[0].lower() in _NOT_A_NAME:
        words.pop(0)
    return " ".join(words)


def _stripped(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """`span` without the white space and emphasis marks around its words."""
    start, end = span
    while start < end and text[start] in " \t*_":
        start += 1
    while end > start and text[end - 1] in " \t*_:?":
        end -= 1
    return start, end


def _whole_word_uses(text: str, word: str, candidates: list[int] | None = None) -> Iterator[int]:
    """Offsets where `word` stands in `text` as a whole word, not glued to a letter, digit or
    hyphen; only at `candidates` when given (where the text's words start)."""
    if candidates is None:
        candidates = []
        at = text.find(word)
        while at >= 0:
            candidates.append(at)
            at = text.find(word, at + 1)
    for at in candidates:
        end = at + len(word)
        if text.startswith(word, at) and (at == 0 or not _glued(text[at - 1])) and (end == len(text) or not _glued(text[end])):
            yield at


def _third_person(verb: str) -> bool:
    """Whether a benefit verb phrase opens in the third person singular ("eases", not "ease", "kiss")."""
    first = verb.split()[0].lower()
    return first.endswith("s") and not first.endswith("ss")


def _glued(char: str) -> bool:
    return char.isalnum() or char in "_-"


def _inside_subject(m: regex.Match[str], subjects: tuple[Subject, ...] | list[Subject]) -> bool:
    """Whether `m` lies within a subject's own name (the "sleep" of "natural sleep aids")."""
    return any(s.start <= m.start() and m.end() <= s.end for s in subjects)


def _nearest_before(subjects: list[Subject], offset: int) -> Subject | None:
    """The last subject starting before `offset` (or at it, when empty: a table row's subject)."""
    before = [s for s in subjects if s.start < offset or s.start == s.end == offset]
    return before[-1] if before else None


def _past_blanks(prose: str, start: int, reach: int, limit: int) -> int:
    """The offset `reach` characters after `start`, white space not counted (an HTML draft's
    entities and tags leave runs of blanks: '&rdquo; &mdash; Sarah' reads '”       —       Sarah'),
    and no further than `limit`."""
    at, seen = start, 0
    while at < limit and seen < reach:
        seen += not prose[at].isspace()
        at += 1
    return at


def _nearest(subjects: list[Subject], offset: int) -> Subject:
    """The subject closest to `offset`, preferring one before it."""
    return _nearest_before(subjects, offset + 1) or subjects[0]


@dataclass(frozen=True)
class ClaimCheck:
    """A compiled `claim` rule: reports the shared analysis's hits of its own class."""

    meta: RuleMeta
    claim: str
    analyzer: Analyzer

    def check(self, doc: Document) -> Iterator[Finding]:
        """Yield one finding per uncited claim of this rule's class."""
        lenient = self.meta.severity == "info"  # any link is enough for an info-level rule
        for hit in self.analyzer.hits(doc):
            if hit.type != self.claim or (hit.cited_any if lenient else hit.cited):
                continue
            values = dict(hit.values)
            data = {k: v for k, v in values.items() if v}
            yield make_finding(self.meta, doc, hit.start, hit.end, values, data=data)


_ANALYZERS: dict[tuple[str, float, tuple[str, ...], int], Analyzer] = {}


def load_analyzer(path: Path, knowledge: Knowledge) -> Analyzer:
    """Load, validate and compile a lexicon file once per file, config and knowledge base."""
    source = str(path)
    try:
        stamp = path.stat().st_mtime
    except OSError:
        raise RuleError("cannot read the claims lexicon file", source) from None
    extra = tuple(knowledge.settings.get("evidence_domains", ()) or ())
    key = (str(path.resolve()), stamp, extra, id(knowledge))
    found = _ANALYZERS.get(key)
    if found is None:
        data = validate(read_yaml(path), LEXICON_FIELDS, source)
        for group, fields in _GROUPS.items():
            data[group] = validate(data[group], fields, source, group)
        data["names"] = validate(data["names"], {name: _TERMS for name in data["names"]}, source, "names")
        found = _ANALYZERS[key] = Analyzer(
            _compile(data, source),
            Polarity.from_terms(data["hedges"], data["negations"], source=source),
            Evidence.from_domains(data["evidence_domains"], extra),
            knowledge,
        )
    return found


def _compile(data: Mapping[str, Any], source: str) -> Lexicons:
    names = {name: "(?:" + "|".join(term_source(w) for w in words) + ")" for name, words in data["names"].items()}

    def expand(key: str, index: int, word: str) -> str:
        """`word` with each {{name}} replaced by its named list."""
        def one(m: regex.Match[str]) -> str:
            if m.group(1) not in names:
                raise RuleError(f"{key}[{index}] uses {{{{{m.group(1)}}}}}, which 'names' does not define", source)
            return names[m.group(1)]

        return _PLACEHOLDER.sub(one, word)

    def terms(key: str, words: list[str]) -> regex.Pattern[str]:
        # writers' apostrophes are straight or curly; lexicon entries spell only the straight one
        return compile_terms([either_apostrophe(expand(key, i, w)) for i, w in enumerate(words)], where=key, source=source)

    predicates, outcomes = data["predicates"], data["outcomes"]
    return Lexicons(
        subjects=terms("subjects", data["subjects"]),
        anaphors=terms("anaphors", data["anaphors"]),
        dummy_subjects=terms("dummy_subjects", data["dummy_subjects"]),
        increase=terms("predicates.increase", predicates["increase"]),
        decrease=terms("predicates.decrease", predicates["decrease"]),
        neutral=terms("predicates.neutral", predicates["neutral"]),
        association=terms("predicates.association", predicates["association"]),
        disease_verbs=terms("disease_verbs", data["disease_verbs"]),
        standalone=terms("standalone_benefits", data["standalone_benefits"]),
        good=terms("outcomes.good", outcomes["good"]),
        bad=terms("outcomes.bad", outcomes["bad"]),
        diseases=terms("diseases", data["diseases"]),
        drug_substitutes=terms("drug_substitutes", data["drug_substitutes"]),
        absolutes=terms("absolutes", data["absolutes"]),
        vague=terms("vague_evidence", data["vague_evidence"]),
        testimonials=terms("testimonials", data["testimonials"]),
        # a testimony that carries a verdict vouches by itself, with no result told ("my sister
        # swears by it", "8,000+ reviews don't lie")
        verdicts=terms("names", ["{{%s}}" % name for name in ("verdicts", "verdict_tails") if name in names]),
        badges=terms("names", ["{{badges}}"] if "badges" in names else []),
        # a substance ranked or said to work, with no outcome named: what an appeal to research
        # can vouch for ("Doctors agree it's the single most important supplement after 60")
        endorsements=terms("names", ["{{endorsements}}"] if "endorsements" in names else []),
        results=terms("personal_results", data["personal_results"]),
        animal=terms("animal_evidence", data["animal_evidence"]),
        human=terms("human_targets", data["human_targets"]),
        frames=terms("frames", data["frames"]),
        background=terms("background", data["background"]),
        practices=terms("practices", data["practices"]),
    )


def _list_head(prose: str, owners: list[Subject], subject: Subject) -> int:
    """Where the list of subjects that `subject` ends begins ("ashwagandha, reishi or rhodiola")."""
    head = subject.start
    for other in reversed(owners):
        if other.end > head:
            continue
        if _LIST_JOIN.fullmatch(prose, other.end, head) is None:
            break
        head = other.start
    return head


def _starts_with(pattern: regex.Pattern[str], prose: str, cue: regex.Match[str]) -> bool:
    """Whether `pattern` matches where `cue` begins, inside it."""
    found = search(pattern, prose, cue.start(), cue.end())
    return found is not None and found.start() == cue.start()


# words named by a noun before their quotes: 'the words "non-addictive"', 'the phrase "clinically
# proven" and "100% safe"'
_LABEL_BEFORE = compile_pattern(
    # (or by the edit asked for: 'please remove "zero side effects"')
    r"\b(?:words?|phrases?|terms?|wording|claims?|slogans?|taglines?|labels?|remove|delete|drop|strike|scrap|cut)\s+[\"\u201c]"
    r"(?:[^\"\u201c\u201d.!?]{1,40}[\"\u201d],?\s+(?:and|or)\s+[\"\u201c])?\s*$", regex.IGNORECASE)
_LABEL_REACH = 70


def _named_as_label(prose: str, cue: regex.Match[str], heading: bool = False) -> bool:
    """Whether a promise is quoted as words, not made: the name of a label ('our "clinically
    proven" badge', 'the "100% safe" claim on the tub'), words judged ('"guaranteed" is too
    strong') or a title's topic ('## Erection supplements and "natural Viagra"')."""
    if _OPENING_QUOTE.search(prose, max(0, cue.start() - 2), cue.start()) is None:
        return False
    if _LABEL_BEFORE.search(prose, max(0, cue.start() - _LABEL_REACH), cue.start()) is not None:
        return True  # 'remove the words "non-addictive" and "zero side effects"'
    if _LABEL_NOUN.match(prose, cue.end()) is not None or _QUOTED_JUDGED.match(prose, cue.end()) is not None:
        return True
    # a title's topic, not a name given to what it heads ('## Kava, the "natural Xanax"')
    line = prose.rfind("\n", 0, cue.start()) + 1
    return heading and _CLOSING_MARK.match(prose, cue.end()) is not None and \
        _TOPIC_BEFORE.fullmatch(prose, line, max(line, cue.start() - 1)) is not None


def build(meta: RuleMeta, data: Mapping[str, Any], knowledge: Knowledge) -> ClaimCheck:
    """Compile a claim rule; rules sharing a lexicon file share one analyzer."""
    if data["lexicons"] is not None:
        path = Path(meta.source).parent / data["lexicons"]
    else:
        path = builtin_rules_dir() / DEFAULT_LEXICONS
    if not path.is_file():
        raise RuleError(f"key 'lexicons' points at {str(path)!r}, which is not a file", meta.source)
    return ClaimCheck(meta, data["claim"], load_analyzer(path, knowledge))


KIND = Kind("claim", FIELDS, build, "health claims (subject + benefit + outcome) made without a citation nearby")
