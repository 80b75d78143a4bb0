"""The explicit table of reporters. Each loader imports its module only when that format is chosen."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Mapping, TextIO

from linter.finding import SEVERITIES, Finding
from linter.kinds.base import RuleMeta


@dataclass(frozen=True)
class Report:
    """What a reporter needs: the findings, what was linted, and the rules for their descriptions."""

    findings: tuple[Finding, ...]
    files: int
    rules: Mapping[str, RuleMeta]
    fail_on: str = "warning"
    skipped: int = 0
    fixed: tuple[Finding, ...] = ()  # baseline entries that no longer occur
    errors: tuple[str, ...] = ()  # one-line errors of the run (unreadable inputs), for SARIF invocations
    source: Callable[[str], str | None] = field(default=lambda path: None, compare=False)
    color: bool = False

    def counts(self) -> dict[str, int]:
        """Findings per severity."""
        totals = {severity: 0 for severity in reversed(SEVERITIES)}
        for finding in self.findings:
            totals[finding.severity] += 1
        return totals

    def by_rule(self) -> dict[str, int]:
        """Findings per rule id, most frequent first."""
        totals: dict[str, int] = {}
        for finding in self.findings:
            totals[finding.rule] = totals.get(finding.rule, 0) + 1
        return dict(sorted(totals.items(), key=lambda item: (-item[1], item[0])))


Reporter = Callable[[Report, TextIO], None]


def _rich() -> Reporter:
    from linter.reporters.rich_report import report

    return report


def _concise() -> Reporter:
    from linter.reporters.concise import report

    return report


def _json() -> Reporter:
    from linter.reporters.json_report import report

    return report


def _sarif() -> Reporter:
    from linter.reporters.sarif import report

    return report


def _github() -> Reporter:
    from linter.reporters.github import report

    return report


def _gitlab() -> Reporter:
    from linter.reporters.gitlab import report

    return report


REPORTERS: dict[str, Callable[[], Reporter]] = {
    "rich": _rich,
    "concise": _concise,
    "json": _json,
    "sarif": _sarif,
    "github": _github,
    "gitlab": _gitlab,
}
