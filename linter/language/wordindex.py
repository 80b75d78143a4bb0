"""Fast lexicon search: index a draft's words once, then try each lexicon only where it can match.

The `regex` engine tries every branch of an alternation at every position, so a 300-entry lexicon
crawls through a draft at well under 1 MB/s, and the rule kinds search many lexicons. Nearly every
lexicon entry starts with a known word ("improves", "(?:quiet|calm)s?", "(?:a |an )?natural ..."),
so the draft's words are indexed once (lower-case word -> offsets) and each entry is tried only at
the offsets of its possible first words, and only where the next word of the draft may continue
it; each entry is compiled alone, and at an offset the first entry in lexicon order that matches
wins, as in the whole alternation. An entry that starts with a number (`\\d+ ?%`) is tried at the
words that start with a digit; one that starts with any word (`(?:\\w+ )?recovery`, `\\w+ PM`) is
tried a word or two before each occurrence of its first known word. Only entries whose start
cannot be told at all (`\\w+ly`) are searched for as usual; those among them that need certain
words are searched for only in the paragraphs holding one, so they never match across a blank
line. Every match is exactly one the full alternation would give at that offset.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import partial
from itertools import chain
from typing import Any, Callable, Iterator, NamedTuple

try:  # Python 3.11+
    from re import _constants as _sre  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

import regex

from linter.language.recent import RecentTexts
from linter.memo import remembered
from linter.patterns import compile_pattern

# A text shorter than this is short: `word_starts` leaves it to a plain search, and its caches
# are kept apart from the long texts'.
INDEX_MIN_LENGTH = 2048
_MAX_WORDS_PER_TERM = 1024
# Keys of first_words() and word_pairs() results in the pattern store: change them whenever the
# functions change.
_FIRST_WORDS_MEMO = "first_words/6"
_WORD_PAIRS_MEMO = "word_pairs/3"
_NEEDED_WORDS_MEMO = "needed_words/3"
_ALTERNATIVES_MEMO = "alternatives/1"
# Index key of every word that starts with a digit (not a word itself, so it never clashes).
DIGIT_KEY = "#digit"
# Marks of keys that are no word of the draft: a word right after an apostrophe ("'s", tried at
# the apostrophe), and a word's ending ("~ologists", any word that ends so).
APOSTROPHE_MARK = "'"
SUFFIX_MARK = "~"
_APOSTROPHES = "'\u2019"
# An entry that starts with up to this many arbitrary words is tried that many words back.
_MAX_LOOKBACK = 3
# The lexicons' own idea of a word: `regex` counts marks (an emoji's variation selector) as word
# characters, `re` does not, and an entry may start at one.
_WORD = regex.compile(r"\w+")
# An entry that is just words separated by `\s+` (what a space in a lexicon entry becomes).
_PLAIN_ENTRY = re.compile(r"\w+(?:\\s\+\w+)*")
_SPACE_RUN = re.compile(r"\\s\+")
# A flag group that applies to the whole pattern, wherever it stands.
_GLOBAL_FLAGS = re.compile(r"(?<!\\)\(\?[a-zA-Z]+\)")
# A blank line (white space between two line ends): where a paragraph ends.
_BLANK_LINE = regex.compile(r"\n[^\S\n]*\n")
STOP_WORDS = frozenset(
    "a an the is are was were be been it its it's this that these those in on of for to at by with "
    "and or but if as not no one some many your you we i my our their they he she".split()
)
_SPACE_CATEGORIES = (_sre.CATEGORY_SPACE, _sre.CATEGORY_UNI_SPACE)
_NOT_WORD_CATEGORIES = _SPACE_CATEGORIES + (_sre.CATEGORY_NOT_WORD, _sre.CATEGORY_UNI_NOT_WORD)
_WORD_CATEGORIES = (_sre.CATEGORY_WORD, _sre.CATEGORY_UNI_WORD)
_DIGIT_CATEGORIES = (_sre.CATEGORY_DIGIT, _sre.CATEGORY_UNI_DIGIT)
_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT)
_ZERO_WIDTH = (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)
_WORD_BOUNDARIES = (_sre.AT_BOUNDARY, _sre.AT_UNI_BOUNDARY)


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
    """Whether this element can only match characters that are not word characters (`-`, `[-\\s]`)."""
    if op is _sre.LITERAL:
        return not _is_word_char(chr(value))  # type: ignore[arg-type]
    if op is _sre.IN:
        return all(
            (kind is _sre.LITERAL and not _is_word_char(chr(item)))  # type: ignore[arg-type]
            or (kind is _sre.CATEGORY and item in _NOT_WORD_CATEGORIES)
            for kind, item in value  # type: ignore[attr-defined]
        ) and bool(value)
    return False


def _starts_outside_word(items: list[tuple[object, object]]) -> bool:
    """Whether a sequence must begin with a character that is not a word character (`\\s+x`)."""
    if not items:
        return False
    op, value = items[0]
    if _ends_word(op, value):
        return True
    if op in _REPEATS:
        low, _, body = value  # type: ignore[misc]
        return low > 0 and _starts_outside_word(list(body))
    if op is _sre.SUBPATTERN:
        return _starts_outside_word(list(value[-1]))  # type: ignore[index]
    return False


def _is_class_of(op: object, value: object, categories: tuple[object, ...]) -> bool:
    """`\\w` or `\\d` (as given by `categories`), alone or as the only item of a class."""
    if op is _sre.IN:
        return len(value) == 1 and value[0][0] is _sre.CATEGORY and value[0][1] in categories  # type: ignore[index,arg-type]
    return op is _sre.CATEGORY and value in categories


def _any_word(op: object, value: object) -> bool:
    """`\\w+`: one whole word, whatever it is."""
    if op not in _REPEATS:
        return False
    low, _, body = value  # type: ignore[misc]
    body = list(body)
    return low > 0 and len(body) == 1 and _is_class_of(*body[0], _WORD_CATEGORIES)


def _starts_with_digit(op: object, value: object) -> bool:
    """`\\d` or `\\d+`: the element begins with a digit."""
    if op in _REPEATS:
        low, _, body = value  # type: ignore[misc]
        body = list(body)
        return low > 0 and len(body) == 1 and _is_class_of(*body[0], _DIGIT_CATEGORIES)
    return _is_class_of(op, value, _DIGIT_CATEGORIES)


def _is_apostrophe(op: object, value: object) -> bool:
    """A straight or curly apostrophe, alone or as a class of the two."""
    if op is _sre.LITERAL:
        return chr(value) in _APOSTROPHES  # type: ignore[arg-type]
    chars = _class_chars(value) if op is _sre.IN else None  # type: ignore[arg-type]
    return bool(chars) and all(char in _APOSTROPHES for char in chars or ())


def _begins_with_letter(items: list[tuple[object, object]]) -> bool:
    """Whether `items` must begin with a given word character (`ologists`, `(?:ians|ists)`)."""
    if not items:
        return False
    op, value = items[0]
    if op is _sre.LITERAL:
        return _is_word_char(chr(value))  # type: ignore[arg-type]
    if op is _sre.IN:
        chars = _class_chars(value)  # type: ignore[arg-type]
        return bool(chars) and all(_is_word_char(char) for char in chars or ())
    if op is _sre.SUBPATTERN:
        return _begins_with_letter(list(value[-1]) + items[1:])  # type: ignore[index]
    if op is _sre.BRANCH:
        return all(_begins_with_letter(list(alternative) + items[1:]) for alternative in value[1])  # type: ignore[index]
    return False


def lookback_key(word: str, back: int) -> str:
    """The index key of an entry that may start up to `back` words before `word`."""
    return f"<{back}>{word}"


def parse_lookback(key: str) -> tuple[str, int] | None:
    """(word, back) of a key made by lookback_key, or None for a plain key."""
    if key.startswith("<") and key[1:2].isdigit() and key[2:3] == ">":
        return key[3:], int(key[1])
    return None


def _is_space(op: object, value: object) -> bool:
    """A literal space or a white-space class: what may separate a stop word from the next word."""
    if op is _sre.LITERAL:
        return chr(value).isspace()  # type: ignore[arg-type]
    return op is _sre.IN and _is_space_class(value)  # type: ignore[arg-type]


def _is_stop_lookback(key: str) -> bool:
    """Whether `key` tries an entry a few words before each occurrence of a stop word."""
    looked = parse_lookback(key)
    return looked is not None and looked[0] in STOP_WORDS


def _word_done(word: str, first: str, separator: tuple[object, object] | None,
               rest: list[tuple[object, object]], out: set[str], back: int = 0, pairs: bool = False) -> None:
    """A word of the entry is complete: emit its key, or read on past a leading stop word (past
    any first word when `pairs` is asked for)."""
    if word in ("", APOSTROPHE_MARK, SUFFIX_MARK):
        raise _Unknown  # the entry starts with punctuation, or any word: not indexable by words
    if back:
        out.add(lookback_key(word, back))
        return
    if first:
        out.add(f"{first} {word}")
        return
    if separator is not None and (pairs or word in STOP_WORDS and _is_space(*separator)):
        # "a lifesaver": keyed on both words, since "a" alone would be tried everywhere
        second: set[str] = set()
        try:
            _expand(rest, second, "", word)
        except _Unknown:
            out.add(word)
        else:
            if not pairs and any(_is_stop_lookback(key) for key in second):
                # "was (?:\w+ )?(?:a )?game changer": trying every "was" once costs less than
                # trying three offsets before every "a"
                out.add(word)
                return
            # a second word that is any word, or a number, leaves only the first word known
            out |= {key if not pairs or key.startswith(word + " ") else word for key in second}
        return
    out.add(word)


def _expand(items: list[tuple[object, object]], out: set[str], word: str = "", first: str = "", back: int = 0,
            pairs: bool = False) -> None:
    """Add to `out` the index keys of an entry: `first` (a stop word read already), `word`, then `items`.

    `back` counts the arbitrary words (`\\w+ `) read so far: their keys are lookback keys. With
    `pairs`, a first word is read on to the second ("sleep aid"), as a stop word always is.
    """
    if len(out) > _MAX_WORDS_PER_TERM:
        raise _Unknown
    if not items:
        _word_done(word, first, None, [], out, back, pairs)
        return
    (op, value), rest = items[0], items[1:]
    at_word_start = not word
    if op is _sre.AT and value in _WORD_BOUNDARIES and word:
        _word_done(word, first, None, rest, out, back, pairs)  # "(?:if|when)\\b[^.]{0,40}": the word ends here
    elif op in _ZERO_WIDTH:
        _expand(rest, out, word, first, back, pairs)
    elif at_word_start and not first and not back and _is_apostrophe(op, value):
        _expand(rest, out, APOSTROPHE_MARK, first, back, pairs)  # "'s basically": keyed "'s"
    elif _ends_word(op, value):
        _word_done(word, first, (op, value), rest, out, back, pairs)
    elif at_word_start and not first and not back and _any_word(op, value) and _begins_with_letter(rest):
        _expand(rest, out, SUFFIX_MARK, first, back, pairs)  # "\\w+ologists": keyed by the ending
    elif at_word_start and _any_word(op, value):
        # "(?:\w+ )?recovery": try the entry a word before each "recovery" (and at it)
        back += 1 + bool(first)
        if back > _MAX_LOOKBACK:
            raise _Unknown
        _after_any_word(rest, out, back)
    elif at_word_start and not first and not back and _starts_with_digit(op, value):
        out.add(DIGIT_KEY)
    elif op is _sre.LITERAL:
        _expand(rest, out, word + chr(value).lower(), first, back, pairs)  # type: ignore[arg-type]
    elif op is _sre.IN and _class_chars(value) is not None:  # type: ignore[arg-type]
        for char in _class_chars(value) or ():  # type: ignore[arg-type]
            _expand([(_sre.LITERAL, ord(char))] + rest, out, word, first, back, pairs)
    elif op is _sre.SUBPATTERN:
        _expand(list(value[-1]) + rest, out, word, first, back, pairs)  # type: ignore[index]
    elif op is _sre.BRANCH:
        for alternative in value[1]:  # type: ignore[index]
            _expand(list(alternative) + rest, out, word, first, back, pairs)
    elif op in _REPEATS:
        low, high, item = value  # type: ignore[misc]
        body = list(item)
        if low == 0:
            _expand(rest, out, word, first, back, pairs)
        if high == 1:
            _expand(body + rest, out, word, first, back, pairs)
        elif len(body) == 1 and _ends_word(*body[0]):
            if word or low > 0:
                _word_done(word, first, body[0], rest, out, back, pairs)
        elif word and _starts_outside_word(body):
            _word_done(word, first, None, rest, out, back, pairs)  # "users(?: \w+){0,5} say": "users" is done
        else:
            raise _Unknown  # a repeated word part (`(?:ab)+`): the word's end is unknown
    else:
        raise _Unknown


def _after_any_word(items: list[tuple[object, object]], out: set[str], back: int) -> None:
    """Read on after an arbitrary word: white space must follow, perhaps inside an optional group
    ("\\w+(?: \\w+)? extract")."""
    if not items:
        raise _Unknown
    op, value = items[0]
    if op is _sre.SUBPATTERN:
        _after_any_word(list(value[-1]) + items[1:], out, back)  # type: ignore[index]
    elif op in _REPEATS and value[0] == 0 and value[1] == 1:  # type: ignore[index]
        _after_any_word(items[1:], out, back)
        _after_any_word(list(value[2]) + items[1:], out, back)  # type: ignore[index]
    else:
        _expand(_after_space(items), out, "", "", back)


def _after_space(items: list[tuple[object, object]]) -> list[tuple[object, object]]:
    """`items` without the white space that begins them (one `\\s+`, `\\s` or space)."""
    op, value = items[0]
    if op is _sre.SUBPATTERN:
        return _after_space(list(value[-1])) + items[1:]  # type: ignore[index]
    if op in _REPEATS and len(value[2]) == 1 and _is_space(*value[2][0]):  # type: ignore[index]
        return items[1:]
    if _is_space(op, value):
        return items[1:]
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
    return _keys(fragment, pairs=False)


def word_pairs(fragment: str) -> frozenset[str] | None:
    """The first two words a match of `fragment` can start with ("sleep aid"), or just the first
    where the entry may end after it or what follows is not a known word; None when unknowable.

    A word from the index is worth trying only where the next word of the draft is one of these.
    """
    plain = _PLAIN_ENTRY.fullmatch(fragment)
    if plain is not None:
        return frozenset([" ".join(_SPACE_RUN.split(fragment.lower())[:2])])
    return _keys(fragment, pairs=True)


def _keys(fragment: str, pairs: bool) -> frozenset[str] | None:
    found: set[str] = set()
    try:
        _expand(list(_sre_parse.parse(fragment)), found, pairs=pairs)
    except (_Unknown, re.error, ValueError, TypeError, OverflowError, RecursionError):
        return None
    return frozenset(found)


def _starts_token(item: tuple[object, object]) -> bool:
    """Whether whatever follows `item` begins right after a character that is not a word
    character (`\\s+`, `-`, `\\s`), so it starts a word of the draft's index."""
    op, value = item
    if _ends_word(op, value):
        return True
    if op in _REPEATS:
        low, _, body = value  # type: ignore[misc]
        body = list(body)
        return low > 0 and len(body) == 1 and _ends_word(*body[0])
    return False


