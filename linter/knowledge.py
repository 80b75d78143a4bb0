"""The substance knowledge base: names, interaction and risk classes, reference doses and timing.

One YAML file per substance in `rules/substances/`, plus `_classes.yaml` with the shared vocabulary
of interaction and risk classes (the words writers use for "sedatives", "blood thinners" ...).
A publisher's substance folder extends the built-in one; a file with the same `name` replaces it.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

import regex

from linter.errors import RuleError
from linter.language.lexicon import compile_terms, either_apostrophe
from linter.language.recent import RecentTexts
from linter.schema import Field, read_yaml, validate

CLASSES_FILE = "_classes.yaml"
# The risk class implied by `habit_forming: true`.
DEPENDENCE_CLASS = "dependence"

_CLASS_FIELDS: dict[str, Field] = {
    "label": Field(str, required=True, help="plain words for the class, used in messages"),
    "terms": Field(list, required=True, items=str, help="words writers use for the class"),
    "kind": Field(str, default="interaction", choices=("interaction", "risk")),
}
_CLASSES_FILE_FIELDS: dict[str, Field] = {
    "classes": Field(dict, required=True, fields=_CLASS_FIELDS),
}
_REQUIREMENT_FIELDS: dict[str, Field] = {
    "class": Field(str, required=True, help="a class id from _classes.yaml"),
    "terms": Field(list, default=[], items=str, help="extra words for this substance only"),
    "when": Field(str, default="recommended", choices=("recommended", "routine")),
    "example": Field(str, default=None, help="an example warning sentence for the suggestion"),
    "source": Field(str, default=None),
    "required": Field(bool, default=True,
                      help="false: named in the reference but not required; kept as vocabulary, never checked"),
}
_DOSE_FIELDS: dict[str, Field] = {
    "min": Field(float, required=True),
    "max": Field(float, required=True),
    "unit": Field(str, required=True),
    "per": Field(str, default="serving", choices=("serving", "day", "kg", "kg/day")),
    "purpose": Field(str, default=None),
    "form": Field(str, default=None),
    "source": Field(str, required=True),
}
_TIMING_FIELDS: dict[str, Field] = {
    "anchor": Field(str, required=True),
    "min_minutes": Field(float, required=True),
    "max_minutes": Field(float, required=True),
    "source": Field(str, required=True),
}
_SUBSTANCE_FIELDS: dict[str, Field] = {
    "name": Field(str, required=True, help="canonical name; matches the file name"),
    "names": Field(list, required=True, items=str, help="aliases, scientific names, compounds, brands"),
    "context_names": Field(list, default=[], items=str, help="names that count only beside a main name"),
    "noun": Field(list, default=[], items=str, help="nouns that refer back to it: herb, supplement"),
    "habit_forming": Field(bool, default=False),
    "interactions": Field(list, default=[], fields=_REQUIREMENT_FIELDS),
    "risks": Field(list, default=[], fields=_REQUIREMENT_FIELDS),
    "doses": Field(list, default=[], fields=_DOSE_FIELDS),
    "timing": Field(list, default=[], fields=_TIMING_FIELDS),
    "max_duration_days": Field(float, default=None),
    "duration_source": Field(str, default=None),
    "sources": Field(list, required=True, items=str),
}


@dataclass(frozen=True)
class WarningClass:
    """A kind of interaction or risk a responsible draft must mention."""

    id: str
    label: str
    kind: str
    terms: tuple[str, ...]


@dataclass(frozen=True)
class Requirement:
    """One class a substance's article must warn about."""

    cls: WarningClass
    pattern: regex.Pattern[str]  # the class's words plus the substance's own extra words
    when: str
    example: str | None
    source: str | None
    required: bool = True


@dataclass(frozen=True)
class DoseRange:
    """A reference dose range with its source."""

    min: float
    max: float
    unit: str
    per: str
    purpose: str | None
    form: str | None
    source: str


@dataclass(frozen=True)
class TimingRange:
    """A reference timing window relative to an anchor such as bedtime."""

    anchor: str
    min_minutes: float
    max_minutes: float
    source: str


