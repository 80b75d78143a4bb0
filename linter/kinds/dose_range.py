"""The `dose-range` kind: a dose compared with the knowledge base's reference ranges.

What it does: for every dose statement whose substance has reference doses in a comparable unit
(mass with mass, mL with mL, mg/kg with mg/kg), `check: unit` flags a dose `unit_factor` times or
more away from every reference range (a slipped unit: "500 g of magnesium"), and `check: outside`
flags an advised dose outside the reference ranges for its basis, purpose and form, naming the
source. Ranges with min 0 are upper limits that apply whatever the purpose; a dose for a use no
range is listed for is held to the other uses' ranges. A substance outside the knowledge base gets
the unit check against the usual amounts in the dosing lexicon, and with `usual` the outside check
too, for a daily amount named with it; one with no range by weight is held to what a serving can
weigh (`serving_ceiling`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator, Mapping, NamedTuple

from linter.document import Document
from linter.errors import RuleError
from linter.finding import Finding
from linter.kinds.base import Kind, RuleMeta, make_finding
from linter.knowledge import DoseRange, Knowledge
from linter.language.attribution import PRICE, Lexicon, Statement, builtin_lexicon, statements
from linter.language.lexicon import last_match
from linter.language.quantities import Quantity
from linter.language.units import DOSE_TRIGGER, Unit, dose_unit
from linter.patterns import compile_pattern
from linter.schema import Field

FIELDS: dict[str, Field] = {
    "check": Field(str, required=True, choices=("outside", "unit"), help="out of range, or off by orders of magnitude"),
    "unit_factor": Field(float, default=100.0, help="this many times off every reference range means a wrong unit"),
    "margin": Field(float, default=1.0, help="`outside`: flag only doses this many times above or below every matching range"),
    "below": Field(bool, default=False, help="`outside`: flag doses below every matching range too, not only above"),
    "serving_ceiling": Field(float, default=0.0, help="`unit`: grams no serving of a supplement reaches, for a "
                             "substance with no reference range by weight (0: off)"),
    "usual": Field(bool, default=False, help="`outside`: check a substance outside the knowledge base against the dosing "
                   "lexicon's usual amounts, where it is named at the amount and the amount's frequency is said"),
    "salt_forms": Field(list, default=[], items=str, help="`outside`: dosing-lexicon forms whose weight is not the "
                        "mineral's (citrate, glycinate): such amounts are not held to a usual range"),
}
# "go up to 40 mg" advises the amount; "no more than 350 mg" only caps it
_RAISED_TO = compile_pattern(r"(?:up|all the way) to\b|as (?:much|high) as\b", re.IGNORECASE)
# a sentence that prices what it weighs (attribution's PRICE) or names it as sold lists sizes, not servings
_SOLD = compile_pattern(r"\b(?:price|pack|donation)\b", re.IGNORECASE)
_EPS = 1e-6
_MG_PER_G = 1000.0
# How near the dose a substance must be named for a microgram amount to be read as its own.
_NAMED_WITHIN = 30


class Reference(NamedTuple):
    """A knowledge-base dose range in base units, with the labels it applies to."""

    low: float
    high: float
    unit: str
    dimension: str
    per_day: bool
    purpose: str | None
    form: str | None
    source: str


def reference(dose: DoseRange, lexicon: Lexicon) -> Reference | None:
    """A DoseRange normalised like the draft's doses; None if its unit is not a dose unit."""
    per_kg = dose.per in ("kg", "kg/day")
    unit = dose_unit(dose.unit + ("/kg" if per_kg and "/kg" not in dose.unit else ""))
    if unit is None:
        return None
    purpose = lexicon.purpose_of(dose.purpose) if dose.purpose else None
    form = lexicon.form_of(dose.form) if dose.form else None
    return Reference(dose.min * unit.factor, dose.max * unit.factor, unit.name, unit.dimension,
                     dose.per in ("day", "kg/day"), purpose, form, dose.source)


def references(name: str, knowledge: Knowledge, lexicon: Lexicon, usual: bool = True) -> list[Reference]:
    """A substance's reference ranges: the knowledge base's, else (with `usual`) the dosing
    lexicon's usual amounts of a substance outside it."""
    substance = knowledge.substances.get(name)
    doses = substance.doses if substance is not None else lexicon.usual(name) if usual else ()
    return [r for r in (reference(d, lexicon) for d in doses) if r is not None]


def times_off(statement: Statement, refs: list[Reference]) -> float:
    """How many times a dose is away from the nearest reference range of its dimension, per
    serving or per day (1 inside one; 1 when no range applies)."""
    q = statement.measure
    values = [(q.low, q.high)]
    if statement.basis.times and not statement.basis.daily_total:
        values.append((q.low * statement.basis.times, q.high * statement.basis.times))
    ratios = [_ratio(v, r) for r in refs if r.dimension == q.dimension and r.high > 0 for v in values]
    return min(ratios, default=1.0)


