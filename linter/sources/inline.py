"""Inline Markdown: which characters of a paragraph are prose and which are markup."""

from __future__ import annotations

import html
import re
from typing import Iterator, Mapping

from linter.document import Comment, Link, normalize_label
from linter.sources.builder import DocumentBuilder

_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^\s<>]+)>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
# The destination is capped and matched atomically (lookahead + backreference): otherwise every
# `[x](` without a `)` rescanned and backtracked over the rest of the line.
_INLINE_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])+)\]\(\s*<?(?=([^\s)>]{0,2000}))\2>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
_REF_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])+)\]\[([^\]\n]*)\]")
_BARE_URL = re.compile(r"(?<![\w/(\[<])(?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]", re.IGNORECASE)
_EMPHASIS = re.compile(r"\*+|~~|(?<![\w])_+|_+(?![\w])")
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


class _Occupancy:
    """Which characters of a segment an earlier, stronger construct (code, link) already claimed."""

    def __init__(self, start: int, end: int) -> None:
        self.start = start
        self.bits = bytearray(end - start)

    def free(self, a: int, b: int) -> bool:
        """Whether no character of [a, b) is claimed yet."""
        return self.bits.find(1, a - self.start, b - self.start) < 0

    def take(self, a: int, b: int) -> None:
        """Claim [a, b)."""
        self.bits[a - self.start : b - self.start] = b"\x01" * (b - a)


def mark_inline(
    builder: DocumentBuilder, start: int, end: int, references: Mapping[str, str]
) -> None:
    """Mask inline markup inside text[start:end] and record links and comments."""
    text = builder.text
    claims = _Occupancy(start, end)
    for m in _CODE_SPAN.finditer(text, start, end):
        builder.mask(m.start(), m.end())
        claims.take(*m.span())
    for m in _comments(text, start, end):
        if claims.free(*m.span()):
            builder.mask(m.start(), m.end())
            builder.comments.append(Comment(m.group(0)[4:-3], m.start(), m.end()))
            claims.take(*m.span())
    for m in _AUTOLINK.finditer(text, start, end):
        if claims.free(*m.span()):
            builder.mask(m.start(), m.end())
            builder.links.append(Link(m.group(1), m.start(), m.end()))
            claims.take(*m.span())
    for m in _TAG.finditer(text, start, end):
        if claims.free(*m.span()):
            builder.mask(m.start(), m.end())
            claims.take(*m.span())
    for m in _IMAGE.finditer(text, start, end):
        if claims.free(*m.span()):
            builder.mask(m.start(), m.end())
            claims.take(*m.span())
    for m in _INLINE_LINK.finditer(text, start, end):
        if claims.free(*m.span()):
            _link(builder, m.start(), m.start(1), m.end(1), m.end(), m.group(2))
            claims.take(*m.span())
    for m in _REF_LINK.finditer(text, start, end):
        label = normalize_label(m.group(2) or m.group(1))
        if claims.free(*m.span()) and label in references:
            _link(builder, m.start(), m.start(1), m.end(1), m.end(), references[label])
            claims.take(*m.span())
    for m in _BARE_URL.finditer(text, start, end):
        if claims.free(*m.span()):
            builder.mask(m.start(), m.end())
            builder.links.append(Link(m.group(0), m.start(), m.end()))
            claims.take(*m.span())
    for pattern in (_EMPHASIS, _ESCAPE):
        for m in pattern.finditer(text, start, end):
            if claims.free(*m.span()):
                builder.mask(m.start(), m.end())
    for m in _ENTITY.finditer(text, start, end):
        if claims.free(*m.span()):
            decoded = html.unescape(m.group(0))
            builder.replace(m.start(), m.end(), decoded[:1] or " ")


def _comments(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """Comments in text[start:end]; stops at the first `<!--` no `-->` closes, since no later one
    can close either (matching each of them against the rest of the text was quadratic)."""
    pos = start
    while True:
        opening = text.find("<!--", pos, end)
        if opening < 0 or text.find("-->", opening + 4, end) < 0:
            return
        m = _COMMENT.match(text, opening, end)
        if m is None:  # pragma: no cover - a closing `-->` exists, so the lazy match succeeds
            return
        yield m
        pos = m.end()


def _link(builder: DocumentBuilder, start: int, text_start: int, text_end: int, end: int, url: str) -> None:
    """Keep a link's visible text as prose, blank its brackets and target, remember the target."""
    builder.mask(start, text_start)
    builder.mask(text_end, end)
    builder.links.append(Link(url, text_start, text_end))


def normalize_references(references: Mapping[str, object]) -> dict[str, str]:
    """Turn markdown-it's reference table into label -> URL with our label normalisation."""
    table: dict[str, str] = {}
    for label, value in references.items():
        href = value.get("href") if isinstance(value, dict) else None
        if isinstance(href, str):
            table[normalize_label(label)] = href
    return table
