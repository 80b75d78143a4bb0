"""Compiled patterns kept on disk, so a fresh process does not parse its regular expressions again.

The `regex` module parses and optimises a pattern in Python before handing a flat list of opcodes
to its C core; for draftlint's lexicons that parsing was half the time of a cold pre-commit run.
Like Python's own bytecode cache, this module keeps those opcodes in one file per `regex` and
Python version (in `$DRAFTLINT_PATTERN_CACHE`, else `$XDG_CACHE_HOME/draftlint`, else
`~/.cache/draftlint`), keyed by the exact pattern text and flags, so a stale entry cannot exist;
it also remembers a few costly pure functions of a pattern (which words a lexicon entry can
start with).
The opcodes are captured from `regex`'s own compiler and given back to the same C entry point
it uses, which is private API: any surprise (a different `regex`, a corrupt or unreadable file, an
unwritable folder) quietly falls back to the ordinary compile. `DRAFTLINT_PATTERN_CACHE=off`
turns the store off.
"""

from __future__ import annotations

import atexit
import marshal
import os
import sys
from pathlib import Path
from typing import Any, Callable

import regex

try:  # private API of `regex`; without it the store stays off
    from regex import _main as _regex_main
except ImportError:  # pragma: no cover - a `regex` laid out differently
    _regex_main = None  # type: ignore[assignment]

ENV_VARIABLE = "DRAFTLINT_PATTERN_CACHE"
# A store grown past either limit (edited publisher patterns, rule changes) keeps only what the
# last run used: loading it is on the path of every pre-commit run.
MAX_ENTRIES = 20000
MAX_BYTES = 4_000_000
_FORMAT = 1
Key = tuple[str, int]


def store_path() -> Path | None:
    """Where this process keeps its compiled patterns, or None when the store is off."""
    setting = os.environ.get(ENV_VARIABLE, "")
    if setting.lower() in ("off", "0", "false", "no"):
        return None
    if setting:
        folder = Path(setting)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = Path(base) / "draftlint"
    version = getattr(regex, "__version__", "unknown")
    python = f"{sys.implementation.name}{sys.version_info[0]}{sys.version_info[1]}"
    return folder / f"patterns-{_FORMAT}-regex{version}-{python}.bin"


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


class PatternStore:
    """Compiled patterns of earlier processes, loaded on first use and saved when new ones appear."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._entries: dict[Key, tuple[Any, ...]] | None = None
        self._memo: dict[tuple[str, str], Any] = {}
        self._used: set[Key] = set()
        self._used_memo: set[tuple[str, str]] = set()
        self._dirty = False

    def _load(self) -> dict[Key, tuple[Any, ...]]:
        if self._entries is None:
            self._entries, self._memo = {}, {}
            if self.path is not None and _regex_main is not None:
                try:
                    data = self.path.read_bytes()
                    loaded = marshal.loads(data)
                    if isinstance(loaded, tuple) and len(loaded) == 2 and all(isinstance(part, dict) for part in loaded):
                        self._entries, self._memo = loaded
                        self._dirty = len(data) > MAX_BYTES  # trim it at exit, even if nothing is new
                except (OSError, ValueError, EOFError, TypeError):
                    pass  # missing or corrupt: start afresh, and overwrite it on save
        return self._entries

    def memo(self, namespace: str, key: str, compute: Callable[[str], Any]) -> Any:
        """`compute(key)`, remembered across processes (the value must be plain data)."""
        self._load()
        memo_key = (namespace, key)
        if memo_key in self._memo:
            self._used_memo.add(memo_key)
            return self._memo[memo_key]
        value = self._memo[memo_key] = compute(key)
        self._used_memo.add(memo_key)
        self._dirty = self.path is not None
        return value

    def compile(self, source: str, flags: int = 0) -> regex.Pattern[str]:
        """`regex.compile(source, flags)`, from the store when an earlier process compiled it."""
        entries = self._load()
        key = (source, int(flags))
        args = entries.get(key)
        if args is not None:
            try:
                pattern = _regex_main._regex.compile(*args)  # type: ignore[union-attr]
            except Exception:  # noqa: BLE001 - any mismatch with this regex: compile afresh
                del entries[key]
            else:
                self._used.add(key)
                return pattern  # type: ignore[no-any-return]
        return self._compile_and_keep(key)

    def _compile_and_keep(self, key: Key) -> regex.Pattern[str]:
        if self.path is None or _regex_main is None:
            return regex.compile(*key)
        recorder = _Recorder(_regex_main._regex)
        _regex_main._regex = recorder  # this thread's compile only: draftlint lints on one thread
        try:
            pattern = regex.compile(key[0], key[1], cache_pattern=False)
        finally:
            _regex_main._regex = recorder.real
        if recorder.args is not None and not recorder.args[5]:  # no named lists: plain data only
            assert self._entries is not None
            self._entries[key] = tuple(_plain(arg) for arg in recorder.args)
            self._used.add(key)
            self._dirty = True
        return pattern

    def save(self) -> None:
        """Write the store if this process compiled anything new; failures are silent."""
        if not self._dirty or self.path is None or self._entries is None:
            return
        entries, memo = self._entries, self._memo
        data = marshal.dumps((entries, memo))
        if len(entries) + len(memo) > MAX_ENTRIES or len(data) > MAX_BYTES:
            entries = {k: v for k, v in entries.items() if k in self._used}
            memo = {k: v for k, v in memo.items() if k in self._used_memo}
            data = marshal.dumps((entries, memo))
        import tempfile  # deferred: most runs compile nothing new and never save

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".patterns-")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(data)
                os.replace(temporary, self.path)  # readers see the old file or the new, never half
            except BaseException:
                os.unlink(temporary)
                raise
        except (OSError, ValueError):
            return
        self._dirty = False


_STORE = PatternStore(store_path())
atexit.register(_STORE.save)


def compile_pattern(source: str, flags: int = 0) -> regex.Pattern[str]:
    """Compile a `regex` pattern through the process-wide store."""
    return _STORE.compile(source, flags)


def remembered(namespace: str, key: str, compute: Callable[[str], Any]) -> Any:
    """`compute(key)` through the process-wide store: for costly pure functions of a pattern."""
    return _STORE.memo(namespace, key, compute)
