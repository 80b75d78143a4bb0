"""Extraction unit tests: numbers, units, ranges, bounds, timing offsets, non-doses and exact spans."""

from __future__ import annotations

import pytest

from linter.language.numbers import parse_number
from linter.language.quantities import find_quantities
from linter.language.attribution import builtin_lexicon
from linter.language.units import parse_basis


@pytest.mark.parametrize(
    ("text", "value"),
    [("2.5", 2.5), ("½", 0.5), ("1/2", 0.5), ("one and a half", 1.5), ("a couple of", 2), ("six", 6),
     ("half an", 0.5), ("a dozen", 12), ("twenty-five", 25), ("five hundred", 500), ("1,000", 1000),
     ("one hundred and twenty", 120), ("2 1/2", 2.5), ("1½", 1.5), ("an", 1), ("banana", None)],
)
def test_parse_number(text: str, value: float | None) -> None:
    assert parse_number(text) == value


def _one(text: str) -> tuple[str, float, float, str, str]:
    found = list(find_quantities(text))
    assert len(found) == 1, found
    q = found[0]
    return text[q.start : q.end], q.low, q.high, q.unit, q.bound


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Take 300 mg daily.", ("300 mg", 300, 300, "mg", "exact")),
        ("Use between 2 and 4 grams.", ("between 2 and 4 grams", 2000, 4000, "mg", "exact")),
        ("2–4 mg works", ("2–4 mg", 2, 4, "mg", "exact")),
        ("try 2 to 4 mg", ("2 to 4 mg", 2, 4, "mg", "exact")),
        ("take 1 or 2 capsules", ("1 or 2 capsules", 1, 2, "capsule", "exact")),
        ("500 mcg at night", ("500 mcg", 0.5, 0.5, "mg", "exact")),
        ("500 µg at night", ("500 µg", 0.5, 0.5, "mg", "exact")),
        ("up to 5 mg", ("up to 5 mg", 5, 5, "mg", "max")),
        ("no more than 10 mg", ("no more than 10 mg", 10, 10, "mg", "max")),
        ("a maximum of 20 mg/kg", ("a maximum of 20 mg/kg", 20, 20, "mg/kg", "max")),
        ("Do not take more than 10 mg.", ("more than 10 mg", 10, 10, "mg", "max")),
        ("Doses over 10 mg cause grogginess.", ("over 10 mg", 10, 10, "mg", "threshold")),
        ("at least 6 mg", ("at least 6 mg", 6, 6, "mg", "min")),
        ("about 200 mg", ("about 200 mg", 200, 200, "mg", "approx")),
        ("~200 mg", ("~200 mg", 200, 200, "mg", "approx")),
        ("half a gram", ("half a gram", 500, 500, "mg", "exact")),
        ("five hundred milligrams", ("five hundred milligrams", 500, 500, "mg", "exact")),
        ("a couple of grams", ("a couple of grams", 2000, 2000, "mg", "exact")),
        ("500 mg to 1 g", ("500 mg to 1 g", 500, 1000, "mg", "exact")),
        ("240 mL of tart cherry juice", ("240 mL", 240, 240, "mL", "exact")),
        ("two teaspoons", ("two teaspoons", 10, 10, "mL", "exact")),
        ("8 ounces of juice", ("8 ounces", 240, 240, "mL", "exact")),
        ("2.5 mg per kg of body weight", ("2.5 mg per kg of body weight", 2.5, 2.5, "mg/kg", "exact")),
        ("swallow a capsule", ("a capsule", 1, 1, "capsule", "exact")),
    ],
)
def test_quantity(text: str, expected: tuple[str, float, float, str, str]) -> None:
    assert _one(text) == expected


@pytest.mark.parametrize(
    "text",
    ["In 2019, a study followed adults over 65 and children under 12.", "65% of 120 participants improved [3].",
     "A bottle of 60 capsules costs $20.", "Blood glucose of 100 mg/dL is normal.", "1. Sleep 7 hours a night.",
     "If you are a grams person, read the label twice."],
)
def test_numbers_that_are_not_doses(text: str) -> None:
    assert list(find_quantities(text)) == []


@pytest.mark.parametrize(
    ("text", "daily_total", "times"),
    [("twice daily", False, 2), ("three times a day", False, 3), ("a day", True, None), ("per day", True, None),
     ("nightly", False, 1), ("", False, None)],
)
def test_basis(text: str, daily_total: bool, times: float | None) -> None:
    basis = parse_basis(text)
    assert (basis.daily_total, basis.times) == (daily_total, times)


