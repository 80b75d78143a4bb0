"""Score rules against an annotated folder of drafts: precision and recall per rule and category.

Each draft `NAME.md|txt|html` has a sidecar `NAME.expected.yaml` listing the findings it must
produce (see tests/eval/README.md). A category is scored on the drafts whose file name starts
with that category, so each family is judged on the drafts written for it; `heldout-*` drafts,
written without reading the rules, are scored for every category.

    python -m linter.evaluation tests/eval
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable, Mapping, NamedTuple

from linter.config import Config
from linter.document import Document
from linter.engine import lint_document, read_document
from linter.files import DEFAULT_EXTENSIONS
from linter.finding import Finding
from linter.schema import Field, read_yaml, validate

EVALUATED = ("claims", "warnings", "dosing", "timing")
HELD_OUT = "heldout"
_EXPECTED_FIELDS = {
    "rule": Field(str, required=True),
    "line": Field(int, required=True),
    "data": Field(dict, default=None),
}
_FILE_FIELDS = {
    "findings": Field(list, required=True, fields=_EXPECTED_FIELDS),
    "categories": Field(list, default=None, items=str, help="the categories annotated (default: all, for held-out drafts)"),
    "notes": Field(str, default=None),
}


@dataclass(frozen=True)
class Expected:
    """One finding a draft must produce."""

    rule: str
    line: int
    data: Mapping[str, Any] | None


@dataclass
class Tally:
    """True positives, false positives and false negatives, with the misses named."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """TP / (TP + FP); 1.0 when nothing was flagged."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """TP / (TP + FN); 1.0 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Scores:
    """Tallies per rule and per category, plus how many drafts were read."""

    by_rule: dict[str, Tally] = field(default_factory=dict)
    by_category: dict[str, Tally] = field(default_factory=dict)
    # Any rule of the category on the annotated line: how the product is judged for claims.
    any_rule: dict[str, Tally] = field(default_factory=dict)
    drafts: Counter[str] = field(default_factory=Counter)

    def add(self, rule: str, category: str, outcome: str, note: str = "") -> None:
        """Count one outcome ('tp', 'fp' or 'fn') for a rule and its category."""
        for tally in (self.by_rule.setdefault(rule, Tally()), self.by_category.setdefault(category, Tally())):
            setattr(tally, outcome, getattr(tally, outcome) + 1)
            if note and outcome != "tp":
                tally.misses.append(f"{outcome.upper()} {note}")


def _data_matches(expected: Mapping[str, Any] | None, actual: Mapping[str, Any]) -> bool:
    if not expected:
        return True
    for key, value in expected.items():
        got = actual.get(key)
        if isinstance(value, list):
            if not isinstance(got, (list, tuple)) or set(map(str, value)) != set(map(str, got)):
                return False
        elif got != value:
            return False
    return True


def drafts_in(folder: Path) -> list[Path]:
    """Annotated drafts in `folder`, sorted."""
    return sorted(
        p for p in folder.iterdir()
        if p.suffix.lower() in DEFAULT_EXTENSIONS and p.with_suffix(".expected.yaml").is_file()
    )


class Annotation(NamedTuple):
    """A draft's expectations and the categories they cover (None: decided by the file name)."""

    expected: list[Expected]
    categories: tuple[str, ...] | None


def load_expected(path: Path) -> Annotation:
    """The expectations of one draft."""
    sidecar = path.with_suffix(".expected.yaml")
    checked = validate(read_yaml(sidecar) or {"findings": []}, _FILE_FIELDS, str(sidecar))
    expected = [Expected(e["rule"], e["line"], e["data"]) for e in checked["findings"]]
    categories = checked["categories"]
    return Annotation(expected, None if categories is None else tuple(categories))


def by_sentence(findings: Iterable[Finding], doc: Document) -> list[Finding]:
    """Each finding widened to the lines of the sentences it lies in.

    Drafts are judged by sentence, and an editor notes a sentence by the line it starts on; in
    hard-wrapped text the flagged words ("clinically proven") may sit a line or two below that.
    """
    widened = []
    for f in findings:
        first, last = doc.sentence_at(f.start), doc.sentence_at(max(f.start, f.end - 1))
        if first is None or last is None or f.start == f.end == 0:
            widened.append(f)
            continue
        top, bottom = doc.span(first.start, first.end), doc.span(last.start, last.end)
        line, end_line = min(f.span.line, top.line), max(f.span.end_line, bottom.end_line)
        widened.append(replace(f, span=replace(f.span, line=line, end_line=end_line)))
    return widened


def score_draft(scores: Scores, path: Path, findings: Iterable[Finding], annotation: Annotation) -> None:
    """Match one draft's findings (see `by_sentence`) against its expectations, for the categories it annotates."""
    prefix = path.name.split("-", 1)[0]
    categories = EVALUATED if prefix == HELD_OUT else (prefix,) if prefix in EVALUATED else ()
    if annotation.categories is not None:
        categories = tuple(c for c in categories if c in annotation.categories)
    findings = list(findings)
    for category in categories:
        _score_category(scores, path, category, findings, annotation.expected)
        _score_any_rule(scores.any_rule.setdefault(category, Tally()), category, findings, annotation.expected)


def _score_any_rule(tally: Tally, category: str, findings: list[Finding], expected: list[Expected]) -> None:
    """Score lines, not rules: an annotated line is found when any finding of the category covers it."""
    lines = {e.line for e in expected if e.rule.split(".", 1)[0] == category}
    flagged = [f for f in findings if f.category == category]
    found = {line for line in lines if any(f.line <= line <= f.span.end_line for f in flagged)}
    tally.tp += len(found)
    tally.fn += len(lines - found)
    tally.fp += sum(1 for f in flagged if not any(f.line <= line <= f.span.end_line for line in lines))


