"""Fast lexicon search: index a draft's words once, then try each lexicon only where it can match.

The `regex` engine tries every branch of an alternation at every position, so a 300-entry lexicon
crawls through a draft at well under 1 MB/s, and the rule kinds search many lexicons. Nearly every
lexicon entry starts with a known word ("improves", "(?:quiet|calm)s?", "(?:a |an )?natural ..."),
so the draft's words are indexed once (lower-case word -> offsets) and each lexicon is tried only at
the offsets of its possible first words, with a small pattern holding just the entries that can
start with that word. Entries whose first word cannot be told (`\\w+ly`, `\\d+ ?%`) are searched
for as usual. Every match is exactly one the full alternation would give at that offset.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Iterator

try:  # Python 3.11+
    from re import _constants as _sre  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

import regex

from linter.patterns import compile_pattern, remembered

# Below this length a plain scan is cheaper than building an index.
INDEX_MIN_LENGTH = 2048
_MAX_WORDS_PER_TERM = 64
# Key of first_words() results in the pattern store: change it whenever first_words changes.
_FIRST_WORDS_MEMO = "first_words/1"
_WORD = re.compile(r"\w+")
# An entry that is just words separated by `\s+` (what a space in a lexicon entry becomes).
_PLAIN_ENTRY = re.compile(r"\w+(?:\\s\+\w+)*")
_SPACE_RUN = re.compile(r"\\s\+")
STOP_WORDS = frozenset(
    "a an the is are was were be been it its it's this that these those in on of for to at by with "
    "and or but if as not no one some many your you we i my our their they he she".split()
)
_SPACE_CATEGORIES = (_sre.CATEGORY_SPACE,)
_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT)
_ZERO_WIDTH = (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)


class _Unknown(Exception):
    """The first word of a lexicon entry cannot be enumerated."""


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _class_chars(items: list[tuple[object, object]]) -> list[str] | None:
    """The characters of a small literal class such as `[sz]`, or None."""
    if all(op is _sre.LITERAL for op, _ in items) and 0 < len(items) <= 8:
        return [chr(value) for _, value in items]  # type: ignore[arg-type]
    return None


def _is_space_class(items: list[tuple[object, object]]) -> bool:
    return len(items) == 1 and items[0][0] is _sre.CATEGORY and items[0][1] in _SPACE_CATEGORIES


def _ends_word(op: object, value: object) -> bool:
    """Whether this element can only match characters that are not word characters."""
    if op is _sre.LITERAL:
        return not _is_word_char(chr(value))  # type: ignore[arg-type]
    if op is _sre.IN:
        chars = _class_chars(value)  # type: ignore[arg-type]
        if chars is not None:
            return not any(_is_word_char(c) for c in chars)
        return _is_space_class(value)  # type: ignore[arg-type]
    return False


def _is_space(op: object, value: object) -> bool:
    """A literal space or a white-space class: what may separate a stop word from the next word."""
    if op is _sre.LITERAL:
        return chr(value).isspace()  # type: ignore[arg-type]
    return op is _sre.IN and _is_space_class(value)  # type: ignore[arg-type]


def _word_done(word: str, first: str, separator: tuple[object, object] | None,
               rest: list[tuple[object, object]], out: set[str]) -> None:
    """A word of the entry is complete: emit its key, or read on past a leading stop word."""
    if not word:
        raise _Unknown  # the entry starts with punctuation: not indexable by words
    if first:
        out.add(f"{first} {word}")
        return
    if separator is not None and word in STOP_WORDS and _is_space(*separator):
        # "a lifesaver": keyed on both words, since "a" alone would be tried everywhere
        second: set[str] = set()
        try:
            _expand(rest, second, "", word)
        except _Unknown:
            out.add(word)
        else:
            out |= second
        return
    out.add(word)


def _expand(items: list[tuple[object, object]], out: set[str], word: str = "", first: str = "") -> None:
    """Add to `out` the index keys of an entry: `first` (a stop word read already), `word`, then `items`."""
    if len(out) > _MAX_WORDS_PER_TERM:
        raise _Unknown
    if not items:
        _word_done(word, first, None, [], out)
        return
    (op, value), rest = items[0], items[1:]
    if op in _ZERO_WIDTH:
        _expand(rest, out, word, first)
    elif _ends_word(op, value):
        _word_done(word, first, (op, value), rest, out)
    elif op is _sre.LITERAL:
        _expand(rest, out, word + chr(value).lower(), first)  # type: ignore[arg-type]
    elif op is _sre.IN and _class_chars(value) is not None:  # type: ignore[arg-type]
        for char in _class_chars(value) or ():  # type: ignore[arg-type]
            _expand([(_sre.LITERAL, ord(char))] + rest, out, word, first)
    elif op is _sre.SUBPATTERN:
        _expand(list(value[-1]) + rest, out, word, first)  # type: ignore[index]
    elif op is _sre.BRANCH:
        for alternative in value[1]:  # type: ignore[index]
            _expand(list(alternative) + rest, out, word, first)
    elif op in _REPEATS:
        low, high, item = value  # type: ignore[misc]
        body = list(item)
        if low == 0:
            _expand(rest, out, word, first)
        if high == 1:
            _expand(body + rest, out, word, first)
        elif len(body) == 1 and _ends_word(*body[0]):
            if word or low > 0:
                _word_done(word, first, body[0], rest, out)
        else:
            raise _Unknown  # a repeated word part (`(?:ab)+`): the word's end is unknown
    else:
        raise _Unknown


def first_words(fragment: str) -> frozenset[str] | None:
    """The index keys a match of `fragment` can start with, or None when unknowable.

    A key is the lower-case first word, or the first two words ("a lifesaver") when the first
    is a stop word, so the entry is not tried at every "a" of a draft.
    """
    plain = _PLAIN_ENTRY.fullmatch(fragment)
    if plain is not None:  # most entries are plain words: no need to parse them
        words = _SPACE_RUN.split(fragment.lower())
        if words[0] in STOP_WORDS and len(words) > 1:
            return frozenset([f"{words[0]} {words[1]}"])
        return frozenset([words[0]])
    found: set[str] = set()
    try:
        _expand(list(_sre_parse.parse(fragment)), found)
    except (_Unknown, re.error, ValueError, TypeError, OverflowError, RecursionError):
        return None
    return frozenset(found)


class WordIndex:
    """Offsets of every word of a text, grouped by its lower-case form."""

    def __init__(self, text: str) -> None:
        positions: dict[str, list[int]] = {}
        previous, previous_start, previous_end = "", -1, -1
        for m in _WORD.finditer(text):
            key = m.group().lower()
            start = m.start()
            positions.setdefault(key, []).append(start)
            if previous in STOP_WORDS and text[previous_end:start].isspace():
                positions.setdefault(f"{previous} {key}", []).append(previous_start)
            previous, previous_start, previous_end = key, start, m.end()
        self.positions = positions


class _PerText:
    """Caches tied to one text (the draft being linted); replaced when another text comes."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.index: WordIndex | None = None
        self.matches: dict[int, tuple[list[regex.Match[str]], list[int]]] = {}
        self.queries = 0


