"""Bad input gets a clear answer: one line naming the file, exit 2, never a traceback or a changed draft."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

import pytest

from linter import lint_text
from linter.config import Config
from linter.engine import Linter
from linter.errors import InputError, RuleError
from linter.files import iter_targets
from linter.finding import Finding
from linter.sources import parse_bytes, parse_text
from linter.sources import markdown as markdown_source

DRAFT = "# Melatonin\n\nThis miracle pill works. Take 3 mg at night.\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n"
CATASTROPHIC_RULE = """\
id: editorial.slow
category: editorial
kind: pattern
severity: warning
message: "slow {match}"
why: "A pattern that backtracks without end."
patterns: ['(\\w|\\w)+\\d']
whole_words: false
examples:
  - fail: "a1"
  - pass: "b"
"""


def valid_rule(name: str) -> str:
    """A well-formed pattern rule `editorial.<name>`."""
    return CATASTROPHIC_RULE.replace("editorial.slow", f"editorial.{name}").replace("(\\w|\\w)+\\d", "zzzq")


def draftlint(*args: str, cwd: Path, stdin: bytes | None = None, timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    """Run the real command line in a subprocess, without the result cache."""
    command = [sys.executable, "-m", "linter", *args]
    if args and args[0] == "check":
        command.append("--no-cache")
    return subprocess.run(command, cwd=cwd, input=stdin, capture_output=True, timeout=timeout)


def assert_one_line_error(result: subprocess.CompletedProcess[bytes], *needles: str) -> None:
    """Exit 2, one line on stderr naming the problem, and no traceback."""
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("draftlint: error: "), err
    for needle in needles:
        assert needle in lines[0], err


def summary(result: subprocess.CompletedProcess[bytes]) -> dict[str, int]:
    """The JSON report's summary."""
    return json.loads(result.stdout)["summary"]


def lint_meta(text: str, fmt: str = "markdown") -> list[Finding]:
    """Only the meta findings of a draft."""
    return [f for f in lint_text(text, format=fmt, config=Config(select=("meta",))) if f.category == "meta"]


# --- files -----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["markdown", "text", "html"])
def test_empty_draft(fmt: str) -> None:
    assert lint_text("", format=fmt) == []
    assert parse_text("", fmt=fmt).sentences == []


@pytest.mark.parametrize(("name", "data"), [("image.md", PNG), ("scan.md", PDF), ("nul.txt", b"text\x00more")])
def test_binary_file_named_is_an_error(tmp_path: Path, name: str, data: bytes) -> None:
    (tmp_path / name).write_bytes(data)
    assert_one_line_error(draftlint("check", name, cwd=tmp_path), name, "binary")