def _needed(items: list[tuple[object, object]], at_token_start: bool) -> list[frozenset[str]]:
    """Sets of keys such that every match of `items` holds a key of each set; `at_token_start`
    says whether what comes before `items` ends a word."""
    items = _inline_groups(items)
    found: list[frozenset[str]] = []
    starts = at_token_start
    for k, (op, value) in enumerate(items):
        if k:
            starts = _starts_token(items[k - 1]) or (starts and _skippable_to_token(items[k - 1]))
        if starts:
            keys: set[str] = set()
            try:
                _expand(items[k:], keys)
            except (_Unknown, RecursionError):
                pass
            else:
                if keys and not any(parse_lookback(key) for key in keys):
                    found.append(frozenset(keys))
        if op is _sre.BRANCH:  # a key of one alternative's own set, whichever alternative matched
            union: set[str] = set()
            for alternative in value[1]:  # type: ignore[index]
                sets = _needed(list(alternative) + items[k + 1:], starts)
                if not sets:
                    break
                union |= sets[0]
            else:
                found.append(frozenset(union))
    return found


def _inline_groups(items: list[tuple[object, object]]) -> list[tuple[object, object]]:
    """`items` with each group that is not repeated replaced by what it holds."""
    out: list[tuple[object, object]] = []
    for op, value in items:
        if op is _sre.SUBPATTERN:
            out.extend(_inline_groups(list(value[-1])))  # type: ignore[index]
        else:
            out.append((op, value))
    return out


