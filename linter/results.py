"""What linting one file produced, as the runner, the cache and worker processes pass it around."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from linter.errors import DraftlintError
from linter.finding import Finding


@dataclass(frozen=True)
class FileResult:
    """What linting one file produced: findings, corpus facts, or the error that stopped it."""

    display: str
    findings: tuple[Finding, ...]
    facts: tuple[tuple[str, Any], ...] = ()  # (rule id, facts) for cross-draft rules
    error: DraftlintError | None = None
