"""A dictionary of plain data kept in one file between processes, like Python's bytecode cache.

Loaded on first use, written at exit only when this process added something, replaced atomically
(concurrent pre-commit runs see the old file or the new one, never half), and never an error: a
missing, corrupt or unwritable file only means the work is done again. The pattern store and the
memo of pure functions each keep one.
"""

from __future__ import annotations

import marshal
import os
import sys
from pathlib import Path
from typing import Any, Hashable

ENV_VARIABLE = "DRAFTLINT_PATTERN_CACHE"
# A table grown past either limit (edited publisher patterns, rule changes) keeps only what the
# last run used: loading it is on the path of every pre-commit run.
MAX_ENTRIES = 20000
MAX_BYTES = 4_000_000


def store_folder() -> Path | None:
    """Where this process keeps its tables (`$DRAFTLINT_PATTERN_CACHE`, else the user's cache
    folder), or None when `DRAFTLINT_PATTERN_CACHE=off`."""
    setting = os.environ.get(ENV_VARIABLE, "")
    if setting.lower() in ("off", "0", "false", "no"):
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "draftlint"


def python_tag() -> str:
    """The interpreter's name and version, as file names of version-bound data carry it."""
    return f"{sys.implementation.name}{sys.version_info[0]}{sys.version_info[1]}"


class StoredTable:
    """Key -> plain data, read from `path` on first use and saved when new entries came in."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._entries: dict[Hashable, Any] | None = None
        self._used: set[Hashable] = set()
        self._dirty = False  # entries were added: save at exit
        # Bytes of the file as read plus the entries added since, so `save` knows whether to trim
        # without writing the whole table first (on an archive run that doubled its peak memory).
        self._size = 0

    def entries(self) -> dict[Hashable, Any]:
        """Every entry, the file read on the first call (an unreadable file reads as empty)."""
        if self._entries is None:
            self._entries = {}
            if self.path is not None:
                try:
                    data = self.path.read_bytes()
                    loaded = marshal.loads(data)
                    if isinstance(loaded, dict):
                        self._entries = loaded
                        self._size = len(data)
                except (OSError, ValueError, EOFError, TypeError):
                    pass  # missing or corrupt: start afresh, and overwrite it on save
        return self._entries

    def get(self, key: Hashable) -> Any:
        """The entry for `key` (None when absent), counted as used by this run."""
        entries = self.entries()
        if key not in entries:
            return None
        self._used.add(key)
        return entries[key]

    def __contains__(self, key: Hashable) -> bool:
        return key in self.entries()

    def put(self, key: Hashable, value: Any) -> None:
        """Add an entry (plain data only), to be written at exit."""
        self.entries()[key] = value
        self._used.add(key)
        if self.path is not None:
            self._dirty = True
            self._size += len(marshal.dumps((key, value)))

    def forget(self, key: Hashable) -> None:
        """Drop an entry that proved unusable."""
        self.entries().pop(key, None)
        self._used.discard(key)

    def _oversized(self) -> bool:
        return self._entries is not None and (len(self._entries) > MAX_ENTRIES or self._size > MAX_BYTES)

    def save(self) -> None:
        """Write the table if this process added anything, or trim it to what this run used when
        it is over its limits (a table this run used whole stays as it is); silent on failure."""
        if self.path is None or self._entries is None:
            return
        entries = self._entries
        if self._oversized():
            if not self._dirty and len(self._used) == len(entries):
                return  # trimming would write the same table again
            entries = {k: v for k, v in entries.items() if k in self._used}
        elif not self._dirty:
            return
        data = marshal.dumps(entries)
        try:
            write_atomically(self.path, data)
        except (OSError, ValueError):
            return
        self._dirty = False
        self._size = len(data)
        _drop_older_formats(self.path)


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path` and rename it into place, so a concurrent
    reader sees the old file or the new one, never half; OSError on failure."""
    import tempfile  # deferred: most runs add nothing and never write

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def _drop_older_formats(path: Path) -> None:
    """Delete the files an older draftlint kept beside `path` in a format it no longer reads.

    Store files are named `<family>-<format>-<rest>.bin`; a format bump would otherwise leave the
    old file (megabytes of compiled patterns) in the user's cache folder for good. Files of the
    same format for another Python or `regex` stay: another interpreter may still use them.
    """
    family, _, rest = path.name.partition("-")
    current = rest.partition("-")[0]
    if not current.isdigit():
        return
    try:
        siblings = list(path.parent.glob(f"{family}-*{path.suffix}"))
    except OSError:
        return
    for sibling in siblings:
        version = sibling.name[len(family) + 1:].partition("-")[0].removesuffix(path.suffix)
        if version.isdigit() and int(version) < int(current):
            try:
                sibling.unlink()
            except OSError:
                pass  # another process removed it, or the folder is read-only: harmless


class TableStore:
    """A store kept in one StoredTable: the file behind it, and its save at exit."""

    def __init__(self, path: Path | None) -> None:
        self.table = StoredTable(path)

    @property
    def path(self) -> Path | None:
        """The file behind the store."""
        return self.table.path

    def save(self) -> None:
        """Write what this process added; failures are silent."""
        self.table.save()
