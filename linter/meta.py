"""Built-in `meta` rules: problems with the draft or the run itself rather than with its prose."""

from __future__ import annotations

from linter.kinds.base import RuleMeta


def _meta(rule_id: str, severity: str, summary: str, why: str) -> RuleMeta:
    return RuleMeta(
        id=rule_id,
        category="meta",
        kind="builtin",
        severity=severity,
        message="{message}",
        why=why,
        suggestion=None,
        summary=summary,
        examples=(),
        enabled=True,
        source="<built-in>",
        url=None,
    )


META_RULES: dict[str, RuleMeta] = {
    rule.id: rule
    for rule in (
        _meta("meta.front-matter", "warning", "front matter that cannot be read",
              "Front matter that is not valid YAML is ignored by site generators, so metadata such as the reviewer is lost."),
        _meta("meta.encoding", "warning", "bytes that are not valid text in the file's encoding",
              "Undecodable bytes show up as garbage on the published page; the rest of the draft is still linted."),
        _meta("meta.parse", "warning", "markup that could not be fully parsed",
              "Broken markup may hide prose from the linter and from readers."),
        _meta("meta.unknown-rule", "warning", "a suppression comment names a rule that does not exist",
              "A misspelt rule id in a suppression silently suppresses nothing."),
        _meta("meta.unused-suppression", "info", "a suppression comment that suppresses nothing",
              "Stale suppressions hide future problems; remove them once the text is fixed."),
        _meta("meta.rule-timeout", "error", "a rule's pattern ran too long on this draft",
              "A pattern that backtracks catastrophically is stopped so the run cannot hang; fix the pattern."),
    )
}
