"""CI integrations end to end: SARIF, GitHub, GitLab, --diff, baselines, the cache, --jobs and stdin."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from linter.baseline import FindingKey
from linter.cache import FileCache, decode_findings, encode_findings
from linter.changes import FileChange, only_changed, parse_diff
from linter.finding import Finding, Related, Span
from linter.reporters import Report
from linter.reporters import gitlab as gitlab_reporter
from linter.reporters.github import annotation, escape_data, escape_property
from linter.reporters.sarif import as_dict as sarif_dict
from linter.runner import RunOptions, run

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
# Line 3: 'miracle' at columns 6-13 (hype, warning); line 5: 'TK' at 1-3 (placeholder, error).
DRAFT = "# Sleep\n\nThis miracle herb works.\n\nTK\n"
CLEAN = "# Sleep\n\nAdults need seven to nine hours of sleep.\n"
FORMATS = ("rich", "concise", "json", "sarif", "github", "gitlab")


def draftlint(*args: str, cwd: Path, stdin: str | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real command line in a subprocess, with only the editorial rules."""
    # Never append to a real job summary when the tests themselves run in GitHub Actions.
    full_env = {key: value for key, value in os.environ.items() if key != "GITHUB_STEP_SUMMARY"}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "linter", *args, "--select", "editorial"], cwd=cwd, input=stdin,
                          capture_output=True, text=True, env=full_env)


def git(*args: str, cwd: Path) -> None:
    """Run git quietly with a throwaway identity."""
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args], cwd=cwd, check=True,
                   capture_output=True)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "a.md").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def finding(rule: str = "editorial.hype", line: int = 3, excerpt: str = "miracle", **extra: Any) -> Finding:
    """A hand-made Finding for reporter tests."""
    defaults: dict[str, Any] = {"path": "a.md", "rule": rule, "category": rule.split(".")[0], "severity": "warning",
                                "message": f"about {excerpt}", "span": Span(line, 6, line, 6 + len(excerpt)),
                                "excerpt": excerpt}
    return Finding(**{**defaults, **extra})


# --- exit codes and -o, every format ---------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_exit_codes_are_0_1_2_in_every_format(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "bad.md").write_text(DRAFT, encoding="utf-8")
    assert draftlint("check", "clean.md", "--format", fmt, "--no-cache", cwd=tmp_path).returncode == 0
    assert draftlint("check", "bad.md", "--format", fmt, "--no-cache", cwd=tmp_path).returncode == 1
    missing = draftlint("check", "missing.md", "--format", fmt, "--no-cache", cwd=tmp_path)
    assert missing.returncode == 2
    assert missing.stderr == "draftlint: error: missing.md: no such file or folder (check the path)\n"


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_file_works_in_every_format(folder: Path, fmt: str) -> None:
    to_stdout = draftlint("check", "a.md", "--format", fmt, "--color", "never", cwd=folder)
    to_file = draftlint("check", "a.md", "--format", fmt, "-o", "report.out", "--color", "never", cwd=folder)
    assert to_file.returncode == to_stdout.returncode == 1
    assert to_file.stdout == ""
    assert (folder / "report.out").read_text(encoding="utf-8") == to_stdout.stdout
    assert [p.name for p in folder.iterdir() if p.name.startswith(".report.out")] == []


# --- SARIF ------------------------------------------------------------------------------------------

def test_sarif_output_is_valid_and_exact(folder: Path) -> None:
    result = draftlint("check", "a.md", "--format", "sarif", cwd=folder)
    assert result.returncode == 1
    log = json.loads(result.stdout)
    jsonschema.validate(log, SCHEMA)
    run_ = log["runs"][0]
    driver = run_["tool"]["driver"]
    assert (driver["name"], driver["informationUri"]) == ("draftlint", "https://github.com/draftlint/draftlint")
    assert [r["id"] for r in driver["rules"]] == ["editorial.hype", "editorial.placeholder"]
    hype = driver["rules"][0]
    assert hype["shortDescription"]["text"] == "hype words that overstate what is known"
    assert hype["defaultConfiguration"]["level"] == "warning"
    assert hype["properties"]["tags"] == ["editorial"]
    assert hype["helpUri"] == "https://draftlint.readthedocs.io/rules/editorial.hype"
    assert "This miracle herb will change your nights." in hype["help"]["text"]
    assert hype["help"]["markdown"].startswith("HealthNewsReview")
    assert driver["rules"][1]["defaultConfiguration"]["level"] == "error"
    first, second = run_["results"]
    assert (first["ruleId"], first["ruleIndex"], first["level"]) == ("editorial.hype", 0, "warning")
    assert first["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "a.md", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 3, "startColumn": 6, "endLine": 3, "endColumn": 13, "snippet": {"text": "miracle"}},
    }
    assert (second["ruleId"], second["ruleIndex"], second["level"]) == ("editorial.placeholder", 1, "error")
    assert run_["invocations"] == [{"executionSuccessful": True}]
    assert run_["columnKind"] == "unicodeCodePoints"


