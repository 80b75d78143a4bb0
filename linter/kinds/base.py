"""The small interface every rule kind implements, and the helpers kinds share to build Findings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping, NamedTuple, Protocol

from linter.examples import Example
from linter.finding import Finding, Related
from linter.schema import Field

if TYPE_CHECKING:
    from linter.document import Document
    from linter.knowledge import Knowledge


@dataclass(frozen=True)
class RuleMeta:
    """What every rule has regardless of its kind."""

    id: str
    category: str
    kind: str
    severity: str
    message: str
    why: str
    suggestion: str | None
    summary: str
    examples: tuple[Example, ...]
    enabled: bool
    source: str
    url: str | None = None


class Check(Protocol):
    """A compiled rule: look at one document, yield findings."""

    meta: RuleMeta

    def check(self, doc: Document) -> Iterable[Finding]:
        """Yield the findings of this rule in `doc`."""
        ...


class CorpusCheck(Protocol):
    """A compiled rule that also compares facts across every draft of a run (opt-in)."""

    meta: RuleMeta

    def collect(self, doc: Document) -> Any:
        """Extract the small, picklable facts of one document that the corpus pass needs."""
        ...

    def check_corpus(self, facts: list[Any]) -> Iterable[Finding]:
        """Compare the facts of all documents and yield cross-draft findings."""
        ...


class Kind(NamedTuple):
    """A matching strategy: the keys its rule files may carry and how to compile them."""

    name: str
    fields: Mapping[str, Field]
    build: Callable[[RuleMeta, Mapping[str, Any], "Knowledge"], Check]
    summary: str


class _Defaults(dict):  # type: ignore[type-arg]
    """format_map helper: unknown placeholders stay visible instead of raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render(template: str, values: Mapping[str, Any]) -> str:
    """Fill `{name}` placeholders in a rule's message or suggestion."""
    try:
        return template.format_map(_Defaults(values))
    except (ValueError, IndexError):  # a stray brace in a publisher's message: show it raw
        return template


def make_finding(
    meta: RuleMeta,
    doc: Document,
    start: int,
    end: int,
    values: Mapping[str, Any] | None = None,
    *,
    message: str | None = None,
    severity: str | None = None,
    suggestion: str | None = None,
    related: Iterable[Related] = (),
    data: Mapping[str, Any] | None = None,
) -> Finding:
    """Build a Finding for doc.text[start:end] with the rule's message filled from `values`."""
    values = dict(values or {})
    values.setdefault("match", doc.prose[start:end].strip())
    text = render(message if message is not None else meta.message, values)
    hint = suggestion if suggestion is not None else meta.suggestion
    return Finding(
        path=doc.path,
        rule=meta.id,
        category=meta.category,
        severity=severity or meta.severity,
        message=text,
        span=doc.span(start, end),
        excerpt=doc.text[start:end],
        related=tuple(related),
        suggestion=render(hint, values) if hint else None,
        data=dict(data or {}),
        start=start,
        end=end,
    )


def related_at(doc: Document, start: int, end: int, message: str) -> Related:
    """A related location inside `doc`."""
    return Related(doc.path, doc.span(start, end), message)
