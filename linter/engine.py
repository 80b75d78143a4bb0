"""The core loop: for each draft, run every enabled rule, then filter, sort and return findings."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any, Iterable

from linter.config import Config
from linter.document import Document
from linter.files import read_regular
from linter.finding import Finding
from linter.kinds.base import Check, CorpusCheck, make_finding
from linter.language.lexicon import PatternTimeout
from linter.meta import META_RULES
from linter.results import FileResult
from linter.rulecache import cached_ruleset
from linter.ruleset import RuleSet
from linter.sources import parse_bytes, parse_text
from linter.suppressions import apply_suppressions, parse_suppressions


class Linter:
    """Rules compiled for one Config, ready to lint any number of documents."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.ruleset: RuleSet = cached_ruleset(config.rule_folders, config.substance_folders, config.settings())
        self.checks: tuple[Check, ...] = tuple(c for c in self.ruleset.checks if config.enabled(c.meta))
        self.known_ids: frozenset[str] = frozenset(
            [c.meta.id for c in self.ruleset.checks] + list(META_RULES)
        )
        self.known_categories = frozenset(c.meta.category for c in self.ruleset.checks) | {"meta"}
        self.timed_out: set[str] = set()  # rules whose pattern hit the time limit in this run

    def corpus_checks(self) -> tuple[CorpusCheck, ...]:
        """Enabled rules that also compare drafts with each other."""
        return tuple(c for c in self.checks if hasattr(c, "check_corpus"))

    def lint(self, doc: Document, report_unused: bool = False) -> list[Finding]:
        """All findings for one document, suppressions applied, in output order."""
        findings: list[Finding] = []
        for check in self.checks:
            rule_id = check.meta.id
            if rule_id in self.timed_out:
                # One runaway pattern must not cost its time limit again on every draft of the run.
                findings.append(self._meta(doc, "meta.rule-timeout", 0, 0, f"rule {rule_id} was skipped: its pattern "
                                           "ran too long on an earlier draft of this run"))
                continue
            try:
                found = list(check.check(doc))
            except PatternTimeout as exc:
                self.timed_out.add(rule_id)
                found = [self._meta(doc, "meta.rule-timeout", 0, 0, f"rule {rule_id} stopped: pattern {exc} ran too "
                                    "long; it is skipped for the rest of the run")]
            findings.extend(found)
        for rule, start, end, message in doc.notes:
            findings.append(self._meta(doc, rule, start, end, message))
        findings = [self._configured(f) for f in findings]
        suppressions = parse_suppressions(doc)
        findings, used = apply_suppressions(findings, suppressions)
        for index, suppression in enumerate(suppressions):
            for selector in suppression.rules or ():
                if selector != "ALL" and not self._selector_known(selector):
                    findings.append(self._meta(doc, "meta.unknown-rule", suppression.start, suppression.end,
                                               f"suppression names unknown rule or category {selector!r}"))
            if report_unused and index not in used:
                # The reason tells the editor what the directive was for, and so whether to delete it.
                why = f" (reason given: {suppression.reason})" if suppression.reason else ""
                findings.append(self._meta(doc, "meta.unused-suppression", suppression.start, suppression.end,
                                           f"'draftlint-{suppression.action}' suppresses nothing{why}"))
        findings = [f for f in findings if f.category != "meta" or self.config.enabled(META_RULES[f.rule])]
        unique = {(f.sort_key(), f.severity): f for f in findings}  # two rules' kinds may agree exactly
        return sorted(unique.values(), key=Finding.sort_key)

    def _selector_known(self, selector: str) -> bool:
        if selector in self.known_ids or selector in self.known_categories:
            return True
        prefix = selector.rstrip(".") + "."
        return any(rule_id.startswith(prefix) for rule_id in self.known_ids)

    def _configured(self, finding: Finding) -> Finding:
        level = self.config.severity_for(finding.rule, finding.category, finding.severity)
        return finding if level == finding.severity else replace(finding, severity=level)

    @staticmethod
    def _meta(doc: Document, rule: str, start: int, end: int, message: str) -> Finding:
        return make_finding(META_RULES[rule], doc, start, end, {"message": message})


_LINTERS: dict[Config, Linter] = {}


def linter_for(config: Config) -> Linter:
    """One compiled Linter per distinct Config, reused across drafts."""
    found = _LINTERS.get(config)
    if found is None:
        found = _LINTERS[config] = Linter(config)
    return found


def read_document(path: Path, display: str, fmt: str | None = None) -> Document:
    """Read and parse one draft, turning I/O problems into InputErrors."""
    return parse_bytes(read_regular(path, display), display, fmt)


def lint_document(doc: Document, config: Config, report_unused: bool = False, collect: bool = False) -> FileResult:
    """Lint a parsed document under `config`."""
    engine = linter_for(config)
    findings = engine.lint(doc, report_unused)
    facts: tuple[tuple[str, Any], ...] = ()
    if collect:
        facts = tuple((c.meta.id, c.collect(doc)) for c in engine.corpus_checks())
    return FileResult(doc.path, tuple(findings), facts)


def corpus_findings(config: Config, results: Iterable[FileResult]) -> list[Finding]:
    """Run the cross-draft pass over the facts every file contributed."""
    engine = linter_for(config)
    by_rule: dict[str, list[Any]] = {}
    for result in results:
        for rule_id, facts in result.facts:
            by_rule.setdefault(rule_id, []).append(facts)
    findings: list[Finding] = []
    for check in engine.corpus_checks():
        findings.extend(check.check_corpus(by_rule.get(check.meta.id, [])))
    return sorted(findings, key=Finding.sort_key)


def lint_text(text: str, *, path: str = "<text>", format: str = "markdown", config: Config | None = None) -> list[Finding]:
    """Lint a string and return its findings (the library entry point for other tools)."""
    doc = parse_text(text, path, format)
    return list(lint_document(doc, config or Config()).findings)
