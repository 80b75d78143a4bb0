"""Compiled rule sets kept between processes, so a pre-commit run does not compile the rules again.

Building the rule set (reading the YAML, compiling the claim lexicons' hundreds of term lists) takes
longer than linting a draft. The built RuleSet is pickled into the store folder that also keeps the
pattern store and the memo (`$DRAFTLINT_PATTERN_CACHE`, else the user's cache folder), under a key
that hashes everything the build reads: draftlint's version and code, the interpreter, every YAML
file of every rule and substance folder with its path, and the settings. Like Python's bytecode
cache the file is trusted as the user's own; a missing, stale, corrupt or unwritable file only means
the rules are built again, and a rule file with an error is never stored (it raises as before).
"""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

from linter.fingerprint import ruleset_key
from linter.ruleset import RuleSet, load_ruleset
from linter.stored import store_folder, write_atomically

FORMAT = 1
KEPT = 4  # rule sets kept: a few projects or configs used in turn each keep theirs
_FAMILY = "ruleset"
_IN_PROCESS: dict[str, RuleSet] = {}  # file name -> the set this process built or read


def cached_ruleset(rule_folders: tuple[Path, ...] = (), substance_folders: tuple[Path, ...] = (),
                   settings: dict[str, Any] | None = None) -> RuleSet:
    """The rule set `load_ruleset` would build, read from the store when an earlier process built
    the same one; RuleError from a bad rule file propagates exactly as from `load_ruleset`."""
    folder = store_folder()
    if folder is None:
        return load_ruleset(rule_folders, substance_folders, settings)
    try:
        path = folder / f"{_FAMILY}-{FORMAT}-{ruleset_key(rule_folders, substance_folders, settings)[:32]}.pickle"
    except OSError:
        return load_ruleset(rule_folders, substance_folders, settings)  # a folder unreadable now is reported by the build
    ruleset = _IN_PROCESS.pop(path.name, None) or _load(path)
    if ruleset is None:
        ruleset = load_ruleset(rule_folders, substance_folders, settings)
        _save(path, ruleset)
    # kept for this process too, the last used last: a set read back compiles its lexicon
    # entries again on first use, which a library or test process building many linters would
    # otherwise pay each time
    _IN_PROCESS[path.name] = ruleset
    while len(_IN_PROCESS) > KEPT:
        del _IN_PROCESS[next(iter(_IN_PROCESS))]
    return ruleset


def _load(path: Path) -> RuleSet | None:
    """The stored rule set, or None when there is none or it cannot be read back."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        loaded = pickle.loads(data)
    except Exception:  # noqa: BLE001 - a corrupt or outdated pickle can raise nearly anything
        return None
    return loaded if isinstance(loaded, RuleSet) else None


def _save(path: Path, ruleset: RuleSet) -> None:
    """Write the rule set and drop all but the newest few stored sets; silent on failure."""
    try:
        data = pickle.dumps(ruleset, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return  # a publisher kind holding something unpicklable: build it every run
    try:
        write_atomically(path, data)
        # one set per rule configuration would pile up as rules are edited
        stored = sorted(path.parent.glob(f"{_FAMILY}-*.pickle"), key=_modified, reverse=True)
        for old in stored[KEPT:]:
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        return


def _modified(path: Path) -> float:
    """When a stored file was last written (0 when it is gone already)."""
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
