"""Where draftlint's own rule files live, found without loading any rule."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=None)
def builtin_rules_dir() -> Path:
    """The built-in rules: packaged inside `linter` when installed, `rules/` in a source checkout."""
    packaged = Path(__file__).resolve().parent / "builtin_rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "rules"
