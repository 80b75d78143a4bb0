"""Units of dose and time, normalised to one base per dimension, and the per-serving / per-day basis.

Mass normalises to mg, volume to mL, time to minutes; IU, mg/kg and the countable forms
(capsules, tablets, drops, scoops) are their own dimensions, so they only compare with themselves.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import regex

from linter.patterns import compile_pattern


class Unit(NamedTuple):
    """A unit: what it measures and the factor that converts it to the base of that dimension."""

    name: str  # the base unit name used in messages ("mg", "mL", "capsule")
    dimension: str
    factor: float


def _unit(base: str, dimension: str, factor: float, *surfaces: str) -> dict[str, Unit]:
    return {surface: Unit(base, dimension, factor) for surface in surfaces}


# Surface forms, compared lower-case; "µg"/"μg" are two different code points for micro.
_DOSE_UNITS: dict[str, Unit] = {
    **_unit("mg", "mass", 0.001, "mcg", "µg", "μg", "ug", "microgram", "micrograms", "microgramme", "microgrammes"),
    **_unit("mg", "mass", 1.0, "mg", "mgs", "milligram", "milligrams", "milligramme", "milligrammes"),
    **_unit("mg", "mass", 1000.0, "g", "gm", "gms", "gram", "grams", "gramme", "grammes"),
    **_unit("mg", "mass", 1_000_000.0, "kg", "kilogram", "kilograms"),
    **_unit("IU", "iu", 1.0, "iu", "ius", "international units", "international unit"),
    **_unit("mL", "volume", 1.0, "ml", "mls", "milliliter", "milliliters", "millilitre", "millilitres", "cc"),
    **_unit("mL", "volume", 5.0, "teaspoon", "teaspoons", "tsp", "tsps", "teaspoonful", "teaspoonfuls"),
    **_unit("mL", "volume", 15.0, "tablespoon", "tablespoons", "tbsp", "tbsps", "tablespoonful", "tablespoonfuls"),
    **_unit("mL", "volume", 240.0, "cup", "cups"),
    **_unit("mL", "volume", 30.0, "ounce", "ounces", "oz", "fl oz", "fluid ounce", "fluid ounces"),
    **_unit("drop", "drop", 1.0, "drop", "drops", "dropperful", "dropperfuls"),
    **_unit("capsule", "capsule", 1.0, "capsule", "capsules", "cap", "caps", "softgel", "softgels", "gelcap", "gelcaps"),
    **_unit("tablet", "tablet", 1.0, "tablet", "tablets", "tab", "tabs", "pill", "pills", "caplet", "caplets"),
    **_unit("gummy", "gummy", 1.0, "gummy", "gummies"),
    **_unit("scoop", "scoop", 1.0, "scoop", "scoops"),
}
_PER_KG = r"(?:\s*/\s*kg|\s+(?:per|a|/)\s+(?:kg|kilogram)(?:\s+of\s+body\s*weight)?)"

_TIME_UNITS: dict[str, Unit] = {
    **_unit("min", "time", 1.0, "minute", "minutes", "min", "mins"),
    **_unit("min", "time", 60.0, "hour", "hours", "hr", "hrs", "h"),
    **_unit("min", "time", 1440.0, "day", "days"),
    **_unit("min", "time", 10080.0, "week", "weeks", "wk", "wks"),
    **_unit("min", "time", 43200.0, "month", "months"),
}


def _alternation(surfaces: list[str]) -> str:
    return "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in sorted(surfaces, key=len, reverse=True))


DOSE_UNIT = rf"(?:{_alternation(list(_DOSE_UNITS))})(?:{_PER_KG})?(?![\w])"
"""Regex source for a dose unit, optionally per kg of body weight; no capture groups."""

TIME_UNIT = rf"(?:{_alternation(list(_TIME_UNITS))})(?![\w])"
"""Regex source for a unit of time; no capture groups."""

def _trigger(surfaces: list[str]) -> regex.Pattern[str]:
    # The leading character class lets the engine skip most positions before trying the alternation.
    initials = re.escape("".join(sorted({c for s in surfaces for c in (s[0].lower(), s[0].upper())})))
    return compile_pattern(rf"(?=[{initials}])(?<![^\W\d_])(?:{_alternation(surfaces)})(?![\w])", re.IGNORECASE)


DOSE_TRIGGER = _trigger(list(_DOSE_UNITS))
"""Finds where a dose unit sits, so the costlier quantity pattern only runs near one."""

TIME_TRIGGER = _trigger(list(_TIME_UNITS))
"""Finds where a unit of time sits, so the costlier timing pattern only runs near one."""

_PER_KG_RE = compile_pattern(_PER_KG + "$", re.IGNORECASE)
_SPACES = compile_pattern(r"\s+")


def dose_unit(text: str) -> Unit | None:
    """The Unit of a phrase matched by DOSE_UNIT ("mg", "grams", "mg/kg"), or None."""
    per_kg = _PER_KG_RE.search(text)
    surface = text[: per_kg.start()] if per_kg else text
    unit = _DOSE_UNITS.get(_SPACES.sub(" ", surface.strip().lower()))
    if unit is None or per_kg is None:
        return unit
    return Unit(unit.name + "/kg", unit.dimension + "/kg", unit.factor)


def time_unit(text: str) -> Unit | None:
    """The Unit of a phrase matched by TIME_UNIT ("hours", "min"), or None."""
    return _TIME_UNITS.get(_SPACES.sub(" ", text.strip().lower()))


class Basis(NamedTuple):
    """How often an amount is taken: a daily total, or a serving taken `times` a day (None: unknown)."""

    daily_total: bool
    times: float | None


_TIMES: dict[str, float] = {"once": 1, "twice": 2, "thrice": 3, "one": 1, "two": 2, "three": 3, "four": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# A serving taken once a night, or every morning or evening, is also that day's total, which lets
# "nightly" compare with "a day".
_ONCE_A_DAY = r"nightly|(?:every|each)\s+(?:single\s+)?(?:night|morning|evening)|at\s+night|per\s+night|a\s+night|before\s+bed(?:time)?|at\s+bedtime"
_DAILY = r"a\s+day|per\s+day|/\s*day|each\s+day|every\s+(?:single\s+)?day|daily|per\s+24\s+hours|in\s+24\s+hours|total"
FREQUENCY = (
    rf"(?:(?:once|twice|thrice|(?:one|two|three|four|[1-4])\s*(?:times|x))\s*(?:a|per|/|each)?\s*(?:day|daily)"
    rf"|{_ONCE_A_DAY}|{_DAILY})(?![\w])"
)
"""Regex source for a frequency or basis phrase after an amount; no capture groups."""

_COUNTED = compile_pattern(r"^(once|twice|thrice|one|two|three|four|[1-4])\s*(?:times|x)?", re.IGNORECASE)
_ONCE_DAILY = compile_pattern(_ONCE_A_DAY, re.IGNORECASE)


def parse_basis(text: str | None) -> Basis:
    """The Basis named by a FREQUENCY phrase; no phrase means one serving of unknown frequency."""
    if not text:
        return Basis(False, None)
    counted = _COUNTED.match(text.strip())
    if counted is not None:
        return Basis(False, _TIMES[counted.group(1).lower()])
    if _ONCE_DAILY.fullmatch(text.strip()):
        return Basis(False, 1.0)
    return Basis(True, None)
