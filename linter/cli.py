"""The command line: `draftlint check`, `draftlint rules`, `draftlint explain`."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Callable, TextIO

import click

from linter.errors import DraftlintError
from linter.finding import SEVERITIES, at_least
from linter.version import __version__

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


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="rich", show_default=True, help="Output format.")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default=None, help="Lowest severity that makes the exit code 1 [default: warning].")
@click.option("--select", multiple=True, help="Only these rules, categories or prefixes (comma-separated).")
@click.option("--extend-select", multiple=True, help="Also these, including rules that are off by default.")
@click.option("--ignore", multiple=True, help="Skip these rules, categories or prefixes.")
@click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False), help="Use this config file instead of searching for .draftlint.yaml.")
@click.option("--cross-file/--no-cross-file", default=None, help="Compare doses and timing across all drafts of the run.")
@click.option("--report-unused-suppressions", is_flag=True, help="Report suppression comments that silence nothing.")
@click.option("--input-format", type=click.Choice(["markdown", "text", "html"]), default=None, help="Read every draft in this format, whatever its extension.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Write the report to this file.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True)
def check(paths: tuple[Path, ...], fmt: str, fail_on: str | None, select: tuple[str, ...], extend_select: tuple[str, ...],
          ignore: tuple[str, ...], config_path: Path | None, cross_file: bool | None, report_unused_suppressions: bool,
          input_format: str | None, output: Path | None, color: str) -> None:
    """Lint drafts (files and folders; default: the current folder)."""
    from linter.runner import RunOptions, run

    if config_path is not None and not config_path.is_file():
        raise DraftlintError("config file does not exist", str(config_path))
    overrides: dict[str, Any] = {"fail_on": fail_on, "select": _split(select), "ignore": _split(ignore),
                                 "extend_select": _split(extend_select)}
    options = RunOptions(config_path=config_path, overrides=tuple(overrides.items()),
                         report_unused=report_unused_suppressions, cross_file=cross_file, fmt=input_format)
    targets = list(paths) or [Path(".")]
    result = run(targets, options)
    for error in result.errors:
        click.echo(f"draftlint: error: {error.one_line()}", err=True)
    from linter.runner import ConfigResolver

    level = ConfigResolver(options).for_path(targets[0]).fail_on
    _emit(fmt, result, level, output, color)
    if result.errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if any(at_least(f.severity, level) for f in result.findings) else EXIT_OK)


def _emit(fmt: str, result: Any, fail_on: str, output: Path | None, color: str) -> None:
    """Render the run with the chosen reporter to stdout or a file (written atomically)."""
    from linter.reporters import REPORTERS, Report

    report = Report(
        findings=tuple(result.findings),
        files=result.files,
        rules=_all_rules(),
        fail_on=fail_on,
        skipped=result.skipped,
        source=_read_source,
    )
    reporter = REPORTERS[fmt]()
    if output is None:
        report = _with_color(report, _use_color(sys.stdout, color))
        reporter(report, sys.stdout)
        sys.stdout.flush()
        return
    _write_atomically(output, lambda handle: reporter(_with_color(report, color == "always"), handle))


def _with_color(report: Any, color: bool) -> Any:
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


def _all_rules() -> dict[str, Any]:
    """Every rule's metadata (built-in, meta), for descriptions in SARIF and explain."""
    from linter.config import Config
    from linter.engine import linter_for
    from linter.meta import META_RULES

    rules = {c.meta.id: c.meta for c in linter_for(Config()).ruleset.checks}
    rules.update(META_RULES)
    return rules


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


def main(argv: list[str] | None = None) -> None:
    """Console entry point: one-line errors and exit 2, quiet exits on closed pipes and Ctrl-C."""
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
