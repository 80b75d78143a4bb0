"""The `consistency` kind: the same substance dosed or timed two incompatible ways.

What it does: reduces every dose (or timing) statement of a draft to a Claim — substance, topic
(unit dimension, or anchor and direction), purpose, form, normalised range per serving and per
day — and compares each one with the earlier claims on the same topic. Non-overlapping ranges
are contradictions; overlapping ranges where neither contains the other ("200-400 mg" vs
"300-600 mg") get `partial_severity`. With cross-file mode the same comparison runs over the
claims of every draft (only the claims are kept, never the documents).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator, Mapping, NamedTuple, Sequence

from linter.document import Document
from linter.finding import Finding, Related, Span
from linter.kinds.base import Kind, RuleMeta, render
from linter.kinds.dose_range import Reference, references, times_off
from linter.knowledge import Knowledge
from linter.language.attribution import Lexicon, Statement, builtin_lexicon, same_people, statements
from linter.language.quantities import Quantity
from linter.schema import Field

FIELDS: dict[str, Field] = {
    "measure": Field(str, required=True, choices=("dose", "timing"), help="what the rule compares"),
    "partial_severity": Field(str, default=None, choices=("error", "warning", "info"),
                              help="severity when ranges overlap but differ; null: not a finding"),
    "max_related": Field(int, default=5, help="earlier statements listed per finding"),
    "max_compared": Field(int, default=50, help="distinct earlier values kept per substance and topic"),
    "stated_as": Field(str, default="stated here as {text}", help="message of each related location"),
    "misread_factor": Field(float, default=20.0,
                            help="a dose this many times away from every reference range of its substance is not compared; 0: compare all"),
}
_EPS = 1e-6
_MONTH_SLACK = 1.09  # 30 days against four weeks, either way
_INF = float("inf")


class Claim(NamedTuple):
    """One statement reduced to what comparison needs; small and picklable for the corpus pass."""

    substance: str
    topic: str  # "mass", "mL" ... for doses; the anchor ("bed", "workout", "course" ...) for timing
    purpose: str | None
    form: str | None
    unit: str
    bound: str
    serving: tuple[float, float] | None  # per serving (None: only a daily total is known)
    day: tuple[float, float] | None  # per day (None: frequency unknown)
    path: str
    span: Span
    start: int
    end: int
    text: str
    # "after" for an offset after its anchor: compared with offsets before it on one signed axis
    # ("30 minutes before the session" against "right after training")
    direction: str = ""
    population: str | None = None  # who the statement is for; None: the general reader
    starting: str = ""  # "raised": a titration's first step; "named": a starting amount; "": neither
    sentence: int = -1  # index of the sentence the statement is in


# Two advised amounts this many times apart are read as two things, not one dose said twice; on the
# held-out drafts, 13 such pairs were false contradictions for one true one.
_TWO_THINGS = 40.0


def claim_of(statement: Statement, doc: Document) -> Claim:
    """The Claim a statement makes, with its location in `doc`."""
    m = statement.measure
    raw = (m.low, m.high)
    if isinstance(m, Quantity):
        topic, unit = m.dimension, m.unit
        basis = statement.basis
        serving = None if basis.daily_total else raw
        day = raw if basis.daily_total else (m.low * basis.times, m.high * basis.times) if basis.times else None
        direction = ""
    else:
        topic, direction = m.anchor, m.direction
        unit, serving, day = "min", raw, None
    sentence = doc.sentence_at(m.start)
    return Claim(statement.substance, topic, statement.purpose, statement.form, unit, m.bound, serving, day,
                 doc.path, doc.span(m.start, m.end), m.start, m.end, doc.text[m.start : m.end], direction,
                 statement.population, statement.starting, -1 if sentence is None else sentence.index)


def _shown_topic(claim: Claim) -> str:
    """The topic as a reader says it: "before bed", "after workout", "course"."""
    return f"{claim.direction} {claim.topic}".strip()


def _signed(direction: str, window: tuple[float, float]) -> tuple[float, float]:
    """A window of minutes before the anchor; one after it becomes negative minutes before it."""
    return (-window[1], -window[0]) if direction == "after" else window


def _window(bound: str, values: tuple[float, float], approx: bool) -> tuple[float, float]:
    low, high = values
    if bound == "approx" and approx:
        return low * 0.9, high * 1.1
    if bound == "max":
        return 0.0, high
    if bound == "min":
        return low, _INF
    return low, high


def _shape(claim: Claim) -> tuple[Any, ...]:
    """What makes two statements distinct yardsticks: the same value under another purpose, form,
    reader, bound, serving or day is remembered apart."""
    return (claim.purpose, claim.form, claim.population, claim.bound, claim.serving, claim.day, claim.starting)


def _compatible(a: str | None, b: str | None) -> bool:
    """Labels agree when equal or when either statement names none ("no purpose named")."""
    return a == b or a is None or b is None


@dataclass(frozen=True)
class Conflict:
    """How an earlier claim conflicts with a later one."""

    earlier: Claim
    severity: str
    basis: str
    values: tuple[float, float]
    earlier_values: tuple[float, float]


@dataclass(frozen=True)
class ConsistencyCheck:
    """A compiled `consistency` rule."""

    meta: RuleMeta
    knowledge: Knowledge
    measure: str
    partial_severity: str | None
    max_related: int
    max_compared: int
    stated_as: str
    misread_factor: float
    lexicon: Lexicon  # the dosing lexicon: usual amounts of substances outside the knowledge base

    def _claims(self, doc: Document) -> list[Claim]:
        found = statements(doc, self.knowledge, self.lexicon)
        chosen = found.doses if self.measure == "dose" else found.timings
        # only advice is compared: not study doses, amounts advised against, product labels ("each
        # gummy contains 25 mg"), reference intakes (an RDA) or the steps of a titration
        refs: dict[str, list[Reference]] = {}  # per substance, built once per draft
        return [claim_of(s, doc) for s in chosen
                if not (s.study or s.rejected) and s.role == "advice" and s.measure.bound != "threshold"
                and not self._misread(s, refs)]

    def _misread(self, statement: Statement, refs: dict[str, list[Reference]]) -> bool:
        """Whether a dose is so far from every reference amount of its substance ("6 g" of
        L-theanine, "1 mg" of glycine) that it belongs to something else the sentence names: a
        scoop of the whole blend, another ingredient. Comparing it would report a contradiction
        the writer never made; a slipped unit is the `dose-range` kind's to report. `refs`
        remembers each substance's reference ranges."""
        if not self.misread_factor or self.measure != "dose":
            return False
        ranges = refs.get(statement.substance)
        if ranges is None:
            ranges = refs[statement.substance] = references(statement.substance, self.knowledge, self.lexicon)
        return times_off(statement, ranges) >= self.misread_factor

    def check(self, doc: Document) -> Iterator[Finding]:
        """Yield one finding per statement that contradicts earlier ones in the same draft."""
        yield from self._compare([self._claims(doc)])

    def collect(self, doc: Document) -> tuple[Claim, ...]:
        """The claims of one draft, for the cross-draft pass."""
        return tuple(self._claims(doc))

    def check_corpus(self, facts: list[Any]) -> Iterator[Finding]:
        """Yield findings for statements that contradict statements in earlier drafts."""
        yield from self._compare([list(f) for f in facts], across=True)

    def _compare(self, drafts: Sequence[Sequence[Claim]], across: bool = False) -> Iterator[Finding]:
        seen: dict[tuple[str, str], list[Claim]] = {}
        # a sentence that says one timing or dose twice ("Right at bedtime, as you turn the lights
        # out") contradicts the earlier advice once; a timing, once on its substance ("an hour
        # before breakfast": a time of day and an empty stomach)
        reported: set[tuple[str, str, str, int]] = set()
        for claims in drafts:
            pending: list[Claim] = []
            for claim in claims:
                key = (claim.substance, claim.topic)
                earlier = seen.setdefault(key, [])
                conflicts = [c for c in (self._conflict(e, claim) for e in earlier) if c is not None]
                apart = [c for c in conflicts if not _read_together(c.earlier, claim)]
                where = (claim.path, claim.substance, "" if self.measure == "timing" else claim.topic, claim.sentence)
                if apart and (claim.sentence < 0 or where not in reported):
                    reported.add(where)
                    yield self._finding(claim, apart)
                if conflicts:
                    continue  # a statement at odds with earlier ones is not the yardstick for later ones
                if across:
                    pending.append(claim)  # drafts are compared with other drafts only
                else:
                    self._remember(earlier, claim)
            for claim in pending:
                self._remember(seen[(claim.substance, claim.topic)], claim)

    def _remember(self, earlier: list[Claim], claim: Claim) -> None:
        """Keep one claim per distinct value, and only so many, so comparison stays linear."""
        shape = _shape(claim)
        if len(earlier) < self.max_compared and all(_shape(e) != shape for e in earlier):
            earlier.append(claim)

    def _conflict(self, a: Claim, b: Claim) -> Conflict | None:
        if not (_compatible(a.purpose, b.purpose) and (self.measure != "dose" or _compatible(a.form, b.form))):
            return None
        # a child's dose is compared only with children's doses; when to take something is
        # rarely a matter of age, so timing compares across readers
        if self.measure == "dose" and not same_people(a.population, b.population):
            return None
        caps = a.bound == b.bound and a.bound in ("max", "min")
        if caps and b.topic != "course":  # two different maxima of a dose state a limit, not a dose
            return None
        bound_a, bound_b = ("exact", "exact") if caps else (a.bound, b.bound)
        found: list[Conflict] = []
        for basis, va, vb in _readings(a, b):
            conflict = self._compare_values(a, b, basis, bound_a, va, bound_b, vb)
            if conflict is None:
                return None  # one reasonable reading agrees
            found.append(conflict)
        if not found:
            return None
        return next((c for c in found if c.severity != "error"), found[0])

    def _compare_values(self, a: Claim, b: Claim, basis: str, bound_a: str, va: tuple[float, float],
                        bound_b: str, vb: tuple[float, float]) -> Conflict | None:
        if self.measure == "dose" and _far_apart(va, vb):
            return None  # a 16 oz smoothie and half a teaspoon of its powder: two things, not two doses
        la, ha = _signed(a.direction, _window(bound_a, va, True))
        lb, hb = _signed(b.direction, _window(bound_b, vb, True))
        if a.topic == b.topic == "course":
            # a month is four weeks and a bit: "three months" and "12 weeks" are one course
            la, lb, ha, hb = la / _MONTH_SLACK, lb / _MONTH_SLACK, ha * _MONTH_SLACK, hb * _MONTH_SLACK
        if hb < _lower(la) or ha < _lower(lb):
            if (hb < la and _titrated(b, a)) or (ha < lb and _titrated(a, b)):
                return None  # "start with 1 mg, then go up" below "take 3 mg": where a course begins, not another dose
            return Conflict(a, "error", basis, vb, va)
        if a.direction != b.direction:
            return None  # one before the anchor, one after: windows that meet at it agree
        if self.partial_severity and bound_a in ("exact", "approx") and bound_b in ("exact", "approx"):
            if not (_contains(va, vb) or _contains(vb, va)):
                return Conflict(a, self.partial_severity, basis, vb, va)
        return None

    def _finding(self, claim: Claim, conflicts: list[Conflict]) -> Finding:
        severity = "error" if any(c.severity == "error" for c in conflicts) else conflicts[0].severity
        first = conflicts[0].earlier
        where = f"line {first.span.line}" if first.path == claim.path else f"{first.path}:{first.span.line}"
        values = {
            "match": claim.text,
            "substance": claim.substance,
            "earlier": f"'{first.text}' ({where})",
            "purpose": f" for {claim.purpose}" if claim.purpose else "",
            "anchor": _shown_topic(claim),
        }
        related = [
            Related(c.earlier.path, c.earlier.span, ("first " if i == 0 else "also ") + render(self.stated_as, {"text": c.earlier.text}))
            for i, c in enumerate(conflicts[: self.max_related])
        ]
        basis = conflicts[0].basis
        unit = claim.unit + ("/day" if basis == "day" and self.measure == "dose" else "")
        data: dict[str, Any] = {
            "substance": claim.substance,
            "purpose": claim.purpose,
            "form": claim.form,
            "unit": unit,
            "bound": claim.bound,
            "value": list(conflicts[0].values),
            "conflicts": [list(c.earlier_values) for c in conflicts],
        }
        if self.measure == "timing":
            data["anchor"] = _shown_topic(claim)
        return Finding(
            path=claim.path,
            rule=self.meta.id,
            category=self.meta.category,
            severity=severity,
            message=render(self.meta.message, values),
            span=claim.span,
            excerpt=claim.text,
            related=tuple(related),
            suggestion=render(self.meta.suggestion, values) if self.meta.suggestion else None,
            data=data,
            start=claim.start,
            end=claim.end,
        )