@dataclass(frozen=True)
class Substance:
    """Everything the rules know about one substance."""

    name: str
    names: tuple[str, ...]
    context_names: tuple[str, ...]
    nouns: tuple[str, ...]
    habit_forming: bool
    interactions: tuple[Requirement, ...]
    risks: tuple[Requirement, ...]
    doses: tuple[DoseRange, ...]
    timing: tuple[TimingRange, ...]
    max_duration_days: float | None
    duration_source: str | None
    sources: tuple[str, ...]
    source_file: str
    # Classes the reference mentions but the annotators' core does not require (`required: false`).
    # Never checked by the rules; kept so the vocabulary stays documented and validated.
    mentioned: tuple[Requirement, ...] = ()


@dataclass(frozen=True)
class Mention:
    """A place where a draft names a substance."""

    substance: str
    start: int
    end: int


def overlap_test(mentions: Sequence[Mention]) -> Callable[[int, int], bool]:
    """A test of whether text[start:end] overlaps any of `mentions` (sorted by start, as
    `Knowledge.mentions` returns them); built once per draft, answered by bisection."""
    starts = [m.start for m in mentions]
    reach = list(accumulate((m.end for m in mentions), max))  # the furthest end so far

    def overlaps(start: int, end: int) -> bool:
        i = bisect_left(starts, end)
        return i > 0 and reach[i - 1] > start

    return overlaps


@dataclass
class Knowledge:
    """All substances and the shared warning classes, with one compiled name matcher."""

    substances: dict[str, Substance] = field(default_factory=dict)
    classes: dict[str, WarningClass] = field(default_factory=dict)
    # Run options some kinds read when they compile (evidence domains, required front matter).
    settings: dict[str, Any] = field(default_factory=dict)
    _names: regex.Pattern[str] | None = None
    _context: regex.Pattern[str] | None = None
    _by_name: dict[str, str] = field(default_factory=dict)
    # The mentions of the last few texts asked about: every rule kind asks about the same draft,
    # between questions about short texts (a title in the front matter).
    _recent: RecentTexts[tuple[Mention, ...]] = field(default_factory=lambda: RecentTexts(3), repr=False, compare=False)

    def mentions(self, prose: str) -> list[Mention]:
        """Every substance mention in `prose`, longest name first at each position.

        Context names (kratom strain names such as "Maeng Da") count only when the draft also
        names the substance by one of its main names.
        """
        return list(self._recent.get(prose, self._find_mentions))

    def _find_mentions(self, prose: str) -> tuple[Mention, ...]:
        if self._names is None:
            self._compile()
        assert self._names is not None and self._context is not None
        found: list[Mention] = []
        for m in self._names.finditer(prose):
            found.append(Mention(self._by_name[_fold(m.group(0))], m.start(), m.end()))
        present = {mention.substance for mention in found}
        for m in self._context.finditer(prose):
            name = self._by_name.get("ctx:" + _fold(m.group(0)))
            if name in present:
                found.append(Mention(name, m.start(), m.end()))
        found.sort(key=lambda x: (x.start, -x.end))
        return tuple(found)

    def _compile(self) -> None:
        names: list[str] = []
        context: list[str] = []
        for substance in self.substances.values():
            for name in substance.names:
                self._by_name[_fold(name)] = substance.name
                names.append(_name_source(name))
            for name in substance.context_names:
                self._by_name["ctx:" + _fold(name)] = substance.name
                context.append(_name_source(name))
        where, src = "names", "substances"
        self._names = compile_terms(names, where=where, source=src)
        self._context = compile_terms(context, where=where, source=src)


def _name_source(name: str) -> str:
    """A literal name as a lexicon entry; a straight apostrophe also matches a curly one."""
    return either_apostrophe(regex.escape(name, special_only=True, literal_spaces=False))


def _fold(name: str) -> str:
    """Key for name lookup: case-folded, white space collapsed, curly apostrophes straightened."""
    return " ".join(name.replace("\u2019", "'").split()).casefold()


