"""Sentence splitting that survives abbreviations, decimals, initials and dotted acronyms."""

from __future__ import annotations

import re
from typing import Iterator

import regex

# A candidate end: terminal punctuation, closing quotes or brackets, then white space or the end.
# A footnote marker right after the stop ("...a little.[4] Melatonin ...", "...^2 Next") belongs
# to the sentence it closes, not to the next one; so does one a few blanks after it, where the
# markup of a superscript stood ("food.<sup>[3]</sup> Pumpkin ..." read as "food.   [3]   Pumpkin").
_CANDIDATE = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?:[ \t]*\[\d{1,3}(?:[,\u2013-]\s?\d{1,3})*\]|\^\d{1,3})*(?=\s|$)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_NEXT_CHAR = re.compile(r"\s*(\S)")

# Abbreviations that never end a sentence in this domain (compared lower-case, without the dot).
_NON_TERMINAL = frozenset(
    """e.g i.e dr mr mrs ms prof st sr jr vs approx cf fig figs no nos al ca est incl
    resp vol pp ed eds dept mt ft ave inc ltd co corp jan feb mar apr jun jul aug sep sept
    oct nov dec""".split()
)
# Abbreviations that may end a sentence: only a following capital letter decides.
_MAYBE_TERMINAL = frozenset("etc".split())


# A line that opens with a quotation mark after a line that ends a thought: a new quote (a
# customer's line under another's signature: '- Jenna R., verified buyer\n"One gummy and ...').
# A line that opens with a symbol is an item of a list drawn with it ("✨ Glycine 10 g", "• 300 mg
# with dinner"), even with no full stop on the line before; so is a line that opens with a short
# label, as an email's or a carton's lines do ("Subject: ...", "Preview text: ...", "Directions: ..."),
# or with a chat log's time stamp ("[Mon 07:50] bex: ...", "[07/05 19:45] Tom B: ...",
# "12/03/2024, 21:07 - Kim: ...").
# A line break after a line that does not run on into the next (no comma, colon or dash at its end).
_BREAK = r"(?<![,:;(\-\u2013\u2014])[ \t]*\n[ \t]*"
# A line that ends on a word that needs what follows ("the ad's promise that it's\n"100% safe"")
# runs on into a quotation on the next line.
_NEEDS_MORE = (r"(?<!\b(?:that|it['\u2019]s|is|are|was|were|be|been|as|the|a|an|of|and|or|to|called|calls|says|said|"
               r"reads|read|labell?ed|like|promises?|claims?|words|phrase)[ \t]*\n[ \t]*)")
_NEW_LINE = regex.compile(
    _BREAK + r"(?=" + _NEEDS_MORE + r"[\"\u201c]|\p{So}|[\u2022\u2023\u25aa\u25e6\u2192\u27a4]|\p{Lu}[\w'\u2019-]*(?: [\w'\u2019-]+){0,2}:[ \t]"
    r"|\[(?:\w{2,9},? )?\d{1,2}[:/.]\d{1,2}[^\]\n]{0,16}\]"
    # an exported chat's stamp without brackets: "12/03/2024, 21:07 - Kim: ..."
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4},? \d{1,2}:\d{2}(?: ?[AaPp][Mm])? [-\u2013] )"
)

# A chat log's lines in lower case, each opening with its writer's name ("theo: yes", "@kai_runs:
# same"): a break before such a line ends a unit when the block has two or more of them, as a log
# does (a wrapped line may open with a word and a colon once, not line after line).
_CHAT_LINE = regex.compile(_BREAK + r"(?=[\p{Ll}@][\w.'\u2019-]{0,24}:[ \t])")


# A line break that no wrapping made ends a unit, though no full stop does: a listing's price line
# before its blurb ("$16.99 | 4.1 stars\nCould help you unwind"), a title before its text. Wrapping
# breaks a line only where the next word would not fit, and the block's widest line shows the
# width it had room for. A line that ends in a joining mark, or a next line in lower case, runs on.
_RUNS_ON = frozenset(",;:(-\u2013\u2014&/+")
# Wrapped by hand, lines run a few characters short of the widest: a next word that would have
# fitted only just ("multivitamin is" over "100% natural, ..." in a 92-character block) was
# wrapped all the same.
_HAND_WRAP_SLACK = 3
# A quotation signed in brackets ends its line's unit, however wide the line: '"... his feet." (Kerry)'.
_SIGNED_LINE = re.compile(r"[.!?][\"\u201d\u2019]?\s*\([^()]{1,40}\)$")


