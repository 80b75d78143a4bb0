"""The command line: `draftlint check`, `draftlint rules`, `draftlint explain`."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping, TextIO

import click

from linter.errors import DraftlintError
from linter.finding import SEVERITIES, at_least
from linter.version import __version__

if TYPE_CHECKING:
    from linter.config import Config
    from linter.reporters import Report
    from linter.runner import RunOptions, RunResult

FORMATS = ("rich", "concise", "json", "sarif", "github", "gitlab")
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130


def _split(values: tuple[str, ...]) -> tuple[str, ...] | None:
    """`--select a,b --select c` -> ('a', 'b', 'c'); nothing given -> None."""
    items = tuple(part.strip() for value in values for part in value.split(",") if part.strip())
    return items or None


def _use_color(out: TextIO, choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(out, "isatty") and out.isatty()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="draftlint")
def cli() -> None:
    """draftlint: find unsupported health claims, missing warnings and inconsistent dosing in drafts."""


STDIN = "-"


def _lint_options(function: Callable[..., None]) -> Callable[..., None]:
    """Options shared by `check` and `baseline write`: which drafts, which rules, how to run."""
    options = [
        click.argument("paths", nargs=-1, type=click.Path(path_type=Path)),
        click.option("--select", multiple=True, help="Only these rules, categories or prefixes (comma-separated)."),
        click.option("--extend-select", multiple=True, help="Also these, including rules that are off by default."),
        click.option("--ignore", multiple=True, help="Skip these rules, categories or prefixes."),
        click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False), help="Use this config file instead of searching for .draftlint.yaml."),
        click.option("--cross-file/--no-cross-file", default=None, help="Compare doses and timing across all drafts of the run."),
        click.option("--report-unused-suppressions", is_flag=True, help="Report suppression comments that silence nothing."),
        click.option("--input-format", type=click.Choice(["markdown", "text", "html"]), default=None, help="Read every draft in this format, whatever its extension."),
        click.option("--stdin-filename", default=None, help="With the path '-': the name to show for standard input (its extension picks the format)."),
        click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes [default: CPU count]."),
        click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache."),
        click.option("--cache-dir", type=click.Path(path_type=Path, file_okay=False), default=None, help="Cache folder [default: .draftlint_cache]."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _run_options(lint: dict[str, Any], fail_on: str | None = None, **extra: Any) -> tuple[RunOptions, list[Path]]:
    """RunOptions and targets from the shared options; reads standard input for the path '-'."""
    from linter.cache import DEFAULT_CACHE_DIR
    from linter.runner import RunOptions

    config_path: Path | None = lint["config_path"]
    if config_path is not None and not config_path.is_file():
        raise DraftlintError("config file does not exist", str(config_path))
    paths: tuple[Path, ...] = lint["paths"]
    stdin: bytes | None = None
    if any(str(p) == STDIN for p in paths):
        if len(paths) > 1:
            raise click.UsageError("'-' (standard input) cannot be combined with other paths")
        stdin = sys.stdin.buffer.read()
    elif lint["stdin_filename"] is not None:
        raise click.UsageError("--stdin-filename needs the path '-'")
    overrides: dict[str, Any] = {"fail_on": fail_on, "select": _split(lint["select"]), "ignore": _split(lint["ignore"]),
                                 "extend_select": _split(lint["extend_select"])}
    options = RunOptions(
        config_path=config_path, overrides=tuple(overrides.items()), report_unused=lint["report_unused_suppressions"],
        cross_file=lint["cross_file"], fmt=lint["input_format"], jobs=lint["jobs"] or os.cpu_count() or 1,
        cache_dir=None if lint["no_cache"] else (lint["cache_dir"] or DEFAULT_CACHE_DIR),
        stdin=stdin, stdin_name=lint["stdin_filename"] or "<stdin>", **extra,
    )
    return options, [p for p in paths if str(p) != STDIN] or [Path(".")]


def _anchor(options: RunOptions, targets: list[Path]) -> Path:
    """The path whose config decides run-wide settings (fail level, rule descriptions)."""
    return Path(options.stdin_name) if options.stdin is not None else targets[0]


@cli.command()
@_lint_options
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="rich", show_default=True, help="Output format.")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default=None, help="Lowest severity that makes the exit code 1 [default: warning].")
@click.option("--diff", "diff_ref", metavar="REF", default=None, help="Report only findings on lines changed since this git ref.")
@click.option("--baseline", "baseline_path", type=click.Path(path_type=Path, dir_okay=False), default=None, help="Hide the findings recorded in this baseline file.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Write the report to this file.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True)
def check(fmt: str, fail_on: str | None, diff_ref: str | None, baseline_path: Path | None, output: Path | None,
          color: str, **lint: Any) -> None:
    """Lint drafts (files and folders; '-' reads standard input; default: the current folder)."""
    from linter.runner import ConfigResolver, run

    options, targets = _run_options(lint, fail_on, diff_ref=diff_ref, baseline=baseline_path)
    result = run(targets, options)
    for error in result.errors:
        click.echo(f"draftlint: error: {error.one_line()}", err=True)
    config = ConfigResolver(options).for_path(_anchor(options, targets))
    _emit(fmt, result, config, output, color)
    if result.errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if any(at_least(f.severity, config.fail_on) for f in result.findings) else EXIT_OK)


@cli.group()
def baseline() -> None:
    """Record today's findings so that `check --baseline FILE` reports only new ones."""


