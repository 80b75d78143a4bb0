"""draftlint's performance benchmark (issue 7): throughput, scaling, latency and memory vs proselint.

    python benchmarks/run.py [--quick] [--out benchmarks/out/results.json]

Builds a deterministic corpus (1x ~ 5 MB, 4x, 16x) from the project's drafts, installs proselint
in its own venv, times both tools as whole processes on the same files, prints a table with
PASS/FAIL per target and writes the figures as JSON. Everything it writes is under benchmarks/out/.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable

if __package__ in (None, ""):  # run as a script: import the benchmarks package from the repository
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from benchmarks.corpus import CorpusInfo, build_corpus, build_large_draft, source_paragraphs  # noqa: E402
from benchmarks.measure import Measurement, fresh_folder, measure, rss_floor_mb  # noqa: E402
from benchmarks.tools import BenchmarkError, Draftlint, Proselint  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
SCALES = (1, 4, 16)
MB = 1e6

# Targets from issue 7.
PROSELINT_FACTOR = 10.0  # one-process corpus MB/s at least 10x proselint's
SCALING_LIMIT = 17.0  # 16x corpus time at most 17x the 1x time
JOBS_SPEEDUP = 1.6  # --jobs 2 at least 1.6x faster than --jobs 1
IMPORT_FACTOR = 3.0  # a single 5 KB draft at most 3x `python -c "import linter"`
RSS_LIMIT_MB = 150.0  # peak RSS on 16x
LARGE_LIMIT_S = 10.0  # a 10 MB draft and a 1 MB line "finish in seconds"


@dataclass(frozen=True)
class Settings:
    """Sizes and repeat counts: the full benchmark, or a quick indicative one for development."""

    quick: bool
    base_drafts: int  # drafts in the 1x corpus (~5 KB each)
    corpus_runs: int  # runs per corpus measurement (median reported)
    latency_runs: int  # runs per single-draft measurement (median reported)
    large_bytes: int  # the one big draft
    line_bytes: int  # the draft that is one long line
    proselint_budget_s: float  # skip a proselint corpus run expected to take longer than this
    timeout_s: float  # any single run is killed after this long
    long_run_s: float  # a corpus run expected to take longer than this is done once, not corpus_runs times
    seed: int

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> Settings:
        """Full sizes by default, tiny ones with --quick."""
        if args.quick:
            return cls(True, 24, 3, 7, 2_000_000, 250_000, args.proselint_budget, 600, 60, args.seed)
        return cls(False, 1000, 3, 15, 10_000_000, 1_000_000, args.proselint_budget, 3600, 120, args.seed)


@dataclass
class Bench:
    """The state of one benchmark run: tools, corpora and everything measured so far."""

    settings: Settings
    draftlint: Draftlint
    proselint: Proselint | None
    corpora: dict[int, CorpusInfo]
    results: dict[str, Any]
    notes: list[str]

    def repeats(self, seconds_per_mb: float | None, corpus: CorpusInfo) -> int:
        """Runs for a corpus measurement: one only when the speed seen so far predicts a long run."""
        if seconds_per_mb is not None and seconds_per_mb * corpus.megabytes > self.settings.long_run_s:
            self.notes.append(f"{corpus.path.name}: expected {seconds_per_mb * corpus.megabytes:.0f} s a run, "
                              "so measured once instead of the median of several")
            return 1
        return self.settings.corpus_runs

    def log(self, name: str) -> Path:
        """Where a measurement's console output goes."""
        return OUT / "logs" / f"{name}.log"

    def report(self, name: str) -> Path:
        """Where a draftlint run writes its JSON report."""
        path = OUT / "reports" / f"{name}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def run_draftlint(self, name: str, paths: list[str], runs: int, **options: Any) -> Measurement:
        """Time draftlint on `paths` (relative to benchmarks/out)."""
        command = self.draftlint.command(paths, self.report(name), **options)
        return self._measure(name, command, OUT, self.draftlint.env, runs)

    def run_proselint(self, name: str, folder: Path, files: list[str], runs: int) -> Measurement:
        """Time proselint on `files` (relative to `folder`), with an empty cache every run."""
        assert self.proselint is not None
        return self._measure(name, self.proselint.command(files), folder, self.proselint.env, runs,
                             before_each=fresh_folder(self.proselint.home))

    def _measure(self, name: str, command: list[str], cwd: Path, env: dict[str, str], runs: int,
                 before_each: Callable[[], None] | None = None) -> Measurement:
        """Measure, print one progress line, and warn about failed runs."""
        print(f"  {name} ...", end="", flush=True)
        result = measure(command, cwd=cwd, env=env, log=self.log(name), runs=runs,
                         timeout=self.settings.timeout_s, before_each=before_each)
        print(f" {result.median:.3f} s, {result.peak_rss_mb:.0f} MB" + ("" if result.ok else "  (FAILED, see log)"))
        if not result.ok:
            self.notes.append(f"{name}: run failed or timed out; see {self.log(name).relative_to(ROOT)}")
        return result


