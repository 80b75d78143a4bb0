"""The word-indexed lexicon search must find exactly what the plain alternation finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import linter.language.lexicon as lexicon_module
from linter.language.lexicon import PatternTimeout, compile_terms, find_all
from linter.ruleset import builtin_rules_dir
from linter.language.lexicon import WORD_BOUNDARIES
from linter.language.wordindex import (DIGIT_KEY, INDEX_MIN_LENGTH, Lexicon, alternatives, first_words, lookback_key,
                                       needed_words, word_pairs, word_starts)

TERMS = [
    "improves?",
    "(?:quiet|calm)s?",
    "a lifesaver",
    "no (?:known )?side[- ]effects",
    r"\d+ ?% of users",
    "(?:is|are) proven to",
    "(?:a |an |the )?(?:natural|herbal) (?:Xanax|sedative)s?",
    "sleep(?:ing)? pills?",
    r"\w+-free",
    r"(?:\w+ )?recovery",
    r"\w+ PM",
    "blood[- ]sugar",
    r"(?:the )?(?:\w+ )?cures? for",
    r"\d+ ?mg",
    r"users(?: \w+){0,3}? say",
    r"\w+(?: \w+)? extract",
    r"sleep(?: quality)?",
    r"calm(?:s|ing)? (?:the )?mind",
    "it's safe",
    r"herbal(?:-| )?tea",
    # entries of unknown or marked start: an apostrophe, a word's ending, any word of a few
    r"(?:is|'s) (?:basically|just) a",
    r"(?:\w+ologists|\w+ians|doctors) (?:now )?trust",
    r"[\w-]+'?s (?:answer|solution) to",
    r"(?:\w+ly calm|quiet(?:s|ly)? mind|(?:users|doctors) say)",
    r"(?:if|when)\b[^.]{0,20}?\bupsets?",
    r"(?:[\w-]+ )?discomfort",
]
WORDS = ["improve", "improves", "calm", "calms", "quiet", "a", "lifesaver", "no", "known", "side", "effects",
         "side-effects", "90%", "of", "users", "is", "are", "proven", "to", "the", "natural", "herbal", "Xanax",
         "sedatives", "sleeping", "pill", "pills", "risk-free", "Calm", "A", "NO", "improvesx", "-calm",
         "recovery", "muscle", "PM", "blood", "sugar", "blood-sugar", "cure", "cures", "for", "5", "200mg", "mg",
         "say", "users", "3.5", "extract", "valerian", "sleep", "quality", "sleep-quality", "mind", "calming",
         "it's", "it\u2019s", "it", "s", "safe", "tea", "herbal-tea", "herbaltea", "'s", "basically", "just",
         "cardiologists", "ologists", "physicians", "trust", "now", "Sleep-Co's", "nature's", "answer", "solution",
         "if", "when", "upset", "upsets", "quickly", "gently", "ly", "discomfort", "gut-level", "\u27a1\ufe0f"]


def test_first_words() -> None:
    assert first_words("a\\s+lifesaver") == {"a lifesaver"}
    assert first_words("(?:quiet|calm)s?") == {"quiet", "quiets", "calm", "calms"}
    assert first_words("(?:is|are)\\s+proven") == {"is proven", "are proven"}
    assert first_words("\\w+ly") == {"~ly"}  # any word that ends so
    assert first_words("\\w+(?:ly|ness)") == {"~ly", "~ness"}
    assert first_words("\\w+") is None
    assert first_words("(?:is|['\u2019]s)\\s+basically") == {"is basically", "'s"}  # tried at the apostrophe
    assert first_words("(?:if|when)\\b[^.]{0,9}") == {"if", "when"}  # a word boundary ends the word
    assert first_words("TK(?:TK)*") is None  # a repeated word part: where the word ends is unknown
    assert first_words("\\d+\\s?%") == {DIGIT_KEY}
    assert first_words("blood[-\\s]sugar") == {"blood"}
    assert first_words("users(?:\\s+\\w+){0,3}?\\s+say") == {"users"}
    # an entry that starts with any word is tried one word before its first known word, and at it
    assert first_words("(?:\\w+\\s+)?recovery") == {"recovery", lookback_key("recovery", 1)}
    assert first_words("the\\s+\\w+\\s+cure") == {lookback_key("cure", 2)}
    # ... but not a few words before every "a": the stop word it starts with is rarer
    assert first_words("was\\s+(?:\\w+\\s+)?(?:an?\\s+)?(?:total\\s+)?game\\s+changer") == {"was"}


def test_word_pairs() -> None:
    """A first word is tried only where the draft's next word may continue the entry."""
    assert word_pairs("(?:quiet|calm)s?\\s+mind") == {"quiet mind", "quiets mind", "calm mind", "calms mind"}
    assert word_pairs("blood[-\\s]sugar") == {"blood sugar"}
    assert word_pairs("it['\u2019]s\\s+safe") == {"it s"}
    # the first word alone: the entry may end after it, or go on with any word or a number (no filter)
    assert word_pairs("sleep(?:\\s+quality)?") == {"sleep", "sleep quality"}
    assert word_pairs("users(?:\\s+\\w+){0,3}?\\s+say") == {"users", "users say"}
    assert word_pairs("take\\s+\\d+") == {"take"}
    assert word_pairs("\\w+ly") == {"~ly"}
    assert word_pairs("['\u2019]s\\s+just") == {"'s just"}


