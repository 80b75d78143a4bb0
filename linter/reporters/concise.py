"""`--format concise`: one line per finding, `path:line:col: severity [rule] message`."""

from __future__ import annotations

from typing import TextIO

from linter.reporters import Report


def report(result: Report, out: TextIO) -> None:
    """Write one line per finding and a count line."""
    for f in result.findings:
        out.write(f"{f.path}:{f.span.line}:{f.span.column}: {f.severity} [{f.rule}] {f.message}\n")
        for related in f.related:
            s = related.span
            out.write(f"{related.path}:{s.line}:{s.column}: note [{f.rule}] {related.message}\n")
    counts = result.counts()
    parts = ", ".join(f"{n} {name}{'s' if n != 1 and name != 'info' else ''}" for name, n in counts.items() if n)
    out.write(f"{len(result.findings)} finding{'s' if len(result.findings) != 1 else ''}"
              f"{' (' + parts + ')' if parts else ''} in {result.files} file{'s' if result.files != 1 else ''}"
              f"{f', {len(result.fixed)} fixed since the baseline' if result.fixed else ''}\n")
