"""Markdown table rows read from the raw text: a row's cells and the header row above a line."""

from __future__ import annotations

import re

_TABLE_DELIMITER = re.compile(r"\s*\|?\s*:?-{3,}")
_LEADING_BAR = re.compile(r"[ \t]*\|")


def row_cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the cells of the table row text[start:end] (its outer pipes optional)."""
    bounds = [start - 1] + [i for i in range(start, end) if text[i] == "|"] + [end]
    cells = list(zip([b + 1 for b in bounds], bounds[1:]))
    if _LEADING_BAR.match(text, start):
        cells = cells[1:]
    return cells


def header_row(text: str, line_start: int) -> tuple[int, int] | None:
    """The span of the header row of the table whose line starts at `line_start`: the line above
    the delimiter row (|---|---|) found walking up; None when there is none."""
    while line_start > 0:
        previous = text.rfind("\n", 0, line_start - 1) + 1
        if _TABLE_DELIMITER.match(text, previous, line_start):
            return text.rfind("\n", 0, max(previous - 1, 0)) + 1, previous
        line_start = previous
    return None


def header_cell(text: str, row: int, offset: int, header: tuple[int, int]) -> tuple[int, int] | None:
    """The span of the header cell over the cell holding `offset` in the row that starts at
    `row`; None when the row has more cells than its header."""
    column = len(row_cells(text, row, offset)) - 1  # the cells before the one holding `offset`
    cells = row_cells(text, *header)
    return cells[column] if 0 <= column < len(cells) else None