def _ratio(values: tuple[float, float], ref: Reference) -> float:
    """How many times the dose is above or below the range (1 inside it)."""
    low, high = values
    if high > 0 and high < ref.low:
        return ref.low / high
    if ref.high > 0 and low > ref.high:
        return low / ref.high
    return 1.0


@dataclass(frozen=True)
class DoseRangeCheck:
    """A compiled `dose-range` rule."""

    meta: RuleMeta
    knowledge: Knowledge
    lexicon: Lexicon
    check_name: str
    unit_factor: float
    margin: float = 1.0
    below: bool = False
    usual: bool = False
    serving_ceiling: float = 0.0
    salt_forms: frozenset[str] = frozenset()

    def check(self, doc: Document) -> Iterator[Finding]:
        """Yield a finding per dose that is implausible or outside the reference ranges."""
        for statement in statements(doc, self.knowledge, self.lexicon).doses:
            assert isinstance(statement.measure, Quantity)
            q = statement.measure
            refs = [r for r in self._references(statement) if r.dimension == q.dimension]
            if not refs:
                ceiling = self._ceiling(doc, statement)
                if ceiling is not None:
                    yield self._unit_finding(doc, statement, ceiling, q.low / (ceiling.high * _MG_PER_G))
                continue
            nearest = min(refs, key=lambda r: _ratio((q.low, q.high), r))
            ratio = _ratio((q.low, q.high), nearest)
            if self.check_name == "unit":
                if ratio >= self.unit_factor and statement.role not in ("pack", "conversion") and not _another_nutrient(doc, statement, nearest):
                    yield self._unit_finding(doc, statement, nearest, ratio)
            elif (ratio < self.unit_factor and not (statement.study or statement.rejected) and statement.role in ("advice", "step")
                  and (q.bound in ("exact", "approx") or (q.bound == "max" and _RAISED_TO.match(doc.prose, q.start)))):
                outside = self._outside(statement, refs)
                if outside is not None:
                    yield self._range_finding(doc, statement, outside)

    def _ceiling(self, doc: Document, statement: Statement) -> Reference | None:
        """For the unit check, the serving ceiling a weighed amount of a substance with no
        reference range by weight reaches ("480 g of tart cherry powder" in a capsule), if any."""
        q = statement.measure
        if (self.check_name != "unit" or not self.serving_ceiling or q.dimension != "mass" or statement.role == "pack"
                or statement.study or q.low < self.serving_ceiling * _MG_PER_G * (1 - _EPS)):
            return None
        sentence = doc.sentence_at(q.start)
        if sentence is not None and (PRICE.search(doc.prose, sentence.start, sentence.end) is not None
                                     or _SOLD.search(doc.prose, sentence.start, sentence.end) is not None):
            return None  # a price list's sizes ("100 g $17 · 250 g $36") are what is sold
        return Reference(0.0, self.serving_ceiling, "g", "mass", False, None, None, "what a serving of a supplement can weigh")

    def _references(self, statement: Statement) -> list[Reference]:
        """The knowledge base's ranges for a statement's substance; else the dosing lexicon's usual
        amounts of a substance outside it, for the unit check, and with `usual` for an advised
        daily amount named with the substance (a usual range is wide, written to catch a slipped
        unit, so only an amount said to be the substance's, with its frequency, is held to it)."""
        usual = self.check_name == "unit" or (
            self.usual and statement.named and statement.form not in self.salt_forms
            and (statement.basis.daily_total or statement.basis.times is not None))
        refs = references(statement.substance, self.knowledge, self.lexicon, usual=usual)
        if self.check_name == "outside" and statement.substance not in self.knowledge.substances:
            # a usual range spans a day's total, so a daily amount is what it is compared with
            return [r._replace(per_day=True) for r in refs]
        return refs

    def _outside(self, statement: Statement, refs: list[Reference]) -> Reference | None:
        """The reference range the advised dose breaks, or None if it fits one."""
        q = statement.measure
        basis = statement.basis
        by_basis: dict[bool, tuple[float, float] | None] = {
            False: None if basis.daily_total else (q.low, q.high),
            # an amount of unknown frequency is read as once a day too: at least a day's total
            True: (q.low * basis.times, q.high * basis.times) if basis.times else (q.low, q.high),
        }
        typical: list[tuple[Reference, tuple[float, float]]] = []
        other_uses: list[tuple[Reference, tuple[float, float]]] = []
        for ref in refs:
            values = by_basis[ref.per_day]
            if values is None or not _matches(statement.form, ref.form):
                continue
            if (ref.low and ref.form is not None and ref.purpose is not None
                    and statement.form != ref.form and statement.purpose != ref.purpose):
                # a range narrowed to one form for one use (slow-release melatonin under a
                # specialist) is no yardstick for a dose that names neither
                continue
            if ref.low == 0:
                if values[0] >= ref.high * self.margin * (1 - _EPS) and values[0] > ref.high * (1 + _EPS):
                    return ref  # above an upper limit, whatever the purpose
                continue
            (typical if _matches(statement.purpose, ref.purpose) else other_uses).append((ref, values))
        if not typical and statement.named:
            # a use no range is listed for ("20 mg of melatonin for exam nerves") is held to the
            # ranges of the other uses, when the substance is named at the amount
            typical = other_uses
        if not typical or any(_ratio(v, ref) < max(self.margin, 1.0 + _EPS) * (1 - _EPS) for ref, v in typical):
            return None  # inside a matching range, or not `margin` times away from one
        nearest, values = min(typical, key=lambda item: _ratio(item[1], item[0]))
        if values[1] < nearest.low and (not self.below or statement.role == "step" or statement.population is not None):
            # too little wastes money but harms no one, and a taper's step or a child's dose below
            # the adults' range is by design; editors flag the doses that exceed a range
            return None
        return nearest

    def _unit_finding(self, doc: Document, statement: Statement, ref: Reference, ratio: float) -> Finding:
        q = statement.measure
        direction = "more" if q.low > ref.high else "less"
        values = {"substance": statement.substance, "range": _describe(ref), "source": ref.source,
                  "ratio": f"{ratio:,.0f}", "direction": direction}
        return make_finding(self.meta, doc, q.start, q.end, values, data=_data(statement, ref, ratio=ratio))

    def _range_finding(self, doc: Document, statement: Statement, ref: Reference) -> Finding:
        q = statement.measure
        values = {"substance": statement.substance, "range": _describe(ref), "source": ref.source,
                  "purpose": f" for {ref.purpose}" if ref.purpose else ""}
        return make_finding(self.meta, doc, q.start, q.end, values, data=_data(statement, ref))


