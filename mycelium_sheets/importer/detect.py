"""Finding the tables in a sheet written by a person.

A sheet may hold titles and notes above a table, totals and remarks below
it, a header on two rows (a merged "Semaine 12" over "lun" and "mar"), and
several tables one under the other or side by side. Tables are separated by
a blank row or a blank column. In each block, the header is the first row
whose filled cells are all text and cover most of the block's width.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..model.units import normalise_label
from ..workbook.table import Sheet
from .values import clean_text, is_empty

# Words that open a row of totals or remarks under a table.
FOOTER_WORDS = ("total", "sous-total", "sous total", "somme", "totaux", "subtotal", "montant total", "reste a payer",
                "solde", "acomptes", "tva ")


@dataclass
class Table:
    """One table found in a sheet: its header, the rows below it and the rows left out.

    Row and column numbers are 0-based positions in the sheet. ``headers``
    contains one label per column, joining the two header rows when there are
    two; ``groups`` and ``labels`` keep the upper and lower parts apart for
    wide forms.
    """

    sheet: str
    header_rows: list[int]
    first_column: int
    columns: list[int]
    headers: list[str]
    groups: list[str]
    labels: list[str]
    rows: list[int] = field(default_factory=list)
    footer_rows: list[int] = field(default_factory=list)
    title: str = ""

    @property
    def header_row(self) -> int:
        return self.header_rows[-1]


def _filled(row: list, start: int, stop: int) -> list[int]:
    return [index for index in range(start, min(stop, len(row))) if not is_empty(row[index])]


def _is_label(value) -> bool:
    if isinstance(value, (int, float, dt.date, dt.time)) or isinstance(value, bool):
        return False
    text = clean_text(value)
    try:
        float(text.replace(",", ".").replace(" ", ""))
        return False
    except ValueError:
        return True


def _blocks(sheet: Sheet) -> list[tuple[int, int]]:
    """Return (first, last) row ranges of consecutive rows that hold something."""
    blocks, start = [], None
    for index, row in enumerate(sheet.rows):
        empty = all(is_empty(value) for value in row)
        if not empty and start is None:
            start = index
        elif empty and start is not None:
            blocks.append((start, index - 1))
            start = None
    if start is not None:
        blocks.append((start, len(sheet.rows) - 1))
    return blocks


def _column_ranges(sheet: Sheet, first: int, last: int) -> list[tuple[int, int]]:
    """Split a block of rows at columns that are blank in every row of it."""
    width = max((len(sheet.rows[index]) for index in range(first, last + 1)), default=0)
    used = [any(not is_empty(sheet.value(row, column)) for row in range(first, last + 1)) for column in range(width)]
    ranges, start = [], None
    for column, filled in enumerate(used + [False]):
        if filled and start is None:
            start = column
        elif not filled and start is not None:
            ranges.append((start, column - 1))
            start = None
    return ranges


def _header_row(sheet: Sheet, first: int, last: int, left: int, right: int) -> int | None:
    width = right - left + 1
    for index in range(first, last):
        row = sheet.rows[index]
        cells = _filled(row, left, right + 1)
        if len(cells) < 2 or len(cells) < width * 0.4:
            continue
        if all(_is_label(row[cell]) for cell in cells):
            return index
    return None


def _merged_over(sheet: Sheet, row: int, left: int, right: int) -> dict[int, int]:
    """Return, for each column a merged cell of this row spans, the column holding its text."""
    spans = {}
    for first_row, first_column, last_row, last_column in sheet.merged:
        if first_row <= row <= last_row:
            for column in range(max(first_column, left), min(last_column, right) + 1):
                spans[column] = first_column
    return spans


def _second_header_row(sheet: Sheet, header: int, last: int, left: int, right: int) -> bool:
    """True when the row under the header is a second header row.

    It is when the upper row has gaps (a label spans several columns, by a
    merged cell or by leaving the cells to its right empty), the row under
    it fills those gaps with labels, and data follows.
    """
    if header + 2 > last:
        return False
    upper = sheet.rows[header]
    lower = sheet.rows[header + 1]
    lower_cells = _filled(lower, left, right + 1)
    if len(lower_cells) < 2 or not all(_is_label(lower[cell]) for cell in lower_cells):
        return False
    merged = _merged_over(sheet, header, left, right)
    gaps = [column for column in lower_cells if is_empty(sheet.value(header, column))]
    spanned = [column for column in lower_cells if merged.get(column, column) != column]
    if not gaps and not spanned:
        return False
    # The row after must look like data: at least one value that is not a label.
    data = sheet.rows[header + 2]
    data_cells = _filled(data, left, right + 1)
    return any(not _is_label(data[cell]) for cell in data_cells) or len(upper) > 0 and len(gaps) >= 1


def _is_footer(sheet: Sheet, row: int, left: int, right: int, width: int) -> bool:
    cells = _filled(sheet.rows[row], left, right + 1)
    if not cells:
        return True
    for cell in cells[:2]:
        value = sheet.rows[row][cell]
        if isinstance(value, str) and normalise_label(value).startswith(FOOTER_WORDS):
            return True
    # A single line of text under a wide table is a remark, not a record.
    return len(cells) == 1 and width >= 3 and _is_label(sheet.rows[row][cells[0]]) and cells[0] != left


def find_tables(sheet: Sheet) -> list[Table]:
    """Return every table of a sheet, top to bottom and left to right."""
    tables = []
    title = ""
    for first, last in _blocks(sheet):
        ranges = _column_ranges(sheet, first, last)
        if ranges and tables and _continues(tables, sheet, first, last, ranges[0][0], ranges[-1][1]) and all(
            _header_row(sheet, first, last, left, right) is None for left, right in ranges
        ):
            # Rows set apart by a blank row under a table, with no header of
            # their own, are more records of that table.
            tables[-1].rows.extend(range(first, last + 1))
            continue
        for left, right in ranges:
            header = _header_row(sheet, first, last, left, right)
            if header is None:
                text = " ".join(clean_text(value) for value in sheet.rows[first] if not is_empty(value))
                title = text or title
                continue
            table = _build(sheet, header, first, last, left, right)
            if header > first:
                title = " ".join(
                    clean_text(value) for index in range(first, header) for value in sheet.rows[index] if not is_empty(value)
                )
            table.title = title
            if table.rows:
                tables.append(table)
            title = ""
    return tables


def _continues(tables: list[Table], sheet: Sheet, first: int, last: int, left: int, right: int) -> bool:
    if not tables or tables[-1].sheet != sheet.name or tables[-1].footer_rows:
        return False
    table = tables[-1]
    if left < table.first_column or right > table.columns[-1]:
        return False
    widths = [len(_filled(sheet.rows[row], left, right + 1)) for row in range(first, last + 1)]
    return min(widths) >= 2


def _build(sheet: Sheet, header: int, first: int, last: int, left: int, right: int) -> Table:
    header_rows = [header]
    if _second_header_row(sheet, header, last, left, right):
        header_rows.append(header + 1)

    columns = [column for column in range(left, right + 1)
               if any(not is_empty(sheet.value(row, column)) for row in header_rows)]
    groups, labels, headers = [], [], []
    merged = _merged_over(sheet, header, left, right)
    current_group = ""
    for column in columns:
        upper = sheet.value(header, merged.get(column, column))
        if len(header_rows) == 2:
            if not is_empty(upper):
                current_group = clean_text(upper)
            lower = sheet.value(header + 1, column)
            label = clean_text(lower) if not is_empty(lower) else ""
            group = current_group if label else ""
            if not label:
                label, group = current_group, ""
        else:
            group, label = "", clean_text(upper)
        groups.append(group)
        labels.append(label)
        headers.append(f"{group} {label}".strip())

    table = Table(sheet.name, header_rows, left, columns, headers, groups, labels)
    width = len(columns)
    data_start = header_rows[-1] + 1
    body = list(range(data_start, last + 1))
    # Totals and remarks sit at the bottom: cut from the first footer row on.
    for position, row in enumerate(body):
        if _is_footer(sheet, row, left, right, width):
            table.rows = body[:position]
            table.footer_rows = body[position:]
            break
    else:
        table.rows = body
    return table