def test_needed_words_are_what_every_match_of_an_entry_of_unknown_start_holds() -> None:
    assert needed_words("[\\w-]+['\u2019]?s\\s+(?:answer|solution)\\s+to") == (
        frozenset({"answer", "solution"}), frozenset({"to"}))
    # an optional part that ends a word leaves what follows at a word's start
    assert needed_words("(?:[\\w-]+\\s+)?discomfort") == (frozenset({"discomfort"}),)
    # one key of each alternative's own set, whichever alternative matched
    assert needed_words("(?:[A-Z]\\w+'s|my)\\s+wife") == (frozenset({"s", "my wife"}), frozenset({"wife"}))
    assert needed_words("=(?=\\s+calm)") == ()


def test_a_fragment_that_is_one_alternation_is_indexed_by_its_alternatives() -> None:
    assert alternatives("(?:a|b(?:c|d))") == ["a", "b(?:c|d)"]
    assert alternatives("(?:(?:x|y)|z)") == ["x", "y", "z"]
    assert alternatives("a|[|]b|\\|c") == ["a", "[|]b", "\\|c"]
    assert alternatives("(?:a)(?:b|c)") == ["(?:a)(?:b|c)"]
    assert alternatives("(?i)a|b") == ["(?i)a|b"]  # the flag would reach the other alternative


def test_entries_that_start_with_any_word_are_keyed_by_their_first_known_word() -> None:
    keys = first_words("\\w+(?:\\x20\\w+)?\\x20(?:extract|tea)")
    assert keys == {lookback_key(w, n) for w in ("extract", "tea") for n in (1, 2)}


def test_either_apostrophe_keeps_character_classes_valid() -> None:
    import regex

    from linter.language.lexicon import either_apostrophe

    assert either_apostrophe("it's") == "it['\u2019]s"
    assert regex.fullmatch(either_apostrophe("[\\w'-]+"), "it\u2019s-ok")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=900), st.sampled_from([" ", "  ", "\n", ". ", ", "]))
def test_indexed_search_equals_plain_search(words: list[str], separator: str) -> None:
    lexicon = compile_terms(TERMS, where="terms", source="test")
    assert isinstance(lexicon, Lexicon)
    text = separator.join(words)
    expected = [m.span() for m in lexicon.full.finditer(text)]
    assert [m.span() for m in lexicon.finditer(text)] == expected
    if len(text) >= INDEX_MIN_LENGTH and expected:
        # a range query returns the whole-text matches lying inside the range
        start, end = expected[0][0], expected[-1][1]
        assert [m.span() for m in lexicon.finditer(text, start, end)] == expected


def test_long_text_takes_the_indexed_path() -> None:
    import random

    rng = random.Random(7)
    lexicon = compile_terms(TERMS, where="terms", source="test")
    assert isinstance(lexicon, Lexicon)
    for separator in (" ", "\n", ". "):
        text = separator.join(rng.choice(WORDS) for _ in range(4000))
        assert len(text) >= INDEX_MIN_LENGTH
        assert [m.span() for m in lexicon.all_matches(text)] == [m.span() for m in lexicon.full.finditer(text)]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=300, max_size=900), st.sampled_from([" ", "\n", ". ", ", "]),
       st.integers(min_value=0), st.integers(min_value=0))
