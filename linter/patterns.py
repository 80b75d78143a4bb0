"""Compiled patterns kept on disk, so a fresh process does not parse its regular expressions again.

The `regex` module parses and optimises a pattern in Python before handing a flat list of opcodes
to its C core; for draftlint's lexicons that parsing was half the time of a cold pre-commit run.
Like Python's own bytecode cache, this module keeps those opcodes in one file per `regex` and
Python version (beside the memo, see `linter.stored`), keyed by a digest of the exact pattern text
and the flags, so a stale entry cannot exist.
The opcodes are captured from `regex`'s own compiler and given back to the same C entry point
it uses, which is private API: any surprise (a different `regex`, a corrupt or unreadable file, an
unwritable folder) quietly falls back to the ordinary compile. `DRAFTLINT_PATTERN_CACHE=off`
keeps the opcodes in memory only, for this process: the lexicon search drops compiled patterns it
has not used lately and compiles them again from there.
"""

from __future__ import annotations

import atexit
import hashlib
import marshal
import zlib
from array import array
from pathlib import Path
from typing import Any

import regex

from linter.stored import TableStore, python_tag, store_folder

try:  # private API of `regex`; without it the store stays off
    from regex import _main as _regex_main
except ImportError:  # pragma: no cover - a `regex` laid out differently
    _regex_main = None  # type: ignore[assignment]

# 2: the memo moved to its own file; 3: opcodes packed as bytes; 4: and compressed; 5: keyed by a
# digest, each entry one marshalled blob
_FORMAT = 5
_CODE = 2  # the position of the opcode list among the arguments of regex's C compile
# Opcodes are unsigned 32-bit words in regex's C core. Packed, one takes 4 bytes where a Python
# int in a list takes about 36; compressed, under one (a lexicon's alternation repeats itself):
# a long corpus run compiles thousands of patterns, a run loads the whole store, and the store
# keeps every new one until it is saved at exit. Unpacking one costs about 10 microseconds.
_WORD = "I"
_LEVEL = 6
# An entry is (digest of the pattern text, flags) -> the compile arguments but the text, marshalled
# into one bytes object. The store is loaded whole by every run and held to its end: keyed by the
# text itself, with the arguments as Python objects, it took 6.4 MB of memory for a 3.3 MB file,
# and 2.4 MB so (the file halves too). The caller always has the text at hand.
_DIGEST_SIZE = 16
Key = tuple[bytes, int]


def store_path() -> Path | None:
    """Where this process keeps its compiled patterns, or None when the store is off."""
    folder = store_folder()
    if folder is None:
        return None
    version = getattr(regex, "__version__", "unknown")
    return folder / f"patterns-{_FORMAT}-regex{version}-{python_tag()}.bin"


class _Recorder:
    """Stands in for regex's C module during one compile and keeps the arguments it was given."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.args: tuple[Any, ...] | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def compile(self, *args: Any) -> Any:
        """Record the opcodes, then build the pattern as regex would."""
        self.args = args
        return self.real.compile(*args)


def _plain(value: Any) -> Any:
    """Flag enums as ints, so the opcodes are plain data that `marshal` can write."""
    return int(value) if isinstance(value, int) and type(value) is not int else value


def store_key(source: str, flags: int) -> Key:
    """The store's key of a pattern: a digest of its text, and its flags."""
    digest = hashlib.blake2b(source.encode("utf-8", "surrogatepass"), digest_size=_DIGEST_SIZE).digest()
    return digest, int(flags)


def _packed(args: tuple[Any, ...]) -> bytes:
    """The compile arguments but the pattern text, as one blob, the opcode list compressed."""
    plain = [_plain(arg) for arg in args]
    plain[_CODE] = zlib.compress(array(_WORD, plain[_CODE]).tobytes(), _LEVEL)
    return marshal.dumps(tuple(plain[1:]))


def _unpacked(source: str, blob: bytes) -> tuple[Any, ...]:
    """The compile arguments `_packed` kept, the pattern text and the opcode list restored."""
    stored = (source, *marshal.loads(blob))
    words = array(_WORD)
    words.frombytes(zlib.decompress(stored[_CODE]))
    return stored[:_CODE] + (words.tolist(),) + stored[_CODE + 1:]


class PatternStore(TableStore):
    """Compiled patterns of earlier processes, loaded on first use and saved when new ones appear."""

    def compile(self, source: str, flags: int = 0) -> regex.Pattern[str]:
        """`regex.compile(source, flags)`, from the store when an earlier process compiled it."""
        if _regex_main is None:
            return regex.compile(source, flags)
        key = store_key(source, flags)
        blob = self.table.get(key)
        if blob is not None:
            try:
                return _regex_main._regex.compile(*_unpacked(source, blob))  # type: ignore[no-any-return]
            except Exception:  # noqa: BLE001 - any mismatch with this regex: compile afresh
                self.table.forget(key)
        return self._compile_and_keep(source, key)

    def _compile_and_keep(self, source: str, key: Key) -> regex.Pattern[str]:
        recorder = _Recorder(_regex_main._regex)
        _regex_main._regex = recorder  # this thread's compile only: draftlint lints on one thread
        try:
            pattern = regex.compile(source, key[1], cache_pattern=False)
        finally:
            _regex_main._regex = recorder.real
        if recorder.args is not None and not recorder.args[5]:  # no named lists: plain data only
            try:
                self.table.put(key, _packed(recorder.args))
            except (OverflowError, TypeError, ValueError):  # an opcode that is no 32-bit word: compile it each time
                pass
        return pattern


_STORE = PatternStore(store_path())


@atexit.register
def _save() -> None:
    _STORE.save()


def compile_pattern(source: str, flags: int = 0) -> regex.Pattern[str]:
    """Compile a `regex` pattern through the process-wide store."""
    return _STORE.compile(source, flags)
