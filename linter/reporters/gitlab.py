"""`--format gitlab`: a GitLab Code Quality report (published with `artifacts: reports: codequality`)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from linter.baseline import finding_keys
from linter.finding import Finding
from linter.reporters import Report

SEVERITIES: dict[str, str] = {"info": "info", "warning": "minor", "error": "major"}


def fingerprints(findings: tuple[Finding, ...]) -> list[str]:
    """Line-independent fingerprints, unique within the report (GitLab shows one issue per fingerprint)."""
    seen: set[str] = set()
    out: list[str] = []
    for key in finding_keys(findings):
        fingerprint, salt = key.digest(), 0
        while fingerprint in seen:  # only on a hash collision: re-hash with a salt, as ruff does
            salt += 1
            fingerprint = key.digest(str(salt))
        seen.add(fingerprint)
        out.append(fingerprint)
    return out


def issue(finding: Finding, fingerprint: str) -> dict[str, Any]:
    """One Code Quality issue; the rule id goes in the description because GitLab hides check_name."""
    s = finding.span
    return {
        "description": f"{finding.rule}: {finding.message}",
        "check_name": finding.rule,
        "fingerprint": fingerprint,
        "severity": SEVERITIES[finding.severity],
        "location": {"path": finding.path, "lines": {"begin": s.line, "end": s.end_line}},
    }


def report(result: Report, out: TextIO) -> None:
    """Write the Code Quality JSON array."""
    issues = [issue(f, fp) for f, fp in zip(result.findings, fingerprints(result.findings))]
    json.dump(issues, out, indent=2, ensure_ascii=False)
    out.write("\n")
