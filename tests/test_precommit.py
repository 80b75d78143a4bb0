"""The real pre-commit hook: `pre-commit try-repo` installs draftlint from this checkout and runs it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
BAD = "# Melatonin\n\nThis miracle pill works. TK\n"
CLEAN = "# Melatonin\n\nMelatonin is a hormone the brain makes in the evening.\n"


def _pre_commit() -> str | None:
    """The pre-commit beside this interpreter (the test venv), else the one on PATH."""
    return shutil.which("pre-commit", path=os.path.dirname(sys.executable)) or shutil.which("pre-commit")


pytestmark = pytest.mark.skipif(shutil.which("git") is None or _pre_commit() is None, reason="needs git and pre-commit")
_NOT_SOURCE = shutil.ignore_patterns(".git", "__pycache__", "*.pyc", ".pytest_cache", ".hypothesis", "*.egg-info",
                                     ".draftlint_cache", ".venv", "venv", "build", "dist")


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args], cwd=cwd, check=True,
                   capture_output=True)


def _snapshot(dest: Path) -> Path:
    """This checkout's working tree (tracked and new files, not ignored ones) committed in a new repo.

    `try-repo` on the checkout itself would only see committed files plus edits to tracked ones, so
    a hook manifest that is not committed yet would be invisible to it.
    """
    listing = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                             cwd=REPO_ROOT, capture_output=True)
    if listing.returncode != 0:  # not a git checkout (an unpacked sdist): copy the source tree
        shutil.copytree(REPO_ROOT, dest, ignore=_NOT_SOURCE)
    else:
        for name in filter(None, listing.stdout.decode().split("\0")):
            source = REPO_ROOT / name
            if source.is_file():
                (dest / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, dest / name)
    _git("init", "-q", cwd=dest)
    _git("add", "-A", cwd=dest)
    _git("commit", "-q", "-m", "snapshot", cwd=dest)
    return dest


def test_manifest_declares_the_hook() -> None:
    hooks = yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = {h["id"]: h for h in hooks}["draftlint"]
    assert hook["entry"] == "draftlint check"
    assert hook["language"] == "python"
    assert hook["types_or"] == ["markdown", "plain-text", "html"]
    assert hook["require_serial"] is True
    assert hook["minimum_pre_commit_version"] == "2.9.0"
    example = yaml.safe_load((REPO_ROOT / "examples" / "pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert example["repos"][0]["hooks"][0]["id"] == "draftlint"


def test_try_repo_fails_on_a_bad_draft_and_passes_on_a_clean_one(tmp_path: Path) -> None:
    hook_repo = _snapshot(tmp_path / "hook-repo")
    project = tmp_path / "project"
    project.mkdir()
    (project / "bad.md").write_text(BAD, encoding="utf-8")
    (project / "clean.md").write_text(CLEAN, encoding="utf-8")
    _git("init", "-q", cwd=project)
    _git("add", "-A", cwd=project)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "PRE_COMMIT_COLOR": "never"}

    def try_repo(*files: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(_pre_commit()), "try-repo", str(hook_repo), "draftlint", "--color", "never",
                               "--files", *files], cwd=project, env=env, capture_output=True, text=True, timeout=600)

    bad = try_repo("bad.md")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "bad.md:3:6: warning [editorial.hype] hype word 'miracle'" in bad.stdout
    assert "bad.md:3:26: error [editorial.placeholder] placeholder left in the draft: 'TK'" in bad.stdout
    assert "Failed" in bad.stdout
    clean = try_repo("clean.md")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout
