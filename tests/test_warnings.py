"""The warnings family: missing interaction and risk warnings, and the opt-in disclaimer rule."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

from linter import lint_text
from linter.config import Config
from linter.errors import RuleError
from linter.finding import Finding

INTERACTION = "warnings.missing-interaction"
RISK = "warnings.missing-risk"
DISCLAIMER = "warnings.missing-disclaimer"
Lint = Callable[..., list[Finding]]


def only(findings: list[Finding], rule: str) -> list[Finding]:
    """The findings of one rule."""
    return [f for f in findings if f.rule == rule]


MELATONIN = """# Melatonin for sleep

Melatonin is a hormone.

Take 1 mg of melatonin an hour before bed.

{warning}
"""


def test_position_rule_and_missing_classes(lint: Lint) -> None:
    findings = only(lint(MELATONIN.format(warning="Enjoy your sleep."), INTERACTION), INTERACTION)
    [finding] = findings
    span = finding.span
    assert (span.line, span.column, span.end_line, span.end_column) == (5, 1, 5, 43)
    assert finding.excerpt == "Take 1 mg of melatonin an hour before bed."
    assert finding.data["substance"] == "melatonin"
    assert finding.data["missing"] == ["sedatives", "alcohol", "blood_thinners"]
    assert "sedatives and sleeping pills, alcohol, and blood thinners" in finding.message
    assert finding.severity == "error" and finding.related == ()
    assert finding.suggestion is not None and "warfarin" in finding.suggestion


def test_partial_warning_lists_only_what_is_missing(lint: Lint) -> None:
    text = MELATONIN.format(warning="Avoid alcohol and sleeping pills while you use it.")
    [finding] = only(lint(text, INTERACTION), INTERACTION)
    assert finding.data["missing"] == ["blood_thinners"]


def test_generic_warning_is_named_and_related(lint: Lint) -> None:
    text = MELATONIN.format(warning="Talk to your doctor before starting any supplement.")
    [finding] = only(lint(text, INTERACTION), INTERACTION)
    assert "only a generic warning (line 7)" in finding.message
    [related] = finding.related
    assert (related.span.line, related.span.column) == (7, 1)
    assert "generic" in related.message
    assert finding.data["missing"] == ["sedatives", "alcohol", "blood_thinners"]


@pytest.mark.parametrize(
    "warning",
    [
        "Never take it with a glass of wine or a sleeping pill, and ask your doctor first if you are on warfarin.",
        "Don't mix it with booze, Ambien or Xanax. People on blood thinners should skip it.",
        "## Interactions\n\n- alcohol\n- benzodiazepines\n- warfarin and other anticoagulants",
        "Do not combine melatonin with:\n\n- alcohol\n- sleeping pills\n- blood thinners",
        "| Avoid combining with | Why |\n|---|---|\n| alcohol | drowsiness |\n| sedatives | drowsiness |\n"
        "| warfarin | bleeding |",
        "> **Caution:** alcohol, sedatives and blood thinners.",
        "<aside><p>Warning: melatonin can intensify sedatives and alcohol, and interacts with warfarin.</p></aside>",
        "See the note.[^1]\n\n[^1]: Melatonin interacts with sedatives, alcohol and blood thinners.",
    ],
    ids=["own-words", "slang", "heading-list", "lead-in-list", "table", "callout", "html-aside", "footnote"],
)
def test_warnings_in_any_form_satisfy_their_classes(lint: Lint, warning: str) -> None:
    assert only(lint(MELATONIN.format(warning=warning), INTERACTION), INTERACTION) == []


@pytest.mark.parametrize(
    "text",
    [
        "A 2019 trial gave participants 3 mg of melatonin before bed.",
        "Unlike melatonin, a cool bedroom costs nothing.",
        "Your body makes melatonin in the evening, and levels peak at night.",
        "Do not take kratom: it is not a supplement.",
        "Is valerian worth it? Researchers are divided.",
        "Some people drink kava in the evening.",
    ],
    ids=["study", "comparison", "physiology", "negated", "question", "report"],
)
def test_mentions_that_are_not_recommendations(lint: Lint, text: str) -> None:
    assert only(lint(text, (INTERACTION, RISK)), INTERACTION) == []


def test_it_refers_back_to_the_subject_of_the_section(lint: Lint) -> None:
    text = "# Valerian\n\nValerian is an old herb.\n\nTake it half an hour before bed.\n"
    [finding] = only(lint(text, INTERACTION), INTERACTION)
    assert finding.line == 5 and finding.data["substance"] == "valerian"


def test_routine_use_needs_a_dependence_warning(lint: Lint) -> None:
    once = only(lint("Try 2 g of kratom powder.", RISK), RISK)
    assert once == []
    [finding] = only(lint("Try 2 g of kratom powder.\n\nTake it every morning.", RISK), RISK)
    assert finding.line == 3 and finding.data == {"substance": "kratom", "missing": ["dependence"], "routine": True}


def test_a_denial_is_not_a_warning(lint: Lint) -> None:
    denied = only(lint("Take kratom daily. It is not addictive and causes no withdrawal.", RISK), RISK)
    assert [f.data["missing"] for f in denied] == [["dependence"]]
    warned = lint("Take kratom daily, but know that daily use can cause dependence.", RISK)
    assert only(warned, RISK) == []


def test_kava_needs_a_liver_warning_even_once(lint: Lint) -> None:
    [finding] = only(lint("Try 70 mg of kavalactones from kava once.", RISK), RISK)
    assert finding.data["missing"] == ["liver_injury"]


def test_one_finding_per_substance_at_its_first_recommendation(lint: Lint) -> None:
    text = "Take valerian at night.\n\nTake valerian again.\n\nUse 3 g of glycine before bed.\n"
    findings = only(lint(text, INTERACTION), INTERACTION)
    assert [(f.line, f.data["substance"]) for f in findings] == [(1, "valerian")]


def test_plain_text_and_html_positions(lint: Lint) -> None:
    # A hard-wrapped first line must not be read as a heading.
    text = "5-HTP GUIDE\n\nStart with 50 mg of 5-HTP in the evening, after dinner and before the\nnews, for a week.\n"
    [finding] = only(lint(text, INTERACTION, fmt="text"), INTERACTION)
    assert (finding.line, finding.column, finding.span.end_line) == (3, 1, 4)
    html = "<html><body><h1>ZzzQuil</h1>\n<p>Take 50 mg of ZzzQuil at bedtime.</p></body></html>"
    [finding] = only(lint(html, INTERACTION, fmt="html"), INTERACTION)
    assert finding.excerpt == "Take 50 mg of ZzzQuil at bedtime." and finding.line == 2


def test_publisher_substance_folder_extends_and_overrides(tmp_path: Path) -> None:
    folder = tmp_path / "substances"
    folder.mkdir()
    (folder / "melatonin.yaml").write_text("name: melatonin\nnames: [melatonin]\nsources: [house]\n")
    (folder / "reishi.yaml").write_text(
        "name: reishi\nnames: [reishi]\ninteractions:\n  - class: blood_thinners\n"
        "    example: Reishi may add to the effect of warfarin.\nsources: [house]\n"
    )
    config = Config(select=(INTERACTION,), substance_folders=(folder,))
    findings = lint_text("Take 1 mg of melatonin. Try 1 g of reishi daily.", config=config)
    assert [(f.data["substance"], f.data["missing"]) for f in findings] == [("reishi", ["blood_thinners"])]
    assert findings[0].suggestion is not None and "warfarin" in findings[0].suggestion


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        ("name: bad\nnames: [bad]\nsources: [s]\ndoses:\n  - {min: 9, max: 3, unit: mg, source: s}\n", "min 9"),
        ("name: bad\nnames: [bad]\nsources: oops\n", "'sources'"),
    ],
)
def test_bad_publisher_substance_file_is_a_rule_error(tmp_path: Path, body: str, needle: str) -> None:
    folder = tmp_path / "substances"
    folder.mkdir()
    (folder / "bad.yaml").write_text(body)
    with pytest.raises(RuleError) as caught:
        lint_text("x", config=Config(substance_folders=(folder,)))
    line = caught.value.one_line()
    assert "bad.yaml" in line and needle in line and "\n" not in line


def test_disclaimer_rule_is_off_by_default() -> None:
    assert only(lint_text("# Kava\n\nKava is a drink."), DISCLAIMER) == []


def test_disclaimer_rule_reports_missing_parts(lint: Lint) -> None:
    [finding] = only(lint("# Kava\n\nKava is a drink.", DISCLAIMER), DISCLAIMER)
    assert finding.line == 1 and finding.severity == "warning"
    assert finding.data == {"disclaimer": False, "missing_front_matter": ["reviewed_by", "last_reviewed"]}
    fine = "---\nreviewed_by: Dr. A\nlast_reviewed: 2024-01-01\n---\n# Kava\n\nThis is not medical advice.\n"
    assert only(lint(fine, DISCLAIMER), DISCLAIMER) == []


def test_disclaimer_front_matter_keys_come_from_the_config(lint: Lint) -> None:
    text = "---\nmedical_reviewer: Dr. A\n---\n# Kava\n\nFor informational purposes only.\n"
    assert only(lint(text, DISCLAIMER, required_front_matter=("medical_reviewer",)), DISCLAIMER) == []
    [finding] = only(lint(text, DISCLAIMER, required_front_matter=("medical_reviewer", "sources")), DISCLAIMER)
    assert finding.data["missing_front_matter"] == ["sources"] and "sources" in finding.message


# --- regressions from the held-out drafts (heldout-a*) -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Valerian has been used since ancient Greece and Rome.",
        "A 2021 study gave 40 volunteers 300 mg of kava a day for eight weeks.",
        "**Best for beginners:** Little Sprout 10 mg CBD Bites, in berry and lemon.",
        "How much valerian should I take before bed?",
        "Don't take kratom every day: we do not recommend it at all.",
    ],
    ids=["passing-mention", "study-report", "roundup-product", "reader-question", "warning-against-use"],
)
def test_what_is_not_a_recommendation(lint: Lint, text: str) -> None:
    assert only(lint(text, (INTERACTION, RISK)), INTERACTION) == []
    assert only(lint(text, (INTERACTION, RISK)), RISK) == []


def test_a_dose_with_timing_is_a_recommendation_at_its_own_line(lint: Lint) -> None:
    text = "# CBD for sleep\n\nCBD is popular.\n\nTake one 25 mg gummy an hour before bed.\n"
    [finding] = only(lint(text, INTERACTION), INTERACTION)
    assert finding.span.line == 5
    assert finding.data == {"substance": "cbd", "missing": ["sedatives", "alcohol"], "routine": False}


def test_first_person_habit_with_a_clock_time_is_a_recommendation(lint: Lint) -> None:
    text = (
        "Chamomile tea after dinner\n\nThis is less a supplement and more a ritual.\n"
        "I make a big mug of chamomile around 8 p.m., after the dishes are done.\n"
        "If you take warfarin or another blood thinner, check with your doctor.\n"
    )
    [finding] = only(lint(text, INTERACTION, fmt="text"), INTERACTION)
    assert finding.span.line == 4
    assert finding.data["missing"] == ["sedatives"]


@pytest.mark.parametrize(
    "claim",
    [
        "It works like a natural sleeping pill, so you can stop taking your prescription sleep meds.",
        "Ditch your sleeping pills for good.",
        "Wean yourself off benzos with this gentle herb.",
    ],
    ids=["stop-taking", "ditch", "wean-off"],
)
def test_dropping_a_drug_is_a_claim_not_a_warning(lint: Lint, claim: str) -> None:
    text = f"# Valerian\n\n{claim}\n\nTake 300 mg of valerian 30 minutes before bed.\n\nNever mix valerian with wine or beer.\n"
    [finding] = only(lint(text, INTERACTION), INTERACTION)
    assert finding.span.line == 5
    assert finding.data["missing"] == ["sedatives"]


def test_ditching_ssris_is_not_a_serotonergic_warning(lint: Lint) -> None:
    text = "# 5-HTP\n\nDitch your SSRIs: 5-HTP does the job naturally.\n\nTake 100 mg of 5-HTP in the evening.\n"
    [finding] = only(lint(text, INTERACTION), INTERACTION)
    assert finding.span.line == 5
    assert finding.data["missing"] == ["serotonergic"]


def test_a_drug_named_in_a_claim_is_not_a_warning(lint: Lint) -> None:
    text = (
        "# Kratom\n\nKratom is an alternative to opioids for chronic pain.\n\n"
        "Take 2 g of kratom powder in the morning.\n\nAvoid alcohol and sleeping pills with it.\n"
    )
    [finding] = only(lint(text, INTERACTION), INTERACTION)
    assert finding.span.line == 5
    assert finding.data["missing"] == ["opioids"]


@pytest.mark.parametrize(
    "warning",
    [
        "Skip the nightcap and don't pair it with your Ambien. If you're on warfarin, talk to your doctor first.",
        "Don't mix it with Ambien or Xanax, skip the nightcap, and if you're on warfarin, talk to your doctor first.",
    ],
    ids=["own-words", "one-sentence"],
)
def test_warnings_in_the_writers_own_words(lint: Lint, warning: str) -> None:
    assert only(lint(MELATONIN.format(warning=warning), INTERACTION), INTERACTION) == []


def test_a_draft_wide_warning_counts_for_every_substance(lint: Lint) -> None:
    text = (
        "# Three sleep helpers\n\n## Valerian\n\nTake 300 mg of valerian before bed.\n\n"
        "## Kava\n\nTry 120 mg of kava in the evening.\n\n"
        "## Safety\n\nDon't mix any of these with alcohol, sleeping pills or benzodiazepines.\n"
        "Kava has been linked to liver damage.\n"
    )
    assert only(lint(text, (INTERACTION, RISK)), INTERACTION) == []
    assert only(lint(text, (INTERACTION, RISK)), RISK) == []


@pytest.mark.parametrize(
    "name, missing",
    [("cbd", ["sedatives", "alcohol"]), ("chamomile", ["blood_thinners", "sedatives"]),
     ("magnesium", ["bisphosphonates", "antibiotics"]), ("diphenhydramine", ["sedatives", "alcohol"])],
)
def test_only_the_conservative_core_is_required(lint: Lint, name: str, missing: list[str]) -> None:
    text = f"Take 2 capsules of {name} every night before bed.\n"
    findings = lint(text, (INTERACTION, RISK))
    [finding] = only(findings, INTERACTION)
    assert finding.data["missing"] == missing
    assert only(findings, RISK) == []


def test_roundup_product_lines_do_not_move_the_first_recommendation(lint: Lint) -> None:
    text = (
        "# CBD gummies\n\n- **Best for beginners:** Little Sprout 10 mg CBD Bites\n\n"
        "Each chew has 20 mg of CBD.\n\nFor sleep, take one 25 mg gummy about an hour before bed.\n\n"
        "Don't combine CBD with alcohol.\n"
    )
    [finding] = only(lint(text, INTERACTION), INTERACTION)
    assert finding.span.line == 7
    assert finding.data["missing"] == ["sedatives"]