@baseline.command("write")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@_lint_options
def baseline_write(file: Path, **lint: Any) -> None:
    """Lint PATHS and record every finding in FILE (JSON, replaced atomically)."""
    from linter.baseline import baseline_text
    from linter.runner import run

    options, targets = _run_options(lint)
    result = run(targets, options)
    if result.errors:
        for error in result.errors:
            click.echo(f"draftlint: error: {error.one_line()}", err=True)
        sys.exit(EXIT_ERROR)  # a partial baseline would hide nothing in the drafts that failed
    text = baseline_text(result.findings)
    _write_atomically(file, lambda handle: handle.write(text))
    count = len(result.findings)
    click.echo(f"draftlint: recorded {count} finding{'s' if count != 1 else ''} from {result.files} "
               f"file{'s' if result.files != 1 else ''} in {file}", err=True)


class _LazyRules(Mapping[str, Any]):
    """Rule metadata compiled only when a reporter asks for it (SARIF does; most formats do not)."""

    def __init__(self, config: Config) -> None:
        self._config = config
        self._rules: dict[str, Any] | None = None

    def _load(self) -> dict[str, Any]:
        if self._rules is None:
            self._rules = _rules_for(self._config)
        return self._rules

    def __getitem__(self, key: str) -> Any:
        return self._load()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._load())

    def __len__(self) -> int:
        return len(self._load())


def _emit(fmt: str, result: RunResult, config: Config, output: Path | None, color: str) -> None:
    """Render the run with the chosen reporter to stdout or a file (written atomically)."""
    from linter.reporters import REPORTERS, Report

    report = Report(
        findings=tuple(result.findings),
        files=result.files,
        rules=_LazyRules(config),
        fail_on=config.fail_on,
        skipped=result.skipped,
        fixed=tuple(result.fixed),
        errors=tuple(error.one_line() for error in result.errors),
        source=_read_source,
    )
    reporter = REPORTERS[fmt]()
    if fmt == "github":
        _append_step_summary(report)
    if output is None:
        report = _with_color(report, _use_color(sys.stdout, color))
        reporter(report, sys.stdout)
        sys.stdout.flush()
        return
    _write_atomically(output, lambda handle: reporter(_with_color(report, color == "always"), handle))


def _append_step_summary(report: Report) -> None:
    """In GitHub Actions, list every finding in the job summary (annotations stop at 10 per type)."""
    from linter.reporters.github import step_summary

    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if not summary:
        return
    try:
        with open(summary, "a", encoding="utf-8") as handle:
            handle.write(step_summary(report))
    except OSError as exc:
        click.echo(f"draftlint: warning: {summary}: cannot append the step summary ({exc.strerror})", err=True)


def _with_color(report: Report, color: bool) -> Report:
    from dataclasses import replace

    return replace(report, color=color)