def throughput(measured: Measurement, corpus: CorpusInfo) -> dict[str, Any]:
    """A corpus measurement with MB/s and files/s (on the median wall time)."""
    return {
        "files": corpus.files,
        "mb": round(corpus.megabytes, 3),
        "mb_per_s": round(corpus.megabytes / measured.median, 3),
        "files_per_s": round(corpus.files / measured.median, 1),
        "cpu_mb_per_s": round(corpus.megabytes / max(measured.cpu_median, 1e-9), 3),
        **measured.to_json(),
    }


def build_corpora(settings: Settings) -> tuple[dict[int, CorpusInfo], dict[str, CorpusInfo], dict[str, Any]]:
    """The 1x/4x/16x corpora and the two large drafts, written under benchmarks/out."""
    paragraphs, drafts = source_paragraphs(ROOT)
    corpora = {scale: build_corpus(OUT / f"corpus-{scale}x", paragraphs, settings.seed, settings.base_drafts * scale)
               for scale in SCALES}
    large = {
        "large_draft": build_large_draft(OUT / "large" / "large-draft.md", paragraphs, settings.seed,
                                         settings.large_bytes, one_line=False),
        "long_line": build_large_draft(OUT / "large" / "long-line.md", paragraphs, settings.seed,
                                       settings.line_bytes, one_line=True),
    }
    info = {
        "seed": settings.seed,
        "source_drafts": [str(p.relative_to(ROOT)) for p in drafts],
        "paragraphs": len(paragraphs),
        "builtin_paragraphs_used": len(drafts) < 5,
        "sizes": {f"{s}x": {"path": str(c.path.relative_to(ROOT)), "files": c.files, "mb": round(c.megabytes, 3)}
                  for s, c in corpora.items()},
        "large": {k: {"path": str(c.path.relative_to(ROOT)), "mb": round(c.megabytes, 3)} for k, c in large.items()},
    }
    return corpora, large, info


def bench_corpus(bench: Bench) -> None:
    """draftlint (--jobs 1) on every size, proselint on the sizes that fit its time budget, --jobs 2 on 16x."""
    draftlint: dict[str, Any] = {}
    seconds_per_mb: float | None = None
    for scale, corpus in bench.corpora.items():
        runs = bench.repeats(seconds_per_mb, corpus)
        measured = bench.run_draftlint(f"draftlint-{scale}x", [f"corpus-{scale}x"], runs)
        draftlint[f"{scale}x"] = throughput(measured, corpus)
        seconds_per_mb = measured.median / corpus.megabytes
    bench.results["draftlint"] = draftlint
    largest = max(SCALES)
    if bench.draftlint.has_jobs:
        runs = bench.repeats(seconds_per_mb, bench.corpora[largest])
        jobs2 = bench.run_draftlint(f"draftlint-{largest}x-jobs2", [f"corpus-{largest}x"], runs, jobs=2)
        bench.results["draftlint_jobs2"] = {f"{largest}x": throughput(jobs2, bench.corpora[largest])}
    else:
        bench.notes.append("draftlint has no --jobs flag: --jobs 2 speedup not measured")
    if bench.proselint is not None:
        bench.results["proselint"] = bench_proselint_corpus(bench)


