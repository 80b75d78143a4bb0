"""Shared fixtures: the built-in rule set and a helper that lints text with chosen rules only."""

from __future__ import annotations

from typing import Callable

import pytest

from linter import lint_text
from linter.config import Config
from linter.finding import Finding


@pytest.fixture
def lint() -> Callable[..., list[Finding]]:
    """lint(text, select=..., fmt=...) -> findings, with only the selected rules enabled."""

    def run(text: str, select: str | tuple[str, ...] = "ALL", fmt: str = "markdown", **config: object) -> list[Finding]:
        selectors = (select,) if isinstance(select, str) else select
        return lint_text(text, format=fmt, config=Config(select=selectors, extend_select=selectors, **config))

    return run


def pytest_terminal_summary(terminalreporter, exitstatus, config):  # type: ignore[no-untyped-def]
    """Print the evaluation table at the end of every run, so CI logs carry the figures."""
    from pathlib import Path

    from linter.evaluation import report

    folder = Path(__file__).parent / "eval"
    try:
        table = report(folder)
    except Exception as exc:  # the table is informative only; failures show in test_evaluation
        table = f"evaluation table unavailable: {exc}"
    terminalreporter.section("evaluation set: precision and recall")
    terminalreporter.write_line(table)