def test_sarif_maps_info_to_note_and_reports_failed_inputs(folder: Path) -> None:
    (folder / "cfg.yaml").write_text("severity: {editorial.hype: info}\n", encoding="utf-8")
    (folder / "binary.md").write_bytes(b"\x00\x01binary")
    result = draftlint("check", "a.md", "binary.md", "--format", "sarif", "--config", "cfg.yaml", cwd=folder)
    assert result.returncode == 2
    log = json.loads(result.stdout)
    jsonschema.validate(log, SCHEMA)
    assert log["runs"][0]["results"][0]["level"] == "note"
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "binary.md: binary file" in invocation["toolExecutionNotifications"][0]["message"]["text"]


def test_sarif_related_locations_are_valid() -> None:
    related = Related("b.md", Span(7, 1, 7, 7), "first stated here as 300 mg")
    log = sarif_dict(Report(findings=(finding(related=(related,)),), files=2, rules={}))
    jsonschema.validate(log, SCHEMA)
    result = log["runs"][0]["results"][0]
    assert result["relatedLocations"] == [{
        "id": 1, "message": {"text": "first stated here as 300 mg"},
        "physicalLocation": {"artifactLocation": {"uri": "b.md", "uriBaseId": "%SRCROOT%"},
                             "region": {"startLine": 7, "startColumn": 1, "endLine": 7, "endColumn": 7}},
    }]
    assert log["runs"][0]["tool"]["driver"]["rules"][0]["id"] == "editorial.hype"  # minimal descriptor


def _fingerprints(folder: Path) -> list[tuple[str, int, str]]:
    log = json.loads(draftlint("check", "a.md", "--format", "sarif", cwd=folder).stdout)
    return [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"],
             r["partialFingerprints"]["primaryLocationLineHash"]) for r in log["runs"][0]["results"]]


def test_sarif_fingerprints_survive_an_unrelated_paragraph_above(folder: Path) -> None:
    (folder / "a.md").write_text(DRAFT + "\nTK again\n", encoding="utf-8")
    before = _fingerprints(folder)
    (folder / "a.md").write_text("# Sleep\n\nA new first paragraph.\n\nAnother one.\n" + DRAFT[8:] + "\nTK again\n",
                                 encoding="utf-8")
    after = _fingerprints(folder)
    assert [line for _, line, _ in before] == [3, 5, 7]
    assert [line for _, line, _ in after] == [7, 9, 11]
    assert [fp for _, _, fp in before] == [fp for _, _, fp in after]
    assert len({fp for _, _, fp in before}) == 3  # the two 'TK's are told apart by occurrence


# --- GitHub -------------------------------------------------------------------------------------------

def test_github_annotations_are_exact_and_escaped(tmp_path: Path) -> None:
    (tmp_path / "notes, v2:final.md").write_text(DRAFT, encoding="utf-8")
    result = draftlint("check", "notes, v2:final.md", "--format", "github", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "::warning file=notes%2C v2%3Afinal.md,line=3,col=6,endLine=3,endColumn=13,title=draftlint (editorial.hype)"
        "::hype word 'miracle': say what the evidence shows instead%0Ahelp: replace the word with the measured "
        "effect and its source, e.g. 'cut sleep onset by 7 minutes in one trial [1]'"
    )
    assert lines[1].startswith("::error file=notes%2C v2%3Afinal.md,line=5,col=1,endLine=5,endColumn=3,"
                               "title=draftlint (editorial.placeholder)::placeholder left in the draft: 'TK'%0A")
    assert lines[2] == "draftlint: 2 finding(s) (1 error, 1 warning) in 1 file(s)"


