"""The per-file result cache: unchanged drafts under unchanged rules are not linted again.

An entry is keyed by the draft's bytes, its display path and read options, and a fingerprint of
everything that decides findings: the draftlint version and code, every rule and substance file's
bytes, and the config. Entries are JSON written to a temporary file and renamed into place, so
concurrent draftlint processes (pre-commit batches, CI shards) never see half an entry; a corrupt
or unreadable entry is a miss, never an error.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Iterable

from linter.config import Config
from linter.finding import Finding
from linter.fingerprint import ruleset_key
from linter.stored import write_atomically

DEFAULT_CACHE_DIR = Path(".draftlint_cache")
LAYOUT = "v1"
_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by draftlint.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)
_TUPLE = "$tuple"


_FINGERPRINTS: dict[Config, str] = {}


def ruleset_fingerprint(config: Config) -> str:
    """A hash of the version, draftlint's own code, every rule and substance file, and the config."""
    found = _FINGERPRINTS.get(config)
    if found is None:
        # what the rule set is built from (hashed as the rule-set store keys it), and the config
        rules = ruleset_key(config.rule_folders, config.substance_folders, config.settings())
        found = _FINGERPRINTS[config] = hashlib.sha256(f"draftlint\0{config!r}\0{rules}".encode("utf-8")).hexdigest()
    return found


def entry_key(fingerprint: str, display: str, options: str, data: bytes) -> str:
    """The cache key of one draft read with one set of options under one rule set."""
    digest = hashlib.sha256("\0".join((fingerprint, display, options)).encode("utf-8") + b"\0")
    digest.update(data)
    return digest.hexdigest()


def _encode(value: Any) -> Any:
    """JSON-ready data that remembers tuples, so `data` round-trips exactly."""
    if isinstance(value, tuple):
        return {_TUPLE: [_encode(v) for v in value]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {key: _encode(v) for key, v in value.items()}
    return value


def _decode(value: Any) -> Any:
    """Undo `_encode`."""
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if isinstance(value, dict):
        if set(value) == {_TUPLE}:
            return tuple(_decode(v) for v in value[_TUPLE])
        return {key: _decode(v) for key, v in value.items()}
    return value


def encode_findings(findings: Iterable[Finding]) -> list[dict[str, Any]]:
    """Findings as JSON records, including the offsets and `data` types that to_dict() drops."""
    return [{**f.to_dict(), "data": _encode(dict(f.data)), "start": f.start, "end": f.end} for f in findings]


def decode_findings(records: list[dict[str, Any]]) -> tuple[Finding, ...]:
    """Undo `encode_findings`."""
    return tuple(Finding.from_dict({**r, "data": _decode(r["data"])}) for r in records)


def _same(a: tuple[Finding, ...], b: tuple[Finding, ...]) -> bool:
    """Exact equality, offsets included (Finding equality ignores them)."""
    return a == b and all((x.start, x.end) == (y.start, y.end) for x, y in zip(a, b))


class FileCache:
    """Cached findings per draft in a folder shared safely by concurrent processes."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.entries = folder / LAYOUT
        self.writable = True
        self.hits = 0
        self.misses = 0

    def _path(self, key: str) -> Path:
        return self.entries / key[:2] / f"{key}.json"

    def get(self, key: str) -> tuple[Finding, ...] | None:
        """The cached findings for `key`, or None on a miss or an unusable entry."""
        try:
            document = json.loads(self._path(key).read_text(encoding="utf-8"))
            if document.get("key") != key:
                raise ValueError("entry does not match its key")
            findings = decode_findings(document["findings"])
        except Exception:  # missing, truncated by a crash, or hand-edited: lint again
            self.misses += 1
            return None
        self.hits += 1
        return findings

    def put(self, key: str, findings: tuple[Finding, ...]) -> None:
        """Store findings for `key`, unless they do not round-trip exactly or the folder is read-only."""
        if not self.writable:
            return
        try:
            records = encode_findings(findings)
            text = json.dumps({"key": key, "findings": records}, ensure_ascii=False)
            if not _same(decode_findings(json.loads(text)["findings"]), findings):
                return  # data JSON cannot represent exactly: never cache an approximation
        except (TypeError, ValueError):
            return
        try:
            self._prepare()
            target = self._path(key)
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(target, text.encode("utf-8"))
        except OSError:
            self.writable = False  # a read-only checkout: run uncached rather than fail

    def _prepare(self) -> None:
        """Create the folder with CACHEDIR.TAG and a .gitignore of `*`, once."""
        if (self.folder / "CACHEDIR.TAG").is_file():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        write_atomically(self.folder / ".gitignore", b"# created by draftlint\n*\n")
        write_atomically(self.folder / "CACHEDIR.TAG", _TAG.encode("utf-8"))
