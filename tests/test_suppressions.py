"""Inline suppressions: reasons after `--`, ranges, and --report-unused-suppressions."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.cli import main
from linter.config import Config
from linter.engine import lint_document
from linter.finding import Finding
from linter.sources import parse_text
from linter.suppressions import parse_suppressions

# Meta rules (unused suppressions, unknown rules) obey --select like any other rule.
EDITORIAL = Config(select=("editorial", "meta"))


def lint(text: str, report_unused: bool = False) -> list[Finding]:
    """Findings of the editorial rules, with unused suppressions reported when asked."""
    return list(lint_document(parse_text(text, "a.md", "markdown"), EDITORIAL, report_unused).findings)


def test_reason_and_rules_are_parsed() -> None:
    doc = parse_text("<!-- draftlint-disable-next-line claims.x, editorial.hype -- cited in the sidebar -->\nA miracle.\n",
                     "a.md", "markdown")
    (directive,) = parse_suppressions(doc)
    assert (directive.action, directive.rules, directive.reason) == (
        "disable-next-line", ("claims.x", "editorial.hype"), "cited in the sidebar")
    assert (directive.first_line, directive.last_line) == (2, 2)


def test_a_reason_without_rules_silences_everything() -> None:
    doc = parse_text("<!-- draftlint-disable -- legacy page, rewrite pending -->\nTK miracle\n", "a.md", "markdown")
    (directive,) = parse_suppressions(doc)
    assert (directive.rules, directive.reason) == (None, "legacy page, rewrite pending")
    assert lint("<!-- draftlint-disable -- legacy page -->\nTK miracle\n") == []


def test_directive_without_reason_has_none() -> None:
    doc = parse_text("<!-- draftlint-disable-line editorial.hype --> miracle\n", "a.md", "markdown")
    assert parse_suppressions(doc)[0].reason is None


def test_next_line_suppression_with_reason_silences_only_its_rule_and_line() -> None:
    text = ("<!-- draftlint-disable-next-line editorial.hype -- quoted from the headline we criticise -->\n"
            "The miracle cure, TK.\n\nAnother miracle.\n")
    assert [(f.rule, f.line) for f in lint(text)] == [("editorial.placeholder", 2), ("editorial.hype", 4)]


def test_disable_enable_range_with_reasons() -> None:
    text = ("A miracle.\n\n<!-- draftlint-disable editorial.hype -- product names -->\n\nMiracle Sleep.\n\n"
            "<!-- draftlint-enable editorial.hype -->\n\nA miracle again.\n")
    assert [f.line for f in lint(text)] == [1, 9]


def test_unused_suppressions_are_reported_with_their_reason_only_when_asked() -> None:
    text = ("<!-- draftlint-disable-next-line editorial.hype -- cited in the sidebar -->\nPlain words.\n\n"
            "<!-- draftlint-disable-next-line editorial.placeholder -->\nTK\n")
    assert lint(text) == []
    (unused,) = lint(text, report_unused=True)
    assert (unused.rule, unused.severity, unused.line, unused.column) == ("meta.unused-suppression", "info", 1, 1)
    assert unused.message == "'draftlint-disable-next-line' suppresses nothing (reason given: cited in the sidebar)"


def test_unknown_rule_in_a_suppression_is_reported() -> None:
    (found,) = lint("<!-- draftlint-disable-next-line editorial.nope -- typo -->\nText.\n")
    assert (found.rule, found.message) == ("meta.unknown-rule", "suppression names unknown rule or category 'editorial.nope'")


def test_report_unused_suppressions_on_the_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("# A\n\n<!-- draftlint-disable-next-line editorial.hype -- old -->\nFine.\n",
                                   encoding="utf-8")
    args = ["check", "a.md", "--select", "editorial,meta", "--format", "concise", "--no-cache", "--fail-on", "info"]
    with pytest.raises(SystemExit) as quiet:
        main(args)
    assert quiet.value.code == 0
    assert capsys.readouterr().out == "0 findings in 1 file\n"
    with pytest.raises(SystemExit) as loud:
        main([*args, "--report-unused-suppressions"])
    assert loud.value.code == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        "a.md:3:1: info [meta.unused-suppression] 'draftlint-disable-next-line' suppresses nothing (reason given: old)")
