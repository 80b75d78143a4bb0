"""The timing rule: contradicting offsets from one anchor, with positions, related locations and data."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_dosing import findings

RULE = "timing.inconsistent-timing"


def test_non_overlapping_offsets_contradict() -> None:
    text = "Take melatonin 15 minutes before bed.\n\nOr take it two hours before bed.\n\nOr at least 4 hours before bedtime."
    found = findings(RULE, text)
    assert [(f.excerpt, f.line, f.column) for f in found] == [
        ("two hours before bed", 3, 12), ("at least 4 hours before bedtime", 5, 4)]
    assert [r.message for r in found[1].related] == ["first stated here as 15 minutes before bed"]
    assert found[0].data == {"substance": "melatonin", "purpose": None, "form": None, "unit": "min", "bound": "exact",
                             "value": [120.0, 120.0], "conflicts": [[15.0, 15.0]], "anchor": "before bed"}


@pytest.mark.parametrize(
    "text",
    [
        "Take valerian four hours before bed. Yes, valerian 4 hours before bed.",
        "Take melatonin one to two hours before bed. Melatonin 90 minutes before bed.",
        "Take melatonin 30 to 60 minutes before bed. Melatonin an hour before bed.",
        "Take melatonin an hour before bed. Take magnesium 15 minutes before bed.",
        "Take melatonin an hour before bed. Take melatonin 30 minutes after dinner.",
        "Take melatonin at bedtime. Melatonin right before bed works.",
        "Take glycine before bed. Aim for 7 hours of sleep; soreness peaks within 48 hours of a hard workout.",
        "For jet lag, take melatonin at bedtime. For sleep, take melatonin two hours before bed.",
    ],
)
def test_not_contradictions(text: str) -> None:
    assert findings(RULE, text) == []


def test_course_caps_contradict() -> None:
    found = findings(RULE, "Use valerian for up to 2 weeks.\n\nValerian is fine for no longer than 3 months.")
    assert [f.excerpt for f in found] == ["no longer than 3 months"]


SAME = ["2 hours", "two hours", "120 minutes", "a couple of hours", "2 hrs", "2 h"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(SAME), min_size=2, max_size=4))
def test_restating_a_timing_never_contradicts(offsets: list[str]) -> None:
    text = "\n\n".join(f"Take melatonin {offset} before bed." for offset in offsets)
    assert findings(RULE, text) == []


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(SAME), st.sampled_from(["15 minutes", "four hours", "half an hour", "at least 3 hours"]))
def test_a_different_timing_always_contradicts(same: str, other: str) -> None:
    text = f"Take melatonin {same} before bed.\n\nTake melatonin {other} before bed."
    assert len(findings(RULE, text)) == 1


def test_timing_advised_against_in_a_long_draft_is_not_compared() -> None:
    filler = "Sleep hygiene matters more than any pill, and a dark, cool room helps most people. " * 30
    text = f"# Melatonin\n\n{filler}\n\nTake melatonin an hour before bed.\n\nDon't take melatonin 4 hours before bed.\n"
    assert len(text) > 2048
    assert findings(RULE, text) == []
    assert [f.excerpt for f in findings(RULE, text.replace("Don't take", "Take"))] == ["4 hours before bed"]


def test_times_of_day_contradict_each_other_and_bedtime_offsets() -> None:
    text = ("Take magnesium an hour before bed.\n\nTake your magnesium first thing in the morning.\n\n"
            "Ashwagandha: 300 mg with breakfast.\n\nTake ashwagandha with your evening meal.")
    found = findings(RULE, text)
    assert [(f.excerpt, f.line, f.column) for f in found] == [
        ("first thing in the morning", 3, 21), ("with your evening meal", 7, 18)]
    assert found[0].data["anchor"] == "day"
    assert found[0].data["value"] == [300.0, 660.0] and found[0].data["conflicts"] == [[1200.0, 1500.0]]
    assert [r.message for r in found[1].related] == ["first stated here as with breakfast"]


def test_dinner_is_not_bedtime_but_an_offset_from_bed_can_meet_it() -> None:
    assert findings(RULE, "Take magnesium with dinner.\n\nTake magnesium two hours before bed.") == []
    found = findings(RULE, "Take magnesium with dinner.\n\nTake magnesium right as your head hits the pillow.")
    assert [(f.excerpt, f.line, f.column) for f in found] == [("right as your head hits the pillow", 3, 16)]
    assert found[0].data["value"] == [1245.0, 1560.0] and found[0].data["conflicts"] == [[1020.0, 1230.0]]


def test_items_of_a_symbol_drawn_list_are_told_apart() -> None:
    text = ("Take your magnesium with breakfast.\n\n"
            "\u2728 Magnesium 300 mg, 30 minutes before bed\n\u2728 Tart cherry, 240 mL with dinner\n")
    assert [(f.excerpt, f.line) for f in findings(RULE, text)] == [("30 minutes before bed", 3)]


@pytest.mark.parametrize(
    "text",
    [
        "Take magnesium at night, right before bed. Take magnesium in the evening.",
        "Take ashwagandha with breakfast. Or split it: 300 mg of ashwagandha in the morning and 300 mg at night.",
        "Take melatonin an hour before bed. Melatonin can leave you groggy in the morning.",
        "Take melatonin an hour before bed. Can I take melatonin in the morning instead?",
        "Take rhodiola first thing in the morning. Rhodiola with breakfast is fine too.",
        "Take magnesium at night. Never take magnesium in the morning.",
    ],
)
def test_times_of_day_that_do_not_contradict(text: str) -> None:
    assert findings(RULE, text) == []


def test_times_of_day_in_a_malformed_lexicon_are_a_clear_error(tmp_path: Path) -> None:
    from linter.errors import RuleError
    from linter.language.attribution import LEXICON_FILE, load_lexicon
    from linter.ruleset import builtin_rules_dir

    text = (builtin_rules_dir() / LEXICON_FILE).read_text(encoding="utf-8")
    broken = tmp_path / "dosing.yaml"
    broken.write_text(text.replace("daypart_hours: {morning: [5, 11],",
                                   "daypart_hours: {morning: [11, 5],"), encoding="utf-8")
    with pytest.raises(RuleError, match="daypart_hours.morning"):
        load_lexicon(broken)
