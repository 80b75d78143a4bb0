"""Timing whole processes: wall time, CPU time and peak memory of exactly one command.

Each run goes through a small wrapper process that spawns the command and reaps it with
`os.wait4`, which returns the resource usage of that one child (plus the descendants it waited
for). This avoids the pitfall of `getrusage(RUSAGE_CHILDREN).ru_maxrss`, which is the maximum over
*every* child ever reaped. For a command with worker processes `ru_maxrss` is the largest single
process, not the sum.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

# Exit codes that mean "ran fine" for a linter: 0 clean, 1 findings.
OK_CODES = frozenset({0, 1})


@dataclass(frozen=True)
class Sample:
    """One run of one command."""

    wall: float  # seconds, from spawn to reaping
    cpu: float  # user + system seconds of the process and its waited-for children
    maxrss_mb: float  # peak resident set size, MB (2**20 bytes)
    returncode: int
    timed_out: bool = False


@dataclass
class Measurement:
    """Repeated runs of the same command, summarised."""

    command: list[str]
    samples: list[Sample] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Every run finished in time with a linter's normal exit code."""
        return bool(self.samples) and all(s.returncode in OK_CODES and not s.timed_out for s in self.samples)

    @property
    def median(self) -> float:
        """Median wall time, seconds."""
        return statistics.median(s.wall for s in self.samples)

    @property
    def best(self) -> float:
        """Fastest wall time, seconds."""
        return min(s.wall for s in self.samples)

    @property
    def cpu_median(self) -> float:
        """Median CPU time (user + system), seconds."""
        return statistics.median(s.cpu for s in self.samples)

    @property
    def peak_rss_mb(self) -> float:
        """Largest peak RSS over the runs, MB."""
        return max(s.maxrss_mb for s in self.samples)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready summary with every sample's wall time."""
        return {
            "command": self.command,
            "ok": self.ok,
            "runs": len(self.samples),
            "wall_median_s": round(self.median, 4),
            "wall_best_s": round(self.best, 4),
            "cpu_median_s": round(self.cpu_median, 4),
            "peak_rss_mb": round(self.peak_rss_mb, 1),
            "returncodes": sorted({s.returncode for s in self.samples}),
            "timed_out": any(s.timed_out for s in self.samples),
            "walls_s": [round(s.wall, 4) for s in self.samples],
        }


# A tiny process between the benchmark and the measured command. Linux charges a process, at exec,
# with the peak RSS of the memory image it was spawned from; measured directly, every command would
# inherit the benchmark's own peak. Spawned from this wrapper it inherits only the wrapper's few MB
# (see `rss_floor_mb`). The wrapper also times the command without its own start-up.
_WRAPPER = """
import json, os, sys, time
report, argv = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
pid = os.posix_spawnp(argv[0], argv, os.environ)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
with open(report, "w") as handle:
    json.dump({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "maxrss_kb": usage.ru_maxrss,
               "returncode": os.waitstatus_to_exitcode(status)}, handle)
"""


def run_once(command: Sequence[str], cwd: Path, env: dict[str, str], log: Path, timeout: float) -> Sample:
    """Run `command` once through the wrapper, output to `log`; killed (with its children) after `timeout` s."""
    log.parent.mkdir(parents=True, exist_ok=True)
    report = log.with_suffix(".rusage.json")
    report.unlink(missing_ok=True)
    wrapper = [sys.executable, "-I", "-S", "-c", _WRAPPER, str(report), *command]
    start = time.perf_counter()
    with log.open("wb") as out:
        process = subprocess.Popen(wrapper, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            return Sample(time.perf_counter() - start, 0.0, 0.0, -signal.SIGKILL, timed_out=True)
    if not report.is_file():  # the wrapper itself failed (say, the command does not exist)
        return Sample(time.perf_counter() - start, 0.0, 0.0, process.returncode or -1)
    data = json.loads(report.read_text())
    return Sample(data["wall"], data["cpu"], data["maxrss_kb"] / 1024, data["returncode"])


def rss_floor_mb(cwd: Path, env: dict[str, str], log: Path) -> float:
    """The smallest peak RSS this method can report: the wrapper's own, as measured on `true`."""
    return run_once(["true"], cwd, env, log, 60).maxrss_mb


def measure(command: Sequence[str], *, cwd: Path, env: dict[str, str], log: Path, runs: int, timeout: float,
            before_each: Callable[[], None] | None = None) -> Measurement:
    """Run `command` `runs` times (stopping early on a failure or timeout) and collect the samples."""
    result = Measurement(list(command))
    for _ in range(runs):
        if before_each is not None:
            before_each()
        sample = run_once(command, cwd, env, log, timeout)
        result.samples.append(sample)
        if sample.timed_out or sample.returncode not in OK_CODES:
            break
    return result


def fresh_folder(path: Path) -> Callable[[], None]:
    """A `before_each` hook that empties `path` (for tools that cache results in their home)."""
    def reset() -> None:
        shutil.rmtree(path, ignore_errors=True)
        path.mkdir(parents=True)
    return reset


def capture(command: Sequence[str], *, cwd: Path, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run a short helper command and capture its output (for --help and --version probes)."""
    return subprocess.run(list(command), cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False)
