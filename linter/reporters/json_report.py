"""`--format json`: the versioned document fixed by the design brief."""

from __future__ import annotations

import json
from typing import Any, Mapping, TextIO

from linter.finding import Finding, Related, Span
from linter.reporters import Report
from linter.version import __version__

JSON_VERSION = 1


def as_dict(result: Report) -> dict[str, Any]:
    """The JSON document as Python data."""
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
        "findings": [f.to_dict() for f in result.findings],
    }


def report(result: Report, out: TextIO) -> None:
    """Write the JSON document, keys in a fixed order so output is byte-stable."""
    json.dump(as_dict(result), out, indent=2, ensure_ascii=False)
    out.write("\n")


def finding_from_dict(data: Mapping[str, Any]) -> Finding:
    """Rebuild a Finding from its JSON shape (plus optional `start`/`end` offsets), losslessly."""
    related = tuple(
        Related(r["path"], Span(r["line"], r["column"], r["end_line"], r["end_column"]), r["message"])
        for r in data["related"]
    )
    return Finding(
        path=data["path"],
        rule=data["rule"],
        category=data["category"],
        severity=data["severity"],
        message=data["message"],
        span=Span(data["line"], data["column"], data["end_line"], data["end_column"]),
        excerpt=data["excerpt"],
        related=related,
        suggestion=data["suggestion"],
        data=dict(data["data"]),
        start=data.get("start", 0),
        end=data.get("end", 0),
    )
