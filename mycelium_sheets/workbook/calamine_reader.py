"""Cell values of .ods, .xlsx and .xls sheets through python-calamine.

calamine returns cached formula results, booleans, ``date`` for date cells
and ``datetime`` for date-time cells, percentages as fractions and currency
as numbers. Covered cells of a merged block come back empty, so columns never
shift. Empty cells come back as "" and are turned into None here.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import FileFormatError, Location
from ..i18n import _
from .table import Sheet


def load_sheets(path: Path, names: list[str] | None) -> list[Sheet]:
    """Read the sheets of a workbook, all of them or those named, in file order."""
    import python_calamine

    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
        try:
            return _read_sheets(workbook, names)
        finally:
            workbook.close()
    except python_calamine.PasswordError:
        raise FileFormatError(
            _("The workbook is protected by a password (encrypted), so it cannot be read."),
            location=Location(file=str(path)),
            remedy=_("Open it in LibreOffice or Excel, save it again without a password and try again."),
        ) from None
    except (python_calamine.CalamineError, ValueError, OSError) as error:
        raise FileFormatError(
            _("The workbook cannot be read ({reason}).").format(reason=error),
            location=Location(file=str(path)),
            remedy=_("Open it in LibreOffice or Excel and save it again as .ods or .xlsx, then try again."),
        ) from None


def _read_sheets(workbook, names: list[str] | None) -> list[Sheet]:
    import python_calamine

    wanted = set(names) if names is not None else None
    sheets = []
    for metadata in workbook.sheets_metadata:
        if metadata.typ != python_calamine.SheetTypeEnum.WorkSheet:
            continue
        if wanted is not None and metadata.name not in wanted:
            continue
        sheet = workbook.get_sheet_by_name(metadata.name)
        rows = clean_rows(sheet.to_python(skip_empty_area=False))
        merged = [(top, left, bottom, right) for (top, left), (bottom, right) in sheet.merged_cell_ranges or []]
        hidden = metadata.visible != python_calamine.SheetVisibleEnum.Visible
        sheets.append(Sheet(name=metadata.name, rows=rows, hidden=hidden, merged=merged))
    return sheets


def clean_rows(rows: list[list]) -> list[list]:
    """Turn "" into None, drop trailing empty cells of each row and trailing empty rows.

    Rows without any empty cell are kept as calamine built them, which makes
    a dense million-row sheet cheap to clean.
    """
    last_filled = -1
    for index, row in enumerate(rows):
        if "" not in row:
            if row:
                last_filled = index
            continue

        end = len(row)
        while end and row[end - 1] == "":
            end -= 1
        if end:
            last_filled = index
            rows[index] = [None if value == "" else value for value in row[:end]]
        else:
            rows[index] = []

    del rows[last_filled + 1 :]
    return rows