def test_a_search_inside_a_window_equals_plain_search(words: list[str], separator: str, a: int, b: int) -> None:
    """A window (a sentence) may start inside a match of the whole text; it must still see its own."""
    lexicon = compile_terms(TERMS, where="terms", source="test")
    assert isinstance(lexicon, Lexicon)
    text = separator.join(words)
    starts = [0]
    for word in words[:-1]:
        starts.append(starts[-1] + len(word) + len(separator))
    first, last = sorted((a % len(words), b % len(words)))
    pos, end = starts[first], starts[last] + len(words[last])
    for _ in range(2):  # the first query scans the text, the next reads the matches kept for it
        assert [m.span() for m in lexicon.finditer(text, pos, end)] == [m.span() for m in lexicon.full.finditer(text, pos, end)]


def test_an_entry_of_unknown_start_is_not_matched_across_a_blank_line() -> None:
    """Entries of unknown start are looked for only in the paragraphs holding the words they need,
    so a match never runs from one paragraph into the next ("Menu\\n\\nDeep Thaw Massage")."""
    lexicon = compile_terms(TERMS, where="terms", source="test")
    assert isinstance(lexicon, Lexicon)
    filler = "calm " * (INDEX_MIN_LENGTH // 5)
    for joined, expected in (("nature's answer to", ["nature's answer to"]), ("nature's\n\nanswer to", [])):
        text = filler + joined + " stress.\n\n" + filler
        found = [m.group() for m in lexicon.finditer(text) if "answer" in m.group()]
        assert found == expected


def test_a_match_is_the_first_entry_in_lexicon_order_that_matches_there() -> None:
    flags = regex.IGNORECASE | regex.VERSION0
    short_first = Lexicon(["sleep", r"sleep\s+quality", r"(?:\w+\s+)?quality"], WORD_BOUNDARIES, flags, validate=False)
    long_first = Lexicon([r"(?:\w+\s+)?quality", r"sleep\s+quality", "sleep"], WORD_BOUNDARIES, flags, validate=False)
    text = "Better Sleep quality, better sleep."
    assert [m.group() for m in short_first.finditer(text)] == ["Sleep", "quality", "sleep"]
    assert [m.group() for m in long_first.finditer(text)] == ["Sleep quality", "sleep"]
    assert long_first.match(text, 7).group() == long_first.full.match(text, 7).group() == "Sleep quality"
    assert long_first.match(text, 7, 12).group() == "Sleep"  # the window ends the entry early
    assert long_first.match(text, 8) is None  # inside a word


def test_searches_compile_each_entry_once_and_never_the_whole_alternation() -> None:
    import linter.language.wordindex as wordindex

    flags = regex.IGNORECASE | regex.VERSION0
    one = Lexicon(["calm(?:s|ing)?", r"sleep\s+aid"], WORD_BOUNDARIES, flags, validate=False)
    other = Lexicon([r"sleep\s+aid", "drowsy"], WORD_BOUNDARIES, flags, validate=False)
    text = "A sleep aid calms you. " * 200
    assert [m.group() for m in one.finditer(text)][:2] == ["sleep aid", "calms"]
    assert [m.group() for m in other.finditer(text)][:1] == ["sleep aid"]
    assert one._full is None and other._full is None
    assert one._matcher(r"sleep\s+aid") == other._matcher(r"sleep\s+aid")  # one compiled pattern, shared
    assert len([key for key in wordindex._ENTRY_PATTERNS if "(?:sleep\\s+aid)" in key[0]]) == 1


def test_only_a_publishers_lexicon_carries_a_time_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lexicon_module, "PATTERN_TIMEOUT", 0.2)
    builtin = compile_terms(["improves?"], where="t", source=str(builtin_rules_dir() / "claims" / "x.yaml"))
    runaway = compile_terms([r"(\w|\w)+\d"], where="t", source=str(tmp_path / "mine.yaml"))
    assert isinstance(builtin, Lexicon) and builtin.timeout is None
    assert isinstance(runaway, Lexicon) and runaway.timeout == 0.2
    with pytest.raises(PatternTimeout):
        list(find_all(runaway, "word" * 40 + " x"))


def test_word_starts_reads_a_long_text_from_its_index() -> None:
    text = "Hush helps. " + "filler words here. " * 200 + "hush-hush, Hushly and HUSH."
    expected = [m.start() for m in re.finditer(r"\w+", text) if m.group().lower() == "hush"]
    assert word_starts(text, "hush") == expected
    assert len(expected) == 4  # "Hush", both halves of "hush-hush", "HUSH"; not "Hushly"


def test_word_starts_leaves_a_short_text_to_a_plain_search() -> None:
    assert word_starts("Hush helps.", "hush") is None