def _skippable_to_token(item: tuple[object, object]) -> bool:
    """Whether `item` is optional and, when present, ends with a character that is not a word
    character (`(?:[\\w-]+\\s+)?`): what follows starts a word wherever the item started one."""
    op, value = item
    if op not in _REPEATS or value[0] != 0:  # type: ignore[index]
        return False
    body = _inline_groups(list(value[2]))  # type: ignore[index]
    return bool(body) and _starts_token(body[-1])


def needed_words(fragment: str) -> tuple[frozenset[str], ...]:
    """Sets of index keys such that every match of `fragment` holds a key of each: the words
    after an unknowable start ("answer" or "solution" in "[\\w-]+'s (?:answer|solution) to").

    A draft that lacks every key of one set cannot match the entry, so it need not be searched
    for it. The tightest sets only are kept (none when nothing is known).
    """
    try:
        sets = _needed(list(_sre_parse.parse(fragment)), True)
    except (_Unknown, re.error, ValueError, TypeError, OverflowError, RecursionError):
        return ()
    return tuple(one for one in dict.fromkeys(sets) if not any(other < one for other in sets))


def alternatives(fragment: str) -> list[str]:
    """The alternatives of a fragment that is one alternation, `a|b` or `(?:a|b)`, each split
    further in turn; `[fragment]` for any other. Matching the alternatives in order is matching
    the fragment."""
    if _GLOBAL_FLAGS.search(fragment):
        return [fragment]  # "(?i)" inside one alternative would reach the others
    parts = _split_top(fragment)
    if len(parts) == 1 and fragment.startswith("(?:") and _closing_paren(fragment, 0) == len(fragment) - 1:
        parts = _split_top(fragment[3:-1])
    if len(parts) == 1:
        return [fragment]
    return [piece for part in parts for piece in alternatives(part)]


