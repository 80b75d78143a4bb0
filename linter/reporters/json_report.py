"""`--format json`: the versioned document fixed by the design brief."""

from __future__ import annotations

import json
from typing import Any, TextIO

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


