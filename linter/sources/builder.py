"""Assemble a Document from what a front end found: prose ranges, blocks, links and comments."""

from __future__ import annotations

import re
from typing import Any, Mapping

from linter.document import Block, Comment, Document, Link, Sentence, normalize_label
from linter.language.sentences import split_sentences

_NOT_NEWLINE = re.compile(r"[^\r\n]")
# A footnote or reference definition written as prose: "[1]: Smith J. Sleep. 2020."
_DEFINITION = re.compile(r"^[ \t]{0,3}\[([^\]\r\n]{1,40})\]:[ \t]*(\S[^\r\n]*)", re.MULTILINE)
# A numbered reference without the colon, as plain-text drafts write them: "[1] EFSA Panel ...
# EFSA Journal 2011;9(6):2241." It must read like a reference (a year, a link or a DOI), so a
# bracketed number opening an ordinary line ("[1] Take it with food") defines nothing.
_NUMBERED_REFERENCE = re.compile(
    r"^[ \t]{0,3}\[(\d{1,3})\][ \t]+(\S[^\r\n]*?(?:\b(?:19|20)\d\d\b|https?://|\bdoi\b)[^\r\n]*)",
    re.MULTILINE | re.IGNORECASE)


def blank(segment: str) -> str:
    """Replace every character but line breaks with a space, keeping offsets and lines intact."""
    return _NOT_NEWLINE.sub(" ", segment)


class DocumentBuilder:
    """Collects prose ranges and structure; every offset refers to the original text."""

    def __init__(self, path: str, text: str, fmt: str) -> None:
        self.path = path
        self.text = text
        self.format = fmt
        self.blocks: list[Block] = []
        self.links: list[Link] = []
        self.comments: list[Comment] = []
        self.notes: list[tuple[str, int, int, str]] = []
        self.front_matter: Mapping[str, Any] | None = None
        self.definitions: dict[str, Link] = {}
        self._keep: list[tuple[int, int]] = []
        self._masks: list[tuple[int, int]] = []
        self._replacements: list[tuple[int, int, str]] = []

    def keep(self, start: int, end: int) -> None:
        """Mark text[start:end] as prose."""
        if start < end:
            self._keep.append((start, end))

    def mask(self, start: int, end: int) -> None:
        """Blank text[start:end] even inside kept prose (inline markup, code spans, URLs)."""
        if start < end:
            self._masks.append((start, end))

    def replace(self, start: int, end: int, char: str) -> None:
        """Show a decoded entity as one character followed by spaces (`&amp;` reads `&    `); a
        letter inside a word repeats itself instead, so "Gon&ccedil;alves" stays one word."""
        if start < end:
            text = self.text
            inside_word = char.isalpha() and text[start - 1:start].isalpha() and text[end:end + 1].isalpha()
            self._replacements.append((start, end, char + (char if inside_word else " ") * (end - start - 1)))

    def add_block(self, kind: str, start: int, end: int, level: int = 0) -> None:
        """Record a block of prose."""
        if start < end:
            self.blocks.append(Block(kind, start, end, level))

    def note(self, rule: str, start: int, end: int, message: str) -> None:
        """Record a problem found while reading the draft; it becomes a `meta` finding."""
        self.notes.append((rule, start, end, message))

    def build(self) -> Document:
        """Produce the Document with prose text and sentences."""
        prose = self._prose()
        blocks = sorted(self.blocks, key=lambda b: (b.start, b.end))
        sentences: list[Sentence] = []
        for index, block in enumerate(blocks):
            for start, end in split_sentences(prose, block.start, block.end):
                sentences.append(Sentence(start, end, index, len(sentences)))
        for pattern in (_DEFINITION, _NUMBERED_REFERENCE):
            for m in pattern.finditer(prose):
                label = normalize_label(m.group(1))
                self.definitions.setdefault(label, Link(m.group(2).strip(), m.start(), m.end()))
        return Document(
            path=self.path,
            text=self.text,
            prose=prose,
            format=self.format,
            blocks=blocks,
            sentences=sentences,
            links=sorted(self.links, key=lambda link: link.start),
            comments=sorted(self.comments, key=lambda c: c.start),
            front_matter=self.front_matter,
            notes=self.notes,
            definitions=self.definitions,
        )

    def _prose(self) -> str:
        text = self.text
        holes = _merge(self._masks + [(a, b) for a, b, _ in self._replacements])
        keep = _subtract(_merge(self._keep), holes)
        if keep == [(0, len(text))]:
            return text
        # Replacements show as pieces of their own, interleaved with kept prose by position.
        pieces_at = [(a, b, text[a:b]) for a, b in keep]
        pieces_at += self._replacements
        pieces: list[str] = []
        pos = 0
        for start, end, piece in sorted(pieces_at):
            if start < pos:  # overlapping replacement: the first one wins
                continue
            pieces.append(blank(text[pos:start]))
            pieces.append(piece)
            pos = end
        pieces.append(blank(text[pos:]))
        return "".join(pieces)


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort and merge overlapping or touching ranges."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _subtract(ranges: list[tuple[int, int]], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Remove merged `holes` from merged `ranges` in one linear sweep."""
    result: list[tuple[int, int]] = []
    i = 0
    for start, end in ranges:
        while i < len(holes) and holes[i][1] <= start:
            i += 1
        j = i
        while start < end:
            if j >= len(holes) or holes[j][0] >= end:
                result.append((start, end))
                break
            hole_start, hole_end = holes[j]
            if hole_start > start:
                result.append((start, hole_start))
            start = max(start, hole_end)
            j += 1
    return result
