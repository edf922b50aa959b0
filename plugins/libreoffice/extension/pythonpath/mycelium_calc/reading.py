"""Reading the open document into ``mycelium_sheets.workbook.table.Workbook``.

Each sheet is read with one ``getDataArray`` call over its used area, which
is about a hundred times faster than reading cell by cell. The array holds
numbers and strings only, so cells formatted as dates, times or booleans are
found from the sheet's format ranges and converted, to give the same values
as the file readers of the command line (``date``, ``datetime``, ``time``,
``bool``; other numbers as ``float``; empty cells as ``None``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mycelium_sheets.workbook.marks import PROPERTY, split_names
from mycelium_sheets.workbook.table import Sheet, Workbook

# com.sun.star.util.NumberFormat bits.
DATE_BIT = 2
TIME_BIT = 4
LOGICAL_BIT = 1024

# Spreadsheet day 0 when the document does not say otherwise (LibreOffice and Excel default).
DEFAULT_NULL_DATE = dt.date(1899, 12, 30)


def serial_to_value(serial: float, kind: str, null_date: dt.date = DEFAULT_NULL_DATE):
    """Convert a spreadsheet serial number to a date, datetime or time, by the cell's kind."""
    days = int(serial // 1)
    # Rounded to the second: a serial number holds the time of day as a
    # binary fraction, so 08:30 comes back as 08:29:59.999…
    seconds = round((serial - days) * 86400)
    if seconds == 86400:
        days, seconds = days + 1, 0
    moment = dt.datetime.combine(null_date, dt.time()) + dt.timedelta(days=days, seconds=seconds)
    if kind == "date":
        return moment.date()
    if kind == "time":
        return moment.time()
    return moment


def clean_array(array, kinds: dict[tuple[int, int], str] | None = None, null_date: dt.date = DEFAULT_NULL_DATE) -> list[list]:
    """Turn a ``getDataArray`` result into the rows of a ``Sheet``.

    ``kinds`` maps the (row, column) of number cells shown as dates, times
    or booleans to "date", "datetime", "time" or "bool". Empty strings become
    None, trailing empty cells and trailing empty rows are dropped.
    """
    kinds = kinds or {}
    rows: list[list] = []
    for row_index, raw_row in enumerate(array):
        row = []
        for column_index, value in enumerate(raw_row):
            if isinstance(value, str):
                row.append(value if value != "" else None)
                continue
            kind = kinds.get((row_index, column_index))
            if kind == "bool":
                row.append(value != 0)
            elif kind in ("date", "datetime", "time"):
                row.append(serial_to_value(value, kind, null_date))
            else:
                row.append(float(value))
        while row and row[-1] is None:
            row.pop()
        rows.append(row)
    while rows and not rows[-1]:
        rows.pop()
    return rows


def format_kind(format_type: int) -> str | None:
    """Return "date", "datetime", "time" or "bool" for a NumberFormat type, None for plain numbers."""
    if format_type & LOGICAL_BIT:
        return "bool"
    if format_type & DATE_BIT and format_type & TIME_BIT:
        return "datetime"
    if format_type & DATE_BIT:
        return "date"
    if format_type & TIME_BIT:
        return "time"
    return None


def _used_area(sheet) -> tuple[int, int] | None:
    """Return the last used (row, column) of a sheet, or None when it is empty."""
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    address = cursor.getRangeAddress()
    if address.EndRow == 0 and address.EndColumn == 0 and sheet.getCellByPosition(0, 0).getType().value == "EMPTY":
        return None
    return address.EndRow, address.EndColumn


def _special_cells(cell_range, number_formats) -> dict[tuple[int, int], str]:
    """Return the kind of every cell of a range whose number format is a date, time or boolean."""
    kinds: dict[tuple[int, int], str] = {}
    origin = cell_range.getRangeAddress()
    format_kinds: dict[int, str | None] = {}
    ranges = cell_range.getCellFormatRanges()
    for index in range(ranges.getCount()):
        part = ranges.getByIndex(index)
        key = part.NumberFormat
        if key not in format_kinds:
            number_format = number_formats.getByKey(key)
            format_kinds[key] = format_kind(number_format.Type) if number_format is not None else None
        kind = format_kinds[key]
        if kind is None:
            continue
        address = part.getRangeAddress()
        for row in range(address.StartRow, address.EndRow + 1):
            for column in range(address.StartColumn, address.EndColumn + 1):
                kinds[(row - origin.StartRow, column - origin.StartColumn)] = kind
    return kinds


def null_date(document) -> dt.date:
    value = document.NullDate
    return dt.date(value.Year, value.Month, value.Day)


def document_path(document) -> Path:
    """Return the file of the document, or its title when it was never saved."""
    import uno

    url = document.getURL()
    if url.startswith("file:"):
        return Path(uno.fileUrlToSystemPath(url))
    return Path(document.getTitle() or "untitled")


def read_sheet(sheet, number_formats, day_zero: dt.date = DEFAULT_NULL_DATE) -> Sheet:
    end = _used_area(sheet)
    rows: list[list] = []
    if end is not None:
        cell_range = sheet.getCellRangeByPosition(0, 0, end[1], end[0])
        rows = clean_array(cell_range.getDataArray(), _special_cells(cell_range, number_formats), day_zero)
    # NOTE: merged areas are not read; getDataArray already gives the value
    # in the top-left cell and empty covered cells, as the file readers do.
    return Sheet(name=sheet.getName(), rows=rows, hidden=not sheet.IsVisible)


def read_marks(document) -> list[str]:
    """Return the engine sheet names recorded in the document's ``MyceliumEngineSheets`` property."""
    properties = document.getDocumentProperties().getUserDefinedProperties()
    if not properties.getPropertySetInfo().hasPropertyByName(PROPERTY):
        return []
    value = properties.getPropertyValue(PROPERTY)
    return split_names(value) if isinstance(value, str) else []


def read_document(document, only: set[str] | None = None) -> Workbook:
    """Read every sheet of a spreadsheet document (or only those named) into a Workbook."""
    path = document_path(document)
    number_formats = document.getNumberFormats()
    day_zero = null_date(document)
    workbook = Workbook(path=path, format=path.suffix.lstrip(".").lower() or "ods")
    sheets = document.getSheets()
    for name in sheets.getElementNames():
        if only is not None and name not in only:
            continue
        workbook.sheets[name] = read_sheet(sheets.getByName(name), number_formats, day_zero)
    workbook.engine_sheets = set(read_marks(document))
    return workbook
