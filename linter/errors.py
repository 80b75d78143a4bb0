"""Errors that end a run with exit code 2 and a one-line message naming the file at fault."""

from __future__ import annotations


class DraftlintError(Exception):
    """A user-facing failure: bad usage, config, rule file or unreadable input."""

    def __init__(self, message: str, path: str | None = None, hint: str | None = None) -> None:
        self.path = path
        self.hint = hint
        super().__init__(message)

    def one_line(self) -> str:
        """Render as `path: message (hint)` on a single line."""
        text = str(self).replace("\n", " ")
        if self.path:
            text = f"{self.path}: {text}"
        if self.hint:
            text = f"{text} ({self.hint})"
        return text


class RuleError(DraftlintError):
    """A rule or substance file that cannot be loaded."""


class ConfigError(DraftlintError):
    """A configuration file that cannot be used."""


class InputError(DraftlintError):
    """A draft that cannot be read."""