def bench_proselint_corpus(bench: Bench) -> dict[str, Any]:
    """proselint on 1x, then on each larger size only if its 1x speed says it fits the budget."""
    results: dict[str, Any] = {}
    seconds_per_mb: float | None = None
    for scale, corpus in bench.corpora.items():
        if seconds_per_mb is not None and seconds_per_mb * corpus.megabytes > bench.settings.proselint_budget_s:
            bench.notes.append(
                f"proselint not run on {scale}x: expected {seconds_per_mb * corpus.megabytes:.0f} s > budget "
                f"{bench.settings.proselint_budget_s:.0f} s; its MB/s comes from the sizes it did run")
            break
        files = [str(p) for p in corpus.file_list()]
        measured = bench.run_proselint(f"proselint-{scale}x", corpus.path, files, 1 if scale > 1 else bench.settings.corpus_runs)
        results[f"{scale}x"] = throughput(measured, corpus)
        if not measured.ok:
            break
        seconds_per_mb = measured.median / corpus.megabytes
    return results


def single_draft(corpus: CorpusInfo) -> Path:
    """The ~5 KB Markdown draft used for pre-commit latency: the first one in the 1x corpus."""
    return corpus.path / next(p for p in corpus.file_list() if p.suffix == ".md")


def bench_latency(bench: Bench) -> None:
    """One ~5 KB draft as a whole process, as pre-commit runs it: cold, warm cache, proselint, import."""
    draft = single_draft(bench.corpora[1])
    relative = str(draft.relative_to(OUT))
    runs = bench.settings.latency_runs
    bench.run_draftlint("warm-up", [relative], 1)  # compiles byte code into out/pycache
    latency: dict[str, Any] = {"draft": str(draft.relative_to(ROOT)), "bytes": draft.stat().st_size}
    latency["draftlint_cold"] = bench.run_draftlint("latency-draftlint-cold", [relative], runs).to_json()
    if bench.draftlint.has_cache:
        bench.run_draftlint("latency-draftlint-fill-cache", [relative], 1, cache=True)
        latency["draftlint_warm"] = bench.run_draftlint("latency-draftlint-warm", [relative], runs, cache=True).to_json()
    else:
        bench.notes.append("draftlint has no result cache (no --no-cache flag): warm-cache latency not measured")
    latency["import_linter"] = bench._measure("latency-import-linter", bench.draftlint.import_command(), OUT,
                                              bench.draftlint.env, runs).to_json()
    if bench.proselint is not None:
        bench.run_proselint("proselint-warm-up", draft.parent, [draft.name], 1)
        latency["proselint"] = bench.run_proselint("latency-proselint", draft.parent, [draft.name], runs).to_json()
    bench.results["latency"] = latency


def bench_large(bench: Bench, large: dict[str, CorpusInfo]) -> None:
    """One run each on the large draft and the single-long-line draft."""
    bench.results["large"] = {
        name: {"mb": round(info.megabytes, 3),
               **bench.run_draftlint(f"draftlint-{name}", [str(info.path.relative_to(OUT))], 1).to_json()}
        for name, info in large.items()
    }


def _target(name: str, value: float | None, limit: str, passed: bool | None, detail: str = "") -> dict[str, Any]:
    """One line of the PASS/FAIL list; `passed` None means the figure could not be measured."""
    status = "SKIP" if passed is None else ("PASS" if passed else "FAIL")
    return {"target": name, "value": None if value is None else round(value, 3), "limit": limit,
            "status": status, "detail": detail}


