"""Lexicons: lists of phrases from rule files compiled once into one guarded regular expression."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator

import regex

from linter.errors import RuleError
from linter.language.wordindex import Lexicon
from linter.locations import builtin_rules_dir
from linter.patterns import compile_pattern

# A user pattern that backtracks catastrophically is stopped after this many seconds per search.
PATTERN_TIMEOUT = 2.0
_SPACE = compile_pattern(r"(?<!\\) +")
# "5 ?%": an optional space (may be absent, or a run of white space)
_OPTIONAL_SPACE = compile_pattern(r"(?<!\\) +\?")
# Entries match whole words: not glued to a letter, digit or hyphen on either side.
WORD_BOUNDARIES = (r"(?<![\w-])", r"(?![\w])")


class PatternTimeout(Exception):
    """A rule's pattern ran past PATTERN_TIMEOUT on one input."""


def term_source(term: str) -> str:
    """One lexicon entry as regex source: a space matches any run of white space, " ?" none too."""
    term = term.strip()
    if " " not in term:
        return term  # most entries are one word: two substitutions saved, thousands per rule load
    return _SPACE.sub(r"\\s+", _OPTIONAL_SPACE.sub(r"\\s*", term))


def either_apostrophe(term: str) -> str:
    """Let every straight apostrophe of a regex fragment match a curly one too.

    Writers type "it's" and "it’s"; lexicons spell only the straight one. Outside a character
    class ' becomes ['’]; inside one ([\\w'-]) the curly one joins the class.
    """
    if "'" not in term:
        return term  # most entries: no need to walk them
    out: list[str] = []
    in_class = escaped = False
    for char in term:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        elif char == "'":
            out.append("'\u2019" if in_class else "['\u2019]")
            continue
        out.append(char)
    return "".join(out)


def compile_terms(
    terms: Iterable[str],
    *,
    where: str,
    source: str,
    whole_words: bool = True,
    ignore_case: bool = True,
) -> Lexicon | regex.Pattern[str]:
    """Compile lexicon entries (regex fragments) into one alternation, longest first.

    `where` names the rule-file key for error messages, `source` the file.
    """
    parts: list[str] = []
    for index, term in enumerate(terms):
        if not isinstance(term, str) or not term.strip():
            raise RuleError(f"{where}[{index}] must be a non-empty string", source)
        parts.append(term_source(term))
    if not parts:
        return compile_pattern(r"(?!x)x")  # matches nothing
    order = sorted(range(len(parts)), key=lambda i: len(parts[i]), reverse=True)
    fragments = [parts[i] for i in order]
    flags = regex.IGNORECASE | regex.VERSION0 if ignore_case else regex.VERSION0
    try:
        if whole_words:
            builtin = _is_builtin(source)
            return Lexicon(fragments, WORD_BOUNDARIES, flags, validate=not builtin,
                           timeout=None if builtin else PATTERN_TIMEOUT)
        return compile_pattern("|".join(f"(?:{p})" for p in fragments), flags)
    except regex.error:
        # Compile entries one by one only now, to name the bad one (one compile per lexicon
        # otherwise: rule loading is on the path of every pre-commit run).
        for index, fragment in enumerate(parts):
            try:
                regex.compile(fragment, flags)
            except regex.error as exc:
                raise RuleError(f"{where}[{index}] is not a valid pattern ({exc})", source) from None
        raise RuleError(f"{where} does not combine into a valid pattern", source) from None


def _is_builtin(source: str) -> bool:
    """Built-in rule files are checked by the test suite, so their lexicons may compile lazily."""
    return _is_inside(source, builtin_rules_dir())


@lru_cache(maxsize=None)
def _is_inside(source: str, folder: Path) -> bool:
    try:
        return Path(source).resolve().is_relative_to(folder)
    except (OSError, ValueError):
        return False


def find_all(pattern: regex.Pattern[str] | Lexicon, text: str, start: int = 0, end: int | None = None) -> Iterator[regex.Match[str]]:
    """finditer with a time limit, so one runaway user pattern cannot hang a run (a Lexicon
    carries its own limit; a built-in one has none, and its matches come without a wrapper)."""
    stop = len(text) if end is None else end
    if isinstance(pattern, Lexicon) and pattern.timeout is None:
        return pattern.finditer(text, start, stop)
    return _limited_finditer(pattern, text, start, stop)


def _limited_finditer(pattern: regex.Pattern[str] | Lexicon, text: str, start: int, stop: int) -> Iterator[regex.Match[str]]:
    try:
        if isinstance(pattern, Lexicon):
            yield from pattern.finditer(text, start, stop)
        else:
            yield from pattern.finditer(text, start, stop, timeout=PATTERN_TIMEOUT)
    except TimeoutError:
        raise PatternTimeout(pattern.pattern[:60]) from None


def last_match(pattern: Any, text: str, start: int, end: int) -> Any:
    """The last match of a built-in `re` or `regex` pattern in text[start:end], or None (no time
    limit: built-in patterns are vetted by the test suite)."""
    last = None
    for last in pattern.finditer(text, start, end):
        pass
    return last


def search(pattern: regex.Pattern[str] | Lexicon, text: str, start: int = 0, end: int | None = None) -> regex.Match[str] | None:
    """search with the same time limit as find_all."""
    stop = len(text) if end is None else end
    try:
        if isinstance(pattern, Lexicon):
            return pattern.search(text, start, stop)
        return pattern.search(text, start, stop, timeout=PATTERN_TIMEOUT)
    except TimeoutError:
        raise PatternTimeout(pattern.pattern[:60]) from None
