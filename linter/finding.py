"""The Finding record: the one contract every rule produces and every reporter consumes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

SEVERITIES: tuple[str, ...] = ("info", "warning", "error")
SEVERITY_RANK: dict[str, int] = {name: rank for rank, name in enumerate(SEVERITIES)}
CATEGORIES: tuple[str, ...] = ("claims", "warnings", "dosing", "timing", "editorial", "meta")


@dataclass(frozen=True)
class Span:
    """A 1-based region of a file; columns count code points and the end column is exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True)
class Related:
    """Another place that explains a finding, such as the first statement of a contradicted dose."""

    path: str
    span: Span
    message: str

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Related:
        """Rebuild a related location from its JSON shape."""
        return cls(data["path"], Span(data["line"], data["column"], data["end_line"], data["end_column"]), data["message"])

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape of a related location."""
        return {
            "path": self.path,
            "line": self.span.line,
            "column": self.span.column,
            "end_line": self.span.end_line,
            "end_column": self.span.end_column,
            "message": self.message,
        }


@dataclass(frozen=True)
class Finding:
    """One defect found in one draft."""

    path: str
    rule: str
    category: str
    severity: str
    message: str
    span: Span
    excerpt: str
    related: tuple[Related, ...] = ()
    suggestion: str | None = None
    data: Mapping[str, Any] = field(default_factory=dict)
    # Character offsets into the decoded text; they drive suppressions and the changed-lines
    # filter, and never appear in output.
    start: int = field(default=0, compare=False)
    end: int = field(default=0, compare=False)

    @property
    def line(self) -> int:
        """First line of the flagged span."""
        return self.span.line

    @property
    def column(self) -> int:
        """First column of the flagged span."""
        return self.span.column

    def sort_key(self) -> tuple[Any, ...]:
        """Order findings by file, position, then rule, so output never depends on run order."""
        s = self.span
        return (self.path, s.line, s.column, s.end_line, s.end_column, self.rule, self.message)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        """Rebuild a Finding from its JSON shape (plus optional `start`/`end` offsets), losslessly."""
        return cls(
            path=data["path"],
            rule=data["rule"],
            category=data["category"],
            severity=data["severity"],
            message=data["message"],
            span=Span(data["line"], data["column"], data["end_line"], data["end_column"]),
            excerpt=data["excerpt"],
            related=tuple(Related.from_dict(r) for r in data["related"]),
            suggestion=data["suggestion"],
            data=dict(data["data"]),
            start=data.get("start", 0),
            end=data.get("end", 0),
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape fixed by the design brief."""
        s = self.span
        return {
            "path": self.path,
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "line": s.line,
            "column": s.column,
            "end_line": s.end_line,
            "end_column": s.end_column,
            "excerpt": self.excerpt,
            "related": [r.to_dict() for r in self.related],
            "suggestion": self.suggestion,
            "data": dict(self.data),
        }


def at_least(severity: str, level: str) -> bool:
    """Whether `severity` is at or above `level`."""
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[level]