def test_binary_file_in_folder_is_skipped_and_counted(tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "image.md").write_bytes(PNG)
    (tmp_path / "drafts" / "ok.md").write_text(DRAFT)
    result = draftlint("check", "drafts", "--format", "json", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert (summary(result)["files"], summary(result)["skipped"]) == (1, 1)


def test_invalid_utf8_points_at_the_replacement_character() -> None:
    data = "ok \ufffd then ".encode() + b"\xff" + b" miracle\n"
    doc = parse_bytes(data, "bad.md")
    (rule, start, end, message) = doc.notes[0]
    assert rule == "meta.encoding" and "byte offset 12" in message
    # The draft already held a genuine U+FFFD; the note must point at the one the bad byte made.
    assert (start, doc.text[start:end]) == (10, "\ufffd") != (3, doc.text[3])


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_findings_positions_in_original_file_for_each_line_ending(newline: str) -> None:
    text = newline.join(["# Title", "", "Some text.", "", "A miracle cure."]) + newline
    hype = [f for f in lint_text(text) if f.rule == "editorial.hype"]
    assert [(f.line, f.column, f.excerpt) for f in hype] == [(5, 3, "miracle")]


def timed(action: Callable[[], object]) -> float:
    """Seconds an action takes."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


@pytest.mark.parametrize("fmt", ["markdown", "text", "html"])
def test_one_megabyte_single_line(fmt: str) -> None:
    line = "Magnesium may help some people sleep, per one trial. " * (1_000_000 // 54)
    assert timed(lambda: parse_text(line, fmt=fmt)) < 10


@pytest.mark.parametrize("fmt", ["markdown", "text", "html"])
def test_twenty_megabyte_draft_parses_in_linear_time(fmt: str) -> None:
    para = "Melatonin may help, e.g. with jet lag [1](https://x.org) and `code`.\n\n"
    small, big = para * (1_000_000 // len(para)), para * (20_000_000 // len(para))
    small_time, big_time = timed(lambda: parse_text(small, fmt=fmt)), timed(lambda: parse_text(big, fmt=fmt))
    # 20x the text may take about 20x the time, never the 400x a quadratic step would.
    assert big_time < 60 and big_time < 60 * max(small_time, 0.05), (small_time, big_time)


@pytest.mark.parametrize("line", ["[a](" * 50_000, "<!--" * 50_000, "`a " * 50_000, " " * 200_000])
def test_pathological_lines_stay_fast(line: str) -> None:
    for fmt in ("markdown", "text", "html"):
        assert timed(lambda: parse_text(line, fmt=fmt)) < 5, fmt


@pytest.mark.parametrize("source", [">" * 500 + " deep claim", "- " * 500 + "deep claim",
                                    "\n".join("  " * i + "- deep claim" for i in range(500))])
def test_deep_nesting_falls_back_to_plain_text(source: str) -> None:
    doc = parse_text(source)
    assert [n[0] for n in doc.notes] == ["meta.parse"]
    assert "deep claim" in doc.prose


def test_recursion_error_in_markdown_parser_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    class Exploding:
        def parse(self, source: str, env: dict[str, object]) -> list[object]:
            raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(markdown_source, "_parser", lambda: Exploding())
    doc = parse_text("---\ntitle: x\n---\nA miracle claim.\n")
    assert [(n[0], n[3]) for n in doc.notes] == [("meta.parse", "Markdown nested too deeply to parse; the draft was read as plain text")]
    assert "miracle" in doc.prose and "title" not in doc.prose


def test_unterminated_code_fence_hides_the_rest() -> None:
    doc = parse_text("Intro.\n\n```\nmiracle code\n\nmore miracle\n")
    assert "miracle" not in doc.prose and "Intro." in doc.prose


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_unterminated_html_comment_is_hidden_and_reported(fmt: str) -> None:
    doc = parse_text("<p>Intro.</p>\n\n<!-- miracle note\n\nmore miracle\n", fmt=fmt)
    assert "miracle" not in doc.prose and "Intro." in doc.prose
    assert [n[0] for n in doc.notes] == ["meta.parse"]


def test_invalid_front_matter_is_reported_and_the_rest_linted() -> None:
    findings = lint_text("---\ntitle: [unclosed\n---\n\nThis miracle pill.\n", config=Config(select=("meta", "editorial")))
    assert {f.rule for f in findings} >= {"meta.front-matter", "editorial.hype"}


def test_missing_path(tmp_path: Path) -> None:
    assert_one_line_error(draftlint("check", "nope.md", cwd=tmp_path), "nope.md", "no such file")


def test_folder_without_permission_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(path: object) -> object:
        if str(path).endswith("locked"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    errors = [item for item in iter_targets([tmp_path], (".md",), (), ()) if isinstance(item, InputError)]
    assert [e.one_line() for e in errors] == [f"{errors[0].path}: cannot read folder (Permission denied) (fix its permissions or exclude it)"]
    assert errors[0].path is not None and errors[0].path.endswith("locked")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and symlinks")
def test_symlink_loop_and_fifo(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.md")
    os.symlink("loop.md", tmp_path / "loop.md")
    (tmp_path / "ok.md").write_text(DRAFT)
    walked = draftlint("check", ".", "--format", "json", cwd=tmp_path, timeout=60)
    assert (summary(walked)["files"], summary(walked)["skipped"]) == (1, 2), walked.stderr
    assert_one_line_error(draftlint("check", "pipe.md", cwd=tmp_path, timeout=60), "pipe.md", "not a regular file")
    assert_one_line_error(draftlint("check", "loop.md", cwd=tmp_path, timeout=60), "loop.md", "symbolic links")


def test_ten_thousand_files(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(10_000):
        (folder / f"d{i:05}.md").write_text(f"Draft {i}: a miracle.\n")
    started = time.perf_counter()
    result = draftlint("check", "many", "--format", "json", cwd=tmp_path, timeout=600)
    elapsed = time.perf_counter() - started
    assert summary(result)["files"] == 10_000 and summary(result)["warning"] == 10_000, result.stderr
    assert elapsed < 300, elapsed


# --- rule files and config ---------------------------------------------------------------------


def config_with_rules(tmp_path: Path, files: dict[str, str]) -> Path:
    """A config whose extra rule folder holds `files`; returns the config path."""
    rules = tmp_path / "myrules" / "editorial"
    rules.mkdir(parents=True)
    for name, content in files.items():
        (rules / name).write_text(content)
    config = tmp_path / "draftlint.yaml"
    config.write_text("rules: [myrules]\n")
    (tmp_path / "d.md").write_text(DRAFT)
    return config


@pytest.mark.parametrize(
    ("files", "needles"),
    [
        ({"bad.yaml": "id: [unclosed\n"}, ("bad.yaml", "invalid YAML at line")),
        ({"extra.yaml": valid_rule("extra") + "colour: red\n"}, ("extra.yaml", "unknown key 'colour'")),
        ({"typed.yaml": valid_rule("typed").replace("severity: warning", "severity: 3")}, ("typed.yaml", "'severity'")),
        ({"hype.yaml": valid_rule("hype")}, ("hype.yaml", "duplicate rule id 'editorial.hype'")),
        ({"regex.yaml": valid_rule("regex").replace("zzzq", "(unclosed")}, ("regex.yaml", "patterns[0] is not a valid pattern")),
    ],
)
def test_bad_rule_files(tmp_path: Path, files: dict[str, str], needles: tuple[str, ...]) -> None:
    config_with_rules(tmp_path, files)
    assert_one_line_error(draftlint("check", "d.md", "--config", "draftlint.yaml", cwd=tmp_path), *needles)


@pytest.mark.parametrize(
    ("content", "needle"),
    [("fail_on: [x\n", "invalid YAML"), ("colour: red\n", "unknown key 'colour'"), ("fail_on: 3\n", "'fail_on'")],
)
def test_bad_config(tmp_path: Path, content: str, needle: str) -> None:
    (tmp_path / "draftlint.yaml").write_text(content)
    (tmp_path / "d.md").write_text(DRAFT)
    assert_one_line_error(draftlint("check", "d.md", "--config", "draftlint.yaml", cwd=tmp_path), "draftlint.yaml", needle)


def test_substance_file_with_min_above_max(tmp_path: Path) -> None:
    folder = tmp_path / "subs"
    folder.mkdir()
    (folder / "zzherb.yaml").write_text(
        "name: zzherb\nnames: [zzherb]\nsources: [x]\n"
        "doses:\n  - {min: 900, max: 100, unit: mg, source: x}\n"
    )
    (tmp_path / "draftlint.yaml").write_text("substances: [subs]\n")
    (tmp_path / "d.md").write_text(DRAFT)
    assert_one_line_error(draftlint("check", "d.md", "--config", "draftlint.yaml", cwd=tmp_path), "zzherb.yaml", "above max")


def test_catastrophic_pattern_times_out_once_then_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import linter.language.lexicon as lexicon

    monkeypatch.setattr(lexicon, "PATTERN_TIMEOUT", 0.5)
    config_with_rules(tmp_path, {"slow.yaml": CATASTROPHIC_RULE})
    engine = Linter(Config(rule_folders=(tmp_path / "myrules",), select=("editorial.slow", "meta")))
    doc = parse_text("word" * 40 + " x")
    started = time.perf_counter()
    first = [f.message for f in engine.lint(doc)]
    second = [f.message for f in engine.lint(doc)]
    assert time.perf_counter() - started < 30
    assert len(first) == 1 and "stopped" in first[0] and "ran too long" in first[0]
    assert len(second) == 1 and "skipped" in second[0]


def test_catastrophic_pattern_through_the_cli(tmp_path: Path) -> None:
    config_with_rules(tmp_path, {"slow.yaml": CATASTROPHIC_RULE})
    for i in range(3):
        (tmp_path / f"long{i}.md").write_text("word" * 40 + " x\n")
    started = time.perf_counter()
    result = draftlint("check", "long0.md", "long1.md", "long2.md", "--config", "draftlint.yaml", "--select", "editorial.slow,meta",
                       "--format", "json", "--jobs", "1", cwd=tmp_path, timeout=120)
    rules = [f["rule"] for f in json.loads(result.stdout)["findings"]]
    assert rules == ["meta.rule-timeout"] * 3, result.stderr
    assert time.perf_counter() - started < 3 * 2.0 + 15  # one 2 s timeout, not one per draft


# --- command line ------------------------------------------------------------------------------


@pytest.mark.parametrize("args", [("check", "--no-such-option"), ("check", "--format", "xml", "."), ("frobnicate",)])
def test_usage_errors(tmp_path: Path, args: tuple[str, ...]) -> None:
    assert_one_line_error(draftlint(*args, cwd=tmp_path))


def test_jobs_zero(tmp_path: Path) -> None:
    if b"--jobs" not in draftlint("check", "--help", cwd=tmp_path).stdout:
        pytest.skip("no --jobs option")
    assert_one_line_error(draftlint("check", "--jobs", "0", ".", cwd=tmp_path), "jobs")


def test_unwritable_output_file(tmp_path: Path) -> None:
    (tmp_path / "d.md").write_text(DRAFT)
    assert_one_line_error(draftlint("check", "d.md", "-o", "/nonexistent/dir/x.json", cwd=tmp_path), "/nonexistent/dir/x.json")


@pytest.mark.parametrize("fmt", ["rich", "concise", "json"])
def test_closed_pipe_exits_quietly(tmp_path: Path, fmt: str) -> None:
    for i in range(300):
        (tmp_path / f"d{i:03}.md").write_text(DRAFT * 3)
    command = f"{sys.executable} -m linter check . --no-cache --format {fmt} | head -1"
    result = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=tmp_path, capture_output=True, timeout=300)
    assert result.stderr == b"", result.stderr.decode()
    assert result.returncode in (0, 1), result.returncode


def _interruptible() -> None:
    """In the child: take SIGINT as a terminal would deliver it, even when this test run was
    started in the background (nohup, `cmd &`), where SIGINT is ignored and stays so across exec."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_exits_130_without_traceback(tmp_path: Path) -> None:
    for i in range(3000):
        (tmp_path / f"d{i:04}.md").write_text(DRAFT * 20)
    process = subprocess.Popen([sys.executable, "-m", "linter", "check", ".", "--no-cache"], cwd=tmp_path,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=_interruptible)
    time.sleep(4)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130, err.decode()
    assert b"Traceback" not in err, err.decode()


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads child processes from /proc")
def test_ctrl_c_ends_the_worker_processes(tmp_path: Path) -> None:
    for i in range(3000):
        (tmp_path / f"d{i:04}.md").write_text(DRAFT * 20)
    process = subprocess.Popen([sys.executable, "-m", "linter", "check", ".", "--no-cache", "--jobs", "2"],
                               cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=_interruptible)
    workers: list[int] = []
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline:  # the pool starts after the first draft
        time.sleep(0.2)
        children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
        workers = [int(pid) for pid in children.read_text().split()] if children.exists() else []
    assert len(workers) == 2
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err.decode()
    assert err == b""
    time.sleep(0.5)
    alive = [pid for pid in workers if Path(f"/proc/{pid}").exists()
             and "Z" not in Path(f"/proc/{pid}/stat").read_text().split()[2]]
    assert alive == []


# --- guarantees --------------------------------------------------------------------------------


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Bytes and modification time of every file under `folder`."""
    return {str(p): (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.rglob("*")) if p.is_file()}


def write_corpus(folder: Path, order: list[int]) -> None:
    """The same drafts, created in a given order."""
    drafts = {
        0: ("a.md", DRAFT),
        1: ("b/c.txt", "Dosage\n\nTake 3 mg. It is a miracle.\r\n"),
        2: ("b/d.html", "<p>A miracle &amp; breakthrough.</p>"),
        3: ("e.md", "---\nbad: [\n---\nText \udcff".encode("utf-8", "surrogateescape").decode("utf-8", "replace")),
    }
    for index in order:
        name, text = drafts[index]
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("fmt", ["rich", "concise", "json", "sarif", "github", "gitlab"])
def test_never_writes_to_a_draft(tmp_path: Path, fmt: str) -> None:
    folder = tmp_path / "drafts"
    write_corpus(folder, [0, 1, 2, 3])
    before = snapshot(folder)
    result = draftlint("check", "drafts", "--format", fmt, cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    assert snapshot(folder) == before


def test_output_is_deterministic(tmp_path: Path) -> None:
    outputs = []
    for run_index, (order, jobs) in enumerate([([0, 1, 2, 3], "1"), ([3, 2, 1, 0], "2"), ([2, 0, 3, 1], "4")]):
        base = tmp_path / f"run{run_index}"
        write_corpus(base / "drafts", order)
        args = ["check", "drafts", "--format", "json"]
        if b"--jobs" in draftlint("check", "--help", cwd=tmp_path).stdout:
            args += ["--jobs", jobs]
        outputs.append(draftlint(*args, cwd=base).stdout)
    assert outputs[0] and outputs[0] == outputs[1] == outputs[2]