def _timings(text: str) -> list[tuple[str, str, str, float, float, str]]:
    return [(text[t.start : t.end], t.anchor, t.direction, t.low, t.high, t.bound) for t in builtin_lexicon().timing.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Take it 15 minutes before bed.", ("15 minutes before bed", "bed", "before", 15, 15, "exact")),
        ("two hours before bedtime", ("two hours before bedtime", "bed", "before", 120, 120, "exact")),
        ("at least 4 hours before bedtime", ("at least 4 hours before bedtime", "bed", "before", 240, 240, "min")),
        ("one to two hours before bed", ("one to two hours before bed", "bed", "before", 60, 120, "exact")),
        ("30 to 60 minutes before sleep", ("30 to 60 minutes before sleep", "bed", "before", 30, 60, "exact")),
        ("half an hour before lights out", ("half an hour before lights out", "bed", "before", 30, 30, "exact")),
        ("an hour or two before turning in", ("an hour or two before turning in", "bed", "before", 60, 120, "exact")),
        ("an hour and a half before bed", ("an hour and a half before bed", "bed", "before", 90, 90, "exact")),
        ("take it at bedtime", ("at bedtime", "bed", "before", 0, 15, "exact")),
        ("close to bedtime", ("close to bedtime", "bed", "before", 0, 60, "exact")),
        ("right before bed", ("right before bed", "bed", "before", 0, 15, "exact")),
        ("30 minutes after dinner", ("30 minutes after dinner", "dinner", "after", 30, 30, "exact")),
        ("an hour before your workout", ("an hour before your workout", "workout", "before", 60, 60, "exact")),
        ("every 6 hours", ("every 6 hours", "interval", "", 360, 360, "exact")),
        ("for up to 2 weeks", ("for up to 2 weeks", "course", "", 20160, 20160, "max")),
        ("no longer than 4 weeks", ("no longer than 4 weeks", "course", "", 40320, 40320, "max")),
        ("a full hour before lights out", ("a full hour before lights out", "bed", "before", 60, 60, "exact")),
        ("30 to 60 minutes before your planned bedtime",
         ("30 to 60 minutes before your planned bedtime", "bed", "before", 30, 60, "exact")),
        ("two hours before the time you want to fall asleep",
         ("two hours before the time you want to fall asleep", "bed", "before", 120, 120, "exact")),
        ("an hour before you plan to go to sleep", ("an hour before you plan to go to sleep", "bed", "before", 60, 60, "exact")),
        ("half an hour before I turn the light off", ("half an hour before I turn the light off", "bed", "before", 30, 30, "exact")),
        ("take it right as you climb into bed", ("right as you climb into bed", "bed", "before", 0, 15, "exact")),
        ("right after training", ("right after training", "workout", "after", 0, 30, "exact")),
        ("straight after your rehab session", ("straight after your rehab session", "workout", "after", 0, 30, "exact")),
        ("in your post-workout shake", ("post-workout", "workout", "after", 0, 30, "exact")),
        ("10 minutes before your first set", ("10 minutes before your first set", "workout", "before", 10, 10, "exact")),
    ],
)
def test_timing(text: str, expected: tuple[str, str, str, float, float, str]) -> None:
    assert _timings(text) == [expected]


@pytest.mark.parametrize(
    "text",
    ["Sore muscles peak within 48 hours of a hard workout.", "Most adults need 7 hours of sleep.",
     "The trial lasted 8 weeks.", "Take it before bed."],
)
def test_durations_that_are_not_timing(text: str) -> None:
    assert _timings(text) == []


@pytest.mark.parametrize(
    ("text", "clause"),
    [("right as you lie down", True), ("the moment your head hits the pillow", True), ("at bedtime", False),
     ("as you get into bed", False)],
)
def test_bedtime_said_as_a_clause_is_marked(text: str, clause: bool) -> None:
    # a clause also tells when things happen ("my mind races as I lie down"): the extractor asks
    # for an amount or an intake word before treating it as advice
    found = list(builtin_lexicon().timing.find(text))
    assert [(text[t.start : t.end], t.clause) for t in found] == [(text, clause)]


def test_when_your_sleep_is_not_bedtime() -> None:
    assert _timings("Take it when your sleep is broken, or as you sleep.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Each gummy contains 25 mg of CBD.", [("25 mg", "label", 25.0)]),
        ("Each chew of CBD has 20 mg.", [("20 mg", "label", 20.0)]),
        ("At 50 mg per gummy, this CBD is strong.", [("50 mg", "label", 50.0)]),
        ("Stores sell 3 mg tablets of melatonin.", [("3 mg", "label", 3.0)]),
        ("Take one 25 mg gummy of CBD.", [("25 mg", "advice", 25.0)]),
        ("That is six 500 mg capsules of glycine.", [("500 mg", "advice", 3000.0)]),
        ("The RDA of magnesium is 400 mg a day.", [("400 mg", "reference", 400.0)]),
        # what the limit is for may sit between it and its amount
        ("The upper limit for magnesium from supplements is 350 mg a day.", [("350 mg", "reference", 350.0)]),
        ("Start with 50 mg of 5-HTP and increase to 100 mg.", [("50 mg", "advice", 50.0), ("100 mg", "step", 100.0)]),
        ("Take 300 mg of magnesium.", [("300 mg", "advice", 300.0)]),
    ],
)
def test_statement_roles(text: str, expected: list[tuple[str, str, float]]) -> None:
    from linter.language.attribution import statements
    from linter.sources import parse_text
    from tests.test_dosing import KNOWLEDGE

    doc = parse_text(text, "draft.md", "markdown")
    assert [(doc.text[s.start : s.end], s.role, s.measure.high) for s in statements(doc, KNOWLEDGE).doses] == expected


@pytest.mark.parametrize(
    ("text", "daily_total", "times"),
    [("A typical daily amount is 120 mg of kava.", True, None), ("Two doses of 0.1 g of magnesium each.", False, 2.0),
     ("It all adds up to the same 200 mg of magnesium.", True, None), ("Take 200 mg of magnesium.", False, None),
     # a word with a digit may sit between the amount and its frequency
     ("Take 1,000 IU of vitamin D3 every day.", True, None), ("I take 50,000 IU of vitamin D every single day.", True, None)],
)
def test_basis_named_before_the_amount(text: str, daily_total: bool, times: float | None) -> None:
    from linter.language.attribution import statements
    from linter.sources import parse_text
    from tests.test_dosing import KNOWLEDGE

    doc = parse_text(text, "draft.md", "markdown")
    basis = statements(doc, KNOWLEDGE).doses[0].basis
    assert (basis.daily_total, basis.times) == (daily_total, times)