def _structure(source: str, i: int = 0) -> Iterator[tuple[int, str, int]]:
    """(offset, character, group depth after it) of each character of `source` from `i` that is
    neither escaped nor inside a character class."""
    depth = 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = _class_end(source, i) + 1
            continue
        depth += (char == "(") - (char == ")")
        yield i, char, depth
        i += 1


def _split_top(source: str) -> list[str]:
    """`source` split at each `|` outside groups and character classes."""
    cuts = [i for i, char, depth in _structure(source) if char == "|" and depth == 0]
    return [source[a + 1:b] for a, b in zip([-1] + cuts, cuts + [len(source)])]


def _class_end(source: str, i: int) -> int:
    """The offset of the `]` closing the character class that opens at `i`."""
    i += 1
    if source[i:i + 1] == "^":
        i += 1
    if source[i:i + 1] == "]":
        i += 1  # a "]" first in a class is a literal
    while i < len(source) and source[i] != "]":
        i += 2 if source[i] == "\\" else 1
    return i


def _closing_paren(source: str, i: int) -> int:
    """The offset of the `)` closing the group that opens at `i`, or -1."""
    return next((at for at, char, depth in _structure(source, i) if char == ")" and depth == 0), -1)


class WordIndex:
    """Every word of a text in order (lower-case, with its offset), and where each word occurs."""

    def __init__(self, text: str) -> None:
        # key -> indexes into `words`/`starts` of its occurrences
        positions: dict[str, list[int]] = {}
        starts: list[int] = []
        words: list[str] = []
        digits: list[int] = []
        previous, previous_end = "", -1
        for index, m in enumerate(_WORD.finditer(text)):
            key = m.group().lower()
            start = m.start()
            starts.append(start)
            words.append(key)
            positions.setdefault(key, []).append(index)
            if key[0].isdigit():
                digits.append(index)
            if previous in STOP_WORDS and text[previous_end:start].isspace():
                positions.setdefault(f"{previous} {key}", []).append(index - 1)
            previous, previous_end = key, m.end()
        positions[DIGIT_KEY] = digits
        self.text = text
        self._marked: dict[str, list[int]] = {}
        self.positions = positions
        self.starts = starts
        self.words = words

    def occurrences(self, key: str) -> list[int]:
        """Indexes of the words a key stands for, in order: a word or two of `positions`, or a
        marked key (a word after an apostrophe, a word's ending), found on first need."""
        if key[:1] not in (APOSTROPHE_MARK, SUFFIX_MARK):
            return self.positions.get(key, [])
        found = self._marked.get(key)
        if found is None:
            word = key[1:]
            if key[0] == APOSTROPHE_MARK:
                text, starts = self.text, self.starts
                found = [i for i in self.positions.get(word, ()) if starts[i] and text[starts[i] - 1] in _APOSTROPHES]
            else:
                found = sorted(i for other, indexes in self.positions.items()
                               if len(other) > len(word) and other.endswith(word) and " " not in other
                               for i in indexes)
            self._marked[key] = found
        return found


