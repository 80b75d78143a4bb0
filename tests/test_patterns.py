"""The on-disk store of compiled patterns: same behaviour as regex.compile, never an error."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import regex

from linter import patterns, stored
from linter.memo import MemoStore, memo_path
from linter.patterns import PatternStore, store_key, store_path

SAMPLES = [
    (r"(?<![\w-])(?:improv(?:e|es|ed)|boosts?)\s+(sleep|mood)(?![\w])", regex.IGNORECASE | regex.VERSION0),
    (r"\b(?P<amount>\d+(?:\.\d+)?)\s*(?:mg|g|mcg)\b", 0),
    (r"(?!x)x", 0),
]
TEXT = "It IMPROVES sleep, boosts mood and 2.5 mg or 300 g; improved   Sleep-well."


def _results(pattern: regex.Pattern[str]) -> list[tuple[int, int, tuple[str | None, ...]]]:
    return [(m.start(), m.end(), m.groups()) for m in pattern.finditer(TEXT)]


def test_a_stored_pattern_is_rebuilt_without_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "store.bin"
    first = PatternStore(path)
    fresh = [first.compile(source, flags) for source, flags in SAMPLES]
    first.save()
    assert path.is_file()

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("the pattern should have come from the store")

    monkeypatch.setattr(regex, "compile", no_parsing)
    second = PatternStore(path)
    for (source, flags), original in zip(SAMPLES, fresh):
        loaded = second.compile(source, flags)
        assert loaded.pattern == source
        assert _results(loaded) == _results(original)
        assert loaded.groupindex == original.groupindex


def test_without_a_file_opcodes_are_kept_for_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """With the store off, a pattern compiled again (a lexicon drops the ones it has not used
    lately) is still rebuilt from its opcodes, not parsed afresh."""
    store = PatternStore(None)
    fresh = [store.compile(source, flags) for source, flags in SAMPLES]

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("the pattern should have come from the opcodes kept in memory")

    monkeypatch.setattr(regex, "compile", no_parsing)
    for (source, flags), original in zip(SAMPLES, fresh):
        assert _results(store.compile(source, flags)) == _results(original)
    store.save()  # no file to write


def test_opcodes_are_kept_packed(tmp_path: Path) -> None:
    """A pattern's opcodes wait for the save as compressed 4-byte words, not as a list of Python
    ints: a long run compiles thousands of patterns and holds every new one until it exits."""
    import marshal
    import zlib
    from array import array

    store = PatternStore(tmp_path / "store.bin")
    source = "(?:" + "|".join(f"(?:calm(?:s|ing)? (?:the )?mind {n})" for n in range(40)) + ")"
    store.compile(source, 2)
    blob = store.table.get(store_key(source, 2))
    kept = marshal.loads(blob)
    code = kept[1]  # the text is not kept: the caller has it
    words = zlib.decompress(code)
    assert isinstance(code, bytes) and len(words) % 4 == 0 and len(code) < len(words) / 3
    assert len(array("I", words)) > 100
    assert source not in kept and len(blob) < len(source)


def test_a_corrupt_store_is_ignored_and_replaced(tmp_path: Path) -> None:
    path = tmp_path / "store.bin"
    path.write_bytes(b"\x00not marshal data")
    store = PatternStore(path)
    pattern = store.compile(*SAMPLES[1])
    assert _results(pattern) == _results(regex.compile(*SAMPLES[1]))
    store.save()
    assert PatternStore(path).compile(*SAMPLES[1]).pattern == SAMPLES[1][0]


def test_an_unwritable_store_is_silent(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    store = PatternStore(blocker / "sub" / "store.bin")
    assert store.compile(*SAMPLES[0]).search(TEXT) is not None
    store.save()  # no exception


def test_saving_deletes_older_formats_of_the_same_store_only(tmp_path: Path) -> None:
    older = [tmp_path / "patterns-3-regex1-cpython311.bin", tmp_path / "patterns-4-regex1-cpython39.bin"]
    kept = [
        tmp_path / "patterns-5-regex0-cpython312.bin",  # this format for another interpreter
        tmp_path / "memo-1-cpython311.bin",  # another store
        tmp_path / "patterns-notes.txt",
    ]
    for path in older + kept:
        path.write_bytes(b"old")
    store = PatternStore(tmp_path / "patterns-5-regex1-cpython311.bin")
    store.compile(*SAMPLES[0])
    store.save()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([store.path.name] + [p.name for p in kept])


def test_an_invalid_pattern_raises_like_regex(tmp_path: Path) -> None:
    store = PatternStore(tmp_path / "store.bin")
    with pytest.raises(regex.error):
        store.compile("(unclosed")
    assert store.compile(*SAMPLES[2]).search(TEXT) is None  # the recorder was put back


def test_memo_is_remembered_across_processes(tmp_path: Path) -> None:
    path = tmp_path / "memo.bin"
    first = MemoStore(path)
    assert first.memo("words", "abc", lambda key: frozenset(key)) == frozenset("abc")
    assert first.memo("none", "x", lambda key: None) is None
    first.save()
    second = MemoStore(path)
    assert second.memo("words", "abc", lambda key: pytest.fail("not remembered")) == frozenset("abc")
    assert second.memo("none", "x", lambda key: pytest.fail("None is remembered too")) is None


def test_the_store_can_be_turned_off(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(stored.ENV_VARIABLE, "off")
    assert store_path() is None and memo_path() is None
    monkeypatch.setenv(stored.ENV_VARIABLE, str(tmp_path))
    found = store_path()
    assert found is not None and found.parent == tmp_path and regex.__version__ in found.name
    memo = memo_path()
    assert memo is not None and memo.parent == tmp_path and memo != found


def _saved_store(path: Path) -> int:
    """Save a store holding every sample; return its size in bytes."""
    store = PatternStore(path)
    for source, flags in SAMPLES:
        store.compile(source, flags)
    store.save()
    return path.stat().st_size


def _kept(path: Path) -> set[tuple[bytes, int]]:
    """The keys a store on disk holds."""
    return set(PatternStore(path).table.entries())


@pytest.mark.parametrize("new_pattern", [True, False])
def test_an_oversized_store_keeps_only_what_the_last_run_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, new_pattern: bool) -> None:
    """Trimmed at exit whether the run compiled something new (the store grows past the limit)
    or nothing (a store already too big is trimmed anyway)."""
    path = tmp_path / "store.bin"
    size = _saved_store(path)
    monkeypatch.setattr(stored, "MAX_BYTES", size + 1 if new_pattern else size - 1)
    store = PatternStore(path)
    store.compile(*SAMPLES[0])  # used in this run
    expected = {store_key(*SAMPLES[0])}
    if new_pattern:
        store.compile(r"\bnew\b", 0)
        expected.add(store_key(r"\bnew\b", 0))
    store.save()
    assert _kept(path) == expected


def test_an_oversized_store_that_this_run_used_whole_is_left_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Trimming a store whose every entry was used would write the same table again (on an
    archive run that write doubled the peak memory), so the file is not touched."""
    path = tmp_path / "store.bin"
    size = _saved_store(path)
    monkeypatch.setattr(stored, "MAX_BYTES", size - 1)
    earlier = path.stat().st_mtime_ns - 10**9
    os.utime(path, ns=(earlier, earlier))
    store = PatternStore(path)
    for source, flags in SAMPLES:
        store.compile(source, flags)
    store.save()
    assert path.stat().st_mtime_ns == earlier
    assert _kept(path) == {store_key(source, flags) for source, flags in SAMPLES}
