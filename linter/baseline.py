"""Baselines: record today's findings once, then report only new ones (and the ones since fixed).

A finding is identified by rule + path + its normalised excerpt + which occurrence of that same
excerpt it is, never by line number, so entries survive text being added or moved above them.
The same identity gives SARIF and GitLab their stable fingerprints.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, NamedTuple

from linter.errors import DraftlintError
from linter.finding import Finding

BASELINE_VERSION = 1


class FindingKey(NamedTuple):
    """The line-independent identity of a finding."""

    rule: str
    path: str
    excerpt: str
    occurrence: int

    def digest(self, salt: str = "") -> str:
        """A hex SHA-256 of the key (plus an optional salt, for re-hashing collisions)."""
        text = "\x1f".join((self.rule, self.path, self.excerpt, str(self.occurrence), salt))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalise_excerpt(excerpt: str) -> str:
    """Collapse whitespace so re-wrapping a paragraph does not change a finding's identity."""
    return " ".join(excerpt.split())


def finding_keys(findings: Iterable[Finding]) -> list[FindingKey]:
    """Keys for `findings` in their given order; repeats of one excerpt are numbered 0, 1, ..."""
    seen: dict[tuple[str, str, str], int] = {}
    keys: list[FindingKey] = []
    for finding in findings:
        base = (finding.rule, finding.path, normalise_excerpt(finding.excerpt))
        occurrence = seen.get(base, 0)
        seen[base] = occurrence + 1
        keys.append(FindingKey(*base, occurrence))
    return keys


@dataclass(frozen=True)
class Filtered:
    """Findings left after applying a baseline, and the baseline entries that no longer occur."""

    findings: tuple[Finding, ...]
    fixed: tuple[Finding, ...]


@dataclass(frozen=True)
class Baseline:
    """Recorded findings keyed by identity."""

    entries: dict[FindingKey, Finding]

    def apply(self, findings: Iterable[Finding]) -> Filtered:
        """Hide recorded findings; report recorded ones that were not seen as fixed."""
        ordered = sorted(findings, key=Finding.sort_key)
        keys = finding_keys(ordered)
        kept = tuple(f for f, key in zip(ordered, keys) if key not in self.entries)
        current = set(keys)
        fixed = tuple(sorted((f for key, f in self.entries.items() if key not in current), key=Finding.sort_key))
        return Filtered(kept, fixed)


def baseline_text(findings: Iterable[Finding]) -> str:
    """The JSON text of a baseline file recording `findings` (keys in a fixed order)."""
    ordered = sorted(findings, key=Finding.sort_key)
    entries = [{"key": key._asdict(), "finding": finding.to_dict()} for finding, key in zip(ordered, finding_keys(ordered))]
    document = {"version": BASELINE_VERSION, "tool": "draftlint", "findings": entries}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def load_baseline(path: Path) -> Baseline:
    """Read a baseline file; anything unreadable or malformed is a one-line error."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DraftlintError("baseline file does not exist", str(path), "create it with `draftlint baseline write`") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise DraftlintError(f"cannot read baseline ({exc})", str(path)) from None
    if not isinstance(document, dict) or document.get("version") != BASELINE_VERSION:
        raise DraftlintError(f"not a version {BASELINE_VERSION} draftlint baseline", str(path))
    try:
        entries = {FindingKey(**item["key"]): Finding.from_dict(item["finding"]) for item in document["findings"]}
    except (KeyError, TypeError) as exc:
        raise DraftlintError(f"malformed baseline entry ({exc})", str(path)) from None
    return Baseline(entries)