class _PerText:
    """Caches tied to one text (the draft being linted); replaced when another text comes."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.index: WordIndex | None = None
        self.matches: dict[int, tuple[list[regex.Match[str]], list[int]]] = {}
        self.breaks: list[int] | None = None  # where each blank line ends, found on first need

    def word_index(self) -> WordIndex:
        """The text's word index, built on first use."""
        if self.index is None:
            self.index = WordIndex(self.text)
        return self.index

    def paragraphs_around(self, offsets: list[int]) -> Iterator[tuple[int, int]]:
        """(start, end) of each paragraph that holds one of `offsets` (sorted), once each; a
        paragraph ends after the blank line that closes it, so a lookahead still sees that."""
        if self.breaks is None:
            self.breaks = [m.end() for m in _BLANK_LINE.finditer(self.text)]
        breaks, last = self.breaks, -1
        for offset in offsets:
            i = bisect_right(breaks, offset)
            if i == last:
                continue
            last = i
            yield (breaks[i - 1] if i else 0), (breaks[i] if i < len(breaks) else len(self.text))


# The few long texts searched most recently (the draft's prose, a long sentence sliced from it),
# and apart from them the short ones (a heading, a phrase), so that a run of short searches
# never pushes the draft's prose, and its matches, out.
_recent: RecentTexts[_PerText] = RecentTexts(4)
_recent_short: RecentTexts[_PerText] = RecentTexts(8)


def _cache_for(text: str) -> _PerText:
    """The caches of `text` (its word index, each lexicon's matches)."""
    return (_recent if len(text) >= INDEX_MIN_LENGTH else _recent_short).get(text, _PerText)


# Each lexicon entry compiled alone, once per process, and shared by every lexicon that holds it
# with the same boundary and flags. A match at an offset is then the first entry, in lexicon order,
# that matches there, which is what the lexicon's whole alternation gives. Alternations are what
# cost memory: `regex` spends about 160 bytes per character of an alternation's source, so the
# built-in lexicons' 640,000 characters took some 100 MB as whole alternations, and the per-word
# alternations (each entry again in the pattern of every word it may start with, 1.9 million
# characters on the 4x corpus) had to be dropped and recompiled within a budget. Their 4,400
# entries compiled one by one take some 40 MB, all kept.
_ENTRY_PATTERNS: dict[tuple[str, int], regex.Pattern[str]] = {}
# An alternative that never matches. An entry tried at an offset is compiled as one of two
# alternatives, itself and this: `regex` first looks for the literal text that every match of a
# pattern must hold ("CFU" in "(?:\d+ billion )?CFU blend") from the offset on, and on a 2 MB draft
# without it that look ran to the end of the text, 0.6 ms a try (a 2 MB draft took 23 s, not 5);
# two alternatives leave no such literal.
_NEVER = "(?!)"
Matcher = Callable[..., "regex.Match[str] | None"]


def _first_match(tries: tuple[Matcher, ...], text: str, pos: int, endpos: int) -> regex.Match[str] | None:
    """The match of the first of `tries` (entries in lexicon order) that matches at `pos`."""
    for match in tries:
        found = match(text, pos, endpos)
        if found is not None:
            return found
    return None


def _keys_at(text: str, pos: int, endpos: int) -> tuple[str, str, str]:
    """The index keys a match at `pos` may be found under: the word there (lower-case), the stop
    word pair it opens ("a lifesaver"), the apostrophe key of the word after an apostrophe ("'s");
    empty strings where there is none."""
    m = _WORD.match(text, pos, endpos)
    if m is None:
        after = _WORD.match(text, pos + 1, endpos) if pos < endpos and text[pos] in _APOSTROPHES else None
        return "", "", APOSTROPHE_MARK + after.group().lower() if after is not None else ""
    word, pair = m.group().lower(), ""
    if word in STOP_WORDS:
        following = _WORD.search(text, m.end(), endpos)
        if following is not None and text[m.end():following.start()].isspace():
            pair = f"{word} {following.group().lower()}"
    return word, pair, ""


def alternation(fragments: list[str], boundary: tuple[str, str]) -> str:
    """Regex source matching any of `fragments`, first one first, between the `boundary` lookarounds."""
    before, after = boundary
    return before + "(?:" + "|".join(f"(?:{f})" for f in fragments) + ")" + after


