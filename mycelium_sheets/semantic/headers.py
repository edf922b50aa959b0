"""Sheet and column names as the farmer's workbook writes them, for messages."""

from __future__ import annotations

from ..model.farm_data import FarmData
from ..schema.standard import sheet_spec


def column_header(data: FarmData, sheet_key: str, column_key: str, language: str) -> str:
    """Return a column's header as its sheet writes it, else the standard header in ``language``.

    A farmer who renamed "Type DFC" or works in an English workbook is told
    the header that is on their screen, whatever language the messages use.
    """
    from ..schema.records import read_table

    spec = sheet_spec(sheet_key)
    name = data.sheet_names.get(sheet_key)
    if name is None or data.workbook is None or name not in data.workbook.sheets:
        return spec.column(column_key).header(language)

    sheet = data.workbook.sheets[name]
    table = read_table(spec, sheet, str(data.workbook.path))
    index = dict(table.columns).get(column_key)
    header_row = sheet.rows[table.header_row] if table.header_row < len(sheet.rows) else []
    if index is not None and index < len(header_row) and str(header_row[index] or "").strip():
        return str(header_row[index]).strip()
    return spec.column(column_key).header(language)
