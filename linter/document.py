"""The Document model shared by every rule: text, positions, blocks, sentences, links, comments."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any, Callable, Hashable, Mapping, TypeVar

from linter.finding import Span

_LINE_BREAK = re.compile(r"\r\n|\r|\n")

T = TypeVar("T")

BLOCK_KINDS: tuple[str, ...] = ("heading", "paragraph", "list_item", "quote", "table_cell")


def normalize_label(label: str) -> str:
    """Footnote and reference labels match case-insensitively with collapsed white space."""
    return " ".join(label.split()).casefold()


@dataclass(frozen=True)
class Block:
    """A run of prose with its kind; `start`/`end` are offsets into the document text."""

    kind: str
    start: int
    end: int
    level: int = 0  # heading level, or nesting depth of lists and quotes


@dataclass(frozen=True)
class Sentence:
    """A sentence (or a heading, or a list item without final punctuation) inside one block."""

    start: int
    end: int
    block: int  # index into Document.blocks
    index: int  # position in Document.sentences


@dataclass(frozen=True)
class Link:
    """A link target kept as evidence: `start`/`end` cover the visible text (or the bare URL)."""

    url: str
    start: int
    end: int


@dataclass(frozen=True)
class Comment:
    """An HTML comment in the source, where inline suppressions live."""

    body: str
    start: int
    end: int


class LineIndex:
    """Maps character offsets to 1-based line and code-point column, honouring CRLF, CR and LF."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
        self.length = len(text)

    def position(self, offset: int) -> tuple[int, int]:
        """Return (line, column) for a character offset, both 1-based."""
        offset = max(0, min(offset, self.length))
        line = bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def span(self, start: int, end: int) -> Span:
        """Return the Span of the half-open offset range [start, end)."""
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Span(line, column, end_line, end_column)

    def line_start(self, line: int) -> int:
        """Offset of the first character of a 1-based line."""
        return self.starts[max(0, min(line - 1, len(self.starts) - 1))]

    @property
    def line_count(self) -> int:
        """Number of lines, counting a final line without a newline."""
        return len(self.starts)


@dataclass
class Document:
    """A parsed draft.

    `prose` has the same length as `text`; every character that is not prose (markup, code,
    front matter, comments, URLs) is replaced by a space, line breaks are kept. Rules search
    `prose`, so every match offset is also an offset into the original text.
    """

    path: str
    text: str
    prose: str
    format: str
    blocks: list[Block]
    sentences: list[Sentence]
    links: list[Link] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    front_matter: Mapping[str, Any] | None = None
    notes: list[tuple[str, int, int, str]] = field(default_factory=list)  # (rule, start, end, message)
    definitions: dict[str, Link] = field(default_factory=dict)  # footnote / reference label -> target
    _lines: LineIndex | None = field(default=None, repr=False)
    # What rule kinds derive from the draft and share: claim hits, dose statements, advice...
    _derived: dict[Hashable, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def lines(self) -> LineIndex:
        """The line index, built on first use."""
        if self._lines is None:
            self._lines = LineIndex(self.text)
        return self._lines

    def span(self, start: int, end: int) -> Span:
        """Span for an offset range."""
        return self.lines.span(start, end)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing `offset`, if any."""
        return _containing(self.sentences, self._starts("sentences"), offset)

    def next_sentence(self, sentence: Sentence) -> Sentence | None:
        """The sentence after `sentence` (in whatever block), or None at the end of the draft."""
        following = sentence.index + 1
        return self.sentences[following] if following < len(self.sentences) else None

    def block_at(self, offset: int) -> Block | None:
        """The block containing `offset`, if any."""
        return _containing(self.blocks, self._starts("blocks"), offset)

    def block_index(self, offset: int) -> int:
        """The index of the last block that starts at or before `offset` (-1 before the first)."""
        return bisect_right(self._starts("blocks"), offset) - 1

    def derived(self, key: Hashable, compute: Callable[[], T]) -> T:
        """`compute()`, once per document and key: what one rule kind derives from the draft,
        every rule of that kind (and any other kind) reads again for free."""
        if key not in self._derived:
            self._derived[key] = compute()
        return self._derived[key]  # type: ignore[no-any-return]

    def _starts(self, name: str) -> list[int]:
        """Start offsets of `self.<name>` (sorted by start), computed once for bisecting."""
        key = ("starts", name)
        cached = self._derived.get(key)  # on every bisect: no closure for `derived`
        if cached is None:
            cached = self._derived[key] = [item.start for item in getattr(self, name)]
        return cached  # type: ignore[no-any-return]

    def sentence_text(self, sentence: Sentence) -> str:
        """The prose of a sentence (markup blanked out)."""
        return self.prose[sentence.start : sentence.end]

    def links_in(self, start: int, end: int) -> list[Link]:
        """Links whose visible text overlaps [start, end), in order of their start."""
        ordered, starts, reach = self.derived("links by start", self._links_by_start)
        # every link before `lo` ends by `start` (reach[i] is the furthest end of links[0..i]);
        # none from `hi` on starts before `end`: a sentence's evidence costs a bisect, not a scan
        lo, hi = bisect_right(reach, start), bisect_left(starts, end)
        return [link for link in ordered[lo:hi] if link.end > start]

    def _links_by_start(self) -> tuple[list[Link], list[int], list[int]]:
        ordered = sorted(self.links, key=lambda link: link.start)
        reach: list[int] = []
        for link in ordered:
            reach.append(max(link.end, reach[-1]) if reach else link.end)
        return ordered, [link.start for link in ordered], reach


def _containing(items: list[Any], starts: list[int], offset: int) -> Any:
    """The item of a start-sorted, non-overlapping list whose [start, end) holds `offset`."""
    i = bisect_right(starts, offset) - 1
    if i >= 0 and offset < items[i].end:
        return items[i]
    return None
