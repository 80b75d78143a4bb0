"""`--format json`: the versioned document fixed by the design brief."""

from __future__ import annotations

import json
from typing import Any, Iterator, Sequence, TextIO

from linter.finding import Finding
from linter.reporters import Report
from linter.version import __version__

JSON_VERSION = 1


def as_dict(result: Report) -> dict[str, Any]:
    """The JSON document as Python data."""
    return _document(result, [f.to_dict() for f in result.findings])


def _document(result: Report, findings: list[dict[str, Any]]) -> dict[str, Any]:
    counts = result.counts()
    return {
        "version": JSON_VERSION,
        "tool": {"name": "draftlint", "version": __version__},
        "summary": {
            "files": result.files,
            "skipped": result.skipped,
            "findings": len(result.findings),
            **counts,
            "by_rule": result.by_rule(),
            "fixed": len(result.fixed),
        },
        "findings": findings,
    }


class _FindingDicts(list):  # type: ignore[type-arg]
    """The findings' dicts made as the encoder reaches them, one at a time: an archive run reports
    tens of thousands, and their dicts made all at once raised its peak memory by some 4 MB.
    A list (the encoder writes only lists as arrays) that holds nothing itself."""

    def __init__(self, findings: Sequence[Finding]) -> None:
        super().__init__()
        self._findings = findings

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (finding.to_dict() for finding in self._findings)

    def __len__(self) -> int:
        return len(self._findings)

    def __bool__(self) -> bool:
        return bool(self._findings)


def report(result: Report, out: TextIO) -> None:
    """Write the JSON document, keys in a fixed order so output is byte-stable."""
    json.dump(_document(result, _FindingDicts(result.findings)), out, indent=2, ensure_ascii=False)
    out.write("\n")