# The few long texts searched most recently (the draft's prose, a long sentence sliced from it);
# kept by identity, so a new string never sees another's cache.
_RECENT_TEXTS = 4
_recent: list[_PerText] = []


def _cache_for(text: str) -> _PerText:
    for entry in _recent:
        if entry.text is text:
            entry.queries += 1
            return entry
    entry = _PerText(text)
    _recent.insert(0, entry)
    del _recent[_RECENT_TEXTS:]
    return entry


class Lexicon:
    """A compiled lexicon; quacks like the parts of `regex.Pattern` the rule kinds use."""

    def __init__(self, fragments: list[str], boundary: tuple[str, str], flags: int, *, validate: bool = True) -> None:
        self._flags = flags
        self._boundary = boundary
        self._fragments = fragments
        self.pattern = self._wrap(fragments)
        self.flags = flags
        self._full: regex.Pattern[str] | None = None
        if validate:  # a publisher's rule: fail at load time, naming the file, not mid-run
            self._full = compile_pattern(self.pattern, flags)
        self._by_word: dict[str, list[str]] = {}
        residual: list[str] = []
        for fragment in fragments:
            words = remembered(_FIRST_WORDS_MEMO, fragment, first_words)
            if words is None:
                residual.append(fragment)
                continue
            for word in words:
                self._by_word.setdefault(word, []).append(fragment)
        self._residual_source = "(?=" + self._wrap(residual) + ")" if residual else None
        self._residual: regex.Pattern[str] | None = None
        self._word_patterns: dict[str, regex.Pattern[str]] = {}

    @property
    def full(self) -> regex.Pattern[str]:
        """The whole alternation, compiled on first need (built-in rules load without it)."""
        if self._full is None:
            self._full = compile_pattern(self.pattern, self._flags)
        return self._full

    def _residual_pattern(self) -> regex.Pattern[str] | None:
        """Entries without a known first word, as a zero-width scan (so nested starts are seen)."""
        if self._residual is None and self._residual_source is not None:
            self._residual = compile_pattern(self._residual_source, self._flags)
        return self._residual

    def _wrap(self, fragments: list[str]) -> str:
        before, after = self._boundary
        return before + "(?:" + "|".join(f"(?:{f})" for f in fragments) + ")" + after

    def _compile(self, fragments: list[str]) -> regex.Pattern[str]:
        return compile_pattern(self._wrap(fragments), self._flags)

    def _for_word(self, word: str) -> regex.Pattern[str]:
        """The entries that can start with `word`, in lexicon order, compiled on first need."""
        found = self._word_patterns.get(word)
        if found is None:
            found = self._word_patterns[word] = self._compile(self._by_word[word])
        return found

    def all_matches(self, text: str, timeout: float | None = None) -> list[regex.Match[str]]:
        """Every non-overlapping match in `text`, leftmost first."""
        return list(self.finditer(text, timeout=timeout))

    def _indexed(self, text: str, timeout: float | None) -> tuple[list[regex.Match[str]], list[int]] | None:
        """The match at every offset where the lexicon matches a long text (overlapping ones
        included, so a search may start anywhere), with their start offsets; cached per text.
        None for a text not worth indexing (short, or searched only once so far)."""
        if len(text) < INDEX_MIN_LENGTH:
            return None
        cache = _cache_for(text)
        found = cache.matches.get(id(self))
        if found is None:
            if cache.index is None and cache.queries == 0:
                return None  # a slice searched once is not worth indexing; the draft is searched often
            matches = self._scan(cache, timeout)
            found = cache.matches[id(self)] = (matches, [m.start() for m in matches])
        return found

    def _scan(self, cache: _PerText, timeout: float | None) -> list[regex.Match[str]]:
        if cache.index is None:
            cache.index = WordIndex(cache.text)
        text, positions = cache.text, cache.index.positions
        found: list[regex.Match[str]] = []
        for word in self._by_word:
            offsets = positions.get(word)
            if offsets:
                match = self._for_word(word).match
                found.extend(m for m in (match(text, o, timeout=timeout) for o in offsets) if m is not None)
        residual = self._residual_pattern()
        if residual is not None:
            match = self.full.match
            for candidate in residual.finditer(text, timeout=timeout):
                m = match(text, candidate.start(), timeout=timeout)
                if m is not None:
                    found.append(m)
        found.sort(key=_start)
        return found

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None, timeout: float | None = None) -> Iterator[regex.Match[str]]:
        """Matches lying wholly inside text[pos:endpos], leftmost first, as finditer would give them."""
        end = len(text) if endpos is None else endpos
        indexed = self._indexed(text, timeout)
        if indexed is None:
            yield from self.full.finditer(text, pos, end, timeout=timeout)
            return
        matches, starts = indexed
        # Matching at an offset does not depend on earlier matches, so scanning the offsets left
        # to right and keeping each match that starts where the previous one ended is finditer.
        last = pos
        for m in matches[bisect_left(starts, pos) if pos else 0:]:
            start = m.start()
            if start >= end:
                break
            if start >= last and m.end() <= end:
                yield m
                last = m.end() if m.end() > start else start + 1

    def search(self, text: str, pos: int = 0, endpos: int | None = None, timeout: float | None = None) -> regex.Match[str] | None:
        """The first match inside text[pos:endpos], or None."""
        return next(self.finditer(text, pos, endpos, timeout), None)

    def match(self, text: str, pos: int = 0, endpos: int | None = None, timeout: float | None = None) -> regex.Match[str] | None:
        """A match starting exactly at `pos`."""
        return self.full.match(text, pos, len(text) if endpos is None else endpos, timeout=timeout)


def _start(m: regex.Match[str]) -> int:
    return m.start()