def load_knowledge(folders: Iterable[Path]) -> Knowledge:
    """Load substance folders in order; later folders extend and override earlier ones."""
    raw_classes: dict[str, tuple[dict[str, Any], str]] = {}
    raw_substances: dict[str, tuple[dict[str, Any], str]] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.yaml")):
            data = read_yaml(path)
            if path.name == CLASSES_FILE:
                checked = validate(data, _CLASSES_FILE_FIELDS, str(path))
                for class_id, spec in checked["classes"].items():
                    raw_classes[class_id] = (spec, str(path))
                continue
            checked = validate(data, _SUBSTANCE_FIELDS, str(path))
            if checked["name"] != path.stem.replace("_", "-") and checked["name"] != path.stem:
                raise RuleError(f"key 'name' is {checked['name']!r} but the file is {path.name}", str(path))
            raw_substances[checked["name"]] = (checked, str(path))
    classes = {
        cid: WarningClass(cid, spec["label"], spec["kind"], tuple(spec["terms"]))
        for cid, (spec, _src) in raw_classes.items()
    }
    knowledge = Knowledge(classes=classes)
    for name, (spec, src) in raw_substances.items():
        knowledge.substances[name] = _substance(spec, src, classes)
    _check_names_unique(knowledge)
    return knowledge


def _substance(spec: Mapping[str, Any], source: str, classes: Mapping[str, WarningClass]) -> Substance:
    def requirements(key: str) -> tuple[Requirement, ...]:
        """Every listed class of `key`, required or not, in file order."""
        result = []
        for index, item in enumerate(spec[key]):
            cls = classes.get(item["class"])
            if cls is None:
                known = ", ".join(sorted(classes)) or "none loaded"
                raise RuleError(f"key '{key}[{index}].class' names unknown class {item['class']!r}", source, f"known: {known}")
            pattern = compile_terms(list(cls.terms) + list(item["terms"]), where=f"{key}[{index}].terms", source=source)
            result.append(Requirement(cls, pattern, item["when"], item["example"], item["source"], item["required"]))
        return tuple(result)

    doses = []
    for index, dose in enumerate(spec["doses"]):
        if dose["min"] > dose["max"]:
            raise RuleError(f"key 'doses[{index}]' has min {dose['min']} above max {dose['max']}", source)
        doses.append(DoseRange(float(dose["min"]), float(dose["max"]), dose["unit"], dose["per"], dose["purpose"], dose["form"], dose["source"]))
    timing = []
    for index, window in enumerate(spec["timing"]):
        if window["min_minutes"] > window["max_minutes"]:
            raise RuleError(f"key 'timing[{index}]' has min_minutes above max_minutes", source)
        timing.append(TimingRange(window["anchor"], float(window["min_minutes"]), float(window["max_minutes"]), window["source"]))
    listed_interactions = requirements("interactions")
    listed_risks = requirements("risks")
    interactions = tuple(r for r in listed_interactions if r.required)
    risks = tuple(r for r in listed_risks if r.required)
    mentioned = tuple(r for r in listed_interactions + listed_risks if not r.required)
    dependence = classes.get(DEPENDENCE_CLASS)
    if spec["habit_forming"] and dependence is not None and all(r.cls.id != DEPENDENCE_CLASS for r in listed_risks):
        # A habit-forming substance always owes its routine users a word on dependence.
        pattern = compile_terms(list(dependence.terms), where="habit_forming", source=source)
        risks += (Requirement(dependence, pattern, "routine", None, None),)
    return Substance(
        name=spec["name"],
        names=tuple(spec["names"]),
        context_names=tuple(spec["context_names"]),
        nouns=tuple(spec["noun"]),
        habit_forming=spec["habit_forming"],
        interactions=interactions,
        risks=risks,
        doses=tuple(doses),
        timing=tuple(timing),
        max_duration_days=spec["max_duration_days"],
        duration_source=spec["duration_source"],
        sources=tuple(spec["sources"]),
        source_file=source,
        mentioned=mentioned,
    )


def _check_names_unique(knowledge: Knowledge) -> None:
    """A name that points at two substances makes every mention ambiguous: refuse it."""
    owner: dict[str, str] = {}
    for substance in knowledge.substances.values():
        for name in substance.names:
            key = _fold(name)
            if key in owner and owner[key] != substance.name:
                raise RuleError(
                    f"name {name!r} is listed for both {owner[key]!r} and {substance.name!r}",
                    substance.source_file,
                )
            owner[key] = substance.name
