"""`--format github`: GitHub Actions workflow commands, plus a Markdown table for the step summary.

GitHub shows only 10 annotations of each type per step, so every finding is also listed in the
table that the command line appends to `$GITHUB_STEP_SUMMARY`.
"""

from __future__ import annotations

from typing import TextIO

from linter.finding import Finding
from linter.reporters import Report

COMMANDS: dict[str, str] = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message (as @actions/core does)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command property value, where `:` and `,` are separators too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    """One `::error file=...::message` line; columns only for single-line spans, as GitHub requires."""
    s = finding.span
    props = [("file", finding.path), ("line", str(s.line))]
    if s.line == s.end_line:
        props.append(("col", str(s.column)))
    props.append(("endLine", str(s.end_line)))
    if s.line == s.end_line:
        props.append(("endColumn", str(s.end_column)))
    props.append(("title", f"draftlint ({finding.rule})"))
    message = finding.message
    for related in finding.related:
        message += f"\n{related.path}:{related.span.line}:{related.span.column}: {related.message}"
    if finding.suggestion:
        message += f"\nhelp: {finding.suggestion}"
    rendered = ",".join(f"{key}={escape_property(value)}" for key, value in props)
    return f"::{COMMANDS[finding.severity]} {rendered}::{escape_data(message)}"


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|").replace("`", "'")


def step_summary(result: Report) -> str:
    """A Markdown section listing every finding, for `$GITHUB_STEP_SUMMARY`."""
    total = len(result.findings)
    lines = [f"### draftlint: {total} finding{'s' if total != 1 else ''} in {result.files} "
             f"file{'s' if result.files != 1 else ''}", ""]
    if result.fixed:
        lines += [f"{len(result.fixed)} baseline finding(s) no longer occur.", ""]
    if total:
        lines += ["| Severity | File | Line | Rule | Message |", "| --- | --- | ---: | --- | --- |"]
        for f in result.findings:
            lines.append(f"| {f.severity} | {_cell(f.path)} | {f.span.line} | {_cell(f.rule)} | {_cell(f.message)} |")
    return "\n".join(lines) + "\n\n"


def report(result: Report, out: TextIO) -> None:
    """Write one annotation per finding and a plain count line."""
    for finding in result.findings:
        out.write(annotation(finding) + "\n")
    counts = ", ".join(f"{n} {name}" for name, n in result.counts().items() if n)
    out.write(f"draftlint: {len(result.findings)} finding(s){' (' + counts + ')' if counts else ''} "
              f"in {result.files} file(s)\n")