def word_starts(text: str, word: str) -> list[int] | None:
    """Offsets of the word `word` (lower-case, one run of word characters) in a long text, read
    from the text's word index; None for a short text, which a plain search reads as fast."""
    if len(text) < INDEX_MIN_LENGTH:
        return None
    index = _cache_for(text).word_index()
    return [index.starts[i] for i in index.positions.get(word, ())]


class _Plan(NamedTuple):
    """How to try the entries that one word of a lexicon may start, at one of its occurrences."""

    entries: tuple[str, ...]  # in lexicon order
    following: tuple[frozenset[str], ...]  # per entry, the words it may go on with (empty: any)
    free: tuple[Matcher, ...]  # the entries to try before any other next word
    nexts: frozenset[str] | None  # the next words some entry needs, or None when none needs one
    # next word -> the entries to try before it (the free ones and those that may go on with it),
    # filled on first need
    by_next: dict[str, tuple[Matcher, ...]]


class Lexicon:
    """A compiled lexicon; quacks like the parts of `regex.Pattern` the rule kinds use."""

    def __init__(self, fragments: list[str], boundary: tuple[str, str], flags: int, *, validate: bool = True,
                 timeout: float | None = None) -> None:
        self._flags = flags
        # Seconds one search may run, or None: `regex` spends microseconds per call on a time
        # limit, and the rule kinds call a lexicon hundreds of thousands of times, so only
        # publishers' lexicons (not vetted by the test suite) carry one.
        self.timeout = timeout
        self._boundary = boundary
        self._fragments = fragments
        self.pattern = self._wrap(fragments)
        self.flags = flags
        self._full: regex.Pattern[str] | None = None
        if validate:  # a publisher's rule: fail at load time, naming the file, not mid-run
            self._full = compile_pattern(self.pattern, flags)
        # word -> the entries that may start with it, in lexicon order
        self._by_word: dict[str, tuple[str, ...]] = {}
        # word -> how many words before it an entry may start ("(?:\w+ )?recovery"), and those entries
        self._lookback: dict[str, int] = {}
        lookback_entries: set[str] = set()
        # a fragment that is one alternation ("{{badges}}" in a rule file) is indexed by its
        # alternatives, in their order, so one alternative of unknown start does not leave the
        # others to a scan of the whole draft
        parts = [part for fragment in fragments for part in remembered(_ALTERNATIVES_MEMO, fragment, alternatives)]
        self._order: dict[str, int] = {}
        for i, fragment in enumerate(parts):
            self._order.setdefault(fragment, i)  # an entry listed twice counts where it comes first
        residual: list[str] = []
        for fragment in self._order:
            words = remembered(_FIRST_WORDS_MEMO, fragment, first_words)
            if words is None:
                residual.append(fragment)
                continue
            for word in words:
                looked = parse_lookback(word)
                if looked is None:
                    self._by_word[word] = self._by_word.get(word, ()) + (fragment,)
                else:
                    self._lookback[looked[0]] = max(looked[1], self._lookback.get(looked[0], 0))
                    lookback_entries.add(fragment)
        # entries of unknown start, each with the sets of words one of which its every match
        # holds, the smallest set first
        self._residual = [(fragment, tuple(sorted(remembered(_NEEDED_WORDS_MEMO, fragment, needed_words), key=len)))
                          for fragment in residual]
        # entries that may match at any word of a text: those that start with any word, those
        # of unknown start
        self._anywhere = self._in_order(lookback_entries | set(residual))
        self._lookback_entries = self._in_order(lookback_entries)
        # keys the draft's index finds only when asked: they are not words of the draft
        self._marked_keys = [word for word in self._by_word if word[:1] in (APOSTROPHE_MARK, SUFFIX_MARK)]
        self._suffixes = [(key, key[1:]) for key in self._marked_keys if key[0] == SUFFIX_MARK]
        self._matchers: dict[str, Matcher] = {}  # entry -> its compiled pattern's match (time-limited)
        self._plans: dict[str, _Plan] = {}
        self._at: dict[tuple[str, ...], tuple[Matcher, ...]] = {}  # index keys at an offset -> entries to try
        self._last_text: str | None = None  # the text indexed last, and its matches
        self._last_found: tuple[list[regex.Match[str]], list[int]] | None = None

    def __getstate__(self) -> dict[str, Any]:
        """Pickled without what it compiled or found on the way (a stored rule set): those are
        rebuilt on first need, and the last text's matches belong to this process."""
        return {**self.__dict__, "_full": None, "_matchers": {}, "_plans": {}, "_at": {}, "_last_text": None, "_last_found": None}

    def _in_order(self, entries: set[str]) -> tuple[str, ...]:
        return tuple(sorted(entries, key=self._order.__getitem__))

    @property
    def full(self) -> regex.Pattern[str]:
        """The whole alternation, compiled on first need (searches never need it: entries are
        tried one by one)."""
        if self._full is None:
            self._full = compile_pattern(self.pattern, self._flags)
        return self._full

    def _wrap(self, fragments: list[str]) -> str:
        return alternation(fragments, self._boundary)

    def _compiled(self, fragments: list[str]) -> regex.Pattern[str]:
        """`fragments` between the lexicon's boundaries, compiled on first need by any lexicon."""
        key = (self._wrap(fragments), self._flags)
        found = _ENTRY_PATTERNS.get(key)
        if found is None:
            found = _ENTRY_PATTERNS[key] = compile_pattern(*key)
        return found

    def _matcher(self, entry: str) -> Matcher:
        """The `match` of an entry compiled to be tried at an offset, under this lexicon's time limit."""
        found = self._matchers.get(entry)
        if found is None:
            found = self._matchers[entry] = self._limited(self._compiled([entry, _NEVER]).match)
        return found

    def _plan(self, word: str) -> _Plan:
        """How to try the entries keyed by `word`, made on first need (a draft holds few of the
        lexicon's words)."""
        plan = self._plans.get(word)
        if plan is None:
            plan = self._plans[word] = self._make_plan(word)
        return plan

    def _make_plan(self, word: str) -> _Plan:
        entries = self._by_word[word]
        if " " in word or word == DIGIT_KEY:  # already two words, or not a word
            return _Plan(entries, (), tuple(map(self._matcher, entries)), None, {})
        following: list[frozenset[str]] = []  # per entry: the words it may go on with, or none for any
        for entry in entries:
            pairs = remembered(_WORD_PAIRS_MEMO, entry, word_pairs)
            following.append(frozenset() if pairs is None or word in pairs else frozenset(
                pair[len(word) + 1:] for pair in pairs if pair.startswith(word + " ")))
        free = tuple(self._matcher(entry) for entry, after in zip(entries, following) if not after)
        if len(free) == len(entries):
            return _Plan(entries, (), free, None, {})
        return _Plan(entries, tuple(following), free, frozenset().union(*following), {})

    def _tries_before(self, plan: _Plan, next_word: str) -> tuple[Matcher, ...]:
        """The entries of `plan` to try where `next_word` follows, in lexicon order."""
        found = plan.by_next.get(next_word)
        if found is None:
            found = plan.by_next[next_word] = tuple(
                self._matcher(entry) for entry, after in zip(plan.entries, plan.following)
                if not after or next_word in after)
        return found

    def _tries_at(self, text: str, pos: int, endpos: int) -> tuple[Matcher, ...]:
        """The entries that may match at `pos`, in lexicon order: those keyed by the words there,
        and those that may start anywhere."""
        word, pair, apostrophe = _keys_at(text, pos, endpos)
        keys: tuple[str, ...] = (word, pair, apostrophe)
        if word:
            if word[0].isdigit():
                keys += (DIGIT_KEY,)
            keys += tuple(key for key, ending in self._suffixes if len(word) > len(ending) and word.endswith(ending))
        found = self._at.get(keys)
        if found is None:
            entries = {entry for key in keys if key for entry in self._by_word.get(key, ())}
            found = self._at[keys] = tuple(map(self._matcher, self._in_order(entries | set(self._anywhere))))
        return found

    def _match_at(self, text: str, pos: int, endpos: int) -> regex.Match[str] | None:
        """What the whole alternation matches at `pos`: the first entry, in lexicon order, that does."""
        return _first_match(self._tries_at(text, pos, endpos), text, pos, endpos)

    def _residual_starts(self, cache: _PerText) -> Iterator[int]:
        """Every offset where an entry of unknown start matches (and perhaps a few more).

        An entry that needs certain words ("answer" or "solution" in "[\\w-]+'s (?:answer|solution)
        to") is searched for only in the paragraphs that hold one of them: a match does not run
        across a blank line, and a long draft holds such a word in few of its paragraphs. The
        others are searched for in the whole text.
        """
        index, text = cache.word_index(), cache.text
        anywhere: list[str] = []
        near: dict[str, frozenset[str]] = {}  # entry -> the fewest words a match needs one of
        for fragment, needed in self._residual:
            if not needed:
                anywhere.append(fragment)
            elif all(any(index.occurrences(word) for word in words) for words in needed):
                # (else a draft without "answer" or "solution" cannot match the entry)
                near[fragment] = needed[0]
        # Each entry is scanned alone: in one alternation, entries that open with a lookaround or
        # a case-sensitive capital leave the engine no first character to search for, and it
        # tries every entry at every offset (eight such entries together took 0.49 s on a 2 MB
        # draft, one by one 0.15 s). Overlapped matches, so every start is seen (a lookahead scan
        # finds the same starts, but defeats that search too and runs several times slower).
        for fragment in anywhere:
            finditer = self._limited(self._compiled([fragment]).finditer)
            yield from (m.start() for m in finditer(text, overlapped=True))
        # entries that need the same words ("#digit") share the paragraphs around them
        around: dict[frozenset[str], list[tuple[int, int]]] = {}
        for fragment, keys in near.items():
            if keys not in around:
                offsets = sorted(index.starts[i] for key in keys for i in index.occurrences(key))
                around[keys] = list(cache.paragraphs_around(offsets))
            finditer = self._limited(self._compiled([fragment]).finditer)
            for begin, end in around[keys]:
                yield from (m.start() for m in finditer(text, begin, end, overlapped=True))

    def all_matches(self, text: str) -> list[regex.Match[str]]:
        """Every non-overlapping match in `text`, leftmost first."""
        return list(self.finditer(text))

    def _limited(self, method: Callable[..., Any]) -> Callable[..., Any]:
        """A pattern's method bound to this lexicon's time limit (left bare when there is none)."""
        return method if self.timeout is None else partial(method, timeout=self.timeout)

    def _indexed(self, text: str) -> tuple[list[regex.Match[str]], list[int]]:
        """The match at every offset where the lexicon matches `text` (overlapping ones included,
        so a search may start anywhere), with their start offsets; cached per text."""
        if text is self._last_text and self._last_found is not None:
            return self._last_found  # the rule kinds ask about one draft's prose hundreds of thousands of times
        cache = _cache_for(text)
        found = cache.matches.get(id(self))
        if found is None:
            matches = self._scan(cache)
            found = cache.matches[id(self)] = (matches, [m.start() for m in matches])
        # holding the text keeps its identity from passing to a new string
        self._last_text, self._last_found = text, found
        return found

    def _scan(self, cache: _PerText) -> list[regex.Match[str]]:
        index = cache.word_index()
        text, positions, starts, words = cache.text, index.positions, index.starts, index.words
        last, length = len(words) - 1, len(text)
        by_offset: dict[int, regex.Match[str] | None] = {}
        # Offsets where more than one key may start a match: every entry that may match there
        # decides, in lexicon order, so the match is the one the whole alternation would give.
        undecided: set[int] = set()
        # Only the lexicon's words that the draft has (a set intersection, in C): a lexicon knows
        # hundreds of first words, a draft holds few of them. The order of the words does not
        # matter: an offset two of them claim is decided below.
        for word in chain(self._by_word.keys() & positions.keys(), self._marked_keys):
            occurrences = index.occurrences(word)
            if not occurrences:
                continue
            # most tries fail on the second word: each entry is tried only where the next fits
            plan = self._plan(word)
            nexts, free = plan.nexts, plan.free
            shift = word[0] == APOSTROPHE_MARK  # such a match starts at the apostrophe
            for i in occurrences:
                if nexts is None or i == last or words[i + 1] not in nexts:
                    tries = free
                else:
                    tries = self._tries_before(plan, words[i + 1])
                if not tries:
                    continue
                offset = starts[i] - shift
                if offset in by_offset:
                    undecided.add(offset)
                else:
                    by_offset[offset] = _first_match(tries, text, offset, length)
        # Entries that start with any word ("(?:\w+ )?recovery") are tried a few words before
        # each occurrence of their first known word. Where one matches and an entry keyed by the
        # word there may too, all the entries decide which comes first.
        if self._lookback:
            any_first = tuple(map(self._matcher, self._lookback_entries))
            tried: set[int] = set()
            for word, back in self._lookback.items():
                for i in positions.get(word, ()):
                    for candidate in starts[max(0, i - back):i + 1]:
                        if candidate in tried:
                            continue
                        tried.add(candidate)
                        hit = _first_match(any_first, text, candidate, length)
                        if hit is None:
                            continue
                        if by_offset.get(candidate) is not None:
                            undecided.add(candidate)
                        else:
                            by_offset[candidate] = hit
        if self._residual:  # an entry of unknown start may match there
            undecided.update(self._residual_starts(cache))
        for offset in undecided:
            by_offset[offset] = self._match_at(text, offset, length)
        found = [m for m in by_offset.values() if m is not None]
        found.sort(key=_start)
        return found

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[regex.Match[str]]:
        """Matches lying wholly inside text[pos:endpos], leftmost first, as finditer would give them."""
        end = len(text) if endpos is None else endpos
        return self._indexed_matches(text, pos, end, self._indexed(text))

    def _indexed_matches(self, text: str, pos: int, end: int,
                         indexed: tuple[list[regex.Match[str]], list[int]]) -> Iterator[regex.Match[str]]:
        matches, starts = indexed
        # Matching at an offset does not depend on earlier matches, so scanning the offsets left
        # to right and keeping each match that starts where the previous one ended is finditer.
        last = pos
        for i in range(bisect_left(starts, pos) if pos else 0, len(matches)):
            start = starts[i]
            if start >= end:
                break
            m = matches[i]
            if start < last:
                continue
            inside = self._within(m, text, end)
            if inside is None:
                continue
            yield inside
            last = inside.end() if inside.end() > start else start + 1

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
        """The first match inside text[pos:endpos], or None (finditer's first, without a generator:
        the rule kinds ask this tens of thousands of times per corpus)."""
        end = len(text) if endpos is None else endpos
        matches, starts = self._indexed(text)
        for i in range(bisect_left(starts, pos), len(matches)):
            m = matches[i]
            if m.start() >= end:
                return None
            inside = self._within(m, text, end)
            if inside is not None:
                return inside
        return None

    def _within(self, m: regex.Match[str], text: str, end: int) -> regex.Match[str] | None:
        """`m` if it ends inside the window, else what matches at its start within the window
        (a whole-text match may run past a sentence's end: "sleep| quality")."""
        return m if m.end() <= end else self.match(text, m.start(), end)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
        """A match starting exactly at `pos`."""
        return self._match_at(text, pos, len(text) if endpos is None else endpos)


def _start(m: regex.Match[str]) -> int:
    return m.start()
