"""Markdown front end: markdown-it-py finds the blocks, the inline scanner separates prose from markup."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from linter.document import Link, normalize_label
from linter.sources.builder import DocumentBuilder, blank
from linter.sources.front_matter import find_front_matter
from linter.sources.inline import mark_inline, normalize_references
from linter.sources.plaintext import read_plaintext

_BLOCK_OF_CONTAINER = {"list_item_open": "list_item", "blockquote_open": "quote"}
_CONTAINER_OPENERS = frozenset({"blockquote_open", "bullet_list_open", "ordered_list_open", "list_item_open"})
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# markdown-it silently drops everything nested deeper than this; such a draft is read as plain text.
MAX_NESTING = 100


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt  # imported on first Markdown draft only

    parser = MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING}).enable(["table", "strikethrough"])
    # Only block tokens, their line maps and raw inline content are used (the inline scanner
    # reads the source itself), so skip markdown-it's inline pass: it was most of the parse time.
    parser.disable("inline")
    return parser


def read_markdown(builder: DocumentBuilder) -> None:
    """Fill the builder from Markdown source."""
    text = builder.text
    source = text
    fm = find_front_matter(text)
    if fm is not None:
        if fm.error:
            builder.note("meta.front-matter", 0, fm.end or min(len(text), 3), fm.error)
        builder.front_matter = fm.data
        # Blank the front matter so markdown-it sees empty lines and line numbers stay put.
        source = blank(text[: fm.end]) + text[fm.end :]
    env: dict[str, Any] = {}
    problem = None
    try:
        tokens = _parser().parse(source, env)
    except RecursionError:
        problem = "Markdown nested too deeply to parse"
    else:
        if _too_deep(tokens):
            problem = f"Markdown nested more than {MAX_NESTING} levels deep"
    if problem is not None:
        # Never drop text silently: lint it all as plain text and say so.
        body = fm.end if fm is not None else 0
        builder.note("meta.parse", body, min(len(text), body + 1), f"{problem}; the draft was read as plain text")
        read_plaintext(builder, body)
        return
    line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
    references = normalize_references(env.get("references", {}))
    _walk(builder, tokens, line_starts, references)
    _definitions(builder, env.get("references", {}), line_starts)


def _too_deep(tokens: list[Any]) -> bool:
    """Whether markdown-it hit its nesting limit (a container whose content it then skipped)."""
    return any(t.type in _CONTAINER_OPENERS and t.level + 1 >= MAX_NESTING for t in tokens)


def _line_span(line_starts: list[int], text: str, first: int, last: int) -> tuple[int, int]:
    """Offsets of lines [first, last) without the final line break."""
    start = line_starts[first] if first < len(line_starts) else len(text)
    end = line_starts[last] if last < len(line_starts) else len(text)
    while end > start and text[end - 1] in "\r\n":
        end -= 1
    return start, end


def _walk(builder: DocumentBuilder, tokens: list[Any], line_starts: list[int], references: dict[str, str]) -> None:
    text = builder.text
    containers: list[str] = []
    heading = False
    cell_cursor: dict[int, int] = {}
    for token in tokens:
        kind = token.type
        if kind in _BLOCK_OF_CONTAINER:
            containers.append(_BLOCK_OF_CONTAINER[kind])
        elif kind in ("list_item_close", "blockquote_close"):
            if containers:
                containers.pop()
        elif kind == "heading_open":
            heading = True
        elif kind == "heading_close":
            heading = False
        elif kind == "html_block" and token.map:
            start, end = _line_span(line_starts, text, *token.map)
            _html_inside_markdown(builder, start, end)
        elif kind == "inline" and token.map:
            if token.level >= 4 and _in_table(containers, token):
                _table_cell(builder, token, line_starts, references, cell_cursor)
                continue
            block_kind = "heading" if heading else (containers[-1] if containers else "paragraph")
            _inline_block(builder, token, line_starts, references, block_kind, len(containers))


def _in_table(containers: list[str], token: Any) -> bool:
    # Table cells are the only inline tokens sitting at level 4 outside any container nesting.
    return token.level - 2 * len(containers) >= 4


def _inline_block(
    builder: DocumentBuilder,
    token: Any,
    line_starts: list[int],
    references: dict[str, str],
    block_kind: str,
    depth: int,
) -> None:
    """Map an inline token's content lines back onto source lines and keep them as one block."""
    text = builder.text
    first_line = token.map[0]
    block_start = block_end = -1
    for i, content_line in enumerate(token.content.split("\n")):
        line_no = first_line + i
        if line_no >= len(line_starts):
            break
        line_start, line_end = _line_span(line_starts, text, line_no, line_no + 1)
        source_line = text[line_start:line_end]
        stripped = content_line.strip()
        if not stripped:
            continue
        at = _locate(source_line, stripped)
        if at < 0:
            continue
        seg_start, seg_end = line_start + at, line_start + at + len(stripped)
        builder.keep(seg_start, seg_end)
        if block_start < 0:
            block_start = seg_start
        block_end = seg_end
    if block_start >= 0:
        mark_inline(builder, block_start, block_end, references)
        builder.add_block(block_kind, block_start, block_end, depth)


def _locate(source_line: str, content: str) -> int:
    """Where a content line sits in its source line: a suffix after block markers, else a search."""
    trimmed = source_line.rstrip()
    if trimmed.endswith(content):
        return len(trimmed) - len(content)
    return source_line.find(content)


def _table_cell(
    builder: DocumentBuilder,
    token: Any,
    line_starts: list[int],
    references: dict[str, str],
    cursor: dict[int, int],
) -> None:
    """A table cell: find its text in the row, left to right."""
    line_no = token.map[0]
    line_start, line_end = _line_span(line_starts, builder.text, line_no, line_no + 1)
    content = token.content.strip()
    position = cursor.get(line_no, line_start)
    if not content:
        return
    at = builder.text.find(content, position, line_end)
    if at < 0:
        return
    cursor[line_no] = at + len(content)
    builder.keep(at, at + len(content))
    mark_inline(builder, at, at + len(content), references)
    builder.add_block("table_cell", at, at + len(content))


def _html_inside_markdown(builder: DocumentBuilder, start: int, end: int) -> None:
    """An HTML block in Markdown: its visible text is prose too (callouts, asides)."""
    from linter.sources.html import read_html_range  # local: HTML parsing only when needed

    read_html_range(builder, start, end)


def _definitions(builder: DocumentBuilder, references: dict[str, Any], line_starts: list[int]) -> None:
    """Reference definitions (`[1]: https://...`): their targets are evidence for the label."""
    text = builder.text
    for label, value in references.items():
        line_map = value.get("map") if isinstance(value, dict) else None
        if not line_map:
            continue
        start, end = _line_span(line_starts, text, line_map[0], line_map[1])
        link = Link(value.get("href", ""), start, end)
        builder.links.append(link)
        builder.definitions[normalize_label(label)] = link
