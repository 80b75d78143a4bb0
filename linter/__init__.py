"""draftlint: a content-audit linter for health writing.

Library use::

    from linter import lint_text, lint_paths
    findings = lint_text("Valerian cures insomnia.")
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from linter.version import __version__

if TYPE_CHECKING:
    from linter.config import Config
    from linter.finding import Finding

__all__ = ["__version__", "lint_text", "lint_paths"]


def lint_text(text: str, *, path: str = "<text>", format: str = "markdown", config: Config | None = None) -> list[Finding]:
    """Lint one string of Markdown, plain text or HTML and return its findings."""
    from linter.engine import lint_text as _lint_text

    return _lint_text(text, path=path, format=format, config=config)


def lint_paths(paths: Iterable[str | Path], config: Config | None = None) -> list[Finding]:
    """Lint files and folders and return every finding; unreadable inputs raise DraftlintError."""
    from linter.runner import RunOptions, run

    options = RunOptions(config=config)
    result = run([Path(p) for p in paths], options)
    if result.errors:
        raise result.errors[0]
    return result.findings
