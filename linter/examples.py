"""Self-tests carried by rule and lexicon files: text that must, or must not, be flagged."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from linter.errors import RuleError
from linter.schema import Field


@dataclass(frozen=True)
class Example:
    """A self-test carried by a rule or lexicon file: text that must (fail) or must not (pass) be flagged."""

    text: str
    should_fail: bool
    format: str = "markdown"
    span: str | None = None  # for fail examples: the exact excerpt the finding must cover
    rule: str | None = None  # in a lexicon file: the rule whose findings the example shows


EXAMPLE_FIELDS: dict[str, Field] = {
    "fail": Field(str, help="text the rule must flag"),
    "pass": Field(str, help="text the rule must not flag"),
    "format": Field(str, default="markdown", choices=("markdown", "text", "html")),
    "span": Field(str, help="for a fail example: the exact text the finding covers"),
}
# A lexicon file is shared by several rules, so each of its examples names the rule it exercises.
LEXICON_EXAMPLES = Field(list, default=[], fields={
    **EXAMPLE_FIELDS, "rule": Field(str, required=True, help="the rule whose findings this example shows"),
})


def build_examples(items: list[dict[str, Any]], source: str) -> tuple[Example, ...]:
    """Validated `examples` entries as Examples; at least one fail and one pass case are required."""
    examples = []
    for index, item in enumerate(items):
        has_fail, has_pass = item["fail"] is not None, item["pass"] is not None
        if has_fail == has_pass:
            raise RuleError(f"key 'examples[{index}]' needs exactly one of 'fail' or 'pass'", source)
        text = item["fail"] if has_fail else item["pass"]
        examples.append(Example(text, has_fail, item["format"], item["span"], item.get("rule")))
    if not any(e.should_fail for e in examples) or not any(not e.should_fail for e in examples):
        raise RuleError("key 'examples' needs at least one fail and one pass example", source)
    return tuple(examples)
