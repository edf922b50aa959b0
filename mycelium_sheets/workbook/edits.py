"""``write_sheet_edits``: append rows and set cells in the farmer's input sheets.

The importers use it to fill the sheets of a standard workbook. Only the
edited rows of the edited sheet are rewritten; every other byte of the
package is copied. A cell that already has a style keeps it. In .xlsx a new
cell without a style takes the one of the last cell with a value in the same
column, so an appended date shows as a date. NOTE: a date written in a
column that never held a styled value shows as a serial number in .xlsx.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Location, SchemaError
from ..i18n import _
from .cells import a1, parse_a1
from .ods_table import cell_xml as ods_cell_xml
from .ods_writer import find_tables
from .package import open_zip, read_part, write_package
from .save import atomic_save
from .writer import target_of
from .xlsx_parts import WORKBOOK, WORKBOOK_RELS, sheet_entries
from .xlsx_sheet import cell_xml as xlsx_cell_xml


@dataclass
class SheetEdits:
    """Changes to one sheet: rows appended after the last row with content, and cells set by 0-based (row, column)."""

    append: list[list] = field(default_factory=list)
    set_cells: dict[tuple[int, int], object] = field(default_factory=dict)


def write_sheet_edits(path, edits: dict[str, SheetEdits], *, output=None, backup: bool = True) -> Path:
    """Apply edits to sheets of an .ods or .xlsx workbook and save it atomically.

    Raises SchemaError when a sheet is missing, and the errors of
    ``write_engine_sheets`` for locks, formats and failed saves.
    """
    path = Path(path)
    fmt, target = target_of(path, output)
    with open_zip(path) as archive:
        changes = _ods_changes(path, archive, edits) if fmt == "ods" else _xlsx_changes(path, archive, edits)
        return atomic_save(target, lambda handle: write_package(path, archive, handle, changes), backup=backup)


def _missing_sheet(path: Path, name: str) -> SchemaError:
    return SchemaError(
        _("The workbook has no sheet “{name}”.").format(name=name),
        location=Location(file=str(path), sheet=name),
        remedy=_("Add the sheet or use a workbook made from the Mycélium template."),
    )


def _targets(edits: SheetEdits, last_row: int) -> dict[int, dict[int, object]]:
    """Return row → column → value of every cell to write, appended rows included."""
    targets: dict[int, dict[int, object]] = {}
    for (row, column), value in edits.set_cells.items():
        targets.setdefault(row, {})[column] = value
    for offset, values in enumerate(edits.append, start=1):
        row_cells = targets.setdefault(last_row + offset, {})
        for column, value in enumerate(values):
            row_cells[column] = value
    return targets


# --- ODS ---------------------------------------------------------------

_ODS_ROW = re.compile(rb"<table:table-row\b[^>]*?(?:/>|>.*?</table:table-row>)", re.S)
_ODS_CELL = re.compile(rb"<table:(?:covered-)?table-cell\b[^>]*?(?:/>|>.*?</table:(?:covered-)?table-cell>)", re.S)
_ROWS_REPEATED = re.compile(rb'\s*table:number-rows-repeated="(\d+)"')
_COLUMNS_REPEATED = re.compile(rb'\s*table:number-columns-repeated="(\d+)"')
_STYLE = re.compile(rb'table:style-name="([^"]*)"')
_HAS_CONTENT = re.compile(rb"office:value-type=|table:formula=|<text:p>[^<]")


def _repeat(element: bytes, pattern: re.Pattern, attribute: bytes, count: int) -> bytes:
    element = pattern.sub(b"", element, count=1)
    if count == 1:
        return element
    tag_end = re.match(rb"<[\w:-]+", element).end()
    return element[:tag_end] + b" " + attribute + b'="' + str(count).encode() + b'"' + element[tag_end:]


def _ods_changes(path: Path, archive: zipfile.ZipFile, edits: dict[str, SheetEdits]) -> dict[str, bytes]:
    content = read_part(path, archive, "content.xml")
    tables = {name: (start, end) for name, start, end in find_tables(content)}
    for name, sheet_edits in edits.items():
        if name not in tables:
            raise _missing_sheet(path, name)

    for name, sheet_edits in edits.items():
        start, end = {table: (s, e) for table, s, e in find_tables(content)}[name]
        table = _edit_ods_table(content[start:end], sheet_edits)
        content = content[:start] + table + content[end:]
    return {"content.xml": content}


def _edit_ods_table(table: bytes, edits: SheetEdits) -> bytes:
    rows = list(_ODS_ROW.finditer(table))
    last_row = -1
    index = 0
    for match in rows:
        repeated = _ROWS_REPEATED.search(match.group(0)[: match.group(0).find(b">")])
        count = int(repeated.group(1)) if repeated else 1
        if _HAS_CONTENT.search(match.group(0)):
            last_row = index + count - 1
        index += count

    targets = _targets(edits, last_row)
    wanted = sorted(targets)
    pointer = 0
    pieces = []
    position = 0
    index = 0
    for match in rows:
        element = match.group(0)
        repeated = _ROWS_REPEATED.search(element[: element.find(b">")])
        count = int(repeated.group(1)) if repeated else 1
        pieces.append(table[position : match.start()])
        position = match.end()
        if pointer >= len(wanted) or wanted[pointer] >= index + count:
            pieces.append(element)
            index += count
            continue

        # Split the repeated row around each edited row.
        done = index
        while pointer < len(wanted) and wanted[pointer] < index + count:
            row = wanted[pointer]
            if row > done:
                pieces.append(_repeat(element, _ROWS_REPEATED, b"table:number-rows-repeated", row - done))
            pieces.append(_edit_ods_row(_repeat(element, _ROWS_REPEATED, b"table:number-rows-repeated", 1), targets[row]))
            done = row + 1
            pointer += 1
        if index + count > done:
            pieces.append(_repeat(element, _ROWS_REPEATED, b"table:number-rows-repeated", index + count - done))
        index += count

    # Rows beyond the end of the table are added before </table:table>.
    extra = []
    for row in wanted[pointer:]:
        if row > index:
            extra.append(b'<table:table-row table:number-rows-repeated="' + str(row - index).encode() + b'"><table:table-cell/></table:table-row>')
        extra.append(_edit_ods_row(b"<table:table-row></table:table-row>", targets[row]))
        index = row + 1
    tail = table[position:]
    closing = tail.rfind(b"</table:table>")
    pieces.append(tail[:closing] + b"".join(extra) + tail[closing:])
    return b"".join(pieces)


def _edit_ods_row(row: bytes, values: dict[int, object]) -> bytes:
    if row.endswith(b"/>"):
        row = row[:-2] + b"></table:table-row>"
    head_end = row.find(b">") + 1
    body = row[head_end : -len(b"</table:table-row>")]
    cells = list(_ODS_CELL.finditer(body))

    wanted = sorted(values)
    pointer = 0
    pieces = []
    position = 0
    column = 0
    for match in cells:
        element = match.group(0)
        repeated = _COLUMNS_REPEATED.search(element[: element.find(b">")])
        count = int(repeated.group(1)) if repeated else 1
        pieces.append(body[position : match.start()])
        position = match.end()
        if pointer >= len(wanted) or wanted[pointer] >= column + count:
            pieces.append(element)
            column += count
            continue
        done = column
        style = _STYLE.search(element[: element.find(b">")])
        while pointer < len(wanted) and wanted[pointer] < column + count:
            target = wanted[pointer]
            if target > done:
                pieces.append(_repeat(element, _COLUMNS_REPEATED, b"table:number-columns-repeated", target - done))
            pieces.append(_ods_cell(values[target], style.group(1).decode() if style else None))
            done = target + 1
            pointer += 1
        if column + count > done:
            pieces.append(_repeat(element, _COLUMNS_REPEATED, b"table:number-columns-repeated", column + count - done))
        column += count
    pieces.append(body[position:])

    for target in wanted[pointer:]:
        if target > column:
            pieces.append(b'<table:table-cell table:number-columns-repeated="' + str(target - column).encode() + b'"/>' if target - column > 1 else b"<table:table-cell/>")
        pieces.append(_ods_cell(values[target], None))
        column = target + 1
    return row[:head_end] + b"".join(pieces) + b"</table:table-row>"


def _ods_cell(value, style: str | None) -> bytes:
    cell = ods_cell_xml(value, "text", style or "")
    if not style:
        cell = cell.replace(' table:style-name=""', "", 1)
    return cell.encode()


# --- XLSX --------------------------------------------------------------

_XLSX_ROW = re.compile(rb"<row\b[^>]*?(?:/>|>.*?</row>)", re.S)
_XLSX_CELL = re.compile(rb"<c\b[^>]*?(?:/>|>.*?</c>)", re.S)
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
_CELL_REFERENCE = re.compile(rb'\br="([A-Z]+\d+)"')
_CELL_STYLE = re.compile(rb'\bs="(\d+)"')


def _xlsx_changes(path: Path, archive: zipfile.ZipFile, edits: dict[str, SheetEdits]) -> dict[str, bytes]:
    workbook = read_part(path, archive, WORKBOOK)
    entries = {entry.name: entry for entry in sheet_entries(workbook, read_part(path, archive, WORKBOOK_RELS))}
    date1904 = re.search(rb'date1904="(?:1|true)"', workbook) is not None
    changes = {}
    for name, sheet_edits in edits.items():
        if name not in entries:
            raise _missing_sheet(path, name)
        part = entries[name].part
        changes[part] = _edit_xlsx_sheet(read_part(path, archive, part), sheet_edits, date1904)
    return changes


def _edit_xlsx_sheet(sheet: bytes, edits: SheetEdits, date1904: bool) -> bytes:
    data_start = sheet.find(b"<sheetData")
    if data_start < 0:
        raise ValueError("worksheet part without sheetData")
    if sheet.startswith(b"<sheetData/>", data_start):
        sheet = sheet.replace(b"<sheetData/>", b"<sheetData></sheetData>", 1)
    body_start = sheet.index(b">", data_start) + 1
    body_end = sheet.index(b"</sheetData>", body_start)
    body = sheet[body_start:body_end]

    rows: dict[int, bytes] = {}
    for match in _XLSX_ROW.finditer(body):
        number = int(_ROW_NUMBER.search(match.group(0)).group(1))
        rows[number - 1] = match.group(0)
    filled = [row for row, element in rows.items() if b"<v>" in element or b"<is>" in element or b"<f" in element]
    last_row = max(filled, default=-1)
    template_styles: dict[int, bytes] = {}
    for row in sorted(rows):
        template_styles.update(_cell_styles(rows[row]))

    for row, values in _targets(edits, last_row).items():
        rows[row] = _edit_xlsx_row(rows.get(row), row, values, template_styles, date1904)

    new_body = b"".join(rows[row] for row in sorted(rows))
    sheet = sheet[:body_start] + new_body + sheet[body_end:]
    if rows:
        last = max(rows) + 1
        sheet = re.sub(rb'(<dimension ref="[A-Z]+\d+:[A-Z]+)(\d+)"', lambda m: m.group(1) + str(max(int(m.group(2)), last)).encode() + b'"', sheet, count=1)
    return sheet


def _cell_styles(row: bytes) -> dict[int, bytes]:
    """Return column → style id of the cells of a row that hold a value."""
    styles = {}
    for match in _XLSX_CELL.finditer(row):
        if b"<v>" not in match.group(0) and b"<is>" not in match.group(0):
            continue
        reference = _CELL_REFERENCE.search(match.group(0))
        style = _CELL_STYLE.search(match.group(0)[: match.group(0).find(b">")])
        if reference and style:
            styles[parse_a1(reference.group(1).decode())[1]] = style.group(1)
    return styles


def _edit_xlsx_row(row: bytes | None, index: int, values: dict[int, object], template: dict[int, bytes], date1904: bool) -> bytes:
    if row is None:
        row = f'<row r="{index + 1}"></row>'.encode()
    if row.endswith(b"/>"):
        row = row[:-2] + b"></row>"
    head_end = row.find(b">") + 1
    cells: dict[int, bytes] = {}
    for match in _XLSX_CELL.finditer(row[head_end:]):
        reference = _CELL_REFERENCE.search(match.group(0))
        cells[parse_a1(reference.group(1).decode())[1]] = match.group(0)

    for column, value in values.items():
        old = cells.get(column, b"")
        style = _CELL_STYLE.search(old[: old.find(b">")]) if old else None
        style_id = int(style.group(1)) if style else int(template.get(column, b"0"))
        cells[column] = xlsx_cell_xml(a1(index, column), value, style_id, date1904).encode()

    # A spans attribute would no longer match the cells, and it is optional.
    head = re.sub(rb'\sspans="[^"]*"', b"", row[:head_end])
    return head + b"".join(cells[column] for column in sorted(cells)) + b"</row>"