def _write_atomically(path: Path, write: Callable[[TextIO], None]) -> None:
    """Write to a temporary file beside `path`, then rename it into place."""
    import tempfile

    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    except OSError as exc:
        raise DraftlintError(f"cannot write output ({exc.strerror})", str(path)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            write(handle)
        os.replace(temp, path)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise DraftlintError(f"cannot write output ({exc.strerror})", str(path)) from None


def _read_source(path: str) -> str | None:
    """The decoded text of a draft, for code frames; None when it cannot be read any more."""
    from linter.sources.decode import decode

    try:
        return decode(Path(path).read_bytes(), path).text
    except (OSError, DraftlintError):
        return None


def _rules_for(config: Config) -> dict[str, Any]:
    """Every rule's metadata under `config` (built-in, publisher folders, meta), for SARIF and explain."""
    from linter.engine import linter_for
    from linter.meta import META_RULES

    rules = {c.meta.id: c.meta for c in linter_for(config).ruleset.checks}
    rules.update(META_RULES)
    return rules


def _all_rules() -> dict[str, Any]:
    """Every built-in and meta rule's metadata."""
    from linter.config import Config

    return _rules_for(Config())


@cli.command("rules")
@click.option("--all", "show_all", is_flag=True, help="Include rules that are off by default and meta rules.")
def list_rules(show_all: bool) -> None:
    """List rules: id, category, severity and a one-line summary."""
    from linter.meta import META_RULES

    rules = _all_rules()
    width = max(len(rule_id) for rule_id in rules)
    for rule_id, meta in sorted(rules.items()):
        if not show_all and (rule_id in META_RULES or not meta.enabled):
            continue
        flag = "" if meta.enabled else "  (off by default)"
        click.echo(f"{rule_id:<{width}}  {meta.severity:<7}  {meta.summary}{flag}")


@cli.command()
@click.argument("rule")
def explain(rule: str) -> None:
    """Show a rule's rationale, examples and suggested fix."""
    rules = _all_rules()
    meta = rules.get(rule)
    if meta is None:
        close = [r for r in rules if rule in r]
        hint = f"did you mean {', '.join(close[:3])}?" if close else "run `draftlint rules` for the list"
        raise DraftlintError(f"unknown rule {rule!r}", None, hint)
    click.echo(f"{meta.id} ({meta.category}, {meta.severity}, kind: {meta.kind})\n")
    click.echo("What it does\n  " + meta.summary + "\n")
    click.echo("Why\n  " + " ".join(meta.why.split()) + "\n")
    fails = [e for e in meta.examples if e.should_fail]
    passes = [e for e in meta.examples if not e.should_fail]
    if fails:
        click.echo("Flagged")
        for example in fails:
            click.echo("  " + example.text.replace("\n", "\n  "))
        click.echo("")
    if passes:
        click.echo("Not flagged")
        for example in passes:
            click.echo("  " + example.text.replace("\n", "\n  "))
        click.echo("")
    if meta.suggestion:
        click.echo("Use instead\n  " + meta.suggestion)
    click.echo(f"\nSource: {meta.source}")


def _exit_on_interrupt(signum: int, frame: object) -> None:
    """Ctrl-C: end the run at once with exit code 130, worker processes included.

    Raising KeyboardInterrupt is not enough: Python drops an exception raised while it finalizes
    an object (a generator left half-read, say), and a run whose interrupt was dropped went on
    linting. Nothing is left half-written: cache entries and stores are replaced atomically."""
    if "multiprocessing" in sys.modules:  # a worker pool was started
        for worker in sys.modules["multiprocessing"].active_children():
            worker.terminate()
    # Output still buffered is dropped rather than flushed: a pager that stopped reading would
    # block the flush, and so the exit.
    os._exit(EXIT_INTERRUPTED)


def main(argv: list[str] | None = None) -> None:
    """Console entry point: one-line errors and exit 2, quiet exits on closed pipes and Ctrl-C."""
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # not ignored, as in a background job
        signal.signal(signal.SIGINT, _exit_on_interrupt)
    try:
        cli.main(args=argv, prog_name="draftlint", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.UsageError as exc:
        click.echo(f"draftlint: error: {exc.format_message()}", err=True)
        sys.exit(EXIT_ERROR)
    except click.Abort:
        sys.exit(EXIT_INTERRUPTED)
    except DraftlintError as exc:
        click.echo(f"draftlint: error: {exc.one_line()}", err=True)
        sys.exit(EXIT_ERROR)
    except KeyboardInterrupt:
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        # The reader went away (`draftlint check . | head -1`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(EXIT_FINDINGS)
    except click.ClickException as exc:
        click.echo(f"draftlint: error: {exc.format_message()}", err=True)
        sys.exit(EXIT_ERROR)
    except Exception as exc:  # a bug of ours: still one line, unless DRAFTLINT_DEBUG asks for more
        if os.environ.get("DRAFTLINT_DEBUG"):
            raise
        click.echo(f"draftlint: internal error: {type(exc).__name__}: {exc} (set DRAFTLINT_DEBUG=1 for details)", err=True)
        sys.exit(EXIT_ERROR)
