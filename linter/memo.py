"""Costly pure functions remembered across processes: a parsed rule file, the words a lexicon entry
can start with. Kept apart from the compiled patterns, so a run that needs only these (every
draft's findings in the result cache) reads a small file and never imports `regex`.
"""

from __future__ import annotations

import atexit
from pathlib import Path
from typing import Any, Callable

from linter.stored import TableStore, python_tag, store_folder

_FORMAT = 1


def memo_path() -> Path | None:
    """The memo file of this Python version, or None when the store is off."""
    folder = store_folder()
    return None if folder is None else folder / f"memo-{_FORMAT}-{python_tag()}.bin"


class MemoStore(TableStore):
    """`compute(key)` results of earlier processes, by namespace and key."""

    def memo(self, namespace: str, key: str, compute: Callable[[str], Any]) -> Any:
        """`compute(key)`, remembered across processes (the value must be plain data)."""
        memo_key = (namespace, key)
        if memo_key in self.table:
            return self.table.get(memo_key)
        value = compute(key)
        self.table.put(memo_key, value)
        return value


_STORE = MemoStore(memo_path())


@atexit.register
def _save() -> None:
    _STORE.save()


def remembered(namespace: str, key: str, compute: Callable[[str], Any]) -> Any:
    """`compute(key)` through the process-wide memo: for costly pure functions of a pattern or file."""
    return _STORE.memo(namespace, key, compute)
