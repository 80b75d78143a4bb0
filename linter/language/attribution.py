"""Who and what a dose or timing statement is about: its substance, purpose, form, population and basis.

A statement belongs to the substance named in its sentence (the one right after "300 mg of", else
the nearest), else the nearest preceding mention in its section, else the draft's main substance.
Its purpose, form and population come from the dosing lexicon, in the sentence or else the
section heading (a population also from its table row: "| Children 4-12 | 0.5 mg |").
Statements are extracted once per document and rule set, and shared by every dosing/timing rule.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping, Union

import regex

from linter.errors import RuleError
from linter.examples import LEXICON_EXAMPLES
from linter.knowledge import DoseRange, Mention, overlap_test
from linter.language.lexicon import compile_terms, find_all, last_match, search
from linter.language.numbers import COUNT_WORD, parse_number
from linter.language.polarity import is_question
from linter.language.quantities import Quantity, find_quantities
from linter.language.tables import header_cell, html_header_row, row_cells, table_headers
from linter.language.timing import DAY, FOOD_WINDOWS, Timing, TimingGrammar, build_grammar
from linter.language.units import FREQUENCY, Basis, dose_unit, parse_basis
from linter.locations import builtin_rules_dir
from linter.patterns import compile_pattern
from linter.schema import Field, read_yaml, validate

if TYPE_CHECKING:
    from linter.document import Document
    from linter.knowledge import Knowledge

LEXICON_FILE = Path("lexicons") / "dosing.yaml"
_LEXICON_FIELDS: dict[str, Field] = {
    "purposes": Field(dict, required=True, items=list),
    "forms": Field(dict, required=True, items=list),
    "populations": Field(dict, default={}, items=list),
    "study": Field(list, required=True, items=str),
    "rejected_before": Field(list, default=[], items=str),
    "rejected_after": Field(list, default=[], items=str),
    "anchors": Field(dict, required=True, items=list),
    "near": Field(list, default=[], items=str),
    "dayparts": Field(dict, default={}, items=list),
    "daypart_hours": Field(dict, default={}, items=list),
    "anchor_dayparts": Field(dict, default={}, items=str),
    "food_states": Field(dict, default={}, items=list),
    "food_rejected_before": Field(list, default=[], items=str),
    "food_rejected_after": Field(list, default=[], items=str),
    "food_adjusted": Field(list, default=[], items=str),
    "intake": Field(list, default=[], items=str),
    "label_before": Field(list, default=[], items=str),
    "label_after": Field(list, default=[], items=str),
    "reference": Field(list, default=[], items=str),
    "step_before": Field(list, default=[], items=str),
    "adjustments": Field(list, default=[], items=str),
    "starting_before": Field(list, default=[], items=str),
    "starting_after": Field(list, default=[], items=str),
    "raised_after": Field(list, default=[], items=str),
    "vehicles": Field(list, default=[], items=str),
    "limit_before": Field(list, default=[], items=str),
    "daily_before": Field(list, default=[], items=str),
    "split_before": Field(list, default=[], items=str),
    "product_nouns": Field(list, default=[], items=str),
    # a list of entries, or {name: entries} to give several spellings one name ("fish oil", "EPA")
    "other_substances": Field((list, dict), default=[], items=(str, list)),
    "usual_doses": Field(dict, default={}, items=list),
    "examples": LEXICON_EXAMPLES,  # self-tests, run by tests/test_rule_examples.py
}
# words between an amount and its frequency may carry a digit after a letter ("of vitamin D3 every day")
_FREQUENCY = compile_pattern(rf"[\s,(]*(?:of\s+)?(?:[^\W\d]\w*[\s,-]+){{0,4}}?(?:{FREQUENCY})", re.IGNORECASE)
_LIMIT_REACH = 50  # characters from a limit's name ("the upper limit") to the amount it sets
_NAMED_REACH = 30  # characters from a substance's name to an amount that is said to be its own
_BASIS_REACH = 60  # characters after an amount in which "twice daily" still belongs to it
_AGAINST_REACH = 16  # characters before a time of day in which "never", "rather than" reject it
_CLAUSE_AMOUNT_REACH = 12  # characters between an amount and the bedtime clause that times it
_CLAUSE_BREAK = compile_pattern(r"[,;:]|\bso\b", re.IGNORECASE)
_CONDITION = compile_pattern(r"\b(?:if|unless|whenever)\b", re.IGNORECASE)
# where an if-clause ends: a clause break, an end mark a lower-case line runs on past, "then"
_CONDITION_END = compile_pattern(r"[,;:.?!]|\b(?:so|then)\b", re.IGNORECASE)
_ANSWER_LEAD = 60  # characters before a timing that still open its answer or label ("A (Mark, verified buyer):", "**When:**")
_WHEN_ASKED = compile_pattern(r"\b(?:when|what time|time of day|best time|timing)\b[^?]*\?", re.IGNORECASE)
_BODY_WEIGHT = compile_pattern(r"(?:kg|kgs|kilos?|kilograms?)\.?$", re.IGNORECASE)
_WHEN_LABEL = compile_pattern(r"\b(?:when|timing|time)\b[\s*_:|]*$", re.IGNORECASE)
# a label set off by a colon or a cell border, not "at the same time" running on into a time of day
_WHEN_MARKED = compile_pattern(r"\b(?:when|timing|time)\b[\s*_]*[:|][\s*_]*$", re.IGNORECASE)
_WHEN_COLUMN = compile_pattern(r"\b(?:when|timing|best time|time of day|how to take(?: it)?)\b", re.IGNORECASE)
_FRAGMENT_WORDS = 12  # the most words of a sentence read as the fragment of the one before
_OPENS_WITH_TIME = compile_pattern(r"\W*(?:(?:or|and|then|but|ideally|preferably)\s+)?(?:first thing|(?:at least|about|around|roughly|some|an?|one|two|three|four|half|\d+)\b[^.,;]{0,30}?\b(?:before|after)\b|at (?:bedtime|night)|in the (?:morning|evening)|with (?:breakfast|lunch|dinner))", re.IGNORECASE)
_POINTS_BACK = compile_pattern(r"\b(?:it|them|these|those)\b", re.IGNORECASE)
# a sleep-hygiene order that opens a sentence: what it stops, turns off or times ("Eat your last
# big meal two hours before bed") is no substance
_HABIT_ORDERED = compile_pattern(
    r"\s*(?:stop|switch off|turn off|put (?:away|down)|power down|shut down|log off|dim|ditch|avoid|skip|cut out|finish|eat|have)\s+"
    r"(?:(?:all|your|the|any)\s+)?(?:(?:last|final|big|large|heavy|evening)\s+){0,2}(?:screens?|phones?|devices?|laptops?|tablets? and phones|TV|television|lights?|scrolling|e-?mails?|news|work|exercise|workouts?|meals?|eating|dinner|snacks?|naps?)\b",
    re.IGNORECASE)
_INTAKE_REACH = 50  # characters before a time of day in which "take" makes it advice ("take it at night")
_NOTHING = compile_pattern(r"(?!x)x")
USUAL_SOURCE = "usual supplement amounts in the dosing lexicon"
# What may sit between an amount and a rejection after it: "10 mg[ of melatonin], but that's too much".
_OF_PHRASE = r"\G(?:\s+of\s+[\w-]+(?:\s+[\w-]+)?(?=[\s,]))?"
# A count right before a product strength ("one 25 mg gummy", "six 500 mg capsules"); "a" is not one.
_COUNT = compile_pattern(rf"(?<![\w.,-])({COUNT_WORD}|[1-9]|1[0-2])\s+$", re.IGNORECASE)
_SPLIT_COUNT = compile_pattern(r"\b(two|three|four|[2-4])\b", re.IGNORECASE)
# a price in a sentence: its amounts are what is sold, shared with the dose-range kind
PRICE = compile_pattern(r"[$£€]\s?\d")
# What follows the size of a pack: "180 g tub", "a 200 g pot", "a 10 mL roller bottle", "a 60 mL
# glass spray bottle", "1 oz (30 mL) bottle", "(magnesium chloride, 250 g, worth £9)".
_PACK = compile_pattern(
    r"\s*(?:\([^()]{1,20}\)\s*)?(?:(?:glass|amber|plastic|spray|roller|roll-on|dropper|pump|travel|mini|refill|squeeze)\s+){0,2}"
    r"(?:tubs?|jars?|pouch(?:es)?|tins?|bags?|boxes|bottles?|packs?|refills?|canisters?|vials?|tubes?|pots?|cartons?|cans?|packets?)\b|,\s*(?:worth|RRP)\b",
    re.IGNORECASE)
# A table that steps a dose down or up: "a typical taper looks like this:", "## Titration".
_TAPER = compile_pattern(r"\b(?:taper(?:s|ed|ing)?|wean(?:s|ed|ing)?(?: off)?|titrat(?:e|es|ed|ing|ion)|step(?:ping)? (?:down|up)|build(?:ing)? up)\b", re.IGNORECASE)
# The head of a label's facts panel: the lines under it, to a blank line, list the product's content.
_FACTS_HEADER = compile_pattern(r"\b(?:supplement|nutrition) facts\b|\bamount per serving\b", re.IGNORECASE)
_HEADER_SPAN = 200  # characters at the start of a line in which a facts panel's head may sit
_PANEL_ROW_REACH = 120  # characters before an amount in which its row names its ingredient
# A shouted line that names a product and its strength has at least this many capitals; one that
# directs an intake ("TAKE 2 CAPLETS AT BEDTIME") is advice however it is written.
_TITLE_CAPITALS = 12
_TITLE_LINE_MAX = 200  # characters: a product's name and size fit a short line; longer ones are prose
# a product's name in title case, then its size: "Orchard Gold Montmorency Tart Cherry Concentrate, 16 fl oz"
_TITLED_SIZE = compile_pattern(r"[\s*_#>-]*(?:[A-Z][\w'\u2019&.-]*\s+){2,}[A-Z][\w'\u2019.-]*\s*[,\u2013\u2014-]\s*[\d.,/ ]+\s*(?:fl\.? oz|oz|ml|mL|l|L|g|kg|capsules|tablets|gummies|count|ct)\.?[\s*_]*")
_INTAKE_WORD = compile_pattern(r"\b(?:take|takes|taking|use|chew|swallow|give|dissolve|mix|drink|apply|spray|dose|adults?|children)\b", re.IGNORECASE)
# A column of the size sold, not a dose: "| Pack |", "| Net wt |", "| Qty |", and a price's "$42 / 150 g".
_PACK_HEADER = compile_pattern(r"\bpack(?:s| size)?\b|\bsize\b|\bnet (?:wt|weight|contents)\b|\bcontents\b|\bqty\b|\bquantity\b|\bprice\b|\bcost\b|\brrp\b", re.IGNORECASE)
# A column of product facts, not advice: "CBD per mL", "Strength", "Potency", "Price", a drink's
# "Typical caffeine".
# A product set against another brand, one per column ("| Feature | Ours | Typical store brand |"),
# lists what each holds too.
_CONTENT_HEADER = compile_pattern(r"\bper\b|strength|potency|concentration|content|price|label|\b(?:typical|average)\s+(?:caffeine|sugar|magnesium|melatonin)\b"
                                  r"|\b(?:store|own|other|leading|generic|typical|cheap|budget|competitor|rival|big)[-\s]+brands?\b|\bcompetitors?\b|\bvs\.?(?=\s)|\bversus\b", re.IGNORECASE)
# A comparison of products, one per row ("| Prenatal | Folate | Iron |", "| Brand | CBD |"): each
# row's amounts are what a product holds; so not "| Supplement | Dose |", whose rows are advice.
_PRODUCT_ROWS = compile_pattern(r"\s*\|?\s*[*_]{0,2}(?:products?|brands?|prenatals?|formulas?|multis?|multivitamins?|picks?|makers?|models?)\b", re.IGNORECASE)
# A column that advises ("| Product | Adult dose | When |") makes the rows advice after all.
_ADVICE_HEADER = compile_pattern(r"\b(?:doses?|dosage|amount|how much|when|timing|take|taking|suggested|recommended|directions)\b", re.IGNORECASE)
# Before a population, what keeps the dose from it: "not for children", "keep out of reach of kids".
_NOT_FOR = compile_pattern(r"\b(?:not|never|no|avoid\w*|unless|except|out of (?:the )?reach of|away from|without)\b[^.;:,()]{0,30}$", re.IGNORECASE)
_NOT_FOR_REACH = 45
# After a population, what keeps the dose from it: "children under 12 should not take it".
_KEPT_FROM = compile_pattern(r"[^.;:!?]{0,30}?\b(?:should(?:n['\u2019]t| not| never| avoid)|must(?:n['\u2019]t| not| never)|(?:do|does|did)(?:n['\u2019]t| not)|can(?:['\u2019]t|not)|never|avoid)\b", re.IGNORECASE)
# the ages right after a population's words: "Children 4-8 years", "Adults (65+)", "teens aged 13 to 17"
_AGES_AFTER = compile_pattern(r"\G[\s(:,]{0,3}(?:(?:aged?|ages)\s+)?\d{1,2}(?:\s*(?:-|–|to)\s*\d{1,2}|\s*\+|\s+(?:and|or)\s+(?:over|up|older|under|younger))?(?!\s*(?:kg|lbs?|pounds|mg|g|mcg|ml)\b)", regex.IGNORECASE)
_AGE_DIGITS = compile_pattern(r"\d+")
_VEHICLE_REACH = 60  # characters after an amount in which the drink it measures is named ("250 ml warm oat milk")
_POPULATION_REACH = 40  # characters around an amount in which the people it is for are named
_ROW_REACH = 2000  # characters into a line beyond which it is read as prose, not as a table row or list item
# A table introduced as a trial's arms: "Participants were randomly assigned to one of three groups:".
_TRIAL_ARMS = compile_pattern(r"\b(?:randomi[sz]ed|randomly|assigned|participants|volunteers|placebo|trial arms?|study arms?)\b", re.IGNORECASE)
# A line that opens with a period of a schedule: "- Weeks 1-2:", "| Day 3 |", "Month 2:".
_SCHEDULE_ROW = compile_pattern(r"[ \t]*(?:[-*+\u2022]|\d+[.)]|\|)?[ \t]*(?:\*\*|__)?(?:weeks?|days?|nights?|months?|phase|stage|step)[ \t]*\d", re.IGNORECASE)
# Two amounts said to be one: "0.3 g is the same as 300 mg" converts a unit, it doses nothing.
_EQUALS = r"\s+(?:is|are)\s+(?:exactly\s+|just\s+|simply\s+)?(?:the\s+same\s+as|equal\s+to|equivalent\s+to|identical\s+to)\s+(?:about\s+|roughly\s+|around\s+)?"
_EQUATED = compile_pattern(_EQUALS + r"\d", regex.IGNORECASE)  # after the first amount
_EQUATED_BEFORE = compile_pattern(r"\b(?:mg|g|mcg|\u00b5g|IU|mL|ml)" + _EQUALS + "$", regex.IGNORECASE)  # before the second
_EQUATED_REACH = 40  # characters before an amount in which the first amount and "is the same as" stand
_BRACKETED = compile_pattern(r"\s*[(\[]\s*(?:(?:about|around|roughly|approx\.?|i\.e\.,?|that is|=|or)\s*)?")  # between an amount and its restatement
# Between two amounts of one list: "2.5 mg melatonin, 50 mg magnesium (as glycinate) and 500 mg".
_LISTED = compile_pattern(r"[^.;:!?\d]{0,50}?(?:,\s*(?:and\s+|plus\s+)?|\s+(?:and|plus)\s+|\s*\+\s*)")
_OF_OTHER = compile_pattern(r"\s+of\s+(?:the\s+|a\s+|an\s+|your\s+|this\s+)?([A-Za-z][\w-]*)")
# A drug named only as what a product is likened to: "natural metformin", "nature's Xanax".
_LIKENED = compile_pattern(
    r"(?:\bnature['\u2019]s|\bpoor (?:man|woman)['\u2019]s|(?:\b(?:is|are|basically|essentially|literally|like|as)|['\u2019]s)"
    r"\s+(?:a\s+|an\s+|the\s+)?(?:natural|herbal|plant-based|botanical|DIY))\s+$", regex.IGNORECASE)
_LIKENED_REACH = 40
# A heading over a product's contents: "What's inside each capsule", "In every gummy", "Per serving".
_LABEL_HEADING = compile_pattern(
    r"\b(?:(?:in|inside)\s+(?:each|every|one|a|the)|per|each)\s+(?:capsule|tablet|gummy|chew|softgel|pill|caplet|scoop|serving|sachet|stick|shot|bottle|can)s?\b"
    r"|\b(?:what's|what\u2019s|what is)\s+inside\b|\b(?:supplement|nutrition)\s+facts\b", re.IGNORECASE)
_OF_GAP = compile_pattern(r"\)?\s*(?:of\s+)?(?:(?:the|a|an|pure|plain|supplemental|oral|[\w-]+(?:ed|al|ic))\s+){0,3}", re.IGNORECASE)


@dataclass(frozen=True)
class Lexicon:
    """The compiled dosing lexicon: purpose, form and study words, and the timing grammar."""

    purposes: tuple[tuple[str, regex.Pattern[str]], ...]
    forms: tuple[tuple[str, regex.Pattern[str]], ...]
    study: regex.Pattern[str]
    rejected_before: regex.Pattern[str]  # "don't take", "instead of" right before an amount
    rejected_after: regex.Pattern[str]  # "is too early" right after a timing
    timing: TimingGrammar
    label_before: regex.Pattern[str] = _NOTHING  # "each gummy contains" right before an amount
    label_after: regex.Pattern[str] = _NOTHING  # "per gummy" right after an amount
    reference: regex.Pattern[str] = _NOTHING  # "recommended dietary allowance" anywhere in the sentence
    step_before: regex.Pattern[str] = _NOTHING  # "increase to", "went up to" right before an amount
    daily_before: regex.Pattern[str] = _NOTHING  # "a typical daily amount is" right before an amount
    split_before: regex.Pattern[str] = _NOTHING  # "two doses of" right before an amount: a serving, N a day
    product: regex.Pattern[str] = _NOTHING  # "3 mg tablets": an amount naming a product's strength
    others: regex.Pattern[str] = _NOTHING  # substances outside the knowledge base: their doses are not ours
    intake: regex.Pattern[str] = _NOTHING  # "take", "drink": what makes a time of day advice
    other_names: tuple[tuple[str, regex.Pattern[str]], ...] = ()  # the name each group of `others` goes by
    # (other substance, its usual amounts per serving): only a unit slipped by orders of magnitude
    # is judged against them
    usual_doses: tuple[tuple[str, tuple[DoseRange, ...]], ...] = ()
    # who a dose is for ("children", "over 65"): doses for different people never contradict
    populations: tuple[tuple[str, regex.Pattern[str]], ...] = ()
    # a change made when a condition is met: "If you feel groggy, cut to half a gummy"
    adjustment: regex.Pattern[str] = _NOTHING
    starting_before: regex.Pattern[str] = _NOTHING  # "start with" right before an amount: where a course begins
    starting_after: regex.Pattern[str] = _NOTHING  # "to start", "for the first week" right after an amount
    raised_after: regex.Pattern[str] = _NOTHING  # "then go up", "increase slowly" after a starting amount
    vehicle: regex.Pattern[str] = _NOTHING  # "250 ml warm milk": an amount of what a dose is taken in
    limit_before: regex.Pattern[str] = _NOTHING  # "the upper limit is", "ceiling:" right before an amount
    # what keeps a food state from being advice: a condition or a stop just before it ("if taken on
    # an empty stomach", "stopped taking it on an empty stomach"), a harm just after it ("on an
    # empty stomach gives me heartburn"), a stomach complaint the sentence makes it the remedy for
    # ("with meals if it bothers your stomach")
    food_rejected_before: regex.Pattern[str] = _NOTHING
    food_rejected_after: regex.Pattern[str] = _NOTHING
    food_adjusted: regex.Pattern[str] = _NOTHING

    def purpose_of(self, text: str) -> str | None:
        """The purpose a free-text label names (a knowledge-base dose's `purpose`), if any."""
        return _first_label(self.purposes, text)

    def form_of(self, text: str) -> str | None:
        """The form a free-text label names (a knowledge-base dose's `form`), if any."""
        return _first_label(self.forms, text)

    def usual(self, substance: str) -> tuple[DoseRange, ...]:
        """The usual amounts of a substance outside the knowledge base (none if unlisted)."""
        return next((doses for name, doses in self.usual_doses if name == substance), ())

    def other_name(self, text: str) -> str:
        """The name of a substance outside the knowledge base: its group's, else its own words."""
        for name, pattern in self.other_names:
            if pattern.fullmatch(text) is not None:
                return name
        return " ".join(text.lower().split())


def _count(word: str) -> float:
    """The value of a count the patterns above matched ("three", "3")."""
    value = parse_number(word)
    assert value is not None  # the patterns match only digits and number words
    return value


def _first_label(table: tuple[tuple[str, regex.Pattern[str]], ...], text: str) -> str | None:
    return next((label for label, pattern in table if search(pattern, text)), None)


def load_lexicon(path: Path) -> Lexicon:
    """Read and compile a dosing lexicon file."""
    source = str(path)
    data = validate(read_yaml(path), _LEXICON_FIELDS, source)

    def table(key: str) -> tuple[tuple[str, regex.Pattern[str]], ...]:
        return tuple((str(label), compile_terms(terms, where=f"{key}.{label}", source=source)) for label, terms in data[key].items())

    unknown = set(data["near"]) - set(data["anchors"])
    if unknown:
        raise RuleError(f"key 'near' names unknown anchors {sorted(unknown)}", source)
    unknown = set(data["food_states"]) - set(FOOD_WINDOWS)
    if unknown:
        raise RuleError(f"key 'food_states' names unknown states {sorted(unknown)} (known: {sorted(FOOD_WINDOWS)})", source)
    hours = _daypart_hours(data, source)
    others, named = _other_substances(data["other_substances"], source)
    return Lexicon(
        table("purposes"),
        table("forms"),
        compile_terms(data["study"], where="study", source=source),
        _before(data["rejected_before"], "rejected_before", source, 25),
        compile_terms([_OF_PHRASE + r"[^.;:()]{0,15}" + t for t in data["rejected_after"]], where="rejected_after", source=source, whole_words=False),
        build_grammar({str(k): [str(t) for t in v] for k, v in data["anchors"].items()}, data["near"],
                      {str(k): [str(t) for t in v] for k, v in data["dayparts"].items()}, hours, data["anchor_dayparts"],
                      {str(k): [str(t) for t in v] for k, v in data["food_states"].items()}),
        _before(data["label_before"], "label_before", source, 25),
        compile_terms([r"\G\s*" + t for t in data["label_after"]], where="label_after", source=source, whole_words=False)
        if data["label_after"] else _NOTHING,
        compile_terms(data["reference"], where="reference", source=source) if data["reference"] else _NOTHING,
        _before(data["step_before"], "step_before", source, 0),
        _before(data["daily_before"], "daily_before", source, 25),
        _before(data["split_before"], "split_before", source, 0),
        compile_terms([r"\G\s*(?:-\s*)?(?:[\w-]+[\"'”’]?\s+){0,2}" + t + r"(?![\w])" for t in data["product_nouns"]], where="product_nouns",
                      source=source, whole_words=False) if data["product_nouns"] else _NOTHING,
        compile_terms(others, where="other_substances", source=source) if others else _NOTHING,
        compile_terms(data["intake"], where="intake", source=source) if data["intake"] else _NOTHING,
        tuple((name, compile_terms(terms, where=f"other_substances.{name}", source=source, whole_words=False))
              for name, terms in named.items()),
        _usual_doses(data["usual_doses"], set(named), source),
        table("populations"),
        _adjustment(data["adjustments"], source),
        # no number between the cue and the amount ("start at 5 g because 2 g does nothing" starts at
        # 5 g only), but a bracket may open: "Start with half a gummy (0.5 mg)"
        _before(data["starting_before"], "starting_before", source, 25, breaks=r".;:,)\d"),
        compile_terms([r"\G[^.;:()\d]{0,25}?" + t for t in data["starting_after"]], where="starting_after", source=source,
                      whole_words=False) if data["starting_after"] else _NOTHING,
        compile_terms(data["raised_after"], where="raised_after", source=source) if data["raised_after"] else _NOTHING,
        compile_terms([r"\G\s*(?:of\s+)?" + t + r"(?![\w-])" for t in data["vehicles"]], where="vehicles", source=source,
                      whole_words=False) if data["vehicles"] else _NOTHING,
        # a label's colon may sit between: "Daily caffeine ceiling: 400 mg"; so may what the limit
        # is for: "the upper limit for magnesium from supplements is 350 mg"
        _before(data["limit_before"], "limit_before", source, _LIMIT_REACH, breaks=".;,()"),
        _before(data["food_rejected_before"], "food_rejected_before", source, 25),
        # a harm the food state prevents is its reason, not its cost ("with breakfast so it
        # doesn't upset your stomach"): no negation may stand between the state and the harm
        compile_terms([r"\G(?:(?!(?:\bnot|\bnever|\bavoid\w*|n't)\b)[^.;:()]){0,15}?" + t for t in data["food_rejected_after"]],
                      where="food_rejected_after", source=source,
                      whole_words=False) if data["food_rejected_after"] else _NOTHING,
        compile_terms(data["food_adjusted"], where="food_adjusted", source=source) if data["food_adjusted"] else _NOTHING,
    )


def _adjustment(verbs: list[str], source: str) -> regex.Pattern[str]:
    """A sentence that opens with a condition and then changes the dose ("If it doesn't help
    after a week, try 2 mg"): matched from the sentence's start to the amount."""
    if not verbs:
        return _NOTHING
    condition = r"\G[\s\W]*(?:if|when|once|should|after)\b[^.;:!?]{3,120}?,\s*(?:[\w'’]+\s+){0,6}?"
    return compile_pattern(condition + "(?:" + "|".join(f"(?:{v})" for v in verbs) + r")\b", regex.IGNORECASE)


def _usual_doses(table: Mapping[str, list[Any]], names: set[str], source: str) -> tuple[tuple[str, tuple[DoseRange, ...]], ...]:
    """(substance, usual amounts) pairs, each amount written [low, high, unit] with a dose unit."""
    result: list[tuple[str, tuple[DoseRange, ...]]] = []
    for name, ranges in table.items():
        where = f"key 'usual_doses.{name}'"
        if name not in names:
            raise RuleError(f"{where} names no group of 'other_substances'", source)
        found = []
        for item in ranges:
            numbers = item[:2] if isinstance(item, list) and len(item) == 3 else []
            if (len(numbers) != 2 or not all(isinstance(n, (int, float)) and not isinstance(n, bool) for n in numbers)
                    or not 0 < numbers[0] <= numbers[1] or not isinstance(item[2], str) or dose_unit(item[2]) is None):
                raise RuleError(f"{where} must list [low, high, unit] ranges with 0 < low <= high and a dose unit", source)
            found.append(DoseRange(float(numbers[0]), float(numbers[1]), item[2], "serving", None, None, USUAL_SOURCE))
        result.append((str(name), tuple(found)))
    return tuple(result)


def _other_substances(entries: list[Any] | dict[str, Any], source: str) -> tuple[list[str], dict[str, list[str]]]:
    """All entries of `other_substances`, and the named groups when it is a mapping."""
    if isinstance(entries, list):
        return [str(t) for t in entries], {}
    named: dict[str, list[str]] = {}
    for name, terms in entries.items():
        if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
            raise RuleError(f"key 'other_substances.{name}' must be a list of strings", source)
        named[str(name)] = terms
    return [t for terms in named.values() for t in terms], named


def _daypart_hours(data: Mapping[str, Any], source: str) -> dict[str, tuple[float, float]]:
    """{time of day: (first hour, last hour)}, checked against `dayparts` and `anchor_dayparts`."""
    parts, hours = set(data["dayparts"]), data["daypart_hours"]
    if set(hours) != parts:
        raise RuleError(f"keys 'dayparts' and 'daypart_hours' name different times of day: {sorted(parts ^ set(hours))}", source)
    result: dict[str, tuple[float, float]] = {}
    for name, span in hours.items():
        if len(span) != 2 or not all(isinstance(h, (int, float)) and not isinstance(h, bool) for h in span) or not 0 <= span[0] < span[1] <= 48:
            raise RuleError(f"key 'daypart_hours.{name}' must be two hours, first < last, within 0-48", source)
        result[str(name)] = (float(span[0]), float(span[1]))
    for anchor, part in data["anchor_dayparts"].items():
        if anchor not in data["anchors"] or part not in parts:
            raise RuleError(f"key 'anchor_dayparts.{anchor}' must map a known anchor to a known time of day", source)
    return result


def _before(terms: list[str], where: str, source: str, gap: int, breaks: str = ".;:,()") -> regex.Pattern[str]:
    """Terms that must end at most `gap` characters before an amount, with none of `breaks` (the
    characters that end a clause) between them."""
    if not terms:
        return _NOTHING
    # A plain pattern, not a word-indexed lexicon: `$` must mean the end of the searched slice.
    tail = rf"[^{breaks}]{{0,{gap}}}$" if gap else r"\s*$"
    return compile_terms([rf"(?<![\w-])(?:{t})(?![\w]){tail}" for t in terms], where=where, source=source, whole_words=False)


@lru_cache(maxsize=None)
def builtin_lexicon() -> Lexicon:
    """The dosing lexicon shipped with the built-in rules, compiled once per process."""
    return load_lexicon(builtin_rules_dir() / LEXICON_FILE)


@dataclass(frozen=True)
class Statement:
    """A dose or timing statement with what it is about; `measure` holds the normalised amount."""

    measure: Union[Quantity, Timing]
    substance: str
    purpose: str | None
    form: str | None
    basis: Basis
    study: bool  # reported from a study, not advised
    rejected: bool  # advised against: "don't take 10 mg", "four hours before bed is too early"
    # advice | label ("each gummy contains 25 mg") | reference (an RDA) | step ("increase to 100 mg") |
    # pack ("a 180 g tub") | conversion ("0.3 g is the same as 300 mg")
    role: str = "advice"
    population: str | None = None  # who it is for ("children"); None: the general (adult) reader
    # "named": called where a course begins ("start with 200 mg"); "raised": named so and raised
    # after ("start with 1 mg, then go up"), the first step of a titration; "": neither
    starting: str = ""
    # the substance is named at the amount ("300 mg of magnesium", "zinc, 50 mg"), not handed down
    # from elsewhere in the sentence, the section or the draft
    named: bool = False

    @property
    def start(self) -> int:
        """Offset of the quantity or offset phrase."""
        return self.measure.start

    @property
    def end(self) -> int:
        """End offset of the quantity or offset phrase."""
        return self.measure.end


@dataclass(frozen=True)
class Extracted:
    """The dose and timing statements of one document."""

    doses: tuple[Statement, ...]
    timings: tuple[Statement, ...]


def statements(doc: Document, knowledge: Knowledge, lexicon: Lexicon | None = None) -> Extracted:
    """Every attributed dose and timing statement in `doc`, computed once per knowledge base."""
    return doc.derived(("dosing statements", id(knowledge)),
                       lambda: _Extractor(doc, knowledge, lexicon or builtin_lexicon()).run())


class _Extractor:
    """One pass over a document: find quantities and timings, then attribute each one."""

    def __init__(self, doc: Document, knowledge: Knowledge, lexicon: Lexicon) -> None:
        self.doc = doc
        self.lexicon = lexicon
        known: list[Mention] = knowledge.mentions(doc.prose) if knowledge.substances else []
        counts = Counter(m.substance for m in known)
        # A substance outside the knowledge base ("creatine", "fish oil") owns the doses next to
        # it as much as a known one does: they are its statements (compared with each other,
        # with no reference range), never handed to the nearest known substance.
        others = [Mention(lexicon.other_name(m.group(0)), m.start(), m.end()) for m in lexicon.others.finditer(doc.prose)]
        if others:
            overlaps_known = overlap_test(known)
            known = sorted([*known, *(o for o in others if not overlaps_known(o.start, o.end))], key=lambda m: m.start)
        # "it's basically natural metformin": a drug a product is likened to is not its topic
        self.mentions = [m for m in known if _LIKENED.search(doc.prose, max(0, m.start - _LIKENED_REACH), m.start) is None]
        self.mention_starts = [m.start for m in self.mentions]
        self.main = self._most_named(counts)
        self.most_named = self._most_named(Counter(m.substance for m in self.mentions))  # known or not
        # A product page whose ingredients are all outside the knowledge base ("PureRoot Liver
        # Reset: Milk Thistle + Dandelion + NAC") is still about them: "take 2 capsules at
        # bedtime" under "How to take" times the one it names most, when its title names it too
        # (a shop's collection names each product's herbs in the product's own section). Its
        # amounts stay unowned: a row of herbs no lexicon knows, or a drug's dose, would be
        # handed to that ingredient.
        self.main_timed = self.main or self._title_topic()
        self.headings = [b for b in doc.blocks if b.kind == "heading"]
        self.heading_starts = [b.start for b in self.headings]

    def _first(self, name: str) -> int:
        return next(m.start for m in self.mentions if m.substance == name)

    def _title_topic(self) -> str | None:
        """The substance named most often, if the draft's first block (its title) names it."""
        topic = self.most_named
        if topic is None or not self.doc.blocks:
            return None
        title = self.doc.blocks[0]
        return topic if any(m.substance == topic and m.start < title.end for m in self.mentions) else None

    def _most_named(self, counts: Counter[str]) -> str | None:
        """The substance named most often, the first named on a tie; None when none is."""
        return max(counts, key=lambda name: (counts[name], -self._first(name))) if counts else None

    def run(self) -> Extracted:
        """Extract and attribute; purposes and forms left open resolve to the draft's only one."""
        if not self.mentions:
            return Extracted((), ())
        prose = self.doc.prose
        # a body weight ("a 70 kg player") is no dose: no supplement is taken by the kilogram
        quantities = [q for q in find_quantities(prose) if q.dimension != "mass" or _BODY_WEIGHT.search(prose, q.start, q.end) is None]
        dosed = {self._sentence(q.start) for q in quantities}
        amount_ends = [q.end for q in quantities]
        # bedtime said as a clause times a dose next to an amount or intake, or as the answer to
        # "when?" ("**Best time?** Right as your head hits the pillow")
        timings = [t for t in self.lexicon.timing.find(prose)
                   if not t.clause or self._taken_as_clause(t, amount_ends) or self._answers_when(t.start) or self._labelled_when(t.start)]
        nightly = {self._sentence(t.start) for t in timings if t.anchor in self.lexicon.timing.near}
        dosed_rows = self._dosed_rows(quantities)
        timings = [t for t in timings
                   if (not t.near or self._taken(t, dosed) or self._in_dosed_row(t, dosed_rows) or self._answers_when(t.start))
                   and self._about_intake(t, dosed, dosed_rows)]
        timings = sorted(timings + self._times_of_day(timings, dosed, dosed_rows), key=lambda t: t.start)
        doses = [self._statement(q, self._basis(q, quantities[i + 1].start if i + 1 < len(quantities) else len(prose), nightly))
                 for i, q in enumerate(quantities)]
        timed = [self._statement(t, Basis(False, None)) for t in timings]
        doses = [self._product(s) if s is not None else None for s in doses]
        doses = self._restated(quantities, doses)
        main_purpose = self._main_purpose(doses + timed) if any(s is not None and s.purpose is None for s in doses + timed) else None
        return Extracted(_resolve(doses, main_purpose), _resolve(timed, main_purpose))

    def _restated(self, quantities: list[Quantity], doses: list[Statement | None]) -> list[Statement | None]:
        """An amount in brackets right after another one says it again in other units ("half a
        gummy (0.5 mg)", "37.5 mg (one and a half tablets)"): it is what the first one is. So is
        each amount of a label's list ("Each gummy contains 2.5 mg melatonin, 50 mg magnesium
        and 500 mg glycine"), and the serving a total is split into ("20 g a day, split into four
        doses of 5 g")."""
        prose = self.doc.prose
        for i in range(1, len(doses)):
            first, again = doses[i - 1], doses[i]
            if first is None or again is None:
                continue
            between = (quantities[i - 1].end, quantities[i].start)
            if (_BRACKETED.fullmatch(prose, *between) or search(self.lexicon.split_before, prose, *between) is not None
                    or first.role == "label" and again.role == "advice" and _LISTED.fullmatch(prose, *between)):
                # "split into four doses of 5 g" after a loading amount is that loading, served
                # and a bound it sets holds for the restatement: "not more than eight tablets (4 g)"
                measure = again.measure
                if isinstance(measure, Quantity) and isinstance(first.measure, Quantity) and first.measure.bound != "exact":
                    measure = measure._replace(bound=first.measure.bound)
                doses[i] = replace(again, measure=measure, role=first.role, study=first.study, rejected=first.rejected,
                                   starting=first.starting or again.starting)
        return doses

    def _dosed_rows(self, quantities: list[Quantity]) -> set[int]:
        """Lines of table rows with an amount in one cell: "| Saffron | 30 mg | With dinner |"
        advises the time in another."""
        return {self.doc.span(q.start, q.end).line for q in quantities if self._in_table(q.start)}

    def _in_dosed_row(self, t: Timing, dosed_rows: set[int]) -> bool:
        """Whether a timing sits in one of the table rows that give an amount."""
        return bool(dosed_rows) and self._in_table(t.start) and self.doc.span(t.start, t.end).line in dosed_rows

    def _times_of_day(self, timings: list[Timing], dosed: set[tuple[int, int]], dosed_rows: set[int]) -> list[Timing]:
        """Times of day given as advice: in a sentence with an amount or an intake word before
        them, and the only time of day of their sentence ("300 mg in the morning and 300 mg at
        night" splits a dose; it does not contradict itself)."""
        prose = self.doc.prose
        offsets = {(t.start, t.end) for t in timings}  # "an hour before bed" is advice as it stands
        timed = {self._sentence(t.start) for t in timings}
        by_sentence: dict[tuple[tuple[int, int], str], list[Timing]] = {}
        # times of day first: a food state is advice in a sentence that times a dose ("first thing
        # in the morning, on an empty stomach" answering "when?")
        for t in [*self.lexicon.timing.times_of_day(prose, timings), *self._food_states()]:
            by_sentence.setdefault((self._sentence(t.start), t.anchor), []).append(t)
        found: list[Timing] = []
        for (sentence, anchor), parts in by_sentence.items():
            if _apart(parts):
                # "in the morning, never at night", "at bedtime rather than in the morning": the
                # time of day advised against is not a second one
                parts = [t for t in parts if not self._advised_against(sentence[0], t.start)] or parts
            # "If you feel groggy in the morning, try one gummy less": a state under a condition
            parts = [t for t in parts if anchor != DAY or (t.start, t.end) in offsets or self._condition(sentence[0], t.start) is None]
            if not parts or _apart(parts) or is_question(prose, *sentence):
                continue  # "Can I take it in the morning instead?" asks; it advises nothing
            # "**Best time to take it?** First thing in the morning": the answer to "when?" times a dose
            advice = [t for t in parts if (t.start, t.end) in offsets or self._taken(t, dosed) or self._in_dosed_row(t, dosed_rows)
                      or anchor != DAY and sentence in timed or self._answers_when(t.start) or self._labelled_when(t.start, _WHEN_MARKED)]
            # "at night, right before bed" is one time of day, said most exactly by its narrowest words
            chosen = sorted(advice, key=lambda t: t.high - t.low)[:1]
            found += chosen
            if anchor == DAY and chosen:
                timed.add(sentence)
        return found

    def _food_states(self) -> list[Timing]:
        """Food states that may be advice: not under a condition or a stop, not the cause of a
        harm, not the remedy a stomach complaint calls for."""
        prose, lexicon = self.doc.prose, self.lexicon
        found = []
        for t in lexicon.timing.food_phrases(prose):
            start, end = self._sentence(t.start)
            if (search(lexicon.food_rejected_before, prose, start, t.start) is None
                    and search(lexicon.food_rejected_after, prose, t.end, end) is None
                    and search(lexicon.food_adjusted, prose, start, end) is None):
                found.append(t)
        return found

    def _taken(self, t: Timing, dosed: set[tuple[int, int]]) -> bool:
        """Whether a timing is advice about taking something: its sentence gives an amount, or an
        intake word comes just before it ("take it at night")."""
        sentence = self._sentence(t.start)
        return sentence in dosed or search(self.lexicon.intake, self.doc.prose, max(sentence[0], t.start - _INTAKE_REACH), t.start) is not None

    def _about_intake(self, t: Timing, dosed: set[tuple[int, int]], dosed_rows: set[int]) -> bool:
        """Whether a sentence with an offset is about taking something: it gives an amount, says
        an intake word, names a substance or points back to one ("it"), or answers "when?". "Finish
        your last meal two hours before bed" and "screens off an hour before lights out" are not."""
        sentence = self._sentence(t.start)
        if sentence in dosed or self._in_dosed_row(t, dosed_rows) or self._answers_when(t.start) or self._labelled_when(t.start):
            return True
        if self._continues_dose(sentence, dosed):
            return True
        prose = self.doc.prose
        if _HABIT_ORDERED.match(prose, sentence[0], sentence[1]) is not None:
            return False  # "Stop screens an hour before bed and swap them for a book": "them" are the screens
        lo, hi = bisect_left(self.mention_starts, sentence[0]), bisect_left(self.mention_starts, sentence[1])
        return (hi > lo or search(self.lexicon.intake, prose, *sentence) is not None
                or _POINTS_BACK.search(prose, *sentence) is not None)

    def _labelled_when(self, offset: int, label: regex.Pattern[str] = _WHEN_LABEL) -> bool:
        """Whether the line labels what follows as a time ("**When:** 30 minutes before bed",
        "| When | an hour before bed |"), or the table cell holding it sits under a column so
        headed ("| Supplement | When |" over "| Glycine | An hour before bed |")."""
        line = self.doc.text.rfind("\n", 0, offset) + 1
        if label.search(self.doc.prose, max(line, offset - _ANSWER_LEAD), offset) is not None:
            return True
        return self._in_table(offset) and table_headers(self.doc).column_says(offset, _WHEN_COLUMN)

    def _continues_dose(self, sentence: tuple[int, int], dosed: set[tuple[int, int]]) -> bool:
        """Whether a short sentence that opens with its time goes on from an amount or an intake
        in the sentence before ("Concentrate, 30 mL, twice a day. First thing in the morning and
        again an hour before bed.", "Take it two hours before bed. Or at least four.")."""
        here = self.doc.sentence_at(sentence[0])
        if here is None or here.index == 0 or not _OPENS_WITH_TIME.match(self.doc.prose, sentence[0], sentence[1]):
            return False
        if len(self.doc.prose[sentence[0]:sentence[1]].split()) > _FRAGMENT_WORDS:
            return False
        before = self.doc.sentences[here.index - 1]
        return (before.start, before.end) in dosed or search(self.lexicon.intake, self.doc.prose, before.start, before.end) is not None

    def _answers_when(self, offset: int) -> bool:
        """Whether `offset` opens the answer to a question about timing ("Best time of day? A:
        right before bed", "**When should I take it?** Right as you get into bed")."""
        sentence = self.doc.sentence_at(offset)
        if sentence is None or sentence.index == 0 or offset - sentence.start > _ANSWER_LEAD:
            return False
        asked = self.doc.sentences[sentence.index - 1]
        return _WHEN_ASKED.search(self.doc.prose, asked.start, asked.end) is not None

    def _taken_as_clause(self, t: Timing, amount_ends: list[int]) -> bool:
        """Whether bedtime said as a clause times a dose: an amount just before it ("50 mg, right
        as your head hits the pillow") or an intake word in its own clause ("take it right as you
        lie down"), not one across "so" ("take it right before bed, so it peaks as you fall asleep")."""
        i = bisect_left(amount_ends, t.start)
        if i and t.start - amount_ends[i - 1] <= _CLAUSE_AMOUNT_REACH:
            return True
        sentence = self._sentence(t.start)
        floor = self._clause_start(_CLAUSE_BREAK, max(sentence[0], t.start - _INTAKE_REACH), t.start)
        return search(self.lexicon.intake, self.doc.prose, floor, t.start) is not None

    def _clause_start(self, breaks: regex.Pattern[str], start: int, offset: int) -> int:
        """Where the clause holding `offset` begins: just after the last of `breaks` between
        `start` and `offset`, else `start`."""
        last = last_match(breaks, self.doc.prose, start, offset)
        return start if last is None else last.end()

    def _condition(self, sentence_start: int, offset: int) -> regex.Match[str] | None:
        """The condition word of the if-clause `offset` sits in, if it sits in one: the last
        one after the clause's start ("if you wake in the night", not "if it's for sleep, take
        it at night")."""
        return last_match(_CONDITION, self.doc.prose, self._clause_start(_CONDITION_END, sentence_start, offset), offset)

    def _supposed(self, q: Quantity, start: int, end: int) -> bool:
        """Whether an amount is supposed, not advised: it sits in an if-clause that a clause
        break closes after it, with no intake word before it ("If one gummy still leaves you
        groggy, try half"; not "if melatonin doesn't work just take 150 mg")."""
        condition = self._condition(start, q.start)
        prose = self.doc.prose
        return (condition is not None and search(self.lexicon.intake, prose, condition.end(), q.start) is None
                and _CONDITION_END.search(prose, q.end, end) is not None)

    def _advised_against(self, sentence_start: int, offset: int) -> bool:
        """Whether a negation or "rather than" sits just before `offset` ("never at night")."""
        prose = self.doc.prose
        return search(self.lexicon.rejected_before, prose, max(sentence_start, offset - _AGAINST_REACH), offset) is not None

    def _in_table(self, offset: int) -> bool:
        """Whether `offset` lies in a Markdown table cell."""
        block = self.doc.block_at(offset)
        return block is not None and block.kind == "table_cell"

    def _main_purpose(self, found: list[Statement | None]) -> str | None:
        """The purpose the draft names in the most statement sentences and headings."""
        named = {(self._sentence(s.start)[0], s.purpose) for s in found if s is not None and s.purpose is not None}
        counts = Counter(purpose for _start, purpose in sorted(named))  # sorted whole: a set's order varies by run
        for heading in self.headings:
            prose = self.doc.prose[heading.start : heading.end]
            counts.update(label for label, pattern in self.lexicon.purposes if pattern.search(prose))
        return counts.most_common(1)[0][0] if counts else None

    def _sentence(self, offset: int) -> tuple[int, int]:
        sentence = self.doc.sentence_at(offset)
        if sentence is not None:
            return sentence.start, sentence.end
        block = self.doc.block_at(offset)
        return (block.start, block.end) if block is not None else (offset, offset)

    def _basis(self, q: Quantity, next_start: int, nightly: set[tuple[int, int]]) -> Basis:
        sentence = self._sentence(q.start)
        limit = min(next_start, sentence[1], q.end + _BASIS_REACH)
        found = _FREQUENCY.match(self.doc.prose, q.end, limit)
        if found is not None:
            return parse_basis(_tail(found.group(0)))
        if search(self.lexicon.daily_before, self.doc.prose, sentence[0], q.start) is not None:
            return Basis(True, None)  # "a typical daily amount is 120 mg", "add up to 200 mg"
        split = search(self.lexicon.split_before, self.doc.prose, sentence[0], q.start)
        if split is not None:  # "two doses of 0.1 g each": a serving taken that many times
            count = _SPLIT_COUNT.search(split.group(0))
            if count is not None:
                return Basis(False, _count(count.group(1)))
        # a dose in a sentence that times it to bedtime is taken once a night
        return Basis(False, 1.0) if sentence in nightly else Basis(False, None)

    def _statement(self, measure: Union[Quantity, Timing], basis: Basis) -> Statement | None:
        start, end = self._sentence(measure.start)
        main = self.main if isinstance(measure, Quantity) else self.main_timed
        substance, named = self._substance(measure.start, measure.end, start, end, main)
        if substance is None or (isinstance(measure, Quantity) and self._unnamed_panel_row(measure)):
            return None
        text = self.doc.prose[start:end]
        purpose = self._label(self.lexicon.purposes, start, end, measure.start, start)
        form = self._label(self.lexicon.forms, start, end, measure.start, None)
        # a trial's table of arms, introduced as one ("Participants were randomly assigned to ...")
        study = search(self.lexicon.study, self.doc.prose, start, end) is not None or (
            self._in_table(measure.start) and _TRIAL_ARMS.search(self._table_lead_in(measure.start)) is not None)
        # a negation before a maximum is part of the bound ("never take more than 5 mg"), not a rejection
        rejected = measure.bound != "max" and (search(self.lexicon.rejected_before, self.doc.prose, start, measure.start) is not None
                    or search(self.lexicon.rejected_after, self.doc.prose, measure.end, end) is not None
                    or isinstance(measure, Quantity) and self._supposed(measure, start, end))
        return Statement(measure, substance, purpose, form, basis, study, rejected, self._role(measure, start, end, text),
                         self._population(start, end, measure.start), self._starting(measure, start, end), named)

    def _starting(self, measure: Union[Quantity, Timing], start: int, end: int) -> str:
        """Whether an amount is named as where a course starts ("start with half a gummy", "1 mg
        to begin with"): "raised" when it is raised after, in its sentence or the next ("then go
        up to 5 mg", "increase slowly"), the first step of a titration; "named" when it is not,
        the advice itself ("start with 200 mg before bed"); "" for any other amount."""
        if not isinstance(measure, Quantity):
            return ""
        prose = self.doc.prose
        if (search(self.lexicon.starting_before, prose, start, measure.start) is None
                and search(self.lexicon.starting_after, prose, measure.end, end) is None):
            return ""
        sentence = self.doc.sentence_at(measure.start)
        following = self.doc.next_sentence(sentence) if sentence is not None else None
        reach = following.end if following is not None else end
        return "raised" if search(self.lexicon.raised_after, prose, measure.end, max(end, reach)) is not None else "named"

    def _population(self, start: int, end: int, at: int) -> str | None:
        """Who the amount at `at` is for: the population named nearest it in its sentence, else in
        its table row's first cell ("| Teens 13 and up | 1 to 3 mg |"), else in the section
        heading. People a dose is kept from ("not for children", "avoid if pregnant") are not it."""
        table = self.lexicon.populations
        if not table:
            return None
        # only near the amount: "after the kids are in bed, I take 400 mg" doses no child
        found = self._label(table, max(start, at - _POPULATION_REACH), min(end, at + _POPULATION_REACH), at, None, kept_from=True)
        if found is None and self._in_table(at):
            text = self.doc.text
            row = _line_start(text, at)
            before = row_cells(text, row, at) if row is not None else []
            if len(before) > 1:  # the row's first cell, when the amount is not in it
                found = self._label(table, *before[0], at, None, kept_from=True)
        if found is None:  # an empty sentence span: only the section heading is read
            found = self._label(table, at, at, at, heading_from=start)
        # the table's first group is the general reader ("adults"): the same as naming no one
        return None if found == table[0][0] else found

    def _under_label_heading(self, offset: int) -> bool:
        """Whether an amount is a list item under a heading that says what one unit holds ("What's
        inside each capsule", "Per gummy"): the list is the label, not advice."""
        index = bisect_right(self.heading_starts, offset) - 1
        if index < 0 or self.doc.blocks[self.doc.block_index(offset)].kind != "list_item":
            return False
        heading = self.headings[index]
        return _LABEL_HEADING.search(self.doc.prose, heading.start, heading.end) is not None

    def _role(self, measure: Union[Quantity, Timing], start: int, end: int, text: str) -> str:
        """What an amount is: advice, a product's content, a reference intake, or a titration step."""
        if not isinstance(measure, Quantity):
            return "advice"
        prose = self.doc.prose
        if prose.find("?", measure.end, end) >= 0 and is_question(prose, start, end):
            return "question"  # "Has anyone tried going down to 0.3 mg?" asks; it advises nothing
        if _PACK.match(prose, measure.end, end) is not None or self._in_pack_column(measure.start):
            return "pack"  # "a 180 g tub", "Each 500 mL bottle provides 16 serves", a catalogue's "| Pack |": the size sold
        if (_EQUATED.match(prose, measure.end, end) is not None
                or _EQUATED_BEFORE.search(prose, max(start, measure.start - _EQUATED_REACH), measure.start) is not None):
            return "conversion"  # "0.3 g is the same as 300 mg": neither amount is taken
        if (search(self.lexicon.label_before, prose, start, measure.start) is not None
                or search(self.lexicon.label_after, prose, measure.end, end) is not None
                or self._in_content_column(measure.start) or PRICE.search(text) is not None
                or self._in_facts_panel(measure.start) or self._on_product_title(measure.start)
                or self._under_label_heading(measure.start)):
            # "each gummy contains 25 mg", "50 mg per gummy", a "CBD per mL" column, a price list
            # line ("Deep Relief Balm - 1000 mg CBD / 2 oz - $55")
            return "label"
        if measure.bound not in ("max", "min") and (search(self.lexicon.reference, text) is not None
                                                     or search(self.lexicon.limit_before, prose, start, measure.start) is not None):
            return "reference"  # "the recommended dietary allowance is 400 mg a day", "the upper limit is 4,000 IU"
        if search(self.lexicon.step_before, prose, start, measure.start) is not None:
            return "step"  # "then increase to 100 mg": where a titration goes, not a second dose
        if self.lexicon.adjustment.search(prose, start, measure.start) is not None:
            return "step"  # "If you feel groggy, cut to half a gummy": a change for a case, not the dose
        line = _line_start(prose, measure.start)
        if line is not None and _SCHEDULE_ROW.match(prose, line, measure.start) is not None:
            return "step"  # "- Weeks 3-4: 25 mg": one period of a schedule
        if self._in_table(measure.start) and _TAPER.search(self._table_lead_in(measure.start)) is not None:
            return "step"  # a taper or titration table: each row is where the schedule stands
        return "advice"

    def _table_lead_in(self, offset: int) -> str:
        """The prose that introduces the table holding `offset`: the block before its first
        cell (a paragraph or a heading), and the heading above it."""
        blocks, index = self.doc.blocks, self.doc.block_index(offset)
        while index > 0 and blocks[index - 1].kind == "table_cell":
            index -= 1
        parts = []
        if index > 0:
            parts.append(self.doc.prose[blocks[index - 1].start:blocks[index - 1].end])
        heading = bisect_right(self.heading_starts, offset) - 1
        if heading >= 0:
            parts.append(self.doc.prose[self.headings[heading].start:self.headings[heading].end])
        return " ".join(parts)

    def _unnamed_panel_row(self, q: Quantity) -> bool:
        """Whether an amount is a facts-panel row that names no known substance ("Total sugars
        3 g"): each row is its own ingredient's, never a neighbour's."""
        if not self._in_facts_panel(q.start):
            return False
        row = self.doc.span(q.start, q.end).line
        lo = bisect_left(self.mention_starts, max(0, q.start - _PANEL_ROW_REACH))
        return not any(self.doc.span(m.start, m.end).line == row for m in self.mentions[lo : bisect_left(self.mention_starts, q.end)])

    def _on_product_title(self, offset: int) -> bool:
        """Whether an amount sits on a line written in capitals that directs no intake, a shelf
        label's product name and strength ("SLEEP CAPLETS - DIPHENHYDRAMINE HCl 25 MG"), or ends a
        line that names a product in title case ("Orchard Gold Tart Cherry Concentrate, 16 fl oz")."""
        text = self.doc.text
        start = text.rfind("\n", 0, offset) + 1
        end = text.find("\n", offset)
        end = end if end >= 0 else len(text)
        if end - start > _TITLE_LINE_MAX:
            return False  # prose, which is not rescanned for every amount on it
        line = text[start:end]
        if _TITLED_SIZE.fullmatch(line) is not None:
            return True
        upper = sum(1 for c in line if c.isupper())
        lower = sum(1 for c in line if c.islower())
        return upper >= _TITLE_CAPITALS and lower * 10 <= upper and _INTAKE_WORD.search(line) is None

    def _in_facts_panel(self, offset: int) -> bool:
        """Whether an amount sits in a label's facts panel: after "Supplement Facts" or "Amount
        per serving" on its line, or on a line under one with no blank line between ("  Melatonin 5 mg")."""
        rows = self.doc.derived("facts panels", self._facts_panel_rows)
        if not rows:
            return False
        span = self.doc.span(offset, offset)
        column = rows.get(span.line - 1)
        return column is not None and span.column - 1 >= column

    def _facts_panel_rows(self) -> dict[int, int]:
        """Row -> the column from which a row lies in a facts panel, found in one pass over the lines."""
        rows: dict[int, int] = {}
        inside = False
        for row, line in enumerate(self.doc.text.splitlines()):
            if not line or line.isspace():
                inside = False
            elif inside:
                rows[row] = 0
            else:
                # a panel's head opens its line: only the start of a long line is looked at
                head = _FACTS_HEADER.search(line, 0, _HEADER_SPAN)
                if head is not None:
                    rows[row] = head.end()
                    inside = True
        return rows

    def _in_content_column(self, offset: int) -> bool:
        """Whether an amount sits in a Markdown or HTML table whose header describes product
        content, or whose rows are products compared (a review's "<th>Product</th><th>Key
        ingredients (per daily serving)</th>")."""
        header = self._header_row(offset)
        if header is None and self.doc.format == "html" and self._in_table(offset):
            header = html_header_row(self.doc.text, offset)
        return header is not None and (_CONTENT_HEADER.search(self.doc.text, *header) is not None
                                       or _PRODUCT_ROWS.match(self.doc.text, *header) is not None
                                       and _ADVICE_HEADER.search(self.doc.text, *header) is None)

    def _in_pack_column(self, offset: int) -> bool:
        """Whether an amount sits under a table column headed as the size sold ("| Pack |", "| Net wt |")."""
        cell = self._column_header(offset)
        return cell is not None and _PACK_HEADER.search(self.doc.text, *cell) is not None

    def _column_header(self, offset: int) -> tuple[int, int] | None:
        """The span of the header cell above `offset` in a Markdown table, or None."""
        text = self.doc.text
        row = _line_start(text, offset)
        header = self._header_row(offset) if row is not None else None
        return header_cell(text, row, offset, header) if row is not None and header is not None else None

    def _header_row(self, offset: int) -> tuple[int, int] | None:
        """The span of the header row of the Markdown table holding `offset`, or None; found once
        per table line (a cell's amount asks for it as content and again for its column)."""
        if not self._in_table(offset):
            return None
        return table_headers(self.doc).of_row(self.doc.text.rfind("\n", 0, offset) + 1)

    def _column_substance(self, offset: int) -> str | None:
        """The substance the header of the table column holding `offset` names ("| Day | Creatine |
        Magnesium |"): a weekly plan's cells give doses of their column's substance."""
        cell = self._column_header(offset)
        if cell is None:
            return None
        lo, hi = cell
        named = self.mentions[bisect_left(self.mention_starts, lo):bisect_left(self.mention_starts, hi)]
        return named[0].substance if named and all(m.substance == named[0].substance for m in named) else None

    def _product(self, s: Statement) -> Statement:
        """A product strength ("3 mg tablets") is a label; with a count ("two 500 mg capsules") a dose."""
        q = s.measure
        assert isinstance(q, Quantity)
        start, end = self._sentence(q.start)
        if s.role != "advice" or search(self.lexicon.product, self.doc.prose, q.end, end) is None:
            return s
        count = _COUNT.search(self.doc.prose, start, q.start)
        if count is None:
            return replace(s, role="label")
        n = _count(count.group(1))
        return replace(s, measure=q._replace(low=q.low * n, high=q.high * n))

    def _substance(self, q_start: int, q_end: int, s_start: int, s_end: int, main: str | None) -> tuple[str | None, bool]:
        """The substance a statement is about: one named in its sentence, its table column, its
        section or paragraph, else `main`, the draft's topic; and whether it is named at the amount."""
        lo = bisect_left(self.mention_starts, s_start)
        hi = bisect_left(self.mention_starts, s_end)
        # a drink that carries a time of day ("in my morning coffee") is not what is timed
        inside = [m for m in self.mentions[lo:hi] if not q_start <= m.start < q_end]
        gap = _OF_GAP.match(self.doc.prose, q_end)
        after = next((m for m in inside if m.start >= q_end), None)
        if after is not None and gap is not None and gap.end() >= after.start:
            return after.substance, True  # "300 mg of magnesium"
        # bounded: a \G pattern searched to the end of the draft would be tried at every offset
        if self._measures_something_else(q_end) or search(self.lexicon.vehicle, self.doc.prose, q_end, q_end + _VEHICLE_REACH) is not None:
            # "20 to 40 g of protein", "1 cup whole milk": an amount of another thing, not of the substance
            return None, False
        before = [m for m in inside if m.end <= q_start]
        if before:
            return before[-1].substance, q_start - before[-1].end <= _NAMED_REACH
        if inside:
            return min(inside, key=lambda m: abs(m.start - q_end)).substance, False
        column = self._column_substance(q_start)
        if column is not None:
            return column, False
        section = self._section_start(q_start)
        earlier = bisect_right(self.mention_starts, q_start) - 1
        if earlier >= 0 and self._row_names_another(q_start, self.mentions[earlier].start):
            return None, False  # "| Black pepper extract | 5 mg |" under "| Artichoke extract | 100 mg |"
        if earlier >= 0 and self.mentions[earlier].start >= section:
            block = self.doc.block_index(self.mentions[earlier].start)
            here = self.doc.block_index(q_start)
            first = bisect_left(self.mention_starts, max(section, self.doc.blocks[block].start))
            # "Coenzyme Q10 (CoQ10) is ... weaker than for magnesium. / - Usual amount: 100 mg":
            # a paragraph before the dose hands on its topic, not the last name in passing
            candidate = self.mentions[first if block != here else earlier].substance
            # a section whose heading names one substance is about it: "## Berberine ... as much
            # as metformin. The usual dose is 500 mg" doses berberine, not the drug it is likened
            # to; the substance the draft names most keeps its doses under a heading about a drug
            topic = self._heading_topic(section)
            if (topic is not None and candidate != self.most_named
                    and any(m.substance == topic for m in self.mentions[first:earlier + 1])):
                return topic, False
            return candidate, False
        return main, False

    def _heading_topic(self, section: int) -> str | None:
        """The substance a section's heading names, when it names exactly one."""
        index = bisect_right(self.heading_starts, section) - 1
        if index < 0 or self.heading_starts[index] != section:
            return None
        heading = self.headings[index]
        lo, hi = bisect_left(self.mention_starts, heading.start), bisect_left(self.mention_starts, heading.end)
        named = {m.substance for m in self.mentions[lo:hi]}
        return named.pop() if len(named) == 1 else None

    def _row_names_another(self, q_start: int, mention: int) -> bool:
        """Whether an amount in a table row whose first cell names an item of its own (one no
        lexicon knows) would take its substance from the first cell of another row of the same
        table's body."""
        if not self._in_table(q_start) or not self._in_table(mention):
            return False
        text = self.doc.text
        row, other = text.rfind("\n", 0, q_start) + 1, text.rfind("\n", 0, mention) + 1
        if other == row:
            return False
        cells = row_cells(text, row, q_start)
        if len(cells) < 2:
            return False  # the amount is in the row's first cell
        label = text[cells[0][0]:cells[0][1]]
        if not any(c.isalpha() for c in label) or any(c.isdigit() for c in label):
            return False
        # the other name labels a row of the table's body, as an item listed row by row; a name
        # in the header row ("| Melatonin | |") heads the whole table
        header = self._header_row(mention)
        return (header is not None and header[0] != other and header == self._header_row(q_start)
                and len(row_cells(text, other, mention)) == 1)

    def _measures_something_else(self, q_end: int) -> bool:
        """Whether "of <noun>" after an amount names neither a substance, a form nor a product."""
        other = _OF_OTHER.match(self.doc.prose, q_end)
        if other is None:
            return False
        at = other.start(1)
        i = bisect_left(self.mention_starts, at)
        if i < len(self.mention_starts) and self.mention_starts[i] == at:
            return False  # a substance named there (a bisect: a long draft has thousands of mentions)
        known = [pattern for _label, pattern in self.lexicon.forms] + [self.lexicon.product]
        return not any(search(pattern, self.doc.prose, at, other.end(1)) for pattern in known)

    def _section_start(self, offset: int) -> int:
        index = bisect_right(self.heading_starts, offset) - 1
        return self.heading_starts[index] if index >= 0 else 0

    def _label(self, table: tuple[tuple[str, regex.Pattern[str]], ...], start: int, end: int, at: int,
               heading_from: int | None, kept_from: bool = False) -> str | None:
        """The label whose words sit nearest the amount (at `at`) in its sentence (prose[start:end]),
        else in the section heading; with `kept_from`, people the sentence keeps the dose from
        ("not for children", "children under 12 should not take it") do not count."""
        best: tuple[int, int, str] | None = None
        for label, pattern in table:
            # people are told apart by age band too ("children 4-8" are not "children 9-12"), but
            # the general reader stays one ("adults 18 and over" is everyone the draft addresses)
            ages = kept_from and label != table[0][0]
            # in the prose itself, not a slice: the cached whole-text matches are reused; most
            # labels are absent from a sentence, and a search says so without a generator
            if search(pattern, self.doc.prose, start, end) is None:
                continue
            for m in find_all(pattern, self.doc.prose, start, end):
                if kept_from and (_NOT_FOR.search(self.doc.prose, max(start, m.start() - _NOT_FOR_REACH), m.start())
                                  or _KEPT_FROM.match(self.doc.prose, m.end(), end)):
                    continue
                # nearest first; at one place the longer words ("adults 65 and over", not "adults")
                key = (abs(m.start() - at), -len(m.group(0)))
                if best is None or key < best[:2]:
                    best = (*key, _with_ages(label, m, self.doc.prose) if ages else label)
        if best is not None:
            return best[2]
        if heading_from is None:
            return None
        index = bisect_right(self.heading_starts, heading_from) - 1
        if index < 0:
            return None
        heading = self.headings[index]
        # search the document itself (not a slice), so the cached whole-text matches are reused
        found = (label for label, pattern in table if search(pattern, self.doc.prose, heading.start, heading.end))
        return next(found, None)


AGE_BAND = " aged "  # between a population's label and its ages: "children aged 4-8"


def same_people(a: str | None, b: str | None) -> bool:
    """Whether two statements' populations are one group: the same label, and the same ages
    when both name ages ("children" is "children aged 4-8"; "children aged 9-12" is not)."""
    if a == b:
        return True
    if a is None or b is None:
        return False
    label_a, _, band_a = a.partition(AGE_BAND)
    label_b, _, band_b = b.partition(AGE_BAND)
    return label_a == label_b and (not band_a or not band_b)


def _with_ages(label: str, m: regex.Match[str], text: str) -> str:
    """A population label with the ages its words name ("under 12") or that follow them
    ("Children 4-8 years", "adults 65 and over"); the bare label when they name none."""
    band = _AGE_DIGITS.findall(m.group(0))
    if not band:
        after = _AGES_AFTER.match(text, m.end())
        band = _AGE_DIGITS.findall(after.group(0)) if after is not None else []
    return f"{label}{AGE_BAND}{'-'.join(band)}" if band else label


def _line_start(text: str, offset: int) -> int | None:
    """Where the line holding `offset` starts, or None when that is more than _ROW_REACH back
    (a table row or a list item is short; a long line is prose, and looking further back for
    each amount on it would cost time growing with the square of its length)."""
    floor = max(0, offset - _ROW_REACH)
    found = text.rfind("\n", floor, offset)
    if found >= 0:
        return found + 1
    return 0 if floor == 0 else None


def _apart(parts: list[Timing]) -> bool:
    """Whether a sentence names times of day that do not overlap ("in the morning and at night")."""
    return max(t.low for t in parts) > min(t.high for t in parts)


def _tail(phrase: str) -> str:
    """The frequency words at the end of a matched basis phrase ("of magnesium twice daily" -> "twice daily")."""
    found = re.search(rf"(?:{FREQUENCY})$", phrase, re.IGNORECASE)
    return found.group(0) if found else phrase


def _resolve(found: list[Statement | None], main_purpose: str | None) -> tuple[Statement, ...]:
    """Give open purposes the draft's main purpose, and open forms the form most named for the substance.

    An unlabelled dose in a draft about sleep is a sleep dose; a draft that names no purpose at
    all keeps None, which compares with any purpose.
    """
    kept = [s for s in found if s is not None]
    forms: dict[str, Counter[str]] = {}
    for s in kept:
        if s.form is not None:
            forms.setdefault(s.substance, Counter())[s.form] += 1
    return tuple(
        replace(s, purpose=s.purpose or main_purpose, form=s.form or _most_common(forms.get(s.substance)))
        for s in kept
    )


def _most_common(counts: Counter[str] | None) -> str | None:
    """The most frequent label; on a tie, the one named first (Counter keeps insertion order)."""
    return counts.most_common(1)[0][0] if counts else None
