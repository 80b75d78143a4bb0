"""Every rule file's own examples: fail cases must be flagged (at the stated span), pass cases not."""

from __future__ import annotations

import pytest

from linter import lint_text
from linter.config import Config
from linter.ruleset import load_ruleset

RULESET = load_ruleset()
CASES = [
    pytest.param(check.meta, example, id=f"{check.meta.id}-{'fail' if example.should_fail else 'pass'}{i}")
    for check in RULESET.checks
    for i, example in enumerate(check.meta.examples)
]


def test_every_rule_has_fail_and_pass_examples() -> None:
    for check in RULESET.checks:
        kinds = {example.should_fail for example in check.meta.examples}
        assert kinds == {True, False}, check.meta.id


@pytest.mark.parametrize(("meta", "example"), CASES)
def test_rule_example(meta, example) -> None:  # type: ignore[no-untyped-def]
    config = Config(select=(meta.id,), extend_select=(meta.id,))
    findings = [f for f in lint_text(example.text, format=example.format, config=config) if f.rule == meta.id]
    if not example.should_fail:
        assert findings == [], f"{meta.id} flagged a pass example: {[f.excerpt for f in findings]}"
        return
    assert findings, f"{meta.id} missed a fail example: {example.text!r}"
    if example.span is not None:
        offset = example.text.index(example.span)
        line = example.text.count("\n", 0, offset) + 1
        column = offset - (example.text.rfind("\n", 0, offset) + 1) + 1
        assert [(f.excerpt, f.line, f.column) for f in findings][:1] == [(example.span, line, column)]
