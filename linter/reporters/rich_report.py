"""`--format rich` (the default for people): rustc/ruff-style code frames with labelled spans."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TextIO

from rich.console import Console
from rich.text import Text

from linter.finding import Finding, Span
from linter.reporters import Report

_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold blue"}
_MAX_LINES_PER_LABEL = 3


@dataclass(frozen=True)
class Label:
    """A span to underline in a frame: `^` for the finding itself, `-` for related places."""

    span: Span
    text: str
    primary: bool


def report(result: Report, out: TextIO) -> None:
    """Print every finding as a frame, then a summary."""
    console = Console(file=out, force_terminal=result.color, no_color=not result.color,
                      highlight=False, soft_wrap=True, emoji=False)
    cache: dict[str, list[str] | None] = {}

    def lines_of(path: str) -> list[str] | None:
        if path not in cache:
            text = result.source(path)
            cache[path] = text.splitlines() if text is not None else None
        return cache[path]

    for finding in result.findings:
        console.print(_frame(finding, lines_of))
    console.print(_summary(result))


def _frame(finding: Finding, lines_of: object) -> Text:
    style = _STYLE.get(finding.severity, "bold")
    out = Text()
    out.append(f"{finding.severity}[{finding.rule}]", style=style)
    out.append(f": {finding.message}\n", style="bold")
    groups: dict[str, list[Label]] = {finding.path: [Label(finding.span, "", True)]}
    for related in finding.related:
        groups.setdefault(related.path, []).append(Label(related.span, related.message, False))
    last = max([finding.span.end_line] + [r.span.end_line for r in finding.related])
    gutter = len(str(last))
    for path, labels in groups.items():
        first = labels[0].span if path == finding.path else min((lab.span for lab in labels), key=lambda s: s.line)
        out.append(" " * gutter + "--> ", style="blue")
        out.append(f"{path}:{first.line}:{first.column}\n")
        source = lines_of(path)  # type: ignore[operator]
        if source is not None:
            _code(out, source, labels, gutter, style)
    if finding.suggestion:
        out.append(" " * gutter + " = ", style="blue")
        out.append("help", style="bold")
        out.append(f": {finding.suggestion}\n")
    return out


def _code(out: Text, source: list[str], labels: list[Label], gutter: int, style: str) -> None:
    """Source lines with each label's span underlined beneath them, in line order."""
    bar = " " * gutter + " |"
    out.append(bar + "\n", style="blue")
    rows: dict[int, list[tuple[int, int, Label]]] = {}
    for label in labels:
        s = label.span
        last = min(s.end_line, s.line + _MAX_LINES_PER_LABEL - 1)
        for line in range(s.line, last + 1):
            if line - 1 >= len(source):
                break
            text = source[line - 1]
            start = s.column if line == s.line else 1
            end = s.end_column if line == s.end_line else len(text) + 1
            rows.setdefault(line, []).append((start, max(end, start + 1), label))
    previous = None
    for line in sorted(rows):
        if previous is not None and line > previous + 1:
            out.append(" " * gutter + " ...\n", style="blue")
        previous = line
        text = source[line - 1].replace("\t", " ")
        out.append(f"{line:>{gutter}} | ", style="blue")
        out.append(text + "\n")
        for start, end, label in sorted(rows[line], key=lambda r: r[0]):
            mark = "^" if label.primary else "-"
            is_last_line = line == min(label.span.end_line, label.span.line + _MAX_LINES_PER_LABEL - 1)
            out.append(bar, style="blue")
            out.append(" " * start)
            out.append(mark * (end - start), style=style if label.primary else "bold cyan")
            if label.text and is_last_line:
                out.append(" " + label.text, style=style if label.primary else "cyan")
            out.append("\n")
    out.append(bar + "\n", style="blue")


def _summary(result: Report) -> Text:
    text = Text()
    counts = result.counts()
    total = len(result.findings)
    if total == 0:
        text.append(f"No problems found in {result.files} file{'s' if result.files != 1 else ''}.", style="bold green")
        return text
    parts = [f"{n} {name}{'s' if n != 1 and name != 'info' else ''}" for name, n in counts.items() if n]
    text.append(f"Found {total} problem{'s' if total != 1 else ''} ({', '.join(parts)}) "
                f"in {result.files} file{'s' if result.files != 1 else ''}.\n", style="bold")
    for rule, n in result.by_rule().items():
        text.append(f"{n:>5}  {rule}\n")
    if result.fixed:
        text.append(f"{len(result.fixed)} baseline finding(s) no longer occur and can be removed from the baseline.\n")
    return text
