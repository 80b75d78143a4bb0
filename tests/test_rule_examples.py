"""Every rule and lexicon file's own examples: fail cases must be flagged (at the stated span), pass cases not."""

from __future__ import annotations

import pytest

from linter import lint_text
from linter.config import Config
from linter.examples import Example
from linter.ruleset import lexicon_examples, load_ruleset

RULESET = load_ruleset()
CASES = [
    pytest.param(check.meta.id, example, id=f"{check.meta.id}-{'fail' if example.should_fail else 'pass'}{i}")
    for check in RULESET.checks
    for i, example in enumerate(check.meta.examples)
]
# Lexicon files are shared by several rules; each of their examples names the rule it exercises.
LEXICON_CASES = [
    pytest.param(example.rule, example, id=f"{path.stem}-lexicon-{'fail' if example.should_fail else 'pass'}{i}")
    for i, (path, example) in enumerate(lexicon_examples())
]


def test_every_rule_has_fail_and_pass_examples() -> None:
    for check in RULESET.checks:
        kinds = {example.should_fail for example in check.meta.examples}
        assert kinds == {True, False}, check.meta.id


def test_every_lexicon_example_names_a_known_rule() -> None:
    known = {check.meta.id for check in RULESET.checks}
    assert LEXICON_CASES and all(case.values[0] in known for case in LEXICON_CASES)


@pytest.mark.parametrize(("rule_id", "example"), CASES + LEXICON_CASES)
def test_rule_example(rule_id: str, example: Example) -> None:
    config = Config(select=(rule_id,), extend_select=(rule_id,))
    findings = [f for f in lint_text(example.text, format=example.format, config=config) if f.rule == rule_id]
    if not example.should_fail:
        assert findings == [], f"{rule_id} flagged a pass example: {[f.excerpt for f in findings]}"
        return
    assert findings, f"{rule_id} missed a fail example: {example.text!r}"
    if example.span is not None:
        offset = example.text.index(example.span)
        line = example.text.count("\n", 0, offset) + 1
        column = offset - (example.text.rfind("\n", 0, offset) + 1) + 1
        assert [(f.excerpt, f.line, f.column) for f in findings][:1] == [(example.span, line, column)]
