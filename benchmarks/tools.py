"""The two linters under test: how to find, install and invoke draftlint and proselint.

Every command runs with its working folder, HOME, caches and bytecode under `benchmarks/out/`,
so the benchmark never writes anywhere else.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from benchmarks.measure import capture, fresh_folder


class BenchmarkError(Exception):
    """A tool could not be found, installed or probed."""


def tool_env(out: Path, name: str) -> dict[str, str]:
    """The environment for one tool: its own HOME and caches inside `out`, no colour."""
    home = out / f"home-{name}"
    home.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.update({
        "HOME": str(home),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "PYTHONPYCACHEPREFIX": str(out / "pycache"),
        "NO_COLOR": "1",
        "PIP_CACHE_DIR": str(out / "pip-cache"),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    })
    # Byte code is cached (under out/pycache) as on a developer's machine, whatever this shell says.
    for name in ("FORCE_COLOR", "PYTHONPATH", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    return env


def _checked(command: Sequence[str], cwd: Path, env: dict[str, str], what: str, timeout: float = 120) -> str:
    """Run a probe command; its stdout, or a BenchmarkError naming `what` failed."""
    try:
        done = capture(command, cwd=cwd, env=env, timeout=timeout)
    except (OSError, TimeoutError) as exc:
        raise BenchmarkError(f"{what}: {exc}") from None
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise BenchmarkError(f"{what} failed (exit {done.returncode}): {' | '.join(tail)}")
    return done.stdout


@dataclass(frozen=True)
class Draftlint:
    """draftlint as installed in the interpreter running the benchmark."""

    base: tuple[str, ...]
    version: str
    has_jobs: bool
    has_no_cache: bool
    has_cache_dir: bool
    rule_ids: tuple[str, ...]
    config: Path
    out: Path
    env: dict[str, str] = field(repr=False)

    @classmethod
    def discover(cls, out: Path) -> Draftlint:
        """Find the `draftlint` script beside sys.executable (else `python -m linter`) and probe it."""
        # an empty home, as on a fresh install: the memo and compiled patterns that earlier runs of
        # other code left there are loaded whole by every run and inflated its peak memory
        fresh_folder(out / "home-draftlint")()
        env = tool_env(out, "draftlint")
        script = Path(sys.executable).parent / "draftlint"
        base = (str(script),) if script.is_file() else (sys.executable, "-m", "linter")
        version = _checked([*base, "--version"], out, env,
                           "draftlint is not installed in this interpreter (pip install -e .)").split()[-1]
        help_text = _checked([*base, "check", "--help"], out, env, "draftlint check --help")
        rules = _checked([*base, "rules", "--all"], out, env, "draftlint rules --all")
        rule_ids = tuple(line.split()[0] for line in rules.splitlines() if line.strip() and "." in line.split()[0])
        config = out / "bench.draftlint.yaml"
        config.write_text("# every built-in rule on, including those off by default\nextend_select:\n"
                          + "".join(f"  - {rule}\n" for rule in rule_ids), encoding="utf-8")
        return cls(base, version, _has_flag(help_text, "--jobs"), _has_flag(help_text, "--no-cache"),
                   _has_flag(help_text, "--cache-dir"), rule_ids, config, out, env)

    @property
    def has_cache(self) -> bool:
        """Whether draftlint has a result cache that can be switched off."""
        return self.has_no_cache

    def command(self, paths: Sequence[str], report: Path, *, jobs: int = 1, cache: bool = False) -> list[str]:
        """`draftlint check` with every rule on and JSON written to `report`."""
        command = [*self.base, "check", *paths, "--format", "json", "-o", str(report), "--config", str(self.config)]
        if self.has_jobs:
            command += ["--jobs", str(jobs)]
        if self.has_no_cache and not cache:
            command.append("--no-cache")
        if self.has_cache_dir:
            command += ["--cache-dir", str(self.out / "draftlint-cache")]
        return command

    def import_command(self) -> list[str]:
        """`python -c "import linter"`: the start-up baseline for single-file latency."""
        return [sys.executable, "-c", "import linter"]

    def describe(self) -> dict[str, object]:
        """What was benchmarked, for the JSON output."""
        return {"version": self.version, "command": list(self.base), "jobs_flag": self.has_jobs,
                "no_cache_flag": self.has_no_cache, "cache_dir_flag": self.has_cache_dir,
                "rules": len(self.rule_ids), "config": "every built-in rule on (extend_select of all rule ids)"}


def _has_flag(help_text: str, flag: str) -> bool:
    """Whether `flag` appears as an option in click's --help output."""
    return re.search(rf"(?<![\w-]){re.escape(flag)}(?![\w-])", help_text) is not None


@dataclass(frozen=True)
class Proselint:
    """proselint from PyPI, installed in its own venv under `benchmarks/out/venv-proselint`."""

    base: tuple[str, ...]
    version: str
    style: str  # "check" (proselint check FILES) or "legacy" (proselint FILES)
    home: Path
    env: dict[str, str] = field(repr=False)

    @classmethod
    def install(cls, out: Path) -> Proselint:
        """Create the venv and `pip install proselint` into it, unless that was done already."""
        env = tool_env(out, "proselint")
        venv = out / "venv-proselint"
        python = venv / "bin" / "python"
        script = venv / "bin" / "proselint"
        if not python.is_file():
            _checked([sys.executable, "-m", "venv", str(venv)], out, env, "python -m venv", timeout=300)
        if not script.is_file():
            _checked([str(python), "-m", "pip", "install", "--quiet", "--no-input", "proselint"], out, env,
                     "pip install proselint", timeout=600)
        version = _checked([str(python), "-c", "import importlib.metadata as m; print(m.version('proselint'))"],
                           out, env, "proselint version").strip()
        help_text = capture([str(script), "--help"], cwd=out, env=env).stdout
        style = "check" if re.search(r"^\s+check\b", help_text, re.MULTILINE) else "legacy"
        # JSON output for both tools, so neither pays for pretty-printing the other does not do.
        base = (str(script), "check", "--output-format", "json") if style == "check" else (str(script), "--json")
        return cls(base, version, style, out / "home-proselint", env)

    def command(self, paths: Sequence[str]) -> list[str]:
        """proselint on the given files, in whichever CLI style the installed version has."""
        return [*self.base, *paths]

    def describe(self) -> dict[str, object]:
        """What was benchmarked, for the JSON output."""
        return {"version": self.version, "command": list(self.base), "cli_style": self.style,
                "cache": "its HOME is emptied before every run, so its result cache never helps"}
