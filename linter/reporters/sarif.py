"""`--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers."""

from __future__ import annotations

import json
import re
from pathlib import Path, PurePosixPath
from typing import Any, TextIO
from urllib.parse import quote

from linter.baseline import finding_keys
from linter.finding import Finding, Span
from linter.kinds.base import RuleMeta
from linter.reporters import Report
from linter.version import __version__

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/draftlint/draftlint"
SRCROOT = "%SRCROOT%"
LEVELS: dict[str, str] = {"error": "error", "warning": "warning", "info": "note"}


def _region(span: Span, snippet: str | None = None) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": span.line,
        "startColumn": span.column,
        "endLine": span.end_line,
        "endColumn": span.end_column,
    }
    if snippet is not None:
        region["snippet"] = {"text": snippet}
    return region


def _artifact(path: str) -> dict[str, Any]:
    """A relative path resolves against %SRCROOT% (the repository root on GitHub)."""
    if PurePosixPath(path).is_absolute() or Path(path).is_absolute():
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(path.replace("\\", "/"), safe="/"), "uriBaseId": SRCROOT}


def _location(path: str, span: Span, snippet: str | None = None) -> dict[str, Any]:
    return {"physicalLocation": {"artifactLocation": _artifact(path), "region": _region(span, snippet)}}


def help_text(meta: RuleMeta) -> str:
    """Plain-text help: why, what to do instead, and the rule's own examples."""
    parts = [" ".join(meta.why.split())]
    if meta.suggestion:
        parts.append(f"Suggestion: {meta.suggestion}")
    flagged = [e.text for e in meta.examples if e.should_fail]
    passing = [e.text for e in meta.examples if not e.should_fail]
    if flagged:
        parts.append("Flagged:\n" + "\n".join(f"  {text}" for text in flagged))
    if passing:
        parts.append("Not flagged:\n" + "\n".join(f"  {text}" for text in passing))
    return "\n\n".join(parts)


def help_markdown(meta: RuleMeta) -> str:
    """The same help as Markdown, with examples in text blocks."""
    parts = [" ".join(meta.why.split())]
    if meta.suggestion:
        parts.append(f"**Suggestion:** {meta.suggestion}")
    for title, should_fail in (("Flagged", True), ("Not flagged", False)):
        texts = [e.text for e in meta.examples if e.should_fail == should_fail]
        if texts:
            body = "\n".join(texts)
            fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", body)), default=0))
            parts.append(f"**{title}**\n\n{fence}text\n{body}\n{fence}")
    return "\n\n".join(parts)


def rule_descriptor(rule_id: str, meta: RuleMeta | None) -> dict[str, Any]:
    """The reportingDescriptor of one rule; a rule without metadata still gets a valid minimal one."""
    if meta is None:
        return {"id": rule_id, "shortDescription": {"text": rule_id}, "fullDescription": {"text": rule_id},
                "help": {"text": rule_id}, "defaultConfiguration": {"level": "warning"}}
    descriptor: dict[str, Any] = {
        "id": meta.id,
        "shortDescription": {"text": meta.summary},
        "fullDescription": {"text": " ".join(meta.why.split())},
        "help": {"text": help_text(meta), "markdown": help_markdown(meta)},
        "defaultConfiguration": {"level": LEVELS[meta.severity]},
        "properties": {"tags": [meta.category]},
    }
    if meta.url:
        descriptor["helpUri"] = meta.url
    return descriptor


def _result(finding: Finding, index: int, fingerprint: str) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [_location(finding.path, finding.span, finding.excerpt)],
        "partialFingerprints": {"primaryLocationLineHash": fingerprint},
    }
    if finding.related:
        result["relatedLocations"] = [
            {"id": number, "message": {"text": related.message}, **_location(related.path, related.span)}
            for number, related in enumerate(finding.related, start=1)
        ]
    return result


def as_dict(report: Report) -> dict[str, Any]:
    """The SARIF log as Python data."""
    fired = sorted({f.rule for f in report.findings})
    index = {rule_id: position for position, rule_id in enumerate(fired)}
    keys = finding_keys(report.findings)
    # The fingerprint ignores line numbers, so an alert keeps its identity when text moves.
    results = [_result(f, index[f.rule], key.digest()[:32]) for f, key in zip(report.findings, keys)]
    invocation: dict[str, Any] = {"executionSuccessful": not report.errors}
    if report.errors:
        invocation["toolExecutionNotifications"] = [{"level": "error", "message": {"text": e}} for e in report.errors]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "draftlint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [rule_descriptor(rule_id, report.rules.get(rule_id)) for rule_id in fired],
                    }
                },
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def report(result: Report, out: TextIO) -> None:
    """Write the SARIF log."""
    json.dump(as_dict(result), out, indent=2, ensure_ascii=False)
    out.write("\n")
