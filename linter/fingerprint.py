"""Digests of the files that decide findings, shared by the result cache and the rule-set store."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from linter.locations import builtin_rules_dir
from linter.stored import python_tag
from linter.version import __version__

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


def ruleset_key(rule_folders: Iterable[Path], substance_folders: Iterable[Path], settings: dict[str, Any] | None) -> str:
    """A hash of everything a rule set is built from: draftlint's version and code, the interpreter,
    the settings, and every YAML file of the built-in, rule and substance folders with its path."""
    digest = hashlib.sha256(f"{__version__}\0{python_tag()}\0{sorted((settings or {}).items())!r}\0{code_digest()}\0".encode("utf-8"))
    # the built-in folder holds its substances; a publisher's rule folder may hold some too
    for folder in (builtin_rules_dir(), *rule_folders, *substance_folders):
        # the folder's own path too: rule sources (file paths in messages) are stored in the set
        digest.update(str(folder.resolve()).encode("utf-8") + b"\0\0")
        hash_tree(digest, folder, "*.yaml")
    return digest.hexdigest()
