"""A run over paths: find drafts, pick each one's config, lint (in parallel, from the cache when
possible), gather results in a stable order, then apply the baseline and the changed-lines filter."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from linter.cache import FileCache, entry_key, ruleset_fingerprint
from linter.config import Config, find_config, load_config
from linter.errors import DraftlintError, InputError
from linter.files import DEFAULT_EXTENSIONS, Target, iter_targets, read_regular
from linter.finding import Finding
from linter.results import FileResult

if TYPE_CHECKING:
    from concurrent.futures import Executor
    from multiprocessing.process import BaseProcess

# The engine, the rule kinds and the parsers are imported where a draft is linted, not here: a
# pre-commit run whose drafts are all in the result cache must not pay for loading the rules.

@dataclass
class RunResult:
    """Everything a run found, for the reporters and the exit code."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[DraftlintError] = field(default_factory=list)
    files: int = 0
    skipped: int = 0
    fixed: list[Finding] = field(default_factory=list)  # baseline entries that no longer occur
    cache_hits: int = 0


@dataclass(frozen=True)
class RunOptions:
    """Choices that apply to the whole run, from the command line."""

    config_path: Path | None = None
    config: Config | None = None  # a ready Config (library use): skips discovery
    overrides: tuple[tuple[str, object], ...] = ()
    report_unused: bool = False
    cross_file: bool | None = None
    fmt: str | None = None  # force a format for every draft
    jobs: int = 1  # worker processes; 1 lints in this process
    cache_dir: Path | None = None  # None: no cache
    stdin: bytes | None = None  # the draft read from standard input, for the path "-"
    stdin_name: str = "<stdin>"  # its display path; its extension picks the format
    diff_ref: str | None = None  # report only lines changed since this git ref
    baseline: Path | None = None  # hide the findings recorded in this baseline file


class ConfigResolver:
    """Finds and caches the Config for each draft (the nearest .draftlint.yaml, or --config)."""

    def __init__(self, options: RunOptions) -> None:
        self.options = options
        self._by_file: dict[Path | None, Config] = {}

    def for_path(self, path: Path) -> Config:
        """The config that governs `path`."""
        if self.options.config is not None:
            return self.options.config
        source = self.options.config_path or find_config(path)
        config = self._by_file.get(source)
        if config is None:
            base = load_config(source) if source is not None else Config()
            config = base.with_cli(**dict(self.options.overrides))
            self._by_file[source] = config
        return config


@dataclass(frozen=True)
class Job:
    """One draft to lint: everything a worker process needs, and the input to the cache key."""

    display: str
    data: bytes
    config: Config
    fmt: str | None
    report_unused: bool
    collect: bool

    def cache_key(self) -> str:
        """Key of this draft's findings under its rule set and read options."""
        options = f"fmt={self.fmt}|unused={self.report_unused}"
        return entry_key(ruleset_fingerprint(self.config), self.display, options, self.data)


def lint_job(job: Job) -> FileResult:
    """Parse and lint one draft's bytes; a top-level function so worker processes can run it."""
    from linter.engine import lint_document
    from linter.sources import parse_bytes

    try:
        doc = parse_bytes(job.data, job.display, job.fmt)
    except InputError as exc:
        return FileResult(job.display, (), error=exc)
    return lint_document(doc, job.config, job.report_unused, job.collect)


# Drafts linted in worker processes but not yet handed back, per worker: enough to keep each one
# busy while results are read in order, few enough that an archive is never held whole in memory.
_IN_FLIGHT_PER_WORKER = 16


def _lint_many(jobs: Iterator[Job], workers: int) -> Iterator[FileResult]:
    """Lint jobs in input order, in worker processes only when that can pay off; jobs are read
    from the iterator as work is handed out, so only a window of drafts is held at once."""
    first = next(jobs, None)
    if first is None:
        return
    # Lint the first draft here: the rules compile most patterns on first use, and forked
    # workers inherit whatever this process has compiled.
    yield lint_job(first)
    # Never more workers than drafts left, and none for a single one.
    ahead = list(islice(jobs, workers)) if workers > 1 else []
    if len(ahead) <= 1:
        yield from map(lint_job, chain(ahead, jobs))
        return
    import gc  # deferred, like the optional features below: not on a pre-commit run's path
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork") if "fork" in methods else None
    try:
        pool = ProcessPoolExecutor(max_workers=len(ahead), mp_context=context)
    except (OSError, NotImplementedError):  # no semaphores (some sandboxes): lint here instead
        yield from map(lint_job, chain(ahead, jobs))
        return
    # The compiled rules stay out of the collector's sweeps, which would write to every object
    # and so copy each page a forked worker shares with this process; thawed after, so a
    # library caller's later garbage is collected as usual.
    gc.freeze()
    pending: deque[Future[FileResult]] = deque()
    others = set(multiprocessing.active_children())
    finished = False
    try:
        for job in chain(ahead, jobs):
            pending.append(pool.submit(lint_job, job))
            if len(pending) >= len(ahead) * _IN_FLIGHT_PER_WORKER:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
        finished = True
    finally:
        gc.unfreeze()
        if finished:
            pool.shutdown()
        else:
            _stop_workers(pool, others)


