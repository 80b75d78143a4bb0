"""Digests of the files that decide findings, shared by the result cache and the rule-set store."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Any

_PACKAGE = Path(__file__).resolve().parent


def hash_tree(digest: Any, folder: Path, pattern: str) -> None:
    """Feed every matching file's relative name and bytes into `digest`, in a stable order."""
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob(pattern)):
        digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A hash of draftlint's own code, read once per process: a kind changed in a checkout without
    a version bump must not reuse stale results or rule sets."""
    digest = hashlib.sha256()
    hash_tree(digest, _PACKAGE, "*.py")
    return digest.hexdigest()
