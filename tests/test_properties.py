"""Property-based tests: for any text in any format, linting never raises and findings are sound."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter import lint_text
from linter.config import Config
from linter.document import Document, LineIndex, Link
from linter.finding import Finding
from linter.sources import parse_text

FORMATS = ("markdown", "text", "html")
MARKUP = ["#", "## ", ">", "> ", "- ", "* ", "1. ", "`", "```", "~~~", "<!--", "-->", "[x](y)", "[1]", "[1]: http://a.b",
          "|", "|---|", "&amp;", "&#1234;", "<p>", "</p>", "<li>", "<br>", "<script>", "</script>", "\r\n", "\r", "\n",
          "\n\n", "  ", "\t", "---\n", "é", "😀", "\u200b", "\ufeff", "\ufffd", "miracle", "cure", "3 mg", "e.g.", "Dr.",
          "U.S.", ". ", "!", "?", "_", "*", "**", "\\", "<", ">", "https://x.org/a_(b)", "www.x.com"]
markup_text = st.lists(st.one_of(st.sampled_from(MARKUP), st.text(max_size=8)), max_size=40).map("".join)
any_text = st.one_of(st.text(max_size=300), markup_text)
CONFIG = Config(select=("ALL",), extend_select=("ALL",))
DISABLE = re.compile(r"<!--\s*draftlint-disable\b")
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def offsets(text: str, finding: Finding) -> tuple[int, int]:
    """The finding's span converted back to character offsets with the document's line index."""
    lines, span = LineIndex(text), finding.span
    return lines.line_start(span.line) + span.column - 1, lines.line_start(span.end_line) + span.end_column - 1


@SETTINGS
@given(any_text, st.sampled_from(FORMATS))
def test_prose_keeps_length_and_line_breaks(text: str, fmt: str) -> None:
    doc = parse_text(text, fmt=fmt)
    assert len(doc.prose) == len(doc.text)
    assert [i for i, c in enumerate(doc.prose) if c in "\r\n"] == [i for i, c in enumerate(doc.text) if c in "\r\n"]
    for sentence in doc.sentences:
        assert 0 <= sentence.start < sentence.end <= len(text)


@SETTINGS
@given(any_text, st.sampled_from(FORMATS))
def test_findings_lie_inside_the_document_and_excerpts_match(text: str, fmt: str) -> None:
    for finding in lint_text(text, format=fmt, config=CONFIG):
        start, end = offsets(text, finding)
        assert 0 <= start <= end <= len(text), finding
        assert text[start:end] == finding.excerpt, finding


@SETTINGS
@given(any_text, st.sampled_from(("markdown", "html")))
def test_disabling_a_rule_removes_exactly_its_findings(text: str, fmt: str) -> None:
    if DISABLE.search(text) or "<!--" in text:  # the draft's own comments could interact with ours
        text = text.replace("<!--", "")
    if text.startswith("---"):  # front matter is read only at offset 0, where the header will go
        text = "\n" + text
    findings = lint_text(text, format=fmt, config=CONFIG)
    for rule in sorted({f.rule for f in findings if f.category != "meta"})[:2]:
        header = f"<!-- draftlint-disable {rule} -->\n\n"
        shifted = lint_text(header + text, format=fmt, config=CONFIG)
        expected = [(f.rule, f.excerpt) for f in findings if f.rule != rule]
        assert sorted((f.rule, f.excerpt) for f in shifted) == sorted(expected)


@SETTINGS
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)), max_size=12), st.integers(0, 80), st.integers(0, 30))
def test_links_in_finds_what_a_scan_would(spans: list[tuple[int, int]], start: int, width: int) -> None:
    """The bisecting lookup of a span's links (nested, overlapping or unsorted) agrees with a scan."""
    links = [Link(f"https://example.org/{i}", a, a + w) for i, (a, w) in enumerate(spans)]
    doc = Document("x.md", " " * 100, " " * 100, "markdown", [], [], links=links)
    end = start + width
    expected = sorted((link for link in links if link.start < end and link.end > start), key=lambda link: link.start)
    assert doc.links_in(start, end) == expected