def test_github_escaping_rules() -> None:
    assert escape_data("100% safe\r\nnext: a,b") == "100%25 safe%0D%0Anext: a,b"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_github_multi_line_spans_have_no_columns_and_info_is_a_notice() -> None:
    multi = finding(span=Span(1, 1, 2, 15), severity="info", message="50% of it")
    assert annotation(multi) == "::notice file=a.md,line=1,endLine=2,title=draftlint (editorial.hype)::50%25 of it"


def test_github_step_summary_lists_every_finding(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("\n\n".join(["TK"] * 12) + "\n", encoding="utf-8")
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    result = draftlint("check", "a.md", "--format", "github", cwd=tmp_path, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.returncode == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n### draftlint: 12 findings in 1 file\n")
    rows = [line for line in text.splitlines() if line.startswith("| error |")]
    assert len(rows) == 12
    assert rows[-1] == "| error | a.md | 23 | editorial.placeholder | placeholder left in the draft: 'TK' |"


# --- GitLab -------------------------------------------------------------------------------------------

def test_gitlab_code_quality_is_exact(folder: Path) -> None:
    (folder / "a.md").write_text(DRAFT + "\nTK\n", encoding="utf-8")
    result = draftlint("check", "a.md", "--format", "gitlab", cwd=folder)
    assert result.returncode == 1
    issues = json.loads(result.stdout)
    assert [(i["check_name"], i["severity"], i["location"]) for i in issues] == [
        ("editorial.hype", "minor", {"path": "a.md", "lines": {"begin": 3, "end": 3}}),
        ("editorial.placeholder", "major", {"path": "a.md", "lines": {"begin": 5, "end": 5}}),
        ("editorial.placeholder", "major", {"path": "a.md", "lines": {"begin": 7, "end": 7}}),
    ]
    assert issues[1]["description"] == "editorial.placeholder: placeholder left in the draft: 'TK'"
    assert len({i["fingerprint"] for i in issues}) == 3
    assert issues[1]["fingerprint"] == FindingKey("editorial.placeholder", "a.md", "TK", 0).digest()


def test_gitlab_info_severity_and_collision_rehash(monkeypatch: pytest.MonkeyPatch) -> None:
    assert gitlab_reporter.issue(finding(severity="info"), "f")["severity"] == "info"
    # Force every unsalted hash to collide: the salt must still make each fingerprint unique.
    original = FindingKey.digest
    monkeypatch.setattr(FindingKey, "digest", lambda self, salt="": "same" if not salt else original(self, salt))
    prints = gitlab_reporter.fingerprints((finding(), finding(line=4), finding(line=5)))
    assert prints[0] == "same"
    assert len(set(prints)) == 3


# --- --diff -------------------------------------------------------------------------------------------

@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "a.md").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "old.md").write_text("TK\n", encoding="utf-8")
    git("init", "-q", cwd=tmp_path)
    git("add", "-A", cwd=tmp_path)
    git("commit", "-q", "-m", "first", cwd=tmp_path)
    return tmp_path


def test_diff_reports_only_changed_lines_and_new_files(repo: Path) -> None:
    (repo / "a.md").write_text(DRAFT + "\nA new miracle line.\n", encoding="utf-8")
    (repo / "new.md").write_text("TK\n", encoding="utf-8")
    result = draftlint("check", ".", "--diff", "HEAD", "--format", "concise", cwd=repo)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "a.md:7:7: warning [editorial.hype] hype word 'miracle': say what the evidence shows instead",
        "new.md:1:1: error [editorial.placeholder] placeholder left in the draft: 'TK'",
        "2 findings (1 error, 1 warning) in 3 files",
    ]
    assert draftlint("check", "old.md", "--diff", "HEAD", cwd=repo).returncode == 0


