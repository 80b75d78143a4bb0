"""Inline suppressions in HTML comments: disable, enable, disable-next-line, disable-file, with reasons.

    <!-- draftlint-disable-next-line claims.efficacy-claim -- cited in the sidebar -->
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from linter.document import Document
from linter.finding import Finding

_DIRECTIVE = re.compile(
    r"^\s*draftlint-(disable-next-line|disable-line|disable-file|disable|enable)\b(.*?)\s*$", re.DOTALL
)


@dataclass(frozen=True)
class Suppression:
    """One directive: which rules (None = all) it silences, over which lines, and why."""

    action: str
    rules: tuple[str, ...] | None
    first_line: int
    last_line: int
    start: int
    end: int
    reason: str | None

    def covers(self, finding: Finding) -> bool:
        """Whether this directive silences `finding`."""
        if not self.first_line <= finding.span.line <= self.last_line:
            return False
        return self.rules is None or any(matches_rule(finding.rule, finding.category, r) for r in self.rules)


def matches_rule(rule_id: str, category: str, selector: str) -> bool:
    """A selector names a rule id, a category, or a dotted prefix of ids; ALL matches everything."""
    return selector in ("ALL", rule_id, category) or rule_id.startswith(selector.rstrip(".") + ".")


def parse_suppressions(doc: Document) -> list[Suppression]:
    """Read every directive in the document's comments, pairing disable with enable."""
    lines = doc.lines
    result: list[Suppression] = []
    open_ranges: list[tuple[tuple[str, ...] | None, int, int, int, str | None]] = []
    for comment in doc.comments:
        m = _DIRECTIVE.match(comment.body)
        if m is None:
            continue
        action, rest = m.group(1), m.group(2)
        rules_text, _, reason = rest.partition("--")
        rules = tuple(r for r in re.split(r"[\s,]+", rules_text.strip()) if r) or None
        reason_text = reason.strip() or None
        line = lines.position(comment.start)[0]
        end_line = lines.position(comment.end)[0]
        if action == "disable-next-line":
            target = _next_content_line(doc, comment.end)
            result.append(Suppression(action, rules, target, target, comment.start, comment.end, reason_text))
        elif action == "disable-line":
            result.append(Suppression(action, rules, line, end_line, comment.start, comment.end, reason_text))
        elif action == "disable-file":
            result.append(Suppression(action, rules, 1, lines.line_count, comment.start, comment.end, reason_text))
        elif action == "disable":
            open_ranges.append((rules, line, comment.start, comment.end, reason_text))
        else:  # enable: closes the matching disable (same rules), or every open one when bare
            keep = []
            for entry in open_ranges:
                if rules is None or entry[0] == rules:
                    result.append(Suppression("disable", entry[0], entry[1], line, entry[2], entry[3], entry[4]))
                else:
                    keep.append(entry)
            open_ranges = keep
    for rules, line, start, end, reason_text in open_ranges:
        result.append(Suppression("disable", rules, line, lines.line_count, start, end, reason_text))
    return result


def _next_content_line(doc: Document, offset: int) -> int:
    """The first line after `offset`'s line that has any non-blank character."""
    lines = doc.lines
    line = lines.position(offset)[0] + 1
    while line <= lines.line_count:
        start = lines.line_start(line)
        end = lines.line_start(line + 1) if line < lines.line_count else len(doc.text)
        if doc.text[start:end].strip():
            return line
        line += 1
    return line


def apply_suppressions(
    findings: Iterable[Finding], suppressions: list[Suppression]
) -> tuple[list[Finding], set[int]]:
    """Drop suppressed findings; also return the indexes of suppressions that silenced something."""
    kept: list[Finding] = []
    used: set[int] = set()
    for finding in findings:
        hit = [i for i, s in enumerate(suppressions) if s.covers(finding)]
        if hit:
            used.update(hit)
        else:
            kept.append(finding)
    return kept, used
