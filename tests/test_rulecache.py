"""The compiled rule set kept between processes: reused when nothing changed, rebuilt when anything did."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter import engine, lint_text, rulecache
from linter.document import Document
from linter.sources import parse_text
from linter.errors import RuleError
from linter.ruleset import RuleSet

RULE = """id: editorial.house-word
category: editorial
kind: pattern
severity: warning
message: "house word '{match}'"
why: The house style avoids this word.
patterns: ['{word}']
examples:
  - fail: "It is {word}."
    span: "{word}"
  - pass: "It is fine."
"""


@pytest.fixture
def builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Point the store at an empty folder and count the rule-set builds that really happen."""
    monkeypatch.setenv("DRAFTLINT_PATTERN_CACHE", str(tmp_path / "store"))
    monkeypatch.setattr(rulecache, "_IN_PROCESS", {})
    monkeypatch.setattr(engine, "_LINTERS", {})
    count: list[int] = []
    real = rulecache.load_ruleset

    def counting(*args: object) -> RuleSet:
        count.append(1)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(rulecache, "load_ruleset", counting)
    return count


def house_rules(folder: Path, word: str) -> Path:
    """A publisher rule folder with one pattern rule flagging `word`."""
    (folder / "editorial").mkdir(parents=True, exist_ok=True)
    (folder / "editorial" / "house-word.yaml").write_text(RULE.replace("{word}", word), encoding="utf-8")
    return folder


def read_text(text: str) -> Document:
    return parse_text(text, "draft.md", "markdown")


def new_process() -> None:
    """Forget what this process built, as a new pre-commit run would start."""
    rulecache._IN_PROCESS.clear()
    engine._LINTERS.clear()


def stored(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "store").glob("ruleset-*.pickle"))


def test_a_second_build_of_the_same_rules_is_read_from_the_store(tmp_path: Path, builds: list[int]) -> None:
    first = rulecache.cached_ruleset()
    assert rulecache.cached_ruleset() is first  # the same process keeps its set
    new_process()
    second = rulecache.cached_ruleset()
    assert second is not first and len(builds) == 1 and len(stored(tmp_path)) == 1
    assert [c.meta.id for c in second.checks] == [c.meta.id for c in first.checks]


def test_findings_from_a_stored_rule_set_are_those_of_a_built_one(tmp_path: Path, builds: list[int]) -> None:
    draft = "# Sleep\n\nMelatonin cures insomnia. Take 3 mg an hour before bed.\n\nTake 10 mg of melatonin two hours before bed.\n"
    built = lint_text(draft)
    new_process()
    read_back = lint_text(draft)
    assert len(builds) == 1
    assert [(f.rule, f.line, f.column, f.message) for f in read_back] == [(f.rule, f.line, f.column, f.message) for f in built]
    assert {f.rule for f in built} >= {"claims.disease-claim", "dosing.inconsistent-dose", "timing.inconsistent-timing"}


def test_an_edited_rule_file_is_compiled_again(tmp_path: Path, builds: list[int]) -> None:
    folder = house_rules(tmp_path / "house", "utilise")
    before = rulecache.cached_ruleset((folder,)).by_id()["editorial.house-word"]
    new_process()
    rulecache.cached_ruleset((folder,))
    house_rules(folder, "leverage")
    after = rulecache.cached_ruleset((folder,)).by_id()["editorial.house-word"]
    assert len(builds) == 2
    assert [f.excerpt for f in before.check(read_text("We utilise it. We leverage it."))] == ["utilise"]
    assert [f.excerpt for f in after.check(read_text("We utilise it. We leverage it."))] == ["leverage"]


def test_a_corrupt_store_file_means_a_rebuild_never_an_error(tmp_path: Path, builds: list[int]) -> None:
    rulecache.cached_ruleset()
    (path,) = stored(tmp_path)
    path.write_bytes(b"\x80\x05not a pickle at all")
    new_process()
    assert rulecache.cached_ruleset().checks
    assert len(builds) == 2


def test_a_rule_file_with_an_error_raises_and_is_never_stored(tmp_path: Path, builds: list[int]) -> None:
    folder = house_rules(tmp_path / "house", "utilise")
    (folder / "editorial" / "house-word.yaml").write_text("id: editorial.house-word\nkind: nonsense\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(RuleError):
            rulecache.cached_ruleset((folder,))
    assert stored(tmp_path) == []


def test_the_store_can_be_turned_off(tmp_path: Path, builds: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAFTLINT_PATTERN_CACHE", "off")
    rulecache.cached_ruleset()
    new_process()
    rulecache.cached_ruleset()
    assert len(builds) == 2 and stored(tmp_path) == []


def test_only_the_newest_few_rule_sets_are_kept(tmp_path: Path, builds: list[int]) -> None:
    for index in range(rulecache.KEPT + 2):
        rulecache.cached_ruleset(settings={"house_setting": index})
    assert len(stored(tmp_path)) == rulecache.KEPT
    assert len(rulecache._IN_PROCESS) == rulecache.KEPT
    # the process keeps the sets it used last, not the ones it built first
    rulecache.cached_ruleset(settings={"house_setting": 2})
    rulecache.cached_ruleset(settings={"house_setting": rulecache.KEPT + 2})  # built: the oldest use goes
    rulecache.cached_ruleset(settings={"house_setting": 2})  # used just before: still held (its file is gone)
    assert len(builds) == rulecache.KEPT + 3
