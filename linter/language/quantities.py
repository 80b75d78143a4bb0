"""Dose quantities in prose: a number or range with a dose unit, its bound, normalised to a base unit.

"300 mg", "0.5 g", "between 2 and 4 grams", "1 or 2 capsules", "up to 5 mg", "about 200 mg",
"2.5 mg/kg". A number without a dose unit is never a dose, which is what keeps years, ages,
percentages, study sizes, prices and citations out.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator, NamedTuple

import regex

from linter.language.numbers import ARTICLE, NUMBER, parse_number
from linter.language.units import DOSE_TRIGGER, DOSE_UNIT, Unit, dose_unit
from linter.patterns import compile_pattern

# Bound words before a number. "Threshold" words ("over 10 mg", "less than 1 mg") usually describe
# what happens at some dose rather than recommend one, so they never count as advice.
_MAX = r"up\s+to|no\s+more\s+than|not\s+more\s+than|a\s+maximum\s+of|maximum\s+of|max(?:imum)?\.?|at\s+most|no\s+higher\s+than|not\s+to\s+exceed|exceed(?:ing)?|never\s+more\s+than"
_MIN = r"at\s+least|a\s+minimum\s+of|minimum\s+of|no\s+less\s+than|not\s+less\s+than|no\s+fewer\s+than"
_THRESHOLD = r"over|more\s+than|above|in\s+excess\s+of|greater\s+than|higher\s+than|under|less\s+than|below|fewer\s+than|lower\s+than"
_APPROX = r"about|around|roughly|approximately|approx\.?|nearly|almost|some|~"
BOUND = rf"(?:between|from|{_MAX}|{_MIN}|{_THRESHOLD}|{_APPROX})"
"""Regex source for a bound or approximation word before a quantity; no capture groups."""

_SEP = r"\s*(?:-|–|—|to|or|and|through)\s*"
# Through the pattern store: the standard library would parse this long pattern again in every
# process, a tenth of a pre-commit run's start-up.
_PATTERN = compile_pattern(
    rf"(?<![\w.,/$£€-])(?:(?P<prefix>{BOUND})\s*)?"
    rf"(?:(?P<n1>{NUMBER})\s*(?P<u1>{DOSE_UNIT})?(?:{_SEP}(?P<n2>{NUMBER}))?|(?P<article>{ARTICLE})(?=\s))"
    rf"\s*(?:of\s+)?(?P<unit>{DOSE_UNIT})",
    regex.IGNORECASE,
)
# Lab values ("100 mg/dL") and concentrations are measurements, not doses.
_CONCENTRATION = re.compile(r"\s*(?:/|per)\s*(?:dl|l|ml|deciliter|litre|liter)\b", re.IGNORECASE)
_NEGATION = re.compile(r"(?:\b(?:no|not|never|don't|do not|shouldn't|should not|avoid)\b|n't)[^.,;:]{0,20}$", re.IGNORECASE)
_APPROX_RE = re.compile(rf"^(?:{_APPROX})$", re.IGNORECASE)
_MAX_RE = re.compile(rf"^(?:{_MAX})$", re.IGNORECASE)
_MIN_RE = re.compile(rf"^(?:{_MIN})$", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
# "1.6 g of protein per kg of body weight": the rate is per kg though the substance comes first.
_PER_KG_AFTER = re.compile(r"\s+of\s+[\w-]+(?:\s+[\w-]+)?\s+(?:per|a|/)\s+(?:kg|kilos?|kilograms?)\b", re.IGNORECASE)
# A count above these is a pack size ("a bottle of 60 capsules"), not a serving.
_MAX_COUNT: dict[str, float] = {"capsule": 12, "tablet": 12, "gummy": 12, "scoop": 6, "drop": 100}
APPROX_TOLERANCE = 0.1
# A unit's word in the plural ("grams", "capsules"), not an abbreviation ("tbs") or "glass".
_PLURAL_UNIT = re.compile(r"[a-z]{3,}(?<!s)s", re.IGNORECASE)


class Quantity(NamedTuple):
    """An amount in base units (mg, mL, IU, capsule ...); `bound` is exact|approx|max|min|threshold."""

    low: float
    high: float
    unit: str
    dimension: str
    bound: str
    start: int
    end: int

    def interval(self) -> tuple[float, float]:
        """The values this quantity allows: approximations widened, bounds open-ended."""
        return bounded_interval(self.low, self.high, self.bound)


def bounded_interval(low: float, high: float, bound: str) -> tuple[float, float]:
    """The values a stated amount allows: "about" widens it, "up to"/"at least" open one side."""
    if bound == "approx":
        return low * (1 - APPROX_TOLERANCE), high * (1 + APPROX_TOLERANCE)
    if bound == "max":
        return 0.0, high
    if bound == "min":
        return low, float("inf")
    return low, high


def classify_bound(prefix: str | None, before: str) -> str:
    """The bound a prefix word sets; a negated threshold ("do not take more than") is a maximum."""
    if not prefix or prefix.lower() in ("between", "from"):
        return "exact"
    word = _SPACES.sub(" ", prefix.lower())
    if _APPROX_RE.match(word):
        return "approx"
    if _MIN_RE.match(word):
        return "min"
    if word.startswith("exceed") or not _MAX_RE.match(word):
        negated = _NEGATION.search(before) is not None
        if negated and word in ("more than", "over", "above", "in excess of", "greater than", "higher than", "exceed", "exceeding"):
            return "max"
        return "max" if word == "not to exceed" else "threshold"
    return "max"


_WORD_REACH = 40


def windows(prose: str, triggers: Iterable[re.Match[str]], before: int, after: int) -> Iterator[tuple[int, int]]:
    """Merged [start, end) ranges around trigger matches: the only places a slow pattern must look."""
    current: tuple[int, int] | None = None
    for m in triggers:
        low, high = max(0, m.start() - before), min(len(prose), m.end() + after)
        # end at a word's end (within reason): a cut word passes for a unit ("on ag|e" reads "a g")
        limit = min(len(prose), high + _WORD_REACH)
        while high < limit and (prose[high].isalnum() or prose[high] == "_"):
            high += 1
        if current is not None and low <= current[1]:
            current = (current[0], max(current[1], high))
            continue
        if current is not None:
            yield current
        current = (low, high)
    if current is not None:
        yield current


_REACH = 90  # the longest quantity phrase before its unit: "between one hundred and twenty and"


def find_quantities(prose: str) -> Iterator[Quantity]:
    """Every dose quantity in `prose`, in order (the pattern runs only near dose units)."""
    for start, stop in windows(prose, DOSE_TRIGGER.finditer(prose), _REACH, 40):
        for m in _PATTERN.finditer(prose, start, stop):
            quantity = _quantity(prose, m, start)
            if quantity is not None:
                yield quantity


def _quantity(prose: str, m: re.Match[str], floor: int) -> Quantity | None:
    if _CONCENTRATION.match(prose, m.end()):
        return None
    unit = dose_unit(m.group("unit"))
    if unit is None:
        return None
    if m.group("article") is not None:
        if _PLURAL_UNIT.fullmatch(m.group("unit")):
            return None  # "a grams person", "one capsules": no amount is written in the plural after "a"
        first = parse_number(m.group("article"))
        second = None
    else:
        first = parse_number(m.group("n1"))
        second = parse_number(m.group("n2")) if m.group("n2") else None
    if first is None or (m.group("n2") and second is None):
        return None
    low_unit = dose_unit(m.group("u1")) if m.group("u1") else unit
    if low_unit is None:
        return None
    if low_unit.dimension != unit.dimension:  # "2 mg or 3 capsules": two quantities, keep the first
        unit, second, end = low_unit, None, m.end("u1")
    else:
        end = m.end()
        if not unit.dimension.endswith("/kg") and _PER_KG_AFTER.match(prose, end):
            unit = Unit(unit.name + "/kg", unit.dimension + "/kg", unit.factor)
    low = first * low_unit.factor
    high = second * unit.factor if second is not None else low
    low, high = min(low, high), max(low, high)
    if high <= 0 or high > _MAX_COUNT.get(unit.dimension, float("inf")):
        return None
    prefix = m.group("prefix")
    bound = classify_bound(prefix, prose[max(floor, m.start() - 40) : m.start()])
    if bound == "min":
        high = low
    return Quantity(low, high, unit.name, unit.dimension, bound, m.start(), end)