def _median(results: dict[str, Any], *keys: str) -> float | None:
    """A measurement's median wall time from the nested results, or None if it was not taken/failed."""
    node: Any = results
    for key in keys:
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return node["wall_median_s"] if node.get("ok") else None


def evaluate(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Check every issue-7 target against the measured figures."""
    top = f"{max(SCALES)}x"
    dl, prose = results.get("draftlint", {}), results.get("proselint", {})
    targets: list[dict[str, Any]] = []
    common = [k for k in prose if prose[k].get("ok") and dl.get(k, {}).get("ok")]
    if common:
        size = common[-1]
        ratio = dl[size]["mb_per_s"] / prose[size]["mb_per_s"]
        targets.append(_target("corpus MB/s vs proselint (one process)", ratio, f">= {PROSELINT_FACTOR:g}x",
                               ratio >= PROSELINT_FACTOR, f"on {size}: {dl[size]['mb_per_s']} vs {prose[size]['mb_per_s']} MB/s"))
    else:
        targets.append(_target("corpus MB/s vs proselint (one process)", None, f">= {PROSELINT_FACTOR:g}x", None, "proselint not measured"))
    t1, t16 = _median(results, "draftlint", "1x"), _median(results, "draftlint", top)
    scaling = t16 / t1 if t1 and t16 else None
    targets.append(_target(f"{top} time / 1x time", scaling, f"<= {SCALING_LIMIT:g}",
                           None if scaling is None else scaling <= SCALING_LIMIT))
    t2 = _median(results, "draftlint_jobs2", top)
    speedup = t16 / t2 if t16 and t2 else None
    has_jobs = results["tools"]["draftlint"]["jobs_flag"]
    targets.append(_target(f"--jobs 2 speedup on {top}", speedup, f">= {JOBS_SPEEDUP:g}x",
                           (False if has_jobs else None) if speedup is None else speedup >= JOBS_SPEEDUP,
                           "" if t2 else ("run failed" if has_jobs else "no --jobs flag")))
    targets += _latency_targets(results.get("latency", {}))
    rss = [dl.get(top, {}).get("peak_rss_mb"), results.get("draftlint_jobs2", {}).get(top, {}).get("peak_rss_mb")]
    peak = max((r for r in rss if r is not None), default=None)
    targets.append(_target(f"peak RSS on {top} (MB)", peak, f"< {RSS_LIMIT_MB:g}", None if peak is None else peak < RSS_LIMIT_MB))
    for name, info in results.get("large", {}).items():
        wall = info["wall_median_s"] if info.get("ok") else None
        targets.append(_target(f"{name} ({info['mb']} MB) seconds", wall, f"<= {LARGE_LIMIT_S:g} s",
                               bool(wall is not None and wall <= LARGE_LIMIT_S), "" if wall is not None else "failed or timed out"))
    return targets


def _latency_targets(latency: dict[str, Any]) -> list[dict[str, Any]]:
    """The single-draft targets: faster than proselint, <= 3x the import baseline, warm cache faster still."""
    cold = _median(latency, "draftlint_cold")
    prose, base, warm = (_median(latency, k) for k in ("proselint", "import_linter", "draftlint_warm"))
    return [
        _target("5 KB draft: draftlint cold vs proselint (s)", cold, f"< proselint ({prose})",
                None if cold is None or prose is None else cold < prose),
        _target("5 KB draft: cold / `python -c \"import linter\"`", cold / base if cold and base else None,
                f"<= {IMPORT_FACTOR:g}x ({base} s)", None if not (cold and base) else cold <= IMPORT_FACTOR * base),
        _target("5 KB draft: warm cache (s)", warm, f"< cold ({cold})",
                None if warm is None or cold is None else warm < cold, "" if warm is not None else "no cache"),
    ]


def _rows_for(label: str, sizes: dict[str, Any]) -> list[list[str]]:
    """Table rows for one tool's corpus measurements."""
    return [[f"{label} {size}", f"{r['mb']:.2f}", f"{r['files']}", f"{r['wall_median_s']:.3f}", f"{r['mb_per_s']:.2f}",
             f"{r['files_per_s']:.0f}", f"{r['peak_rss_mb']:.0f}", "" if r["ok"] else "FAILED"] for size, r in sizes.items()]


def format_table(headers: list[str], rows: list[list[str]]) -> str:
    """A plain text table with left-aligned first column and right-aligned figures."""
    widths = [max(len(str(x)) for x in column) for column in zip(headers, *rows)]
    lines = []
    for row in [headers, *rows]:
        cells = [str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(row, widths))]
        lines.append("  ".join(cells).rstrip())
    lines.insert(1, "  ".join("-" * w for w in widths).rstrip())
    return "\n".join(lines)


