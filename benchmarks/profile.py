"""Profile draftlint in-process on a corpus folder and print the hot spots.

    python benchmarks/profile.py [FOLDER] [--top 25] [--include-startup] [--save FILE]

FOLDER defaults to benchmarks/out/corpus-1x (made by `python benchmarks/run.py`). The run uses
`linter.runner.run` in this process (one job, no cache) with the benchmark's every-rule config when
it exists, and prints the top functions by cumulative and by own ("total") time, with their share
of the profiled time.
"""

from __future__ import annotations

import sys
from pathlib import Path

# This file is named profile.py, which would shadow the standard `profile` module that cProfile
# imports: drop this folder from the import path before importing cProfile.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]

import argparse  # noqa: E402
import cProfile  # noqa: E402
import pstats  # noqa: E402
import time  # noqa: E402

OUT = _HERE / "out"
DEFAULT_FOLDER = OUT / "corpus-1x"
BENCH_CONFIG = OUT / "bench.draftlint.yaml"
Row = tuple[str, int, float, float]  # function, calls, own time, cumulative time


def options() -> object:
    """RunOptions for one in-process job without cache, with the benchmark config if there is one."""
    from linter.runner import RunOptions

    return RunOptions(config_path=BENCH_CONFIG if BENCH_CONFIG.is_file() else None)


def lint(folder: Path) -> object:
    """Lint every draft under `folder` (the code being profiled)."""
    from linter.runner import run

    return run([folder], options())  # type: ignore[arg-type]


def warm_up(folder: Path) -> None:
    """Lint one draft first, so loading and compiling the rules stays out of the profile."""
    first = next((p for p in sorted(folder.rglob("*")) if p.suffix in (".md", ".txt", ".html")), None)
    if first is not None:
        lint(first)


def rows(stats: pstats.Stats) -> list[Row]:
    """One row per function: name (file:line(function), shortened), calls, own and cumulative seconds."""
    result: list[Row] = []
    for (filename, line, function), (_, calls, own, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        short = filename.split("site-packages/")[-1].split("/main/")[-1].split("/lib/python")[-1]
        result.append((f"{short}:{line}({function})", calls, own, cumulative))
    return result


def print_top(title: str, table: list[Row], key: int, total: float, top: int) -> None:
    """Print the `top` rows sorted by column `key` (2: own time, 3: cumulative)."""
    print(f"\nTop {top} by {title} (of {total:.3f} s profiled)")
    print(f"{'calls':>10} {'own s':>8} {'own %':>6} {'cum s':>8} {'cum %':>6}  function")
    for name, calls, own, cumulative in sorted(table, key=lambda row: row[key], reverse=True)[:top]:
        print(f"{calls:>10} {own:>8.3f} {100 * own / total:>6.1f} {cumulative:>8.3f} {100 * cumulative / total:>6.1f}  {name}")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER, help="drafts to lint (default: %(default)s)")
    parser.add_argument("--top", type=int, default=25, help="functions to list per table (default 25)")
    parser.add_argument("--include-startup", action="store_true", help="also profile loading and compiling the rules")
    parser.add_argument("--save", type=Path, help="also write the raw pstats data here (for snakeviz and the like)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Profile one lint run of the folder and print the two top lists."""
    args = parse_args(argv)
    if not args.folder.exists():
        print(f"error: {args.folder} does not exist; run `python benchmarks/run.py --quick` first", file=sys.stderr)
        return 2
    if not args.include_startup:
        warm_up(args.folder)
    profiler = cProfile.Profile()
    start = time.perf_counter()
    result = profiler.runcall(lint, args.folder)
    elapsed = time.perf_counter() - start
    megabytes = sum(p.stat().st_size for p in args.folder.rglob("*") if p.suffix in (".md", ".txt", ".html")) / 1e6
    files = getattr(result, "files", "?")
    print(f"{args.folder}: {files} files, {megabytes:.2f} MB, {elapsed:.2f} s under the profiler "
          f"({megabytes / elapsed:.2f} MB/s; without the profiler it is faster)")
    stats = pstats.Stats(profiler)
    if args.save:
        stats.dump_stats(str(args.save))
    table = rows(stats)
    total = stats.total_tt  # type: ignore[attr-defined]
    print_top("cumulative time", table, 3, total, args.top)
    print_top("own (total) time", table, 2, total, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
