"""HTML front end: visible text only, block structure from tags, positions in the original source."""

from __future__ import annotations

import html
import re
from collections import Counter
from html.parser import HTMLParser

from linter.document import Comment, Link
from linter.sources.builder import DocumentBuilder

_BLOCK_TAGS: dict[str, str] = {
    **{f"h{i}": "heading" for i in range(1, 7)},
    "p": "paragraph",
    "li": "list_item",
    "dt": "list_item",
    "dd": "list_item",
    "blockquote": "quote",
    "td": "table_cell",
    "th": "table_cell",
    "caption": "paragraph",
    "figcaption": "paragraph",
}
# Tags that end the current block even though they are not themselves a block kind.
_BREAKING_TAGS = frozenset(
    "div section article aside header footer main nav ul ol dl table tr thead tbody tfoot hr form "
    "figure details summary body html br".split()
)
_HIDDEN_TAGS = frozenset("script style noscript template head title svg math pre code textarea".split())
_VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_CR_ALONE = re.compile(r"\r(?!\n)")
_NESTING_TAGS = ("ul", "ol", "blockquote")
# A signature's dash already written before a <cite>: "&mdash; <cite>Jamie R.</cite>"
_DASHES = ("-", "\u2013", "\u2014", "&mdash;", "&ndash;", "&#8212;", "&#8211;")


class _VisibleText(HTMLParser):
    """Feeds visible text runs, links and comments to a DocumentBuilder."""

    def __init__(self, builder: DocumentBuilder, line_starts: list[int]) -> None:
        super().__init__(convert_charrefs=False)
        self.builder = builder
        self.line_starts = line_starts
        self.stack: list[str] = []
        # Kept beside the stack so that tags never closed (`<p>` spam) cost O(1) per tag, not O(depth).
        self.kinds: list[str] = []  # the innermost block kind at each stack level
        self.open: Counter[str] = Counter()
        self.hidden = 0
        self.block_start = -1
        self.block_end = -1
        self.block_kind = "paragraph"
        self.anchor: tuple[str, int] | None = None

    def source_offset(self) -> int:
        """Offset in the full text of the parser's current position."""
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden += 1
        if tag in _BLOCK_TAGS or tag in _BREAKING_TAGS:
            self.close_block()
        if tag == "cite" and not self.hidden and (self.open["blockquote"] or self.open["figure"]):
            # a quotation's <cite> names who said it: read it as a signature, '..." - Margaret'
            start = self.source_offset()
            before = self.builder.text[max(0, start - 12):start].rstrip()
            if not before.endswith(_DASHES):
                self.builder.replace(start, start + len(self.get_starttag_text() or "<cite>"), "\u2014")
        if tag == "a":
            href = dict(attrs).get("href") or ""
            self.anchor = (href, self.source_offset() + len(self.get_starttag_text() or ""))
        if tag not in _VOID_TAGS:
            self.stack.append(tag)
            self.kinds.append(_BLOCK_TAGS.get(tag, self.kinds[-1] if self.kinds else "paragraph"))
            self.open[tag] += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS or tag in _BREAKING_TAGS:
            self.close_block()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS and self.hidden:
            self.hidden -= 1
        if tag in _BLOCK_TAGS or tag in _BREAKING_TAGS:
            self.close_block()
        if tag == "a" and self.anchor is not None:
            href, start = self.anchor
            self.builder.links.append(Link(href, start, max(start, self.source_offset())))
            self.anchor = None
        if self.open[tag]:
            while self.stack:
                popped = self.stack.pop()
                self.kinds.pop()
                self.open[popped] -= 1
                if popped == tag:
                    break

    def handle_data(self, data: str) -> None:
        if self.hidden or not data.strip():
            return
        start = self.source_offset()
        self.extend(start, start + len(data))

    def handle_entityref(self, name: str) -> None:
        self.handle_reference(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.handle_reference(f"&#{name};")

    def handle_reference(self, raw: str) -> None:
        if self.hidden:
            return
        start = self.source_offset()
        source = self.builder.text
        end = start + len(raw) if source.startswith(raw, start) else start + len(raw) - 1
        decoded = html.unescape(raw)
        self.builder.replace(start, end, decoded[:1] or " ")
        self.extend(start, end)

    def handle_comment(self, data: str) -> None:
        start = self.source_offset()
        self.builder.comments.append(Comment(data, start, start + len(data) + 7))

    def extend(self, start: int, end: int) -> None:
        """Add a visible run to the current block."""
        self.builder.keep(start, end)
        if self.block_start < 0:
            self.block_start = start
            self.block_kind = self.current_kind()
        self.block_end = end

    def current_kind(self) -> str:
        return self.kinds[-1] if self.kinds else "paragraph"

    def close_block(self) -> None:
        if self.block_start >= 0:
            depth = sum(self.open[tag] for tag in _NESTING_TAGS)
            self.builder.add_block(self.block_kind, self.block_start, self.block_end, depth)
        self.block_start = self.block_end = -1


def read_html(builder: DocumentBuilder) -> None:
    """Fill the builder from a whole HTML document."""
    read_html_range(builder, 0, len(builder.text))


def read_html_range(builder: DocumentBuilder, start: int, end: int) -> None:
    """Read the HTML in text[start:end] (a whole page, or an HTML block inside Markdown)."""
    # The parser counts lines by LF only; give it a copy whose line breaks are all LF-terminated
    # but which keeps every offset (a lone CR becomes LF, CRLF stays two characters).
    source = _CR_ALONE.sub("\n", builder.text[start:end])
    cut = _unterminated_comment(source)
    if cut >= 0:
        # Browsers hide everything after an unclosed `<!--`; so does draftlint, and it says so.
        builder.comments.append(Comment(builder.text[start + cut + 4 : end], start + cut, end))
        builder.note("meta.parse", start + cut, start + cut + 4,
                     "HTML comment is never closed with '-->': the rest of the draft is hidden from readers")
        source = source[:cut]
    source = _inert_tail(source)
    line_starts = [start] + [start + m.end() for m in re.finditer("\n", source)]
    parser = _VisibleText(builder, line_starts)
    try:
        parser.feed(source)
        parser.close()
    except Exception as exc:  # html.parser is lenient; anything left is reported, not raised
        builder.note("meta.parse", start, min(end, start + 1), f"HTML could not be fully read: {exc}")
    parser.close_block()


def _unterminated_comment(source: str) -> int:
    """Offset of the first `<!--` that no `-->` closes, or -1."""
    opening = source.find("<!--")
    while opening >= 0:
        closing = source.find("-->", opening + 4)
        if closing < 0:
            return opening
        opening = source.find("<!--", closing + 3)
    return -1


def _inert_tail(source: str) -> str:
    """Disarm `<` after the last `>`: no tag can end there, and html.parser rescans the rest of the
    text from each such `<` (quadratic on a long tail). It would read them as text anyway."""
    tail = source.rfind(">") + 1
    if source.find("<", tail) < 0:
        return source
    return source[:tail] + source[tail:].replace("<", "\ufffc")
