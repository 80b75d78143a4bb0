"""Plain-text front end: blank-line paragraphs, list lines, and unpunctuated lines as headings."""

from __future__ import annotations

import re

from linter.sources.builder import DocumentBuilder

# Chunks start only at a line start: tried at every offset, a long blank line made this quadratic.
_CHUNK = re.compile(r"(?<![^\r\n])(?:[^\r\n]*\S[^\r\n]*(?:\r\n|\r|\n|$))+")
_LINE = re.compile(r"[^\r\n]*")
# A list marker, or a transcript's timestamp ("[0:45] so together they fix your sleep"): each
# such line is a unit of its own, though transcripts seldom end a line with a full stop. Social
# posts bullet their lines with a symbol or an emoji (arrows, dingbats, pictographs).
_SYMBOL_BULLET = "[\u2190-\u21ff\u2600-\u27bf\u2b00-\u2bff\U0001f300-\U0001faff]\ufe0f?"
_LIST_MARKER = re.compile(
    r"[ \t]*(?:[-*+\u2022\u2013]|\d{1,3}[.)]|[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?|" + _SYMBOL_BULLET + r")[ \t]+")
# A line that starts with white space: under a list item, the item's wrapped text.
_INDENTED = re.compile(r"[ \t]+\S")
# A numbered line ("4) CALM NIGHT TEA"): in capitals, it heads what follows.
_NUMBERED = re.compile(r"[ \t]*\d{1,3}[.)][ \t]")
_FINAL_PUNCTUATION = tuple(".!?:;,)\"'\u201d\u2019")
# The first line of a hard-wrapped paragraph: a sentence ends inside it, or it is as long as a
# wrapped line. Such a line runs on into the next one and is no heading.
_WRAP_WIDTH = 60
_WRAPPED = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+\S|^.{%d,}$" % _WRAP_WIDTH)

# A line of one repeated symbol: a rule between sections.
_RULE_LINE = re.compile(r"[ \t]*([-=_*~#+.])\1{2,}[ \t]*")
# What starts a new unit after such a line: a capital, a digit, a quote, a symbol.
_STARTS_ANEW = re.compile(r"[ \t]*(?:[A-Z0-9\"\u201c(\[]|" + _SYMBOL_BULLET + r")")


def read_plaintext(builder: DocumentBuilder, start: int = 0) -> None:
    """Fill the builder from plain text (from offset `start` on: the Markdown fallback skips front matter)."""
    text = builder.text
    builder.keep(start, len(text))
    # Computed once: stripping the whole text per chunk made a large draft quadratic.
    content_end = len(text.rstrip())
    for chunk in _CHUNK.finditer(text, start):
        lines = [m for m in _LINE.finditer(text, chunk.start(), chunk.end()) if m.group(0).strip()]
        _read_chunk(builder, lines, has_next=chunk.end() < content_end)


def _read_chunk(builder: DocumentBuilder, lines: list[re.Match[str]], has_next: bool) -> None:
    # a rule line ("-----", "=====") parts what it sits between, like a heading of its own
    rules = [i for i, line in enumerate(lines) if _RULE_LINE.fullmatch(line.group(0))]
    if rules and len(lines) > 1:
        bounds = [-1, *rules, len(lines)]
        for a, b in zip(bounds, bounds[1:]):
            _read_chunk(builder, lines[a + 1:b], has_next=has_next or b < len(lines))
            if b < len(lines):
                builder.add_block("heading", *_stripped(lines[b]))
        return
    if not lines:
        return
    first = lines[0]
    first_text = first.group(0).strip()
    followed_by_prose = len(lines) > 1 or has_next
    if (
        followed_by_prose
        and len(first_text) <= 120
        and _unpunctuated(first_text)
        and not _LIST_MARKER.match(first.group(0))
        and not (len(lines) > 1 and _WRAPPED.search(first_text))
    ):
        builder.add_block("heading", *_stripped(first))
        lines = lines[1:]
    paragraph: list[re.Match[str]] = []
    item: tuple[int, int] | None = None  # the list item read last, while indented lines continue it
    wrapped = False  # whether the item has run on to a line flush left
    for i, line in enumerate(lines):
        marker = _LIST_MARKER.match(line.group(0))
        indented = _INDENTED.match(line.group(0)) is not None
        # (an item's lines run unbroken, so the line before is the item's last one)
        if item is not None and not marker and (indented or wrapped or _stands_wrapped(lines[i - 1].group(0))):
            # "- people who ate cherries had fewer attacks\n  over two days (Zhang, 2012)": one
            # item, so its sentence keeps the citation on the wrapped line; a transcript wraps
            # its timestamped lines flush left ("[02:11] ... doubled the blood\nflow in ..."),
            # and such a turn runs on to the next timestamp
            wrapped = wrapped or not indented
            item = (item[0], _stripped(line)[1])
            continue
        _flush_item(builder, item)
        item = None
        if marker and _NUMBERED.match(line.group(0)) and _capitals_only(line.group(0)):
            _flush(builder, paragraph)
            paragraph = []
            builder.add_block("heading", *_stripped(line))
        elif marker:
            _flush(builder, paragraph)
            paragraph = []
            start = line.start() + marker.end()
            item = (start, _stripped(line)[1])
            wrapped = False
            builder.mask(line.start(), start)
        elif paragraph and _stands_alone(paragraph[-1].group(0)) and _STARTS_ANEW.match(line.group(0)):
            # the line before ended with no punctuation and was too short to be wrapped: a
            # label, a title or a caption of its own ("Blackout curtains that changed my life")
            last = paragraph.pop()
            _flush(builder, paragraph)
            builder.add_block("heading" if _capitals_only(last.group(0)) else "paragraph", *_stripped(last))
            paragraph = [line]
        else:
            paragraph.append(line)
    _flush_item(builder, item)
    _flush(builder, paragraph)


def _stands_alone(line: str) -> bool:
    """A line that ends unpunctuated and is too short to be a wrapped line of a paragraph."""
    text = line.strip()
    return len(text) < _WRAP_WIDTH and _unpunctuated(text)


def _stands_wrapped(line: str) -> bool:
    """A line that ends unpunctuated and is as long as a wrapped line: the next one carries it on."""
    text = line.strip()
    return len(text) >= _WRAP_WIDTH and _unpunctuated(text)


def _unpunctuated(text: str) -> bool:
    """Whether a line's text ends with no closing punctuation mark."""
    return not text.endswith(_FINAL_PUNCTUATION)


def _capitals_only(line: str) -> bool:
    """A line in capitals ("4) CALM NIGHT HERBAL TEA (20 bags)"): a numbered heading, not a list item."""
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _flush_item(builder: DocumentBuilder, item: tuple[int, int] | None) -> None:
    if item is not None:
        builder.add_block("list_item", *item)


def _flush(builder: DocumentBuilder, lines: list[re.Match[str]]) -> None:
    if lines:
        builder.add_block("paragraph", _stripped(lines[0])[0], _stripped(lines[-1])[1])


def _stripped(line: re.Match[str]) -> tuple[int, int]:
    value = line.group(0)
    start = line.start() + len(value) - len(value.lstrip())
    end = line.start() + len(value.rstrip())
    return start, end
