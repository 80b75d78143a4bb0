"""Table rows read from the raw text: a Markdown row's cells and the header row above a line, and
an HTML table's header row (its first row of <th> cells) above an offset."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from linter.document import Document

_TABLE_DELIMITER = re.compile(r"\s*\|?\s*:?-{3,}")
_HTML_TABLE_CLOSE = re.compile(r"</table\s*>", re.IGNORECASE)
# a header row: <tr> whose first cell is a <th>, up to its </tr>
_HTML_HEADER_ROW = re.compile(r"<tr\b[^>]*>\s*(<th\b.*?)</tr\s*>", re.IGNORECASE | re.DOTALL)
_HTML_CELL_TEXT = re.compile(r"<t[hd]\b[^>]*>\s*", re.IGNORECASE)
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


class TableHeaders:
    """The header rows of one text's tables, found once per table line: the claim scan and the
    dose reader both ask for them, cell after cell (`table_headers` gives both the same one)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._rows: dict[int, tuple[int, int] | None] = {}  # a line's start -> its table's header row

    def of_row(self, line_start: int) -> tuple[int, int] | None:
        """`header_row(text, line_start)`, remembered."""
        if line_start not in self._rows:
            self._rows[line_start] = header_row(self.text, line_start)
        return self._rows[line_start]

    def cell_over(self, offset: int) -> tuple[int, int] | None:
        """The span of the header cell over the body cell holding `offset`; None outside a
        table, on its header row, or past the header's last cell."""
        row = self.text.rfind("\n", 0, offset) + 1
        header = self.of_row(row)
        if header is None or header[0] == row:
            return None
        return header_cell(self.text, row, offset, header)

    def column_says(self, offset: int, words: regex.Pattern[str]) -> bool:
        """Whether the header cell over the cell holding `offset`, in a Markdown or an HTML table,
        holds something `words` finds ("| When |", "<th>Watch out for</th>")."""
        cell = self.cell_over(offset) or html_cell_over(self.text, offset)
        return cell is not None and words.search(self.text, *cell) is not None


def table_headers(doc: Document) -> TableHeaders:
    """The draft's TableHeaders, one per document whichever rule kind asks first."""
    return doc.derived("table headers", lambda: TableHeaders(doc.text))


def header_cell(text: str, row: int, offset: int, header: tuple[int, int]) -> tuple[int, int] | None:
    """The span of the header cell over the cell holding `offset` in the row that starts at
    `row`; None when the row has more cells than its header."""
    column = len(row_cells(text, row, offset)) - 1  # the cells before the one holding `offset`
    cells = row_cells(text, *header)
    return cells[column] if 0 <= column < len(cells) else None


def html_header_row(text: str, offset: int) -> tuple[int, int] | None:
    """The span of the cells of the header row (<tr><th>...) of the HTML table holding `offset`,
    from its first cell's text; None outside a table or in a table with no header row before it."""
    # read back from the offset, not forward from the top: a page may hold many tables
    opened = _last_tag(_HTML_TABLE_BEFORE, text, offset)
    if opened < 0 or _HTML_TABLE_CLOSE.search(text, opened, offset) is not None:
        return None
    row = _HTML_HEADER_ROW.search(text, opened, offset)
    if row is None:
        return None
    first = _HTML_CELL_TEXT.match(text, row.start(1), row.end(1))
    return (first.end() if first is not None else row.start(1)), row.end(1)


_HTML_ROW_CLOSE = re.compile(r"</tr\s*>", re.IGNORECASE)
# The last opening tag before an offset, in any case ("<tr", "<TR", "<Tr"): `regex` searches
# backwards from the offset, so a long page is not read from its top, nor lower-cased.
_HTML_ROW_BEFORE = regex.compile(r"(?r)<tr\b", regex.IGNORECASE)
_HTML_TABLE_BEFORE = regex.compile(r"(?r)<table\b", regex.IGNORECASE)


def _last_tag(pattern: regex.Pattern[str], text: str, offset: int) -> int:
    """The offset of the last match of a backward `pattern` that starts before `offset`, or -1."""
    found = pattern.search(text, 0, offset)
    return found.start() if found is not None else -1


def html_cell_over(text: str, offset: int) -> tuple[int, int] | None:
    """The span of the header cell (<th>) over the HTML body cell holding `offset`, counting the
    cells before it in its row; None outside an HTML table, on its header row, or past its last
    header cell."""
    header = html_header_row(text, offset)
    if header is None:
        return None
    row_start = row_span(text, offset)[0]
    if row_start <= header[0]:
        return None
    column = len(_HTML_CELL_TEXT.findall(text, row_start, offset)) - 1
    tags = list(_HTML_CELL_TEXT.finditer(text, header[0], header[1]))
    starts = [header[0]] + [m.end() for m in tags]
    ends = [m.start() for m in tags] + [header[1]]
    if not 0 <= column < len(starts):
        return None
    start, end = starts[column], ends[column]
    closing = text.rfind("</", start, end)  # up to the cell's closing tag, if it has one
    return start, closing if closing >= 0 else end


def row_span(text: str, offset: int) -> tuple[int, int]:
    """The span of the table row holding the cell at `offset`: its Markdown line, or its HTML
    <tr> up to </tr> (an HTML cell outside any open row spans only its own line)."""
    line = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line_end = len(text) if line_end < 0 else line_end
    if _LEADING_BAR.match(text, line) is not None:
        return line, line_end
    opened = _last_tag(_HTML_ROW_BEFORE, text, offset)
    if opened < 0 or _HTML_ROW_CLOSE.search(text, opened, offset) is not None:
        return line, line_end
    closed = _HTML_ROW_CLOSE.search(text, offset)
    return opened, closed.end() if closed is not None else line_end
