"""`--diff REF`: which lines of which drafts changed since a git ref, and the findings on them."""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

from linter.errors import DraftlintError
from linter.finding import Finding

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
# Rules whose findings are about the draft as a whole (a warning it never gives), not one line.
WHOLE_DRAFT_CATEGORIES: frozenset[str] = frozenset({"warnings"})


@dataclass(frozen=True)
class FileChange:
    """How one draft changed: every line (new or untracked), or the added/changed line numbers."""

    lines: frozenset[int]
    whole: bool = False

    def touches(self, first: int, last: int) -> bool:
        """Whether any line in first..last changed."""
        return self.whole or any(first <= line <= last for line in self.lines)


def _git(args: list[str], cwd: Path) -> str:
    """Run git and return stdout; failures become one-line errors."""
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise DraftlintError("--diff needs git, which is not installed") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DraftlintError(f"git {args[0]} failed: {message[-1] if message else 'exit ' + str(done.returncode)}")
    return done.stdout.decode("utf-8", "surrogateescape")


def repo_root(start: Path) -> Path:
    """The top folder of the git work tree containing `start`."""
    folder = start if start.is_dir() else start.parent
    try:
        return Path(_git(["rev-parse", "--show-toplevel"], folder.resolve()).strip()).resolve()
    except DraftlintError:
        raise DraftlintError("--diff needs a git repository", str(start)) from None


def verify_ref(root: Path, ref: str) -> None:
    """Fail with one line unless `ref` names a commit."""
    try:
        _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"], root)
    except DraftlintError:
        raise DraftlintError(f"--diff: unknown git ref {ref!r}") from None


def parse_diff(text: str) -> dict[str, set[int]]:
    """Added or changed line numbers per file from `git diff --unified=0` output (repo-relative paths)."""
    changed: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in text.splitlines():
        if line.startswith("+++ "):
            name = line[4:]
            current = None if name == "/dev/null" else changed.setdefault(_strip_prefix(name), set())
        elif line.startswith("@@") and current is not None:
            m = _HUNK.match(line)
            if m is not None:
                start, count = int(m.group(1)), int(m.group(2) if m.group(2) is not None else 1)
                current.update(range(start, start + count))
    return changed


def _strip_prefix(name: str) -> str:
    """`b/drafts/a.md` -> `drafts/a.md`, undoing git's C-style quoting of unusual names."""
    if name.startswith('"') and name.endswith('"'):
        name = _unquote(name[1:-1])
    return name[2:] if name.startswith("b/") else name


_ESCAPES: dict[str, int] = {"a": 7, "b": 8, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13, '"': 34, "\\": 92}


def _unquote(body: str) -> str:
    """Decode git's quoted path: backslash escapes and octal bytes of UTF-8."""
    out = bytearray()
    i = 0
    while i < len(body):
        char = body[i]
        if char == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            if nxt in "01234567":
                out.append(int(body[i + 1:i + 4], 8))
                i += 4
                continue
            out.append(_ESCAPES.get(nxt, ord(nxt)))
            i += 2
            continue
        out.extend(char.encode("utf-8", "surrogateescape"))
        i += 1
    return out.decode("utf-8", "surrogateescape")


def changed_lines(ref: str, paths: Iterable[Path]) -> dict[Path, FileChange]:
    """Absolute path -> change, for every draft under `paths` that differs from `ref`."""
    targets = list(paths) or [Path(".")]
    root = repo_root(targets[0])
    verify_ref(root, ref)
    specs = ["--", *[os.path.relpath(p.resolve(), root) for p in targets]]
    diff = _git(["-c", "core.quotepath=off", "diff", "--unified=0", "--no-color", "--no-ext-diff", "--no-renames",
                 ref, *specs], root)
    changes: dict[Path, FileChange] = {}
    for name, lines in parse_diff(diff).items():
        # A pure deletion adds no lines but still changes the draft.
        changes[(root / name).resolve()] = FileChange(frozenset(lines))
    untracked = _git(["-c", "core.quotepath=off", "ls-files", "--others", "-z", *specs], root)
    for name in filter(None, untracked.split("\0")):
        changes[(root / name).resolve()] = FileChange(frozenset(), whole=True)
    return changes


def is_whole_draft(finding: Finding) -> bool:
    """Findings about the draft as a whole rather than a line (document-level data or category)."""
    return finding.data.get("scope") == "document" or finding.category in WHOLE_DRAFT_CATEGORIES


def only_changed(findings: Iterable[Finding], changes: Mapping[Path, FileChange]) -> list[Finding]:
    """Keep findings on changed lines, and whole-draft findings of drafts that changed at all."""
    kept: list[Finding] = []
    for finding in findings:
        change = changes.get(Path(finding.path).resolve())
        if change is None:
            continue
        if is_whole_draft(finding) or change.touches(finding.span.line, finding.span.end_line):
            kept.append(finding)
    return kept
