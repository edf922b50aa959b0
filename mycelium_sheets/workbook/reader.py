"""``read_workbook``: one entry point for .ods, .xlsx, .xlsm, .xls and .csv files."""

from __future__ import annotations

from pathlib import Path

from . import calamine_reader, ods_reader, xlsx_reader
from .csv_reader import read_csv
from .package import check_spreadsheet, open_zip
from .table import Workbook


def read_workbook(path, sheets: list[str] | None = None) -> Workbook:
    """Read a workbook's sheets (all, or those named) with exact cell values.

    Raises FileFormatError when the file is missing, is not a spreadsheet,
    is encrypted or damaged. Formula cells saved without a result become
    warnings in ``Workbook.warnings``.
    """
    path = Path(path)
    fmt = check_spreadsheet(path)
    workbook = Workbook(path=path, format=fmt)

    if fmt == "csv":
        sheet = read_csv(path)
        workbook.sheets[sheet.name] = sheet
        return workbook

    for sheet in calamine_reader.load_sheets(path, sheets):
        workbook.sheets[sheet.name] = sheet

    if fmt in ("ods", "xlsx"):
        module = ods_reader if fmt == "ods" else xlsx_reader
        wanted = set(sheets) if sheets is not None else None
        with open_zip(path) as archive:
            workbook.engine_sheets = module.read_engine_sheets(path, archive)
            workbook.warnings.extend(module.find_uncached_formulas(path, archive, wanted))
    return workbook