def _stop_workers(pool: Executor, others: set[BaseProcess]) -> None:
    """End a pool at once (Ctrl-C, or the reader stopped early): queued drafts are dropped and
    the workers ended, since waiting for them is what kept an interrupted run alive."""
    import multiprocessing

    pool.shutdown(wait=False, cancel_futures=True)
    for worker in multiprocessing.active_children():
        if worker not in others:  # a library caller's own processes are not ours to end
            worker.terminate()


def lint_jobs(jobs: Iterable[Job], workers: int, cache: FileCache | None) -> Iterator[FileResult]:
    """Results for every job in order: cached ones read back, the rest linted and stored."""
    # Each job read so far and not yet given back: its cache key, and its result once known. A
    # result from the cache waits here until the drafts before it are linted.
    waiting: deque[tuple[str | None, FileResult | None]] = deque()

    def to_lint() -> Iterator[Job]:
        for job in jobs:
            key = job.cache_key() if cache is not None else None
            found = cache.get(key) if cache is not None and key is not None else None
            waiting.append((key, None if found is None else FileResult(job.display, found)))
            if found is None:
                yield job

    for outcome in _lint_many(to_lint(), workers):
        # the oldest job still without a result is the one just linted
        index = next(i for i, (_, done) in enumerate(waiting) if done is None)
        key = waiting[index][0]
        waiting[index] = (key, outcome)
        if cache is not None and key is not None and outcome.error is None:
            cache.put(key, outcome.findings)
        while waiting and waiting[0][1] is not None:
            yield waiting.popleft()[1]  # type: ignore[misc]
    for _, done in waiting:  # cached results after the last draft linted
        if done is not None:
            yield done


def _targets(paths: list[Path], options: RunOptions, root: Config) -> Iterator[tuple[Target, bytes | InputError] | DraftlintError]:
    """Each draft with its bytes (or why they cannot be read), standard input included."""
    if options.stdin is not None:
        yield Target(Path(options.stdin_name), options.stdin_name, explicit=True), options.stdin
        return
    extensions = root.extensions or DEFAULT_EXTENSIONS
    for item in iter_targets(paths, tuple(extensions), root.include, root.exclude):
        if isinstance(item, DraftlintError):
            yield item
            continue
        try:
            yield item, read_regular(item.path, item.display)
        except InputError as exc:
            yield item, exc


def _unreadable(result: RunResult, error: DraftlintError, explicit: bool) -> None:
    """A draft named on the command line that cannot be linted is an error; one met in a folder is skipped."""
    if explicit:
        result.errors.append(error)
    else:
        result.skipped += 1


def run(paths: list[Path], options: RunOptions) -> RunResult:
    """Lint every draft under `paths` (or standard input), then apply baseline and --diff."""
    result = RunResult()
    resolver = ConfigResolver(options)
    anchor = [Path(options.stdin_name)] if options.stdin is not None else paths
    root_config = resolver.for_path(anchor[0] if anchor else Path.cwd())
    cross_file = root_config.cross_file if options.cross_file is None else options.cross_file
    # Fail on a bad baseline or git ref before spending time on linting.
    baseline, changes = None, None
    if options.baseline is not None:
        from linter.baseline import load_baseline

        baseline = load_baseline(options.baseline)
    if options.diff_ref is not None:
        from linter.changes import changed_lines

        changes = changed_lines(options.diff_ref, anchor)
    named: deque[bool] = deque()  # whether each job's draft was named on the command line

    def jobs() -> Iterator[Job]:
        # read as linting goes, so an archive's drafts are never all in memory at once
        for item in _targets(paths, options, root_config):
            if isinstance(item, DraftlintError):
                result.errors.append(item)
                continue
            target, data = item
            if isinstance(data, InputError):
                _unreadable(result, data, target.explicit)
                continue
            named.append(target.explicit)
            yield Job(target.display, data, resolver.for_path(target.path), options.fmt, options.report_unused, cross_file)

    # Cross-file facts are not cached, so a cross-file run lints every draft afresh.
    cache = FileCache(options.cache_dir) if options.cache_dir is not None and not cross_file else None
    file_results: list[FileResult] = []
    for outcome in lint_jobs(jobs(), options.jobs, cache):
        explicit = named.popleft()
        if outcome.error is not None:
            _unreadable(result, outcome.error, explicit)  # e.g. a binary file
            continue
        result.files += 1
        result.findings.extend(outcome.findings)
        if cross_file:
            file_results.append(outcome)
    if cross_file and file_results:
        from linter.engine import corpus_findings

        result.findings.extend(corpus_findings(root_config, file_results))
    result.findings.sort(key=Finding.sort_key)
    result.cache_hits = cache.hits if cache is not None else 0
    if baseline is not None:
        filtered = baseline.apply(result.findings)
        result.findings, result.fixed = list(filtered.findings), list(filtered.fixed)
    if changes is not None:
        from linter.changes import only_changed

        result.findings = only_changed(result.findings, changes)
    return result
