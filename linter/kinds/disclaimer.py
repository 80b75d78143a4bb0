"""The `disclaimer` kind: a draft with no medical disclaimer or without its review metadata.

What it does: looks for any of the rule's `patterns` (a medical disclaimer) in the prose, and for
each required front-matter key (default from the rule, overridable by the run option
`required_front_matter`). A missing disclaimer is reported at the first line of the draft; each
missing key is named in the same finding's data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator, Mapping

import regex

from linter.document import Document
from linter.finding import Finding
from linter.kinds.advice import describe
from linter.kinds.base import Kind, RuleMeta, make_finding
from linter.knowledge import Knowledge
from linter.language.lexicon import compile_terms, search
from linter.schema import Field

FIELDS: dict[str, Field] = {
    "patterns": Field(list, required=True, items=str, help="phrases that make a medical disclaimer"),
    "front_matter": Field(list, default=["reviewed_by", "last_reviewed"], items=str,
                          help="front-matter keys every draft needs (run option required_front_matter wins)"),
    "disclaimer_message": Field(str, default="no medical disclaimer", help="message part for a missing disclaimer"),
    "front_matter_message": Field(str, default="missing front matter: {keys}", help="message part for missing keys"),
}


@dataclass(frozen=True)
class DisclaimerCheck:
    """A compiled `disclaimer` rule."""

    meta: RuleMeta
    pattern: regex.Pattern[str]
    required: tuple[str, ...]
    disclaimer_message: str
    front_matter_message: str

    def check(self, doc: Document) -> Iterator[Finding]:
        """Yield at most one finding naming everything missing."""
        front = doc.front_matter or {}
        missing_keys = [key for key in self.required if _blank(front.get(key))]
        has_disclaimer = search(self.pattern, doc.prose) is not None
        if has_disclaimer and not missing_keys:
            return
        parts = [] if has_disclaimer else [self.disclaimer_message]
        if missing_keys:
            parts.append(self.front_matter_message.format(keys=describe(missing_keys)))
        start, end = _first_line(doc)
        data = {"disclaimer": has_disclaimer, "missing_front_matter": missing_keys}
        yield make_finding(self.meta, doc, start, end, {"problems": "; ".join(parts)}, data=data)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _first_line(doc: Document) -> tuple[int, int]:
    """The first prose block with words in it, else the first line: the finding is about the whole draft."""
    block = next((b for b in doc.blocks if doc.prose[b.start:b.end].strip()), None)
    if block is not None:
        words = doc.prose[block.start:block.end]
        start = block.start + len(words) - len(words.lstrip())
        line_end = doc.text.find("\n", start)
        return start, block.end if line_end < 0 else min(block.end, line_end)
    line_end = doc.text.find("\n")
    return 0, len(doc.text) if line_end < 0 else line_end


def build(meta: RuleMeta, data: Mapping[str, Any], knowledge: Knowledge) -> DisclaimerCheck:
    """Compile a disclaimer rule; the run's `required_front_matter` setting overrides the rule's."""
    pattern = compile_terms(data["patterns"], where="patterns", source=meta.source)
    configured = knowledge.settings.get("required_front_matter")
    required = tuple(configured) if configured is not None else tuple(data["front_matter"])
    return DisclaimerCheck(meta, pattern, required, data["disclaimer_message"], data["front_matter_message"])


KIND = Kind("disclaimer", FIELDS, build, "a draft without a medical disclaimer or review metadata")