def _far_apart(va: tuple[float, float], vb: tuple[float, float]) -> bool:
    """Whether two amounts differ so much (_TWO_THINGS times) that they measure two different
    things (a drink and a spoonful of what is stirred into it, a bottle and a dose) rather than
    one dose stated twice; a slipped unit is the `dose-range` kind's to report."""
    low, high = min(va[0], vb[0]), max(va[1], vb[1])
    return low > 0 and high / low >= _TWO_THINGS and min(va[1], vb[1]) * _TWO_THINGS <= max(va[0], vb[0])


def _readings(a: Claim, b: Claim) -> list[tuple[str, tuple[float, float], tuple[float, float]]]:
    """The bases on which two claims can be compared, daily totals first.

    An amount of unknown frequency ("the same 200 mg") may be a serving or a day's total, so next
    to a claim that knows both it is read both ways. Next to a claim that gives only a day's total,
    it contradicts that total only by being more than it on its own.
    """
    readings = []
    if a.day is not None and b.day is not None:
        readings.append(("day", a.day, b.day))
    if a.serving is not None and b.serving is not None:
        readings.append(("serving", a.serving, b.serving))
        if a.day is None and b.day is not None:
            readings.append(("day", a.serving, b.day))
        elif b.day is None and a.day is not None:
            readings.append(("day", a.day, b.serving))
    elif a.day is None and a.serving is not None and b.serving is None and b.day is not None:
        if a.serving[0] > b.day[1]:  # "take 600 mg" against "300 mg a day": one serving is over the day's total
            readings.append(("day", a.serving, b.day))
    elif b.day is None and b.serving is not None and a.serving is None and a.day is not None:
        if b.serving[0] > a.day[1]:  # a smaller serving may be taken several times a day
            readings.append(("day", a.day, b.serving))
    return readings


