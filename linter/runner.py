"""A run over paths: find drafts, pick each one's config, lint, and gather results in a stable order."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from linter.config import Config, find_config, load_config
from linter.engine import FileResult, corpus_findings, lint_document, read_document
from linter.errors import DraftlintError, InputError
from linter.files import Target, iter_targets
from linter.finding import Finding
from linter.sources import DEFAULT_EXTENSIONS


@dataclass
class RunResult:
    """Everything a run found, for the reporters and the exit code."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[DraftlintError] = field(default_factory=list)
    files: int = 0
    skipped: int = 0


@dataclass(frozen=True)
class RunOptions:
    """Choices that apply to the whole run, from the command line."""

    config_path: Path | None = None
    config: Config | None = None  # a ready Config (library use): skips discovery
    overrides: tuple[tuple[str, object], ...] = ()
    report_unused: bool = False
    cross_file: bool | None = None
    fmt: str | None = None  # force a format for every draft


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


def lint_target(target: Target, config: Config, options: RunOptions, collect: bool) -> FileResult:
    """Lint one file, returning an error result instead of raising for unreadable input."""
    try:
        doc = read_document(target.path, target.display, options.fmt)
    except InputError as exc:
        return FileResult(target.display, (), error=exc)
    return lint_document(doc, config, options.report_unused, collect)


def run(paths: list[Path], options: RunOptions, lint: Callable[..., FileResult] = lint_target) -> RunResult:
    """Lint every draft under `paths`."""
    result = RunResult()
    resolver = ConfigResolver(options)
    root_config = resolver.for_path(paths[0] if paths else Path.cwd())
    extensions = root_config.extensions or DEFAULT_EXTENSIONS
    cross_file = root_config.cross_file if options.cross_file is None else options.cross_file
    file_results: list[FileResult] = []
    for item in iter_targets(paths, tuple(extensions), root_config.include, root_config.exclude):
        if isinstance(item, DraftlintError):
            result.errors.append(item)
            continue
        config = resolver.for_path(item.path)
        outcome = lint(item, config, options, cross_file)
        if outcome.error is not None:
            if item.explicit:
                result.errors.append(outcome.error)
            else:
                result.skipped += 1  # a binary or unreadable file met while walking a folder
            continue
        result.files += 1
        result.findings.extend(outcome.findings)
        if cross_file:
            file_results.append(outcome)
    if cross_file and file_results:
        result.findings.extend(corpus_findings(root_config, file_results))
    result.findings.sort(key=Finding.sort_key)
    return result
