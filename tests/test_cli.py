"""The command line end to end: exact output, exit codes, config discovery, rules and explain."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from linter import lint_paths, lint_text
from linter.config import Config

DRAFT = "# Sleep\n\nThis miracle herb works.\n\nTK\n"


def draftlint(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real command in a subprocess."""
    return subprocess.run([sys.executable, "-m", "linter", *args], cwd=cwd, capture_output=True, text=True, env=env)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "a.md").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def test_concise_output_is_exact(folder: Path) -> None:
    result = draftlint("check", "a.md", "--format", "concise", "--select", "editorial", cwd=folder)
    assert result.returncode == 1
    assert result.stdout == (
        "a.md:3:6: warning [editorial.hype] hype word 'miracle': say what the evidence shows instead\n"
        "a.md:5:1: error [editorial.placeholder] placeholder left in the draft: 'TK'\n"
        "2 findings (1 error, 1 warning) in 1 file\n"
    )
    assert result.stderr == ""


def test_rich_output_frames_the_span(folder: Path) -> None:
    result = draftlint("check", "a.md", "--select", "editorial.placeholder", "--color", "never", cwd=folder)
    assert result.returncode == 1
    assert result.stdout.splitlines()[:7] == [
        "error[editorial.placeholder]: placeholder left in the draft: 'TK'",
        " --> a.md:5:1",
        "  |",
        "5 | TK",
        "  | ^^",
        "  |",
        "  = help: fill in the missing text or remove the sentence before publishing",
    ]
    assert "Found 1 problem (1 error) in 1 file." in result.stdout


def test_json_output_has_every_contract_field(folder: Path) -> None:
    result = draftlint("check", "a.md", "--format", "json", "--select", "editorial", cwd=folder)
    document = json.loads(result.stdout)
    assert document["version"] == 1
    assert document["tool"]["name"] == "draftlint"
    assert document["summary"]["findings"] == 2
    first = document["findings"][0]
    assert set(first) == {"path", "rule", "category", "severity", "message", "line", "column", "end_line",
                          "end_column", "excerpt", "related", "suggestion", "data"}
    assert (first["rule"], first["line"], first["column"], first["end_line"], first["end_column"], first["excerpt"]) == (
        "editorial.hype", 3, 6, 3, 13, "miracle")


@pytest.mark.parametrize("findings", [0, 2])
def test_json_streamed_findings_write_the_same_document(findings: int) -> None:
    """The reporter makes each finding's dict as it writes it; the document is the one `as_dict`
    gives, byte for byte, with no findings as with some."""
    import io

    from linter.reporters import Report
    from linter.reporters.json_report import as_dict, report

    found = lint_text(DRAFT, path="a.md", config=Config(select=("editorial",)))[:findings]
    result = Report(findings=tuple(found), files=1, rules={}, fail_on="warning")
    out = io.StringIO()
    report(result, out)
    assert len(found) == findings
    assert out.getvalue() == json.dumps(as_dict(result), indent=2, ensure_ascii=False) + "\n"


def test_fail_on_error_ignores_warnings(folder: Path) -> None:
    assert draftlint("check", "a.md", "--select", "editorial.hype", "--fail-on", "error", cwd=folder).returncode == 0
    assert draftlint("check", "a.md", "--select", "editorial.hype", "--fail-on", "warning", cwd=folder).returncode == 1


def test_clean_draft_exits_zero(tmp_path: Path) -> None:
    (tmp_path / "ok.md").write_text("# Notes\n\nAdults need seven to nine hours of sleep.\n", encoding="utf-8")
    result = draftlint("check", ".", "--format", "concise", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert result.stdout == "0 findings in 1 file\n"


def test_config_is_found_by_walking_up(folder: Path) -> None:
    (folder / ".draftlint.yaml").write_text("ignore: [editorial.hype]\nseverity: {editorial.placeholder: info}\nfail_on: warning\n")
    nested = folder / "drafts" / "2026"
    nested.mkdir(parents=True)
    (nested / "b.md").write_text(DRAFT, encoding="utf-8")
    result = draftlint("check", "drafts", "--format", "concise", "--select", "editorial", cwd=folder)
    assert result.stdout.splitlines()[0] == "drafts/2026/b.md:5:1: info [editorial.placeholder] placeholder left in the draft: 'TK'"
    assert result.returncode == 0  # only an info finding remains, below the fail level


def test_bad_config_is_one_line_exit_2(folder: Path) -> None:
    (folder / ".draftlint.yaml").write_text("selekt: [claims]\n")
    result = draftlint("check", "a.md", cwd=folder)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert ".draftlint.yaml: unknown key 'selekt'" in result.stderr


def test_bad_rule_file_names_file_and_key(folder: Path) -> None:
    rules = folder / "house" / "editorial"
    rules.mkdir(parents=True)
    (rules / "bad.yaml").write_text(
        "id: editorial.bad\ncategory: editorial\nkind: pattern\nseverity: error\nmessage: m\nwhy: w\n"
        "patterns: ['(unclosed']\nexamples: [{fail: x}, {pass: y}]\n")
    (folder / ".draftlint.yaml").write_text("rules: [house]\n")
    result = draftlint("check", "a.md", cwd=folder)
    assert result.returncode == 2
    assert "bad.yaml: patterns[0] is not a valid pattern" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_kind_is_reported(folder: Path) -> None:
    rules = folder / "house" / "editorial"
    rules.mkdir(parents=True)
    (rules / "odd.yaml").write_text("id: editorial.odd\ncategory: editorial\nkind: telepathy\n")
    (folder / ".draftlint.yaml").write_text("rules: [house]\n")
    result = draftlint("check", "a.md", cwd=folder)
    assert result.returncode == 2
    assert "odd.yaml: key 'kind' is 'telepathy', which is not a rule kind" in result.stderr


def test_missing_path_exit_2(tmp_path: Path) -> None:
    result = draftlint("check", "nope.md", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == "draftlint: error: nope.md: no such file or folder (check the path)"


def test_rules_and_explain(folder: Path) -> None:
    listing = draftlint("rules", cwd=folder)
    assert listing.returncode == 0
    assert any(line.startswith("editorial.placeholder ") for line in listing.stdout.splitlines())
    explained = draftlint("explain", "editorial.hype", cwd=folder)
    assert explained.returncode == 0
    assert "Why" in explained.stdout and "This miracle herb will change your nights." in explained.stdout
    unknown = draftlint("explain", "editorial.hyp", cwd=folder)
    assert unknown.returncode == 2
    assert "did you mean editorial.hype" in unknown.stderr


def test_python_dash_m_and_version(folder: Path) -> None:
    result = draftlint("--version", cwd=folder)
    assert result.returncode == 0 and "draftlint" in result.stdout


def test_library_api(folder: Path) -> None:
    config = Config(select=("editorial",))
    findings = lint_text("A breakthrough! TODO", config=config)
    assert [(f.rule, f.column, f.excerpt) for f in findings] == [
        ("editorial.hype", 3, "breakthrough"), ("editorial.placeholder", 17, "TODO")]
    assert [f.rule for f in lint_paths([folder / "a.md"], config=config)] == ["editorial.hype", "editorial.placeholder"]


def test_suppression_of_unknown_rule_is_reported() -> None:
    findings = lint_text("<!-- draftlint-disable-next-line editorial.nope -->\nTK\n", config=Config(select=("editorial", "meta")))
    assert [(f.rule, f.line) for f in findings] == [("meta.unknown-rule", 1), ("editorial.placeholder", 2)]