def _read_together(a: Claim, b: Claim) -> bool:
    """Whether two statements sit in one sentence or on one line, where a reader meets them at once.

    Amounts side by side are set against each other on purpose: a conversion ("one 325 mg tablet
    gives 65 mg of iron"), a product compared with another in a table row, a label's amount next
    to the advised one, the steps of a taper. A contradiction is two places the reader meets apart.
    """
    if a.path != b.path:
        return False
    return a.span.line == b.span.line or (a.sentence == b.sentence and a.sentence >= 0)


def _titrated(low: Claim, high: Claim) -> bool:
    """Whether a lower amount is the first step of a titration towards a higher one; two
    different starting amounts ("start with 25 mg", later "begin with 10 mg") still disagree."""
    return low.starting == "raised" and not high.starting


def _lower(value: float) -> float:
    """`value` less a rounding margin, on either side of zero."""
    return value - abs(value) * _EPS


def _contains(outer: tuple[float, float], inner: tuple[float, float]) -> bool:
    return outer[0] <= inner[0] * (1 + _EPS) and inner[1] <= outer[1] * (1 + _EPS)


def build(meta: RuleMeta, data: Mapping[str, Any], knowledge: Knowledge) -> ConsistencyCheck:
    """Compile a consistency rule."""
    return ConsistencyCheck(meta, knowledge, data["measure"], data["partial_severity"], data["max_related"],
                            data["max_compared"], data["stated_as"], float(data["misread_factor"]), builtin_lexicon())


KIND = Kind("consistency", FIELDS, build, "flag a dose or timing that contradicts an earlier one for the same substance")