def split_sentences(prose: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Yield (start, end) offsets of the sentences in prose[start:end], trimmed of white space."""
    begin = start
    for at, after in _line_breaks(prose, start, end):
        yield from _split(prose, begin, at)
        begin = after
    yield from _split(prose, begin, end)


def _line_breaks(prose: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Line breaks inside prose[start:end] that end a sentence though no full stop does (see
    _NEW_LINE and _RUNS_ON): (start, end) of each break's white space."""
    breaks = {m.start(): m.end() for m in _NEW_LINE.finditer(prose, start, end)}
    chat = [(m.start(), m.end()) for m in _CHAT_LINE.finditer(prose, start, end)]
    if len(chat) >= 2:
        breaks.update(chat)
    segment = prose[start:end]
    if "\n" in segment:
        lines = segment.split("\n")
        widest = max(len(line.strip()) for line in lines)
        next_line = start
        for line, following in zip(lines, lines[1:]):
            next_line += len(line) + 1
            text, next_text = line.strip(), following.lstrip()
            next_word = next_text.split(" ", 1)[0]
            if (text and next_text and (len(text) + 1 + len(next_word) <= widest - _HAND_WRAP_SLACK or _SIGNED_LINE.search(text) is not None)
                    and text[-1] not in _RUNS_ON and not next_text[0].islower()):
                text_end = next_line - 1 - (len(line) - len(line.rstrip()))  # before the line's trailing blanks
                next_start = next_line + len(following) - len(next_text)
                breaks.setdefault(text_end, next_start)
    return iter(sorted(breaks.items()))


def _split(prose: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    begin = start
    first = _NEXT_CHAR.match(prose, start, end)
    # A block that opens in lower case is written all in lower case ("i spritz lavender on my
    # pillow. the phone thing helped"): there a lower-case letter may begin a sentence too.
    casual = first is not None and first.group(1).islower()
    for m in _CANDIDATE.finditer(prose, start, end):
        if not _is_boundary(prose, m.start(), m.end(), end, casual):
            continue
        piece = _trim(prose, begin, m.end())
        if piece:
            yield piece
        begin = m.end()
    piece = _trim(prose, begin, end)
    if piece:
        yield piece


def _is_boundary(prose: str, dot: int, after: int, limit: int, casual: bool = False) -> bool:
    """Decide whether the punctuation at `dot` ends a sentence (`casual`: the text is written in
    lower case, so a lower-case word after the mark does not join the sentences)."""
    following = _NEXT_CHAR.match(prose, after, limit)
    if following is None:
        return True
    nxt = following.group(1)
    if prose[dot] != ".":
        # "!" and "?" end a sentence unless the text runs on in lower case ("Why? because").
        return casual or not nxt.islower()
    if (nxt.islower() and not casual) or nxt in ",;:":
        return False
    before = _WORD_BEFORE.search(prose, max(0, dot - 24), dot + 1)
    if before is None:
        return True
    word = before.group(1).lower().rstrip(".")
    if word in _NON_TERMINAL:
        return False
    if word in _MAYBE_TERMINAL:
        return nxt.isupper()
    if "." in word:  # dotted acronym such as "U.S." or "a.m." runs on
        return not (nxt.isalpha() and len(word) <= 4 and _is_acronym(word))
    if len(word) == 1 and before.group(1).isupper():  # an initial: "J. Smith"
        return False
    return True


def _is_acronym(word: str) -> bool:
    return all(len(part) == 1 for part in word.split("."))


def _trim(prose: str, start: int, end: int) -> tuple[int, int] | None:
    """Shrink [start, end) to exclude surrounding white space; None when nothing is left."""
    while start < end and prose[start].isspace():
        start += 1
    while end > start and prose[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
