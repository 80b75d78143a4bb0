"""The `pattern` kind: flag every match of a lexicon, unless an exception covers it.

What it does: searches the draft's prose (never code, front matter, comments or URLs) for any of
the rule's `patterns`, limited to one `scope` of block (headings, list items ...) if given.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator, Mapping

import regex

from linter.document import Document
from linter.finding import Finding
from linter.kinds.base import Kind, RuleMeta, make_finding
from linter.knowledge import Knowledge
from linter.language.lexicon import compile_terms, find_all
from linter.schema import Field

SCOPES: tuple[str, ...] = ("prose", "heading", "paragraph", "list_item", "quote", "table_cell")

FIELDS: dict[str, Field] = {
    "patterns": Field(list, required=True, items=str, help="regex fragments; a space matches any white space"),
    "exceptions": Field(list, default=[], items=str, help="a match overlapping one of these is not flagged"),
    "scope": Field(str, default="prose", choices=SCOPES),
    "ignore_case": Field(bool, default=True),
    "whole_words": Field(bool, default=True),
}


@dataclass(frozen=True)
class PatternCheck:
    """A compiled `pattern` rule."""

    meta: RuleMeta
    pattern: regex.Pattern[str]
    exceptions: regex.Pattern[str] | None
    scope: str

    def check(self, doc: Document) -> Iterator[Finding]:
        """Yield one finding per match inside the scope."""
        for m in find_all(self.pattern, doc.prose):
            block = doc.block_at(m.start())
            if block is None or m.end() > block.end:
                continue
            if self.scope != "prose" and block.kind != self.scope:
                continue
            if self.exceptions is not None and self._excepted(doc, m.start(), m.end(), block.start, block.end):
                continue
            yield make_finding(self.meta, doc, m.start(), m.end())

    def _excepted(self, doc: Document, start: int, end: int, block_start: int, block_end: int) -> bool:
        assert self.exceptions is not None
        return any(e.start() < end and e.end() > start for e in find_all(self.exceptions, doc.prose, block_start, block_end))


def build(meta: RuleMeta, data: Mapping[str, Any], knowledge: Knowledge) -> PatternCheck:
    """Compile a pattern rule."""
    options = dict(whole_words=data["whole_words"], ignore_case=data["ignore_case"], source=meta.source)
    pattern = compile_terms(data["patterns"], where="patterns", **options)
    exceptions = compile_terms(data["exceptions"], where="exceptions", **options) if data["exceptions"] else None
    return PatternCheck(meta, pattern, exceptions, data["scope"])


KIND = Kind("pattern", FIELDS, build, "flag any match of a list of patterns, with exceptions and a scope")
