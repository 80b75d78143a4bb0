"""The dosing rules: contradictions, their positions, related locations and data; reference ranges."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter import lint_text
from linter.config import Config
from linter.finding import Finding
from linter.kinds.base import Check
from linter.knowledge import Knowledge, load_knowledge
from linter.ruleset import builtin_rules_dir, load_rule_file
from linter.runner import RunOptions, run
from linter.sources import parse_text

RULES = builtin_rules_dir()
KNOWLEDGE = load_knowledge([RULES / "substances"])


def rule(rule_id: str, knowledge: Knowledge = KNOWLEDGE) -> Check:
    """Compile one built-in dosing or timing rule against `knowledge`."""
    category, name = rule_id.split(".")
    return load_rule_file(RULES / category / f"{name}.yaml", knowledge)


def findings(rule_id: str, text: str, knowledge: Knowledge = KNOWLEDGE, path: str = "draft.md") -> list[Finding]:
    """Lint `text` with one rule only."""
    return list(rule(rule_id, knowledge).check(parse_text(text, path, "markdown")))


def test_substances_used_here_exist() -> None:
    assert {"melatonin", "magnesium"} <= set(KNOWLEDGE.substances)
    assert KNOWLEDGE.substances["magnesium"].doses


def test_contradiction_is_one_finding_on_the_later_statement() -> None:
    text = "# Melatonin\n\nTake 0.5 mg of melatonin.\n\nSome take 3 mg.\n\nOthers swear by 5 mg of melatonin.\n"
    found = findings("dosing.inconsistent-dose", text)
    assert [(f.excerpt, f.line, f.column, f.severity) for f in found] == [("3 mg", 5, 11, "error"), ("5 mg", 7, 17, "error")]
    first = found[0]
    assert [(r.span.line, r.span.column, r.message) for r in first.related] == [(3, 6, "first stated here as 0.5 mg")]
    assert first.data == {"substance": "melatonin", "purpose": None, "form": None, "unit": "mg", "bound": "exact",
                          "value": [3.0, 3.0], "conflicts": [[0.5, 0.5]]}
    assert [r.message for r in found[1].related] == ["first stated here as 0.5 mg"]  # 3 mg was already reported


def test_every_earlier_conflicting_statement_is_related() -> None:
    text = "Melatonin: 0.5-1 mg.\n\nMany take 0.75 mg of melatonin.\n\nTake 5 mg of melatonin."
    found = findings("dosing.inconsistent-dose", text)
    assert [(f.excerpt, f.line) for f in found] == [("5 mg", 5)]
    assert [(r.span.line, r.message) for r in found[0].related] == [
        (1, "first stated here as 0.5-1 mg"), (3, "also stated here as 0.75 mg")]
    assert found[0].data["conflicts"] == [[0.5, 1.0], [0.75, 0.75]]


def test_overlapping_ranges_that_differ_are_a_warning() -> None:
    found = findings("dosing.inconsistent-dose", "L-theanine: 200-400 mg.\n\nOr L-theanine at 300 to 600 mg.\n")
    assert [(f.excerpt, f.severity) for f in found] == [("300 to 600 mg", "warning")]
    assert found[0].data["conflicts"] == [[200.0, 400.0]]


@pytest.mark.parametrize(
    "text",
    [
        "Take 500 mg of magnesium. That is 0.5 g.",
        "Melatonin: 1-2 mg. Many do well on 1.5 mg of melatonin.",
        "For sleep, 0.5 mg of melatonin. For jet lag, 3 mg of melatonin.",
        "Never take more than 10 mg of melatonin. Most people take 3 mg of melatonin.",
        "Up to 5 mg of melatonin is fine. Start with 1 mg of melatonin.",
        "Take 200 mg of magnesium twice daily, 400 mg a day in all.",
        "Valerian extract: 600 mg. Dried valerian root powder: 3 g.",
        "CBD: 5 mg/kg. A 25 mg CBD gummy is common.",
        "Tart cherry: 240 mL of juice, or 2 capsules.",
        "Doses over 10 mg of melatonin cause grogginess. Take 1 mg.",
        "In a 2019 study, 120 participants took 10 mg of melatonin. Take 1 mg of melatonin.",
        # a limit said again in brackets is still a limit
        "Take 2 capsules (1 g) of magnesium with dinner. Do not take more than 4 capsules (2 g) of magnesium a day.",
    ],
)
def test_not_contradictions(text: str) -> None:
    assert findings("dosing.inconsistent-dose", text) == []


def test_maximum_exceeded_by_a_later_dose() -> None:
    found = findings("dosing.inconsistent-dose", "Never take more than 5 mg of melatonin.\n\nTake 10 mg of melatonin.")
    assert [(f.excerpt, f.data["bound"]) for f in found] == [("10 mg", "exact")]


def test_attribution_to_the_nearest_substance() -> None:
    text = "Take 200 mg of L-theanine with 3 mg of melatonin.\n\nAdd 400 mg of L-theanine if needed."
    found = findings("dosing.inconsistent-dose", text)
    assert [(f.excerpt, f.data["substance"]) for f in found] == [("400 mg", "l-theanine")]


RESTATEMENTS = ["500 mg", "0.5 g", "half a gram", "five hundred milligrams", "500 milligrams", "0.5 grams", "500,000 mcg"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(RESTATEMENTS), min_size=2, max_size=4))
def test_restating_a_dose_never_contradicts(amounts: list[str]) -> None:
    text = "\n\n".join(f"Take {amount} of magnesium glycinate in the evening." for amount in amounts)
    assert findings("dosing.inconsistent-dose", text) == []


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(RESTATEMENTS), st.sampled_from(["2 g", "two grams", "50 mg", "2000 mg", "5 grams"]))
def test_a_different_dose_always_contradicts(same: str, other: str) -> None:
    text = f"Take {same} of magnesium glycinate in the evening.\n\nTake {other} of magnesium glycinate in the evening."
    assert [f.severity for f in findings("dosing.inconsistent-dose", text)] == ["error"]


def _knowledge(tmp_path: Path) -> Knowledge:
    folder = tmp_path / "substances"
    folder.mkdir()
    (folder / "zinc.yaml").write_text(
        "name: zinc\nnames: [zinc]\nsources: [test]\n"
        "doses:\n  - {min: 8, max: 40, unit: mg, per: day, purpose: general, source: 'Test UL'}\n"
    )
    return load_knowledge([folder])


def test_reference_range_and_unit(tmp_path: Path) -> None:
    kb = _knowledge(tmp_path)
    text = "Take 15 mg of zinc a day.\n\nSome take 120 mg of zinc a day.\n\nOthers take 20 g of zinc a day."
    outside = findings("dosing.outside-reference-range", text, kb)
    assert [(f.excerpt, f.severity) for f in outside] == [("120 mg", "warning")]
    assert "Test UL" in outside[0].message and outside[0].data["reference"] == [8.0, 40.0]
    unit = findings("dosing.implausible-unit", text, kb)
    assert [(f.excerpt, f.severity, f.data["ratio"]) for f in unit] == [("20 g", "error", 500.0)]


def test_reference_needs_a_comparable_unit(tmp_path: Path) -> None:
    kb = _knowledge(tmp_path)
    assert findings("dosing.outside-reference-range", "Take 5 capsules of zinc a day.", kb) == []
    assert findings("dosing.implausible-unit", "Take 5 capsules of zinc a day.", kb) == []


def test_cross_file_contradiction_points_at_the_other_draft(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# Melatonin\n\nTake 0.5 mg of melatonin.\n")
    (tmp_path / "b.md").write_text("# Melatonin\n\nTake 0.5 mg of melatonin.\n\nOr 5 mg of melatonin.\n")
    config = Config(select=("dosing.inconsistent-dose",))
    result = run([tmp_path], RunOptions(config=config, cross_file=True))
    found = [(Path(f.path).name, f.excerpt, f.line, [(Path(r.path).name, r.span.line) for r in f.related]) for f in result.findings]
    assert ("b.md", "5 mg", 5, [("a.md", 3)]) in found
    assert ("b.md", "5 mg", 5, [("b.md", 3)]) in found
    assert len(found) == 2
    alone = run([tmp_path], RunOptions(config=config, cross_file=False))
    assert [(Path(f.path).name, f.line) for f in alone.findings] == [("b.md", 5)]


def test_corpus_facts_are_small_and_picklable() -> None:
    import pickle

    check = rule("dosing.inconsistent-dose")
    facts = check.collect(parse_text("Take 3 mg of melatonin.", "x.md", "markdown"))  # type: ignore[attr-defined]
    assert pickle.loads(pickle.dumps(facts)) == facts and len(facts) == 1


# Regression tests for the phenomena behind false contradictions in independently written drafts.
DOSE = "dosing.inconsistent-dose"
RANGE = "dosing.outside-reference-range"


def _both(text: str) -> list[tuple[str, str, int, int]]:
    """(rule, excerpt, line, column) of the contradiction and reference-range findings."""
    return [(f.rule, f.excerpt, f.line, f.column) for rule_id in (DOSE, RANGE) for f in findings(rule_id, text)]


@pytest.mark.parametrize(
    "text",
    [
        # discouraged amounts
        "Start with 0.5 mg of melatonin.\n\nMany drugstore tablets contain 5 or 10 mg, which is far more than most adults need.",
        "Take 1 mg of melatonin.\n\nSome people take 5 or 10 mg of melatonin, but that's more than you need.",
        # titration: the amount stepped up to is not a second dose
        "Start with 50 mg of 5-HTP, then increase to 100 mg.",
        "I started with 50 mg of 5-HTP.\n\nAfter a week I went up to 100 mg.",
        "Take 0.5 mg of melatonin. If nothing changes, you can go up to 1 mg.",
        # product labels and food content
        "Each raspberry gummy contains 25 mg of CBD.\n\nEach chew has 20 mg.\n\nAt 50 mg per gummy, it is the strongest.\n\n"
        "For sleep, take one 25 mg gummy of CBD an hour before bed.",
        "A cup of green tea usually contains around 10 to 20 mg of L-theanine.\n\nI take 200 mg of L-theanine with coffee.",
        "Take 1 mg of melatonin.\n\nIf your store only sells 3 mg tablets of melatonin, split them.",
        "Take 200 mg of elemental magnesium.\n\nA 1,000 mg capsule of magnesium glycinate might only provide around 140 mg of magnesium.",
        # a count times a product strength
        "Take 3 g of glycine before bed.\n\nWith capsules you'll need 3,000 mg of glycine, which is usually six 500 mg capsules.",
        # per serving vs per day
        "Take 300 mg of magnesium twice daily.\n\nThat is 600 mg of magnesium a day.",
        "Take 200 mg of magnesium with dinner.\n\nIf you split it, two doses of 0.1 g each add up to the same 200 mg.",
        # reference intakes
        "The recommended dietary allowance of magnesium is 400 to 420 mg a day for men.\n\nA reasonable start is 200 mg of magnesium.",
        # different purposes
        "For sleep, take 0.5 mg of melatonin.\n\nFor jet lag, take 3 mg of melatonin at the local bedtime.",
        # study doses
        "In one trial, 350 mg of magnesium a day reduced soreness.\n\nStart with 200 mg of magnesium.",
    ],
)
def test_statements_that_are_not_two_pieces_of_advice(text: str) -> None:
    assert _both(text) == []


def test_step_up_is_not_reported_but_a_second_starting_dose_is() -> None:
    text = ("For sleep, take one 25 mg gummy of CBD an hour before bed.\n\nIf needed, increase to 50 mg.\n\n"
            "For sleep, we recommend 50 mg of CBD as the starting dose.")
    assert _both(text) == [(DOSE, "50 mg", 5, 25)]


def test_a_daily_amount_before_the_dose_is_a_daily_total() -> None:
    text = ("For anxiety, a typical daily amount is 120 mg of kavalactones, split into two doses.\n\n"
            "For anxiety, aim for about 250 mg of kavalactones a day.")
    found = findings(DOSE, text)
    assert [(f.excerpt, f.line, f.column, f.data["unit"]) for f in found] == [("about 250 mg", 3, 22, "mg/day")]
    assert findings(RANGE, text) == []  # 250 mg is not twice the 240 mg top of the reference range


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Take 6 mg of melatonin before bed to fall asleep.", []),  # 1.2 times the 5 mg top
        ("Take 10 mg of melatonin before bed to fall asleep.", []),  # twice the top: a common tablet
        ("Take 15 mg of melatonin before bed to fall asleep.", [("15 mg", 1, 6)]),  # 3 times
        ("Take 400 mg of magnesium a day.", []),  # 1.14 times the 350 mg upper limit
        ("Take 1,000 mg of magnesium a day.", [("1,000 mg", 1, 6)]),  # 2.9 times
        ("Take 300 mg of valerian extract 30 minutes before bed.", []),  # 0.75 times the 400 mg bottom
        ("Take 150 mg of valerian extract 30 minutes before bed.", []),  # too little harms no one
        ("Take 3 g of valerian extract 30 minutes before bed.", [("3 g", 1, 6)]),  # 3.3 times the 900 mg top
        ("Take 1,000 mg of magnesium glycinate a day.", []),  # the salt's weight, not elemental magnesium
        ("Many tablets contain 20 mg of melatonin, far more than most adults need.", []),
        ("The RDA of magnesium is 400 to 420 mg a day, and the tolerable upper intake level 350 mg.", []),
    ],
)
def test_reference_range_needs_a_clear_margin(text: str, expected: list[tuple[str, int, int]]) -> None:
    assert [(f.excerpt, f.line, f.column) for f in findings(RANGE, text)] == expected


def test_discouraged_amounts_are_recognised_in_long_drafts() -> None:
    filler = "Sleep hygiene matters more than any pill, and a dark, cool room helps most people. " * 30
    text = f"# Melatonin\n\n{filler}\n\nTake 1 mg of melatonin.\n\nDon't take 10 mg of melatonin.\n"
    assert len(text) > 2048  # long enough for the word-indexed lexicon path
    assert findings(DOSE, text) == []


# Statements that are not a second piece of advice (found on held-out drafts): none may contradict.
NOT_ADVICE = [
    "Aim for 20 to 40 g of protein after training.",
    "Once you are used to it, go up by 10 mg every few nights.",
    "Some people on the forum go higher, 5 to 8 mg a dose, but I never needed to.",
    "Higher doses like 3 or 5 mg are widely sold but are not more effective.",
    "Half a teaspoon is about 1 mg, so measure carefully.",
]


@pytest.mark.parametrize("second", NOT_ADVICE)
def test_statements_that_are_not_advice_never_contradict(second: str) -> None:
    draft = f"# Melatonin for sleep\n\nTake 0.5 mg of melatonin an hour before bed.\n\n{second}\n"
    findings = lint_text(draft, config=Config(select=("dosing.inconsistent-dose",)))
    assert findings == []


def test_a_real_contradiction_is_still_found_beside_them() -> None:
    draft = ("# Melatonin for sleep\n\nTake 0.5 mg of melatonin an hour before bed.\n\n"
             + "\n\n".join(NOT_ADVICE) + "\n\nTake 5 mg of melatonin at night.\n")
    findings = lint_text(draft, config=Config(select=("dosing.inconsistent-dose",)))
    assert [(f.rule, f.line, f.excerpt) for f in findings] == [("dosing.inconsistent-dose", 15, "5 mg")]


def test_a_content_column_in_a_table_is_not_advice() -> None:
    draft = ("# CBD oils\n\nStart with 25 mg of CBD an hour before bed.\n\n"
             "| Oil | CBD per mL | Price |\n|---|---|---|\n| Hearth | 50 mg | $79 |\n| Lull | 33 mg | $64 |\n")
    assert lint_text(draft, config=Config(select=("dosing.inconsistent-dose",))) == []


def test_juice_and_concentrate_are_different_forms() -> None:
    draft = ("# Tart cherry\n\nDrink 240 mL of tart cherry juice twice a day.\n"
             "If you hate the taste, 30 mL of tart cherry concentrate mixed with water works too.\n")
    assert lint_text(draft, config=Config(select=("dosing.inconsistent-dose",))) == []


def test_amounts_on_a_price_list_line_are_product_facts() -> None:
    text = ("Take 25 mg of CBD a day.\n\n- Deep Relief Balm - 1000 mg CBD / 2 oz - $55\n"
            "- Night Drops - 300 mg CBD per 30 mL - $42\n\nMost people settle on 50 mg of CBD a day.")
    found = findings("dosing.inconsistent-dose", text)
    assert [(f.excerpt, f.line) for f in found] == [("50 mg", 6)]


def test_other_substances_share_a_name_within_their_group() -> None:
    from linter.language.attribution import builtin_lexicon

    lexicon = builtin_lexicon()
    assert lexicon.other_name("Creatine  Monohydrate") == lexicon.other_name("creatine") == "creatine"
    assert lexicon.other_name("fish oil") == lexicon.other_name("DHA") == "omega-3"
    assert lexicon.other_name("vitamin D3") != lexicon.other_name("vitamin C")


@pytest.mark.parametrize(("old", "new", "message"), [
    ("  creatine: ['creatine(?: monohydrate)?']", "  creatine: 'creatine'", "other_substances.creatine"),
    ("  creatine: [[2, 25, g]]", "  creatine: [[25, 2, g]]", "usual_doses.creatine"),
    ("  creatine: [[2, 25, g]]", "  creatine: [[2, 25, parsecs]]", "usual_doses.creatine"),
    ("  zinc: [[5, 50, mg]]", "  zink: [[5, 50, mg]]", "usual_doses.zink"),
    ("  empty: ['on an", "  hungry: ['on an", "food_states' names unknown states"),
])
def test_a_malformed_lexicon_table_is_a_clear_error(tmp_path: Path, old: str, new: str, message: str) -> None:
    from linter.errors import RuleError
    from linter.language.attribution import LEXICON_FILE, load_lexicon

    text = (RULES / LEXICON_FILE).read_text(encoding="utf-8")
    assert old in text
    broken = tmp_path / "dosing.yaml"
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(RuleError, match=message.replace(".", r"\.")):
        load_lexicon(broken)


def test_a_salt_form_the_lexicon_does_not_know_is_a_clear_error(tmp_path: Path) -> None:
    from linter.errors import RuleError

    text = (RULES / "dosing" / "outside-reference-range.yaml").read_text(encoding="utf-8")
    assert "salt_forms: [citrate," in text
    broken = tmp_path / "outside-reference-range.yaml"
    broken.write_text(text.replace("salt_forms: [citrate,", "salt_forms: [citrat,", 1), encoding="utf-8")
    with pytest.raises(RuleError, match="salt_forms names citrat, not forms of the dosing lexicon") as raised:
        load_rule_file(broken, KNOWLEDGE)
    assert raised.value.path is not None and raised.value.path.endswith("outside-reference-range.yaml")


@pytest.mark.parametrize("text, expected", [
    # a dose kept from a population does not belong to it: "not for children" leaves 3 mg the adults'
    ("Take 1 mg of melatonin at bedtime.\n\nTake 3 mg of melatonin at bedtime. It is not for children.", [("3 mg", 3)]),
    # a table's row head names whose dose its cells give
    ("Take 1 mg of melatonin.\n\n| Who | Melatonin | Caution |\n|---|---|---|\n| Children 4-12 | 0.5 mg | none |", []),
    # another cell's warning does not
    ("Take 1 mg of melatonin.\n\n| Who | Melatonin | Caution |\n|---|---|---|\n| Most people | 5 mg | children |", [("5 mg", 5)]),
    # "children 12 and over" take the adult dose
    ("Take 50 mg of diphenhydramine at bedtime.\n\nAdults and children 12 and over take 25 mg of diphenhydramine.", [("25 mg", 3)]),
])
def test_who_a_dose_is_for(text: str, expected: list[tuple[str, int]]) -> None:
    found = findings("dosing.inconsistent-dose", text)
    assert [(f.excerpt, f.span.line) for f in found] == expected


@pytest.mark.parametrize("text, expected", [
    # one sentence sets two amounts against each other: no contradiction
    ("The 5 mg on most labels is several times the 0.5 mg of melatonin that most adults need.", []),
    # a table row compares products column by column
    ("| | Calm | Rest |\n|---|---|---|\n| Ashwagandha | 1 capsule | 2 capsules |", []),
    # a later statement apart from both is still compared, with the first as the yardstick
    ("Take 0.5 mg of melatonin, not the 5 mg most gummies hold.\n\nMost adults should take 3 mg of melatonin.",
     [("3 mg", 3, [1])]),
    # the same amounts in two places are a contradiction
    ("Take 0.5 mg of melatonin.\n\nTake 3 mg of melatonin.", [("3 mg", 3, [1])]),
])
def test_amounts_read_together_are_not_a_contradiction(text: str, expected: list[tuple[str, int, list[int]]]) -> None:
    found = findings(DOSE, text)
    assert [(f.excerpt, f.span.line, [r.span.line for r in f.related]) for f in found] == expected


def test_timing_read_together_is_not_a_contradiction() -> None:
    text = "Take melatonin 30 minutes before bed, or two hours before bed if you want to shift your clock."
    assert findings("timing.inconsistent-timing", text) == []
    apart = "Take melatonin 30 minutes before bed.\n\nTake melatonin two hours before bed."
    assert [(f.excerpt, f.span.line) for f in findings("timing.inconsistent-timing", apart)] == [("two hours before bed", 3)]