def summary(results: dict[str, Any]) -> str:
    """The printed report: corpus throughput, single-draft latency, large drafts, and the targets."""
    rows = _rows_for("draftlint", results.get("draftlint", {}))
    rows += _rows_for("draftlint --jobs 2", results.get("draftlint_jobs2", {}))
    rows += _rows_for("proselint", results.get("proselint", {}))
    parts = [format_table(["corpus run", "MB", "files", "median s", "MB/s", "files/s", "RSS MB", ""], rows)]
    latency = results.get("latency", {})
    names = {"draftlint_cold": "draftlint, no cache", "draftlint_warm": "draftlint, warm cache",
             "proselint": "proselint", "import_linter": "python -c 'import linter'"}
    parts.append(format_table(
        [f"single {latency.get('bytes', 0)} B draft", "runs", "median s", "best s", "RSS MB"],
        [[label, str(latency[k]["runs"]), f"{latency[k]['wall_median_s']:.3f}", f"{latency[k]['wall_best_s']:.3f}",
          f"{latency[k]['peak_rss_mb']:.0f}"] for k, label in names.items() if k in latency]))
    parts.append(format_table(["large draft", "MB", "s", "RSS MB"],
                              [[name, f"{r['mb']:.2f}", f"{r['wall_median_s']:.3f}", f"{r['peak_rss_mb']:.0f}"]
                               for name, r in results.get("large", {}).items()]))
    parts.append(format_table(["target", "value", "limit", "status"],
                              [[t["target"], "-" if t["value"] is None else f"{t['value']:g}", t["limit"],
                                t["status"] + (f"  {t['detail']}" if t["detail"] else "")] for t in results["targets"]]))
    return "\n\n".join(parts)


def results_markdown(results: dict[str, Any]) -> str:
    """The figures as a Markdown page (benchmarks/out/RESULTS.md; copy it to benchmarks/RESULTS.md)."""
    kind = "QUICK run: tiny sizes, indicative only" if results["quick"] else "full run"
    m, tools = results["machine"], results["tools"]
    versions = ", ".join(f"{name} {info['version']}" for name, info in tools.items())
    notes = "".join(f"- {note}\n" for note in results["notes"])
    return (f"# Benchmark results ({kind})\n\n"
            f"`python benchmarks/run.py{' --quick' if results['quick'] else ''}` on Python {m['python']}, "
            f"{m['cpus']} CPUs, load average {m['load_average'][0]} at start and {m['load_average_end'][0]} at end; "
            f"{versions}; {results['elapsed_s']:.0f} s in all. Method: see `method` in results.json.\n\n"
            f"```\n{summary(results)}\n```\n" + (f"\nNotes:\n\n{notes}" if notes else ""))


def machine() -> dict[str, Any]:
    """Where the figures come from (they only compare within one run on one machine)."""
    return {"python": sys.version.split()[0], "platform": platform.platform(), "cpus": os.cpu_count(),
            "load_average": [round(x, 2) for x in os.getloadavg()]}