def test_diff_outside_git_or_with_a_bad_ref_is_a_one_line_error(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    bad_ref = draftlint("check", ".", "--diff", "no-such-ref", cwd=repo)
    assert (bad_ref.returncode, bad_ref.stderr) == (2, "draftlint: error: --diff: unknown git ref 'no-such-ref'\n")
    plain = tmp_path_factory.mktemp("plain")
    (plain / "a.md").write_text(DRAFT, encoding="utf-8")
    outside = draftlint("check", ".", "--diff", "HEAD", cwd=plain)
    assert (outside.returncode, outside.stderr) == (2, "draftlint: error: .: --diff needs a git repository\n")


def test_parse_diff_reads_hunks_and_quoted_names() -> None:
    text = ('diff --git a/a.md b/a.md\n--- a/a.md\n+++ b/a.md\n@@ -2 +2,3 @@\n+x\n@@ -9,2 +11,0 @@\n'
            'diff --git "a/caf\\303\\251 \\"x\\".md" "b/caf\\303\\251 \\"x\\".md"\n--- /dev/null\n'
            '+++ "b/caf\\303\\251 \\"x\\".md"\n@@ -0,0 +1 @@\n+y\n')
    assert parse_diff(text) == {"a.md": {2, 3, 4}, 'café "x".md': {1}}


def test_whole_draft_findings_survive_any_change_to_their_draft(tmp_path: Path) -> None:
    path = str(tmp_path / "a.md")
    on_line = finding(path=path, line=3)
    warning = finding(path=path, rule="warnings.missing-interaction", line=9)
    document = finding(path=path, line=12, data={"scope": "document"})
    deleted_only = {Path(path).resolve(): FileChange(frozenset())}
    assert only_changed([on_line, warning, document], deleted_only) == [warning, document]
    assert only_changed([on_line, warning], {Path(path).resolve(): FileChange(frozenset({3}))}) == [on_line, warning]
    assert only_changed([on_line, warning], {}) == []


# --- baseline -----------------------------------------------------------------------------------------

def test_baseline_hides_known_findings_across_moved_lines_and_counts_fixed(folder: Path) -> None:
    (folder / "a.md").write_text(DRAFT + "\nTK\n", encoding="utf-8")
    written = draftlint("baseline", "write", "base.json", "a.md", cwd=folder)
    assert written.returncode == 0
    assert written.stderr == "draftlint: recorded 3 findings from 1 file in base.json\n"
    assert [e["key"]["occurrence"] for e in json.loads((folder / "base.json").read_text())["findings"]] == [0, 0, 1]
    assert draftlint("check", "a.md", "--baseline", "base.json", cwd=folder).returncode == 0
    # Lines move, one old finding is fixed, and one new kind of problem appears.
    (folder / "a.md").write_text("Intro.\n\nTODO later.\n\n" + DRAFT, encoding="utf-8")
    result = draftlint("check", "a.md", "--baseline", "base.json", "--format", "json", cwd=folder)
    assert result.returncode == 1
    document = json.loads(result.stdout)
    assert [(f["rule"], f["line"], f["excerpt"]) for f in document["findings"]] == [("editorial.placeholder", 3, "TODO")]
    assert document["summary"]["fixed"] == 1
    concise = draftlint("check", "a.md", "--baseline", "base.json", "--format", "concise", cwd=folder)
    assert concise.stdout.splitlines()[-1] == "1 finding (1 error) in 1 file, 1 fixed since the baseline"


def test_a_broken_baseline_is_a_one_line_error(folder: Path) -> None:
    (folder / "base.json").write_text("{not json", encoding="utf-8")
    result = draftlint("check", "a.md", "--baseline", "base.json", cwd=folder)
    assert result.returncode == 2
    assert result.stderr.startswith("draftlint: error: base.json: cannot read baseline (")
    assert result.stderr.count("\n") == 1
    missing = draftlint("check", "a.md", "--baseline", "nope.json", cwd=folder)
    assert missing.stderr == ("draftlint: error: nope.json: baseline file does not exist "
                              "(create it with `draftlint baseline write`)\n")


# --- cache --------------------------------------------------------------------------------------------

def _drafts(folder: Path, count: int) -> Path:
    folder.mkdir(exist_ok=True)
    for index in range(count):
        (folder / f"d{index:02}.md").write_text(f"# Draft {index}\n\n" + "Plain words here. " * 40 + f"\n\nTK {index} miracle\n",
                                                encoding="utf-8")
    return folder


def test_cache_hits_return_the_same_findings_and_survive_corruption(tmp_path: Path) -> None:
    drafts = _drafts(tmp_path / "drafts", 3)
    cache_dir = tmp_path / "cache"
    options = RunOptions(cache_dir=cache_dir)
    first = run([drafts], options)
    second = run([drafts], options)
    assert (first.cache_hits, second.cache_hits) == (0, 3)
    assert second.findings == first.findings
    assert [(f.start, f.end) for f in second.findings] == [(f.start, f.end) for f in first.findings]
    assert (cache_dir / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert (cache_dir / ".gitignore").read_text().splitlines()[-1] == "*"
    entries = sorted((cache_dir / "v1").rglob("*.json"))
    assert len(entries) == 3
    entries[0].write_text('{"key": "truncated', encoding="utf-8")
    entries[1].write_bytes(b"\xff\x00")
    third = run([drafts], options)
    assert (third.cache_hits, third.findings) == (1, first.findings)
    assert run([drafts], options).cache_hits == 3  # the broken entries were rewritten


def test_cache_misses_when_the_draft_or_the_rules_change(tmp_path: Path) -> None:
    drafts = _drafts(tmp_path / "drafts", 2)
    options = RunOptions(cache_dir=tmp_path / "cache")
    run([drafts], options)
    (drafts / "d00.md").write_text("Changed: TK\n", encoding="utf-8")
    assert run([drafts], options).cache_hits == 1
    narrower = RunOptions(cache_dir=tmp_path / "cache", overrides=(("ignore", ("editorial.hype",)),))
    result = run([drafts], narrower)
    assert result.cache_hits == 0
    assert {f.rule for f in result.findings} == {"editorial.placeholder"}


def test_a_run_answered_from_the_cache_loads_no_rule(tmp_path: Path) -> None:
    """The pre-commit path with unchanged drafts: no rule kind, parser or `regex` is imported,
    and the compiled-pattern store is not read (only the small memo of parsed YAML)."""
    drafts = _drafts(tmp_path / "drafts", 2)
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from linter.runner import RunOptions, run\n"
        "options = RunOptions(cache_dir=Path(sys.argv[2]))\n"
        "result = run([Path(sys.argv[1])], options)\n"
        "heavy = sorted(m for m in sys.modules if m == 'regex' or m.startswith(('linter.kinds.claim', "
        "'linter.language.', 'linter.sources.', 'markdown_it', 'yaml')))\n"
        "print(result.cache_hits, len(result.findings), heavy)\n"
    )
    env = {**os.environ, "DRAFTLINT_PATTERN_CACHE": str(tmp_path / "store")}
    command = [sys.executable, "-c", probe, str(drafts), str(tmp_path / "cache")]
    first = subprocess.run(command, capture_output=True, text=True, env=env, check=True).stdout.split(" ", 2)
    second = subprocess.run(command, capture_output=True, text=True, env=env, check=True).stdout.split(" ", 2)
    assert first[0] == "0" and first[2] != "[]\n"  # the first run linted: it loaded the rules
    assert second == ["2", first[1], "[]\n"]


def test_cached_findings_round_trip_exactly() -> None:
    related = Related("b.md", Span(1, 2, 3, 4), "first stated here")
    original = (finding(related=(related,), suggestion=None, start=5, end=12,
                        data={"missing": ("sedatives", "alcohol"), "dose": {"mg": [300, 600.5]}, "n": None}),)
    again = decode_findings(json.loads(json.dumps(encode_findings(original))))
    assert again == original
    assert isinstance(again[0].data["missing"], tuple)
    assert (again[0].start, again[0].end) == (5, 12)


def test_cache_refuses_data_it_cannot_store_exactly(tmp_path: Path) -> None:
    cache = FileCache(tmp_path / "cache")
    cache.put("k" * 64, (finding(data={"path": Path("x")}),))
    cache.put("j" * 64, (finding(data={1: "int key"}),))
    assert cache.get("k" * 64) is None and cache.get("j" * 64) is None
    assert not (tmp_path / "cache" / "v1").exists()


def test_no_cache_and_cache_dir_options(folder: Path) -> None:
    draftlint("check", "a.md", "--no-cache", cwd=folder)
    assert not (folder / ".draftlint_cache").exists()
    draftlint("check", "a.md", "--cache-dir", "elsewhere", cwd=folder)
    assert (folder / "elsewhere" / "CACHEDIR.TAG").is_file()
    assert not (folder / ".draftlint_cache").exists()
    draftlint("check", "a.md", cwd=folder)
    assert (folder / ".draftlint_cache" / "CACHEDIR.TAG").is_file()


# --- --jobs -------------------------------------------------------------------------------------------

def test_jobs_give_byte_identical_json(tmp_path: Path) -> None:
    _drafts(tmp_path / "drafts", 12)
    outputs = [draftlint("check", "drafts", "--format", "json", "--no-cache", "--jobs", jobs, cwd=tmp_path)
               for jobs in ("1", "2", "3")]
    assert {o.returncode for o in outputs} == {1}
    assert outputs[0].stdout == outputs[1].stdout == outputs[2].stdout
    assert json.loads(outputs[0].stdout)["summary"]["findings"] == 24


def test_jobs_zero_is_a_usage_error(folder: Path) -> None:
    result = draftlint("check", "a.md", "--jobs", "0", cwd=folder)
    assert result.returncode == 2
    assert result.stderr.startswith("draftlint: error: Invalid value for '-j' / '--jobs'")


def test_processes_only_for_several_files_and_jobs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import concurrent.futures  # the runner imports the pool only when it needs one

    pools: list[int] = []
    real = concurrent.futures.ProcessPoolExecutor

    def spy(max_workers: int, **kwargs: Any) -> Any:
        pools.append(max_workers)
        return real(max_workers=max_workers, **kwargs)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", spy)
    drafts = _drafts(tmp_path / "drafts", 3)
    serial = run([drafts], RunOptions(jobs=1))
    single = run([drafts / "d00.md"], RunOptions(jobs=4))
    parallel = run([drafts], RunOptions(jobs=4))
    # Only the last run, and the first draft is linted in this process: never more workers than
    # the drafts left.
    assert pools == [2]
    assert parallel.findings == serial.findings and single.files == 1


def test_drafts_are_read_as_linting_goes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import linter.runner as runner

    reads: list[str] = []
    linted_after: list[int] = []
    real_read, real_lint = runner.read_regular, runner.lint_job

    def read(path: Path, display: str) -> bytes:
        reads.append(display)
        return real_read(path, display)

    def lint(job: runner.Job) -> Any:
        linted_after.append(len(reads))
        return real_lint(job)

    monkeypatch.setattr(runner, "read_regular", read)
    monkeypatch.setattr(runner, "lint_job", lint)
    result = run([_drafts(tmp_path / "drafts", 4)], RunOptions())
    # each draft is read just before it is linted, never the whole folder first
    assert (result.files, linted_after) == (4, [1, 2, 3, 4])


# --- stdin --------------------------------------------------------------------------------------------

def test_stdin_takes_format_and_path_from_the_stdin_filename(tmp_path: Path) -> None:
    page = "<p>A miracle.</p>\n<!-- TK -->\n"
    html = draftlint("check", "-", "--stdin-filename", "drafts/page.html", "--format", "concise", cwd=tmp_path, stdin=page)
    assert html.returncode == 1
    assert html.stdout.splitlines() == [
        "drafts/page.html:1:6: warning [editorial.hype] hype word 'miracle': say what the evidence shows instead",
        "1 finding (1 warning) in 1 file",
    ]
    unnamed = draftlint("check", "-", "--format", "concise", cwd=tmp_path, stdin="TK\n")
    assert unnamed.stdout.splitlines()[0] == "<stdin>:1:1: error [editorial.placeholder] placeholder left in the draft: 'TK'"
    assert draftlint("check", "-", cwd=tmp_path, stdin=CLEAN).returncode == 0


def test_stdin_cannot_mix_with_paths(folder: Path) -> None:
    result = draftlint("check", "-", "a.md", cwd=folder, stdin="TK\n")
    assert (result.returncode, result.stderr) == (2, "draftlint: error: '-' (standard input) cannot be combined with other paths\n")
    named = draftlint("check", "a.md", "--stdin-filename", "x.md", cwd=folder)
    assert (named.returncode, named.stderr) == (2, "draftlint: error: --stdin-filename needs the path '-'\n")