def _another_nutrient(doc: Document, statement: Statement, ref: Reference) -> bool:
    """Whether a microgram amount far below a substance's range is another nutrient's: a vitamin
    or trace mineral of the same label, table or sentence ("1,000 IU works out at 25 micrograms"
    beside calcium), unless the substance is named right at it ("300 mcg of magnesium"). Too
    little of a substance harms no one; too much, the other way, is always flagged."""
    q = statement.measure
    if q.high >= ref.low or not _in_micrograms(_written_unit(doc, q)):
        return False
    around = doc.prose[max(0, q.start - _NAMED_WITHIN):q.end + _NAMED_WITHIN].lower()
    return statement.substance.lower() not in around


def _written_unit(doc: Document, q: Quantity) -> Unit | None:
    """The unit a quantity is written in: its last one ("between 50 and 100 micrograms")."""
    last = last_match(DOSE_TRIGGER, doc.prose, q.start, q.end)
    return None if last is None else dose_unit(last.group())


def _in_micrograms(unit: Unit | None) -> bool:
    """Micrograms: the unit of vitamins, trace minerals and hormones, not of substances dosed in mg."""
    return unit is not None and unit.dimension == "mass" and unit.factor < 1


def _matches(label: str | None, ref_label: str | None) -> bool:
    return label is None or ref_label is None or label == ref_label


def _describe(ref: Reference) -> str:
    span = f"up to {ref.high:g}" if ref.low == 0 else f"{ref.low:g}" if ref.low == ref.high else f"{ref.low:g}-{ref.high:g}"
    return f"{span} {ref.unit}" + ("/day" if ref.per_day else "")


def _data(statement: Statement, ref: Reference, **extra: Any) -> dict[str, Any]:
    q = statement.measure
    return {"substance": statement.substance, "purpose": statement.purpose, "unit": ref.unit, "value": [q.low, q.high],
            "reference": [ref.low, ref.high], "per_day": ref.per_day, "source": ref.source, **extra}


def build(meta: RuleMeta, data: Mapping[str, Any], knowledge: Knowledge) -> DoseRangeCheck:
    """Compile a dose-range rule."""
    lexicon = builtin_lexicon()
    known_forms = {label for label, _pattern in lexicon.forms}
    unknown = sorted(set(data["salt_forms"]) - known_forms)
    if unknown:
        raise RuleError(f"salt_forms names {', '.join(unknown)}, not forms of the dosing lexicon", meta.source)
    return DoseRangeCheck(meta, knowledge, lexicon, data["check"], float(data["unit_factor"]), float(data["margin"]),
                         bool(data["below"]), bool(data["usual"]), float(data["serving_ceiling"]),
                         frozenset(data["salt_forms"]))


KIND = Kind("dose-range", FIELDS, build, "compare doses with the substance knowledge base's reference ranges")
