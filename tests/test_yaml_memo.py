"""Parsed YAML remembered by content: same data as a fresh parse, never stale, errors unchanged."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from linter import memo, schema
from linter.errors import RuleError
from linter.memo import MemoStore
from linter.schema import read_yaml


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MemoStore:
    """A private, empty store in place of the process-wide one."""
    fresh = MemoStore(tmp_path / "store.bin")
    monkeypatch.setattr(memo, "_STORE", fresh)
    return fresh


def test_a_remembered_file_is_read_back_without_the_parser(tmp_path: Path, store: MemoStore, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "rule.yaml"
    path.write_text("id: x.y\nentries: [a, 'b c', 3, 1.5, true, null]\nnested: {k: [1, 2]}\n", encoding="utf-8")
    first = read_yaml(path)
    assert first == {"id": "x.y", "entries": ["a", "b c", 3, 1.5, True, None], "nested": {"k": [1, 2]}}
    store.save()
    monkeypatch.setattr(memo, "_STORE", MemoStore(store.path))
    monkeypatch.setitem(sys.modules, "yaml", None)  # importing yaml now fails: the memo must answer
    first["entries"].append("changed by a caller")
    assert read_yaml(path) == {"id": "x.y", "entries": ["a", "b c", 3, 1.5, True, None], "nested": {"k": [1, 2]}}


def test_an_edited_file_is_parsed_again(tmp_path: Path, store: MemoStore) -> None:
    path = tmp_path / "rule.yaml"
    path.write_text("severity: error\n", encoding="utf-8")
    assert read_yaml(path) == {"severity": "error"}
    path.write_text("severity: warning\n", encoding="utf-8")
    assert read_yaml(path) == {"severity": "warning"}


def test_values_the_store_cannot_hold_are_parsed_every_time(tmp_path: Path, store: MemoStore) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("last_reviewed: 2026-01-31\n", encoding="utf-8")
    assert str(read_yaml(path)["last_reviewed"]) == "2026-01-31"
    assert str(read_yaml(path)["last_reviewed"]) == "2026-01-31"
    store.save()  # and the store still saves
    assert store.path is not None and store.path.is_file()


def test_a_syntax_error_names_the_line_and_is_never_remembered(tmp_path: Path, store: MemoStore) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("id: a\nentries: [unclosed\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(RuleError) as caught:
            read_yaml(path)
        assert "invalid YAML at line 3" in str(caught.value) and caught.value.path == str(path)
