"""A run over paths: find drafts, pick each one's config, lint (in parallel, from the cache when
possible), gather results in a stable order, then apply the baseline and the changed-lines filter."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from linter.cache import FileCache, entry_key, ruleset_fingerprint
from linter.config import Config, find_config, load_config
from linter.errors import DraftlintError, InputError
from linter.files import DEFAULT_EXTENSIONS, Target, iter_targets, read_regular
from linter.finding import Finding
from linter.results import FileResult

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


def _lint_many(jobs: list[Job], workers: int) -> list[FileResult]:
    """Lint jobs in input order, in worker processes only when that can pay off."""
    if workers <= 1 or len(jobs) <= 1:
        return [lint_job(job) for job in jobs]
    import multiprocessing  # deferred, like the optional features below: not on a pre-commit run's path
    from concurrent.futures import ProcessPoolExecutor

    # Lint the first draft of each config here: the rules compile most patterns on first use, and
    # forked workers inherit whatever this process has compiled.
    done: dict[int, FileResult] = {}
    for config in {job.config for job in jobs}:
        index = next(i for i, job in enumerate(jobs) if job.config == config)
        done[index] = lint_job(jobs[index])
    rest = [job for index, job in enumerate(jobs) if index not in done]
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork") if "fork" in methods else None
    count = max(1, min(workers, len(rest)))
    try:
        pool = ProcessPoolExecutor(max_workers=count, mp_context=context)
    except (OSError, NotImplementedError):  # no semaphores (some sandboxes): lint here instead
        linted = iter([lint_job(job) for job in rest])
    else:
        # Small chunks: with a few big ones, one worker idles while the other finishes the last.
        with pool:
            linted = iter(list(pool.map(lint_job, rest, chunksize=max(1, min(8, len(rest) // (count * 16))))))
    return [done[index] if index in done else next(linted) for index in range(len(jobs))]


def lint_jobs(jobs: list[Job], workers: int, cache: FileCache | None) -> list[FileResult]:
    """Results for every job in order: cached ones read back, the rest linted and stored."""
    results: list[FileResult | None] = [None] * len(jobs)
    keys: dict[int, str] = {}
    for index, job in enumerate(jobs):
        if cache is None:
            continue
        keys[index] = job.cache_key()
        found = cache.get(keys[index])
        if found is not None:
            results[index] = FileResult(job.display, found)
    todo = [index for index, outcome in enumerate(results) if outcome is None]
    for index, outcome in zip(todo, _lint_many([jobs[i] for i in todo], workers)):
        results[index] = outcome
        if cache is not None and outcome.error is None:
            cache.put(keys[index], outcome.findings)
    return [outcome for outcome in results if outcome is not None]


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
    jobs: list[Job] = []
    explicit: list[bool] = []
    for item in _targets(paths, options, root_config):
        if isinstance(item, DraftlintError):
            result.errors.append(item)
            continue
        target, data = item
        if isinstance(data, InputError):
            _unreadable(result, data, target.explicit)
            continue
        config = resolver.for_path(target.path)
        jobs.append(Job(target.display, data, config, options.fmt, options.report_unused, cross_file))
        explicit.append(target.explicit)
    # Cross-file facts are not cached, so a cross-file run lints every draft afresh.
    cache = FileCache(options.cache_dir) if options.cache_dir is not None and not cross_file else None
    file_results: list[FileResult] = []
    for outcome, named in zip(lint_jobs(jobs, options.jobs, cache), explicit):
        if outcome.error is not None:
            _unreadable(result, outcome.error, named)  # e.g. a binary file
            continue
        result.files += 1
        result.findings.extend(outcome.findings)
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
