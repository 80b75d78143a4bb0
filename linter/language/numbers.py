"""Numbers as writers spell them: digits, decimals, fractions and number words, parsed to floats.

`NUMBER` is regex source (no groups) for one number phrase; `parse_number` turns the matched text
into a value. Article numbers ("a capsule") are left to callers, which know a unit must follow.
"""

from __future__ import annotations

import re

_UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES: dict[str, int] = {"hundred": 100, "thousand": 1000}
_FRACTION_CHARS: dict[str, float] = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}
# Phrases that stand for a number on their own; "a couple" and "a dozen" are counts, not articles.
_IDIOMS: dict[str, float] = {
    "a couple of": 2, "a couple": 2, "a dozen": 12, "half a dozen": 6, "a half": 0.5, "half a": 0.5,
    "half an": 0.5, "half": 0.5, "a quarter of an": 0.25, "a quarter of a": 0.25, "a quarter": 0.25,
}
_ARTICLES: dict[str, float] = {"a": 1, "an": 1, "one": 1}

_WORD = "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True))
_FRACS = "".join(_FRACTION_CHARS)
# "twenty-five", "one hundred and twenty", "five hundred", "two thousand five hundred"
_WORDS = rf"(?:{_WORD})(?:[-\s](?:{_WORD}))?(?:\s+(?:hundred|thousand)(?:\s+(?:and\s+)?(?:{_WORD})(?:[-\s](?:{_WORD}))?)?)*"
_DIGITS = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?:\s*[{_FRACS}]|\s+\d/\d)?|\.\d+|\d+/\d+|[{_FRACS}]"
_IDIOM = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(_IDIOMS, key=len, reverse=True))

NUMBER = rf"(?:(?:{_DIGITS}|{_WORDS})(?:\s+and\s+a\s+(?:half|quarter))?|{_IDIOM})"
"""Regex source for one number phrase (digits, fraction, number words, idiom); no capture groups."""

COUNT_WORD = "(?:" + "|".join(word for word, value in _UNITS.items() if 1 <= value <= 12) + ")"
"""Regex source (no groups) for a number word from one to twelve: the counts writers spell out."""

ARTICLE = r"(?:an?|one)"
"""Regex source for an article that means "one" when a unit follows it ("an hour", "a capsule")."""

_SPACES = re.compile(r"\s+")
_MIXED = re.compile(r"^(\d+(?:\.\d+)?)\s*(?:([" + _FRACS + r"])|(\d)/(\d))$")
_PLAIN = re.compile(r"^\d*\.?\d+$")
_SLASH = re.compile(r"^(\d+)/(\d+)$")
_AND_A = re.compile(r"^(.*?)\s+and\s+a\s+(half|quarter)$")


def parse_number(text: str) -> float | None:
    """The value of a number phrase matched by NUMBER or ARTICLE, or None if it is not one."""
    phrase = _SPACES.sub(" ", text.strip().lower().replace("-", " "))
    if not phrase:
        return None
    extra = 0.0
    tail = _AND_A.match(phrase)
    if tail is not None and phrase not in _IDIOMS:
        phrase, extra = tail.group(1), 0.5 if tail.group(2) == "half" else 0.25
    if phrase in _IDIOMS:
        return _IDIOMS[phrase] + extra
    if phrase in _ARTICLES:
        return _ARTICLES[phrase] + extra
    value = _digits(phrase.replace(",", ""))
    if value is None:
        value = _words(phrase)
    return None if value is None else value + extra


def _digits(phrase: str) -> float | None:
    if _PLAIN.match(phrase):
        return float(phrase)
    if phrase in _FRACTION_CHARS:
        return _FRACTION_CHARS[phrase]
    slash = _SLASH.match(phrase)
    if slash is not None:
        denominator = int(slash.group(2))
        return int(slash.group(1)) / denominator if denominator else None
    mixed = _MIXED.match(phrase)
    if mixed is not None:
        whole = float(mixed.group(1))
        if mixed.group(2):
            return whole + _FRACTION_CHARS[mixed.group(2)]
        denominator = int(mixed.group(4))
        return whole + int(mixed.group(3)) / denominator if denominator else None
    return None


def _words(phrase: str) -> float | None:
    """Number words: sums of units and tens, multiplied by hundred / thousand as they come."""
    total, current, seen = 0, 0, False
    for word in phrase.split():
        if word == "and":
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _SCALES:
            scale = _SCALES[word]
            if scale == 1000:
                total += max(current, 1) * scale
                current = 0
            else:
                current = max(current, 1) * scale
        else:
            return None
        seen = True
    return float(total + current) if seen else None
