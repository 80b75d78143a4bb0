"""Finding the drafts to lint: files and folders, extensions, include/exclude globs, odd files."""

from __future__ import annotations

import fnmatch
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from linter.errors import InputError

DEFAULT_EXTENSIONS: tuple[str, ...] = (".md", ".markdown", ".txt", ".html", ".htm")
_SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".draftlint_cache"})


@dataclass(frozen=True)
class Target:
    """A draft to lint: where it is and how to name it in output."""

    path: Path
    display: str
    explicit: bool  # named on the command line rather than found in a folder


def display_path(path: Path) -> str:
    """A path relative to the current folder when it is inside it, with forward slashes."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        rel = str(path)
    if rel.startswith(".."):
        rel = str(path)
    return rel.replace(os.sep, "/")


def matches_any(display: str, patterns: tuple[str, ...]) -> bool:
    """Whether a path matches a glob (against the whole path or any trailing part of it)."""
    parts = display.split("/")
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        if fnmatch.fnmatch(display, pattern):
            return True
        for i in range(len(parts)):
            if fnmatch.fnmatch("/".join(parts[i:]), pattern):
                return True
    return False


def iter_targets(
    paths: list[Path], extensions: tuple[str, ...], include: tuple[str, ...], exclude: tuple[str, ...]
) -> Iterator[Target | InputError]:
    """Yield every draft under `paths` in a stable order; problems come back as InputErrors."""
    wanted = tuple(e.lower() for e in extensions)
    for root in paths:
        display = display_path(root)
        try:
            info = root.stat()
        except FileNotFoundError:
            yield InputError("no such file or folder", display, "check the path")
            continue
        except OSError as exc:
            yield InputError(f"cannot read ({exc.strerror})", display, "check the path and its permissions")
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk(root, wanted, include, exclude)
        elif stat.S_ISREG(info.st_mode):
            if not matches_any(display, exclude):
                yield Target(root, display, explicit=True)
        else:
            yield InputError("not a regular file (a pipe, socket or device)", display, "pass a file or a folder")


def _walk(root: Path, extensions: tuple[str, ...], include: tuple[str, ...], exclude: tuple[str, ...]) -> Iterator[Target | InputError]:
    errors: list[OSError] = []
    # followlinks=False: a symlink loop cannot trap the walk.
    for folder, dirs, files in os.walk(root, onerror=errors.append, followlinks=False):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not matches_any(display_path(Path(folder, d)), exclude))
        for name in sorted(files):
            path = Path(folder, name)
            display = display_path(path)
            if not name.lower().endswith(extensions):
                continue
            if include and not matches_any(display, include):
                continue
            if matches_any(display, exclude):
                continue
            # A FIFO, dangling link or link loop with a draft's name is yielded too: reading it
            # fails (see read_regular) and the run counts it as skipped instead of hiding it.
            yield Target(path, display, explicit=False)
    for error in errors:
        where = display_path(Path(error.filename)) if error.filename else display_path(root)
        yield InputError(f"cannot read folder ({error.strerror})", where, "fix its permissions or exclude it")


def read_regular(path: Path, display: str) -> bytes:
    """Read a regular file's bytes; anything else (a FIFO, a device, a link loop) is an InputError.

    The file is opened without blocking and checked on the open descriptor, so a FIFO that
    replaced a draft after the folder walk cannot hang the run.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except IsADirectoryError:
        raise InputError("is a folder, not a file", display) from None
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc})", display, "check the path and its permissions") from None
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise InputError("is a folder, not a file", display)
        if not stat.S_ISREG(mode):
            raise InputError("not a regular file (a pipe, socket or device)", display, "pass a file or a folder")
        try:
            return handle.read()
        except OSError as exc:
            raise InputError(f"cannot read ({exc.strerror or exc})", display) from None
