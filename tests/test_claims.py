"""The claims rule family: exact findings, must-not-flag cases, evidence and polarity helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter import lint_text
from linter.errors import RuleError
from linter.finding import Finding
from linter.kinds.base import Check
from linter.knowledge import Knowledge, load_knowledge
from linter.language.evidence import Evidence, has_reference_list
from linter.language.polarity import Polarity, is_question
from linter.ruleset import builtin_rules_dir, load_rule_file
from linter.sources import parse_text

RULES = builtin_rules_dir()
# Loaded directly so these tests depend only on the claims rules and the substance files.
KNOWLEDGE = load_knowledge([RULES / "substances"])
CHECKS: tuple[Check, ...] = tuple(load_rule_file(p, KNOWLEDGE) for p in sorted((RULES / "claims").glob("*.yaml")))
EVIDENCE = Evidence.from_domains(["doi.org", "ncbi.nlm.nih.gov", "gov", "nature.com"])


def claims(text: str, fmt: str = "markdown", checks: tuple[Check, ...] = CHECKS) -> list[Finding]:
    """Findings of the claims rules only, in output order."""
    doc = parse_text(text, "draft.md", fmt)
    return sorted((f for check in checks for f in check.check(doc)), key=Finding.sort_key)


def test_all_seven_rules_are_loaded() -> None:
    assert {c.meta.id for c in CHECKS} == {
        "claims.disease-claim", "claims.efficacy-claim", "claims.vague-evidence", "claims.absolute-promise",
        "claims.testimonial", "claims.hedged-claim", "claims.animal-evidence",
    }


@pytest.mark.parametrize(
    ("text", "rule", "line", "column", "excerpt"),
    [
        ("Tart cherry juice treats insomnia naturally.", "claims.disease-claim", 1, 1, "Tart cherry juice treats insomnia"),
        ("Intro line.\n\nFor many, kava is nature's Valium.", "claims.disease-claim", 3, 11, "kava is nature's Valium"),
        ("Ashwagandha lowers cortisol and melts away stress.", "claims.efficacy-claim", 1, 1, "Ashwagandha lowers cortisol"),
        ("Valerian is old.\nTaken nightly, it can quiet a busy mind.", "claims.efficacy-claim", 2, 16, "it can quiet a busy mind"),
        ("Studies show that CBD improves deep sleep.", "claims.vague-evidence", 1, 1, "Studies show that CBD improves deep sleep"),
        ("Because it is plant-based, melatonin has no side effects.", "claims.absolute-promise", 1, 1,
         "Because it is plant-based, melatonin has no side effects"),
        ("Magnesium works.\n\nThousands of five-star reviews prove it works.", "claims.testimonial", 3, 1,
         "Thousands of five-star reviews prove it works"),
        ("L-theanine may help you unwind before bed.", "claims.hedged-claim", 1, 1, "L-theanine may help you unwind"),
        ("In mice, valerian extract reduced anxiety, so it can calm your nerves too.", "claims.animal-evidence", 1, 1,
         "In mice, valerian extract reduced anxiety, so it can calm your nerves"),
        ("- **Chamomile** soothes an anxious mind", "claims.efficacy-claim", 1, 5, "Chamomile** soothes an anxious mind"),
    ],
)
def test_claim_is_flagged_at_its_span(text: str, rule: str, line: int, column: int, excerpt: str) -> None:
    assert [(f.rule, f.line, f.column, f.excerpt) for f in claims(text)] == [(rule, line, column, excerpt)]


@pytest.mark.parametrize(
    "text",
    [
        "Apigenin binds to GABA receptors in the brain.",
        "Adults need seven to nine hours of sleep.",
        "Melatonin is a hormone your brain makes as light fades.",
        "Melatonin is a hormone that helps regulate the sleep-wake cycle.",
        "A dark, cool bedroom helps you fall asleep.",
        "Exercise improves sleep.",
        "Consult your doctor before taking valerian to ease anxiety.",
        "Do not take kava with alcohol.",
        "Can magnesium help you sleep?",
        "# How magnesium helps you sleep",
        "There is no good evidence that valerian cures insomnia.",
        "Melatonin does not cure insomnia.",
        "Valerian is popular. It won't fix chronic insomnia.",
        "Marketers claim CBD cures anxiety disorders.",
        "Valerian shortened sleep onset in a 2020 trial [1].\n\n[1]: https://doi.org/10.1000/182",
        "Magnesium improves sleep quality (Abbasi et al., 2012).",
        "Collagen improved skin elasticity in eight weeks (Proksch et al., Skin Pharmacol Physiol).",
        "Calcium plus vitamin D cut hip fractures in older women (Chapuy et al., NEJM 1992).",
        "L-theanine may reduce stress. In one trial it lowered stress scores (PMID: 31623400).",
        "Caffeine late in the day reduces deep sleep.",
        "It helps to keep the room dark; that way you fall asleep sooner.",
        "No supplement is completely safe.",
        "```\nValerian cures insomnia.\n```",
    ],
)
def test_not_a_claim(text: str) -> None:
    assert claims(text) == []


def test_one_finding_per_sentence_picks_the_most_specific() -> None:
    findings = claims("Valerian cures insomnia and may ease stress.")
    assert [f.rule for f in findings] == ["claims.disease-claim"]


def test_an_appeal_to_research_outranks_the_cure_it_reports() -> None:
    findings = claims("Research suggests valerian cures insomnia and may ease stress.")
    assert [(f.rule, f.column) for f in findings] == [("claims.vague-evidence", 1)]


def test_finding_data_and_message_name_the_claim() -> None:
    (finding,) = claims("Valerian root relieves insomnia.")
    assert finding.data == {"subject": "valerian", "predicate": "relieves", "outcome": "insomnia", "disease": "insomnia"}
    assert "valerian" in finding.message and "insomnia" in finding.message
    assert finding.suggestion and "occasional sleeplessness" in finding.suggestion


def test_hedge_is_reported_in_data() -> None:
    (finding,) = claims("Glycine could improve sleep quality.")
    assert finding.rule == "claims.hedged-claim"
    assert finding.data["hedge"] == "could"


def test_pronoun_needs_a_substance_nearby() -> None:
    assert claims("Our editors tested many products.\n\nIt improves sleep quality.") == []
    assert [f.rule for f in claims("# Ashwagandha\n\nIt lowers cortisol.")] == ["claims.efficacy-claim"]


def test_citation_in_next_sentence_of_same_block_counts() -> None:
    text = "Magnesium improves sleep. A trial showed this (Abbasi et al., 2012)."
    assert claims(text) == []
    assert [f.line for f in claims("Magnesium improves sleep.\n\nA trial showed this (Abbasi et al., 2012).")] == [1]


@pytest.mark.parametrize("fmt, line, table", [
    ("markdown", 4, "| Remedy | What it does | Evidence |\n|---|---|---|\n"
                 "| Tart cherry juice | Lowers uric acid and cuts flares | Observational study (Zhang et al., 2012) |\n"
                 "| Tart cherry capsules | Lowers uric acid and cuts flares | Customer reviews |\n"),
    ("html", 3, "<table><tr><th>Remedy</th><th>What it does</th><th>Evidence</th></tr>\n"
             "<tr><td>Tart cherry juice</td><td>Lowers uric acid and cuts flares</td><td>(Zhang et al., 2012)</td></tr>\n"
             "<tr><td>Tart cherry capsules</td><td>Lowers uric acid and cuts flares</td><td>Reviews</td></tr></table>\n"),
])
def test_a_table_row_cites_its_own_cells(fmt: str, line: int, table: str) -> None:
    """An evidence column backs the claim in its own row, not the row below."""
    found = claims(table, fmt)
    assert [(f.rule, f.line, f.excerpt) for f in found] == [("claims.efficacy-claim", line, "Lowers uric acid")]


@pytest.mark.parametrize("row_open", ["<tr>", "<TR>", "<Tr>"])
def test_an_html_cell_on_its_own_line_speaks_of_its_rows_first_cell(row_open: str) -> None:
    """An HTML row may break across lines: its later cells still have its first cell's product
    for a subject, whatever the case of its tag."""
    table = ("<table>\n<thead><tr><th>Brand</th><th>Price</th><th>Our verdict</th></tr></thead>\n<tbody>\n"
             f"{row_open}<td>Valerian Night</td><td>$9</td>\n"
             "<td>Best for bedtime: deepens sleep within a week</td></tr>\n</tbody></table>\n")
    found = claims(table, "html")
    assert [(f.rule, f.line, f.excerpt, f.data["subject"]) for f in found] == [
        ("claims.efficacy-claim", 5, "Best for bedtime: deepens sleep", "valerian")]


@pytest.mark.parametrize("fmt, table", [
    ("markdown", "| Supplement | {header} |\n|---|---|\n| Alpha-lipoic acid | Nausea; may lower blood sugar |\n"),
    ("html", "<table>\n<tr><th>Supplement</th><th>{header}</th></tr>\n<tr>\n<td>Alpha-lipoic acid</td>\n"
             "<td>Nausea; may lower blood sugar</td>\n</tr>\n</table>\n"),
])
def test_an_effect_under_a_risk_column_is_not_a_benefit(fmt: str, table: str) -> None:
    """The same words are a hedged claim under "What it does" and an effect to mind under "Watch out for"."""
    assert [f.rule for f in claims(table.format(header="What it does"), fmt)] == ["claims.hedged-claim"]
    assert claims(table.format(header="Watch out for"), fmt) == []


def test_non_study_link_is_not_evidence_for_errors() -> None:
    assert [f.rule for f in claims("Magnesium improves sleep ([blog](https://example.com/post)).")] == ["claims.efficacy-claim"]
    assert claims("Magnesium improves sleep ([trial](https://www.nature.com/articles/x)).") == []


def test_reference_section_is_not_checked() -> None:
    text = "# Sleep\n\nMagnesium helps some people [1].\n\n## References\n\n1. Smith J. Magnesium improves sleep in adults. 2012.\n"
    assert claims(text) == []


def test_plain_text_draft() -> None:
    text = "Kava for stress\n\nKava calms your nerves after work.\nSee https://pubmed.ncbi.nlm.nih.gov/123/ for more.\n\nCBD heals arthritis.\n"
    assert [(f.rule, f.line) for f in claims(text, fmt="text")] == [("claims.disease-claim", 6)]


def test_info_level_rule_accepts_any_link(tmp_path: Path) -> None:
    source = (RULES / "claims" / "efficacy-claim.yaml").read_text()
    folder = tmp_path / "claims"
    folder.mkdir()
    rule = folder / "efficacy-claim.yaml"
    rule.write_text(source.replace("severity: error", "severity: info") + f"\nlexicons: {RULES / 'lexicons' / 'claims.yaml'}\n")
    check = load_rule_file(rule, Knowledge())
    assert claims("Magnesium improves sleep ([blog](https://example.com/post)).", checks=(check,)) == []


def _custom_lexicon_rule(tmp_path: Path, lexicon: str, rule_name: str = "disease-claim") -> Path:
    """A copy of a built-in claims rule that reads `lexicon` (written next to it) instead."""
    (tmp_path / "lex.yaml").write_text(lexicon)
    folder = tmp_path / "claims"
    folder.mkdir()
    rule = folder / f"{rule_name}.yaml"
    rule.write_text((RULES / "claims" / f"{rule_name}.yaml").read_text() + "\nlexicons: ../lex.yaml\n")
    return rule


def test_bad_lexicon_names_file_and_key(tmp_path: Path) -> None:
    lexicon = (RULES / "lexicons" / "claims.yaml").read_text().replace("  - 'kratom'\n", "  - 'kratom('\n")
    with pytest.raises(RuleError, match=r"subjects\[\d+\] is not a valid pattern") as info:
        load_rule_file(_custom_lexicon_rule(tmp_path, lexicon, "hedged-claim"), Knowledge())
    assert info.value.path is not None and info.value.path.endswith("lex.yaml")


def test_named_list_extends_every_entry_that_uses_it(tmp_path: Path) -> None:
    lexicon = (RULES / "lexicons" / "claims.yaml").read_text().replace("    - 'Lyrica'\n", "    - 'Lyrica'\n    - 'Belsomra'\n")
    check = load_rule_file(_custom_lexicon_rule(tmp_path, lexicon), Knowledge())
    found = claims("Kratom got me off Belsomra in a month.", checks=(check,))
    assert [(f.rule, f.excerpt) for f in found] == [("claims.disease-claim", "Kratom got me off Belsomra")]


def test_unknown_named_list_is_a_rule_error(tmp_path: Path) -> None:
    lexicon = (RULES / "lexicons" / "claims.yaml").read_text().replace("  - 'kratom'\n", "  - 'kratom {{herbs}}'\n")
    with pytest.raises(RuleError, match=r"subjects\[\d+\] uses \{\{herbs\}\}, which 'names' does not define") as info:
        load_rule_file(_custom_lexicon_rule(tmp_path, lexicon), Knowledge())
    assert info.value.path is not None and info.value.path.endswith("lex.yaml")


def test_named_list_must_be_a_list_of_strings(tmp_path: Path) -> None:
    lexicon = (RULES / "lexicons" / "claims.yaml").read_text().replace("  drugs:\n", "  drugs: 3\n  unused:\n", 1)
    with pytest.raises(RuleError, match=r"names\.drugs"):
        load_rule_file(_custom_lexicon_rule(tmp_path, lexicon), Knowledge())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the outcome before its verb: passive, intransitive, and taken up by a pronoun
        ("With St. John's wort, mood is usually lifted within three weeks.", [("claims.efficacy-claim", "St. John's wort, mood is usually lifted")]),
        ("Take a CBD gummy and your anxiety fades away.", [("claims.efficacy-claim", "CBD gummy and your anxiety fades away")]),
        ("Epsom salts soak into your sore muscles and relax them.", [("claims.efficacy-claim", "Epsom salts soak into your sore muscles and relax")]),
        # a result promised to the reader
        ("With magnesium glycinate, you'll fall asleep faster.", [("claims.efficacy-claim", "magnesium glycinate, you'll fall asleep")]),
        # a product named by its own heading over a section that lists a substance
        ("## Moonlit Meadow\n\n*Chamomile, lemon balm*\n\nMoonlit Meadow gently melts away the day's stress.",
         [("claims.efficacy-claim", "Moonlit Meadow gently melts away the day's stress")]),
        # a customer's signed quotation with no cue of its own
        ('Try our valerian drops.\n\n> "Since these I haven\'t had sore legs once." - Kayla, runner',
         [("claims.testimonial", "- Kayla")]),
        # a drug given up, told as "used to ... instead"
        ("Not gonna lie, I used to need oxycodone for my back, and now I just use kratom instead.",
         [("claims.disease-claim", "used to need oxycodone for my back, and now I just use kratom")]),
        # a reply that quotes a claim to question it makes no claim of its own; one that agrees repeats it
        ("CBD oil fixed my knee, simple as that.\n\n> CBD oil fixed my knee, simple as that.\n\nDid you change your cleats too?",
         [("claims.testimonial", "CBD oil fixed my knee")]),
        ("CBD oil fixed my knee, simple as that.\n\n> CBD oil fixed my knee, simple as that.\n\nThat tracks.",
         [("claims.testimonial", "CBD oil fixed my knee"), ("claims.testimonial", "CBD oil fixed my knee")]),
        # an animal result carried over to people with no benefit verb
        ("In one study, stressed mice given reishi were calmer, so imagine what it can do for me!",
         [("claims.animal-evidence", "mice given reishi")]),
    ],
)
def test_claim_shapes(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(f.rule, f.excerpt) for f in claims(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        # "The Sleep Reset" is a name; "stress reduces sleep" says what stress harms
        "Magnesium notes\n\nFrom: Tam Hale, The Sleep Reset",
        "Magnesium matters because stress reduces sleep quality.",
        # a refund promise, a doctor's quotation, an adjective "fixed"
        "Every jar of our magnesium is covered by a 60-day happiness guarantee.",
        '"Melatonin can shift your clock," said lead author Dr. Ana Ruiz.',
        "Take 1 mg of melatonin plus a fixed wake-up time.",
        # a frame around the claim's own subject, after a contrast
        "Magnesium is cheap, but the case that it improves sleep in people who are not deficient remains weak.",
    ],
)
def test_claim_shape_look_alikes(text: str) -> None:
    assert claims(text) == []


def test_heading_claim_backed_by_the_next_paragraph() -> None:
    cited = "## Ashwagandha tames cortisol\n\nIn a 2019 trial, ashwagandha lowered cortisol (https://pubmed.ncbi.nlm.nih.gov/1/).\n"
    assert claims(cited) == []
    # a drug comparison needs its evidence in its own paragraph
    compared = "Kava is a natural Xanax.\n\nIn one trial, kava lowered anxiety scores (https://pubmed.ncbi.nlm.nih.gov/2/).\n"
    assert [f.rule for f in claims(compared)] == ["claims.disease-claim"]


def test_missing_lexicon_file_is_a_rule_error(tmp_path: Path) -> None:
    folder = tmp_path / "claims"
    folder.mkdir()
    rule = folder / "hedged-claim.yaml"
    rule.write_text((RULES / "claims" / "hedged-claim.yaml").read_text() + "\nlexicons: nowhere.yaml\n")
    with pytest.raises(RuleError, match="lexicons"):
        load_rule_file(rule, Knowledge())


# --- evidence ------------------------------------------------------------------------------


def _supported(text: str, fmt: str = "markdown", index: int = 0, any_link: bool = False) -> bool:
    doc = parse_text(text, "d.md", fmt)
    return EVIDENCE.supports(doc, doc.sentences[index], any_link=any_link)


@pytest.mark.parametrize(
    "text",
    [
        "It works (doi:10.1016/j.sleep.2019.01.002).",
        "It works, PMID: 23853635.",
        "It works (PMC3703169).",
        "It works (Smith et al., 2021).",
        "It works (Smith 2020; Lee & Park, 2019).",
        "Smith and Jones (2019) found it works.",
        "It works [^1].\n\n[^1]: Smith, Sleep 2020.",
        "It works [2].\n\n## Sources\n\n1. A.\n2. B.",
        "It works, per a 2019 Cochrane review.",
        "It works. A 2021 systematic review in the Journal of Clinical Medicine summarised the trials.",
        "It works [trial](https://pubmed.ncbi.nlm.nih.gov/1/).",
        "It works (see www.nccih.nih.gov/health/valerian).",
    ],
)
def test_evidence_is_recognised(text: str) -> None:
    assert _supported(text)


@pytest.mark.parametrize(
    "text",
    [
        "It works [1].",
        "It works (March 2020).",
        "It works [blog](https://example.com/x).",
        "It works, said Smith in 2020.",
    ],
)
def test_non_evidence_is_rejected(text: str) -> None:
    assert not _supported(text)


def test_any_link_mode_accepts_other_sites() -> None:
    assert _supported("It works [blog](https://example.com/x).", any_link=True)


def test_study_domains_include_subdomains_and_extra_domains() -> None:
    evidence = Evidence.from_domains(["nih.gov"], ["example.org"])
    assert evidence.is_study_url("https://ods.od.nih.gov/factsheets/")
    assert evidence.is_study_url("https://www.example.org/study")
    assert not evidence.is_study_url("https://notnih.gov.evil.com/")


def test_a_transcript_line_points_back_across_the_lines_before() -> None:
    """Each timestamped line is its own unit, and "this" reaches back through the run of lines."""
    text = (
        "My sleepy mocktail\n\n[0:11] I pour in tart cherry juice\n[0:20] then add ice and stir\n"
        "[0:30] then sparkling water on top\n"
        "[0:46] I have been doing this for three weeks and I am out within ten minutes every single night\n"
    )
    findings = [f for f in lint_text(text, path="x.txt", format="text") if f.rule.startswith("claims.")]
    assert [(f.rule, f.span.line, f.excerpt) for f in findings] == [("claims.testimonial", 6, "I am out within ten minutes")]


def test_reference_list_needs_a_heading_and_a_list() -> None:
    assert has_reference_list(parse_text("A [1].\n\n## References\n\n1. Smith.\n", "d.md", "markdown"))
    assert not has_reference_list(parse_text("A [1].\n\n1. Smith.\n", "d.md", "markdown"))
    # a plain-text handout numbers its references as paragraphs
    assert has_reference_list(parse_text("A [1].\n\nREFERENCES\n\n[1] Daily JW. Turmeric.\n", "d.txt", "text"))
    assert not has_reference_list(parse_text("A [1].\n\nREFERENCES\n\nSee our website.\n", "d.txt", "text"))


def test_a_markdown_footnote_needs_its_definition() -> None:
    """"[2]" may be the second entry of the list; "[^2]" names a definition that must exist."""
    listed = "It works [2].\n\n## Sources\n\n1. A.\n2. B.\n"
    assert _supported(listed)
    assert not _supported(listed.replace("[2]", "[^2]"))
    assert _supported("It works [^2].\n\n## Sources\n\n[^2]: B, Sleep 2020.\n")


# --- polarity ------------------------------------------------------------------------------

POLARITY = Polarity.from_terms(["may", "is thought to"], ["not", "n't", "no"], source="test")


def test_hedge_and_negation_cues() -> None:
    text = "Valerian may help. It is thought to work. It does not cure. No side effects."
    assert POLARITY.hedge(text, 0, 18) is not None
    assert POLARITY.hedge(text, 19, 41) is not None
    assert POLARITY.negation(text, 42, 60) is not None
    assert POLARITY.negation(text, 62, 78, ignore=[(62, 77)]) is None


@pytest.mark.parametrize(
    ("text", "heading", "expected"),
    [
        ("Can magnesium help you sleep?", False, True),
        ("How magnesium helps you sleep", True, True),
        ("How magnesium helps you sleep", False, False),
        ("Magnesium helps you sleep.", True, False),
        ('Does it work?"', False, True),
    ],
)
def test_questions(text: str, heading: bool, expected: bool) -> None:
    assert is_question(text, 0, len(text), heading=heading) is expected


# --- phenomena from drafts written without reading the rules --------------------------------


@pytest.mark.parametrize(
    ("text", "rule", "line", "column", "excerpt"),
    [
        # a benefit to "me" / "my ..." in a personal story is a testimonial, not a finding
        ("Valerian is my go-to.\n\nIt also lifts my mood on grey days.", "claims.testimonial", 3, 1, "It also lifts my mood"),
        ("Ashwagandha is an adaptogen. It helps me stay calm at work.", "claims.testimonial", 1, 30, "It helps me stay calm"),
        ("Lavender is in every drawer I own.\nIf it worked for me, it will work for you.", "claims.testimonial", 2, 4, "it worked for me"),
        ("Kava calms the mind.\n\nWithin a week I was sleeping through the night.", "claims.testimonial", 3, 15, "I was sleeping through"),
        ("Melatonin is everywhere.\n\nBy week two my sleep felt deeper.", "claims.testimonial", 3, 13, "my sleep felt deeper"),
        # a story headline is not a question
        ("# How Magnesium Gave Me My Sleep Back", "claims.testimonial", 1, 7, "Magnesium Gave Me My Sleep Back"),
        # reviews and testers as proof
        ("Valerian is bitter.\n\nOne of our testers said it was the first week in months she slept through.",
         "claims.testimonial", 3, 1, "One of our testers said it"),
        ("Kratom is sold online.\n\nOn forums you'll find thousands of people saying it ended their back pain.",
         "claims.testimonial", 3, 23, "thousands of people saying it ended their back pain"),
        # a testimonial whose outcome is stated in the neighbouring sentence of its paragraph
        ("Kava soothes a racing mind. My clients swear by it.", "claims.testimonial", 1, 29, "My clients swear by it"),
        # a cue sentence without a subject of its own speaks of the substance just named, or of the title's
        ("## Glycine\n\nGlycine is cheap.\nUsers report waking up sharper.", "claims.testimonial", 4, 1, "Users report"),
        ("Melatonin is sold everywhere.\nClinically proven formula, made in the USA.", "claims.absolute-promise", 2, 1, "Clinically proven"),
        ("# Our Favourite CBD Oils\n\n## The Night Drops\n\nA dropper before bed.\nIt's a natural alternative to sleeping pills.",
         "claims.disease-claim", 6, 1, "It's a natural alternative to sleeping pills"),
        # a demonstrative with an adjective still points back ("this gentle flower")
        ("Chamomile grows everywhere.\nThis gentle flower eases anxiety.", "claims.efficacy-claim", 2, 1, "This gentle flower eases anxiety"),
        # "has (also) been linked to" a benefit is hedged
        ("Magnesium has also been linked to lower blood pressure.", "claims.hedged-claim", 1, 1,
         "Magnesium has also been linked to lower blood pressure"),
        ("Glycine has been associated with better sleep in small trials.", "claims.hedged-claim", 1, 1,
         "Glycine has been associated with better sleep"),
        ("Higher magnesium intake was associated with better sleep.", "claims.hedged-claim", 1, 8,
         "magnesium intake was associated with better sleep"),
        # promises and drug substitution in a story
        ("Kratom is natural, so it's far safer than pharmaceuticals.", "claims.absolute-promise", 1, 1, "Kratom is natural, so it's far safer"),
        ("Within weeks I had tapered off oxycodone, and kratom got me through it.", "claims.disease-claim", 1, 20,
         "tapered off oxycodone, and kratom"),
        ("Research shows kratom is less dangerous than opioids.", "claims.vague-evidence", 1, 1, "Research shows kratom"),
        # everyday outcomes: a stressful or rough day
        ("Kava takes the edge off a stressful day.", "claims.efficacy-claim", 1, 1, "Kava takes the edge off a stressful day"),
        ("Chamomile is gentle.\nIt might help take the edge off a rough day.", "claims.hedged-claim", 2, 1,
         "It might help take the edge off a rough day"),
        # substances outside the lexicons, named by their form or by a CamelCase brand
        ("Jujube seed is thought to soothe the irritability that comes with stress.", "claims.hedged-claim", 1, 1,
         "Jujube seed is thought to soothe the irritability"),
        ("DreamDate gummies may help you drift off faster.", "claims.hedged-claim", 1, 1, "DreamDate gummies may help you drift off"),
        ("Our Calm Box is here.\n\nNightForge is non-habit-forming and safe for daily use.", "claims.absolute-promise", 3, 1,
         "NightForge is non-habit-forming"),
        # a frame after a contrast leaves the claim before it standing
        ("Kava does calm anxious thoughts before bed, but talk to a doctor first.", "claims.efficacy-claim", 1, 1,
         "Kava does calm anxious thoughts"),
        # an animal finding carried over to people later in the sentence
        ("In rats, reishi extract increased deep sleep, so it will do the same for you.", "claims.animal-evidence", 1, 1,
         "In rats, reishi extract increased deep sleep"),
        # a "why" heading announces the claim it answers
        ("## Why ashwagandha melts stress away", "claims.efficacy-claim", 1, 8, "ashwagandha melts stress"),
        # drug substitution and safety promises in casual wording
        ("Hops did what HRT was supposed to do.", "claims.disease-claim", 1, 1, "Hops did what HRT was supposed to"),
        ("Kratom is a leaf.\n\nHonestly it won't hurt you the way pills do.", "claims.absolute-promise", 3, 10, "it won't hurt you"),
        # a story that names the disease it ended is still a story told as proof
        ("Magnesium is cheap.\n\nMy arthritis has basically disappeared since I started.", "claims.testimonial", 3, 4,
         "arthritis has basically disappeared"),
        # a quoted member or patient as proof; a negation outside the quotation does not reach into it
        ('"I switched to glycinate and finally stopped waking up at 3 a.m.," one BrightCare member told us.',
         "claims.testimonial", 1, 2, "I switched to glycinate and finally stopped waking up at 3 a.m"),
        ('Kratom is everywhere on campus.\n\nOne senior, who asked not to be named, said she takes it because '
         '"it\'s basically a natural Prozac."', "claims.disease-claim", 3, 67, "it's basically a natural Prozac"),
        # "isn't just for" is no negation of what follows; "No." answering a question negates nothing after it
        ("Creatine isn't just for bodybuilders: it speeds up recovery between hard sessions.", "claims.efficacy-claim", 1, 39,
         "it speeds up recovery"),
        ("Magnesium: the FAQ.\n\nNo. Magnesium is non-addictive and has no side effects.", "claims.absolute-promise", 3, 5,
         "Magnesium is non-addictive and has no side effects"),
        ("Zinc keeps me from catching every single cold my toddler drags home.", "claims.disease-claim", 1, 1,
         "Zinc keeps me from catching every single cold"),
        ("Lavender oil is lovely.\n\nThe scent relieves anxiety in minutes.", "claims.efficacy-claim", 3, 1, "The scent relieves anxiety"),
        ("Tulsi keeps stress in check.", "claims.efficacy-claim", 1, 1, "Tulsi keeps stress"),
        ("In rat studies, tongkat ali extract raised testosterone in older animals, which is why it goes into every stack we build.",
         "claims.animal-evidence", 1, 4, "rat studies, tongkat ali extract raised testosterone"),
        ("Many of our regulars tell us saffron capsules have made January feel noticeably lighter.", "claims.testimonial", 1, 1,
         "Many of our regulars tell us saffron capsules"),
        ("Everything in our stack is natural, so there's nothing to worry about.", "claims.absolute-promise", 1, 15,
         "our stack is natural, so there's nothing to worry about"),
        # "whether ... or ..." offers alternatives, it asks nothing
        ("Whether you are stressed or wired, ashwagandha calms you down.", "claims.efficacy-claim", 1, 36, "ashwagandha calms you"),
        # coming off a drug named earlier in the sentence; a first in weeks as proof
        ("Valerian tea is lovely.\n\nI was on sleeping pills for two years and I've been able to stop them completely.",
         "claims.disease-claim", 3, 7, "on sleeping pills for two years and I've been able to stop them"),
        ("Glycine is cheap.\n\nNight 3 and I fell asleep before midnight for the first time in weeks.", "claims.testimonial", 3, 43,
         "for the first time in weeks"),
        ("Reishi extract lowered stress hormones in rats, which makes it a sensible evening tea for stressed-out humans too.",
         "claims.animal-evidence", 1, 1, "Reishi extract lowered stress hormones in rats"),
    ],
)
def test_held_out_phenomenon_is_flagged(text: str, rule: str, line: int, column: int, excerpt: str) -> None:
    assert (rule, line, column, excerpt) in [(f.rule, f.line, f.column, f.excerpt) for f in claims(text)]


def test_testimonial_borrows_the_outcome_of_its_paragraph() -> None:
    text = "CBD gummies help you unwind.\nWith over 2,000 five-star reviews, customers clearly love them."
    assert [(f.rule, f.line, f.excerpt) for f in claims(text)] == [
        ("claims.efficacy-claim", 1, "CBD gummies help you unwind"),
        ("claims.testimonial", 2, "2,000 five-star reviews"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the body's own chemistry, as an appositive
        "Tart cherries contain melatonin, the hormone that helps regulate the body clock.",
        "Tart cherry juice raised levels of tryptophan, an amino acid the body uses to make serotonin.",
        # a negated frame
        "Nobody has shown that valerian cures insomnia.",
        "No one has proven that CBD treats anxiety disorders.",
        # an association with a risk is not a benefit
        "Kava has been linked to liver disease.",
        "Melatonin has been linked to headaches in some users.",
        # "sleep" inside a subject's name is not an outcome; an editors' pick headline proves nothing
        "# 6 Natural Sleep Aids Our Editors Swear By",
        # reviews about taste, with no benefit in the paragraph
        "Valerian tastes odd.\nReviewers say the tea is bitter.",
        "Kava is fine. My clients swear by it.",
        # a story that went badly, or before the supplement, is no testimonial of benefit
        "Melatonin is everywhere.\n\nAfter a week my sleep got worse.",
        "Melatonin is everywhere.\n\nI was still falling asleep late.",
        # the title's substance is borrowed only by sentences whose own cue marks a claim
        "# Magnesium for sleep\n\nA walk is good.\n\n## Exercise\n\nIt improves sleep quality.",
        "# Why I Switched to Glycine",
        "# How do I take melatonin",
        # an effect followed by a caution is a warning, not a claim
        "Ashwagandha can also lower blood pressure, so talk to your doctor first.",
        # an animal finding with the human evidence weighed after it
        "In mice, valerian extract reduced anxiety-like behaviour; human trials are mixed.",
        # a testimonial that reports no effect
        "Valerian tastes odd. Two of our testers said the effect was too subtle to notice.",
        # a myth quoted to be knocked down; "for what it's worth" points back at nothing
        '## Myth 8: "Natural means safe."',
        # a label's promise reported, then disputed
        'The DreamBerry packaging calls its blend "clinically proven," which it is not.',
        # an interaction, and an embedded question
        "Magnesium can reduce the absorption of some antibiotics and osteoporosis drugs, so separate them by two hours.",
        "Whether topping up vitamin D lifts mood in people who are not deficient is still unclear.",
        # a quotation denied as a whole
        'Kratom is NOT "natural so it\'s safe." It can be habit-forming.',
        "Valerian is used for sleep.\n\nFor what it's worth, CBT-I is what finally fixed my sleep.",
    ],
)
def test_held_out_non_claim(text: str) -> None:
    assert claims(text) == []


def test_testimonial_that_negates_itself_borrows_nothing() -> None:
    text = "Magnesium calms the mind.\nI tried it for a month and didn't notice anything."
    assert [(f.rule, f.line) for f in claims(text)] == [("claims.efficacy-claim", 1)]


def test_animal_evidence_is_not_cut_by_an_enzyme_clause() -> None:
    # "an enzyme that breaks down GABA" is what the extract did, not the body's own chemistry
    text = "In test-tube studies, lemon balm extract blocked an enzyme that breaks down GABA, which means it can help you feel calmer."
    assert [f.rule for f in claims(text)] == ["claims.animal-evidence"]


def test_a_footnote_past_the_last_numbered_entry_points_nowhere() -> None:
    references = ("\n\n## References\n\n[1] Patel DP, Swink SM. A review of biotin for hair loss. Skin Appendage Disord. 2017."
                  "\n[2] Evron E, Juhasz M. Saw palmetto in alopecia. 2020.\n")
    unresolved = claims("Saw palmetto works as well as finasteride for hair loss [6]." + references)
    assert [(f.rule, f.line) for f in unresolved] == [("claims.disease-claim", 1)]
    assert claims("Saw palmetto works as well as finasteride for hair loss [2]." + references) == []