def _score_category(scores: Scores, path: Path, category: str, findings: Iterable[Finding], expected: list[Expected]) -> None:
    scores.drafts[category] += 1
    unmatched = [f for f in findings if f.category == category]
    for exp in (e for e in expected if e.rule.split(".", 1)[0] == category):
        if exp.data and "missing" in exp.data:
            _score_classes(scores, path, category, exp, unmatched)
            continue
        hit = next((f for f in unmatched if f.rule == exp.rule and f.line <= exp.line <= f.span.end_line
                    and _data_matches(exp.data, f.data)), None)
        if hit is None:
            scores.add(exp.rule, category, "fn", f"{path.name}:{exp.line} {exp.rule}")
        else:
            unmatched.remove(hit)
            scores.add(exp.rule, category, "tp")
    for finding in unmatched:
        note = f"{path.name}:{finding.line} {finding.rule} {finding.excerpt[:60]!r}"
        for _ in finding.data.get("missing") or [None]:  # per class, as above
            scores.add(finding.rule, category, "fp", note)


def _score_classes(scores: Scores, path: Path, category: str, exp: Expected, unmatched: list[Finding]) -> None:
    """Warnings are measured per (draft, substance, class): each missing class is one decision.

    The finding for the same rule and substance is matched wherever it is located, since the
    "first recommendation" it points at is itself a judgement call.
    """
    assert exp.data is not None
    hit = next((f for f in unmatched if f.rule == exp.rule and f.data.get("substance") == exp.data.get("substance")), None)
    wanted = set(map(str, exp.data.get("missing") or ()))
    got: set[str] = set()
    if hit is not None:
        unmatched.remove(hit)
        got = set(map(str, hit.data.get("missing") or ()))
    where = f"{path.name}:{exp.line} {exp.rule} {exp.data.get('substance')}"
    for cls in sorted(wanted & got):
        scores.add(exp.rule, category, "tp")
    for cls in sorted(wanted - got):
        scores.add(exp.rule, category, "fn", f"{where} {cls}")
    for cls in sorted(got - wanted):
        scores.add(exp.rule, category, "fp", f"{where} {cls}")


def evaluate(folder: Path, config: Config | None = None, prefix: str = "", exclude: str | None = None) -> Scores:
    """Lint the annotated drafts in `folder` whose names start with `prefix` (and not `exclude`)."""
    scores = Scores()
    for path in drafts_in(folder):
        if not path.name.startswith(prefix) or exclude is not None and path.name.startswith(exclude):
            continue
        doc = read_document(path, path.name)
        findings = by_sentence(lint_document(doc, config or Config()).findings, doc)
        score_draft(scores, path, findings, load_expected(path))
    return scores


def format_scores(scores: Scores) -> str:
    """A plain-text table of precision and recall per category and per rule."""
    lines = [f"{'rule / category':<40} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>9} {'recall':>7}"]

    def row(name: str, t: Tally) -> str:
        return f"{name:<40} {t.tp:>4} {t.fp:>4} {t.fn:>4} {t.precision:>9.3f} {t.recall:>7.3f}"

    for category in EVALUATED:
        if category in scores.by_category:
            lines.append(row(f"{category} ({scores.drafts[category]} drafts)", scores.by_category[category]))
            if category == "claims":
                lines.append(row("  any claims rule, by line", scores.any_rule[category]))
            for rule in sorted(r for r in scores.by_rule if r.startswith(category + ".")):
                lines.append(row("  " + rule, scores.by_rule[rule]))
    return "\n".join(lines)


# How each held-out set was used. Every set was written from the same blind brief; from D on,
# each was scored as it arrived (the figures quoted in the landing notes) before any tuning.
_MEASURED_THEN_TUNED = "written without reading the rules, measured, then used to tune them"
_HISTORY = {
    "a": "written without reading the rules, then used to tune them",
    "b": "written without reading the rules; used to tune dosing only",
    "c": "written without reading the rules, then used to tune them",
    "u": "written without reading the rules and measured only: never used to tune them",
}


def report(folder: Path) -> str:
    """Score tables for the development drafts and each held-out set, as printed by main()."""
    parts = ["development drafts (written while the rules were built):",
             format_scores(evaluate(folder, exclude=HELD_OUT + "-"))]
    for letter in sorted({p.name[len(HELD_OUT) + 1] for p in drafts_in(folder) if p.name.startswith(HELD_OUT + "-")}):
        prefix, title = f"{HELD_OUT}-{letter}", f"held-out set {letter.upper()} ({_HISTORY.get(letter, _MEASURED_THEN_TUNED)})"
        held_out = evaluate(folder, prefix=prefix)
        if held_out.drafts:
            parts += ["", f"{title}:", format_scores(held_out)]
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    """Print the score tables for a folder (default tests/eval), then every miss of one set.

    The set is the newest held-out set, or the drafts whose names start with the second argument.
    """
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else Path("tests/eval")
    if not folder.is_dir():
        print(f"draftlint evaluation: {folder}: not a folder of drafts (usage: python -m linter.evaluation [FOLDER [PREFIX]])",
              file=sys.stderr)
        return 2
    print(report(folder))
    prefix = args[1] if len(args) > 1 else max(
        (p.name[:len(HELD_OUT) + 2] for p in drafts_in(folder) if p.name.startswith(HELD_OUT + "-")), default="")
    for category, tally in evaluate(folder, prefix=prefix).by_category.items():
        for miss in tally.misses:
            print(f"  {category}: {miss}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
