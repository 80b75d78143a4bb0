"""Lexicons: lists of phrases from rule files compiled once into one guarded regular expression."""

from __future__ import annotations

from typing import Iterable, Iterator

import regex

from linter.errors import RuleError

# A user pattern that backtracks catastrophically is stopped after this many seconds per search.
PATTERN_TIMEOUT = 2.0
_SPACE = regex.compile(r"(?<!\\) +")


class PatternTimeout(Exception):
    """A rule's pattern ran past PATTERN_TIMEOUT on one input."""


def term_source(term: str) -> str:
    """One lexicon entry as regex source: a space matches any run of white space."""
    return _SPACE.sub(r"\\s+", term.strip())


def compile_terms(
    terms: Iterable[str],
    *,
    where: str,
    source: str,
    whole_words: bool = True,
    ignore_case: bool = True,
) -> regex.Pattern[str]:
    """Compile lexicon entries (regex fragments) into one alternation, longest first.

    `where` names the rule-file key for error messages, `source` the file.
    """
    parts: list[str] = []
    for index, term in enumerate(terms):
        if not isinstance(term, str) or not term.strip():
            raise RuleError(f"{where}[{index}] must be a non-empty string", source)
        fragment = term_source(term)
        try:
            regex.compile(fragment)
        except regex.error as exc:
            raise RuleError(f"{where}[{index}] is not a valid pattern ({exc})", source) from None
        parts.append(fragment)
    if not parts:
        return regex.compile(r"(?!x)x")  # matches nothing
    parts.sort(key=len, reverse=True)
    body = "|".join(f"(?:{p})" for p in parts)
    if whole_words:
        body = rf"(?<![\w-])(?:{body})(?![\w])"
    flags = regex.IGNORECASE | regex.VERSION0 if ignore_case else regex.VERSION0
    return regex.compile(body, flags)


def compile_pattern(pattern: str, *, where: str, source: str, ignore_case: bool = True) -> regex.Pattern[str]:
    """Compile one raw regular expression from a rule file."""
    try:
        return regex.compile(pattern, regex.IGNORECASE if ignore_case else 0)
    except regex.error as exc:
        raise RuleError(f"{where} is not a valid pattern ({exc})", source) from None


def find_all(pattern: regex.Pattern[str], text: str, start: int = 0, end: int | None = None) -> Iterator[regex.Match[str]]:
    """finditer with a time limit, so one runaway user pattern cannot hang a run."""
    try:
        yield from pattern.finditer(text, start, len(text) if end is None else end, timeout=PATTERN_TIMEOUT)
    except TimeoutError:
        raise PatternTimeout(pattern.pattern[:60]) from None


def search(pattern: regex.Pattern[str], text: str, start: int = 0, end: int | None = None) -> regex.Match[str] | None:
    """search with the same time limit as find_all."""
    try:
        return pattern.search(text, start, len(text) if end is None else end, timeout=PATTERN_TIMEOUT)
    except TimeoutError:
        raise PatternTimeout(pattern.pattern[:60]) from None
