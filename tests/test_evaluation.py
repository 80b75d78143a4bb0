"""The annotated evaluation set: precision and recall per category must meet the project's bar."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.evaluation import EVALUATED, evaluate, format_scores

EVAL_DIR = Path(__file__).parent / "eval"
# The bar on unseen drafts (issues 3-5); our own set must clear it with room to spare.
TARGETS = {
    "claims": (0.90, 0.85),
    "warnings": (1.0, 0.90),
    "dosing": (1.0, 1.0),
    "timing": (1.0, 1.0),
}


@pytest.fixture(scope="module")
def scores():  # type: ignore[no-untyped-def]
    return evaluate(EVAL_DIR)


@pytest.mark.parametrize("category", EVALUATED)
def test_category_meets_target(scores, category: str) -> None:  # type: ignore[no-untyped-def]
    tally = scores.by_category.get(category)
    if tally is None:
        pytest.fail(f"no evaluation drafts for {category}")
    precision, recall = TARGETS[category]
    report = format_scores(scores) + "\n" + "\n".join(tally.misses)
    assert tally.precision >= precision, report
    assert tally.recall >= recall, report