def method(settings: Settings, floor_mb: float) -> dict[str, Any]:
    """How the figures were taken, for whoever reads the JSON later."""
    return {
        "timing": "whole processes, spawn to exit, through a tiny wrapper that reaps the command with os.wait4; "
                  f"corpus figures are the median of {settings.corpus_runs} runs (1 run where a run is expected to take "
                  f"over {settings.long_run_s:g} s, and for proselint above 1x), "
                  f"single-draft figures the median of {settings.latency_runs}, after one warm-up run",
        "peak_rss": "ru_maxrss of the one measured process tree (largest single process, not the sum); "
                    f"cannot read below the wrapper's own {floor_mb:.1f} MB",
        "draftlint": "installed console script (or python -m linter), --format json -o FILE, --config with every "
                     "built-in rule on, --jobs 1 and --no-cache when those flags exist (warm cache: cache on, "
                     "--cache-dir under benchmarks/out)",
        "proselint": "its own venv, JSON output, the same files; its HOME/cache emptied before every run; larger "
                     "sizes skipped when its 1x speed predicts more than the budget",
        "environment": "HOME, XDG_CACHE_HOME and PYTHONPYCACHEPREFIX under benchmarks/out for both tools, byte "
                       "code cached as on a normal machine (PYTHONDONTWRITEBYTECODE removed), NO_COLOR=1",
        "rss_floor_mb": round(floor_mb, 1),
    }


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes and few repeats, for development (indicative only)")
    parser.add_argument("--out", type=Path, default=OUT / "results.json", help="where to write the JSON results")
    parser.add_argument("--seed", type=int, default=7, help="corpus random seed (default 7)")
    parser.add_argument("--no-proselint", action="store_true", help="do not install or time proselint")
    parser.add_argument("--proselint-budget", type=float, default=300.0,
                        help="longest expected proselint corpus run, seconds (default 300)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the whole benchmark; exit 0 when every measured target passes, 1 otherwise."""
    args = parse_args(argv)
    settings = Settings.from_args(args)
    OUT.mkdir(parents=True, exist_ok=True)
    started = time.time()
    print(f"building corpora ({'quick' if settings.quick else 'full'}) ...", flush=True)
    corpora, large, corpus_info = build_corpora(settings)
    notes: list[str] = []
    try:
        draftlint = Draftlint.discover(OUT)
    except BenchmarkError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    proselint = None
    if not args.no_proselint:
        print("installing proselint into benchmarks/out/venv-proselint (once) ...", flush=True)
        try:
            proselint = Proselint.install(OUT)
        except BenchmarkError as exc:
            notes.append(f"proselint unavailable: {exc}")
    results: dict[str, Any] = {"quick": settings.quick, "settings": asdict(settings), "machine": machine(),
                               "corpus": corpus_info, "tools": {"draftlint": draftlint.describe()}}
    if proselint is not None:
        results["tools"]["proselint"] = proselint.describe()
    results["method"] = method(settings, rss_floor_mb(OUT, draftlint.env, OUT / "logs" / "rss-floor.log"))
    bench = Bench(settings, draftlint, proselint, corpora, results, notes)
    print("single-draft latency:", flush=True)
    bench_latency(bench)
    print("corpus throughput:", flush=True)
    bench_corpus(bench)
    print("large drafts:", flush=True)
    bench_large(bench, large)
    results["targets"] = evaluate(results)
    results["notes"] = notes
    results["machine"]["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    results["elapsed_s"] = round(time.time() - started, 1)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (OUT / "RESULTS.md").write_text(results_markdown(results), encoding="utf-8")
    print("\n" + summary(results))
    for note in notes:
        print(f"note: {note}")
    print(f"\n{'QUICK (indicative only) ' if settings.quick else ''}results written to {args.out}")
    return 1 if any(t["status"] == "FAIL" for t in results["targets"]) else 0


if __name__ == "__main__":
    sys.exit(main())
