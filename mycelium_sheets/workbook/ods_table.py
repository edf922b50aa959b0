"""Rendering a ``SheetLayout`` as an ODS ``<table:table>`` element."""

from __future__ import annotations

import datetime
import hashlib
from decimal import Decimal
from xml.sax.saxutils import escape

from .cells import a1
from .layout import SheetLayout
from .ods_styles import cell_style_name, column_style_name
from .xlsx_sheet import clean_text

def quote_attribute(text: str) -> str:
    return escape(text, {'"': "&quot;"})


def sheet_reference(name: str) -> str:
    """Return a sheet name as ODF formulas and ranges write it: 'Name' with '' for '."""
    return "'" + name.replace("'", "''") + "'"


def text_paragraphs(text: str) -> str:
    """Return ``<text:p>`` elements for a string, keeping line breaks, tabs and runs of spaces."""
    if "\n" not in text and "  " not in text and "\t" not in text and not text.startswith(" ") and not text.endswith(" "):
        return "<text:p>" + escape(text) + "</text:p>"
    paragraphs = []
    for line in text.replace("\r\n", "\n").split("\n"):
        paragraphs.append("<text:p>" + _spaces(line) + "</text:p>")
    return "".join(paragraphs)


def _spaces(line: str) -> str:
    # ODF collapses runs of spaces, so the second and later ones become <text:s/>.
    out = []
    index = 0
    while index < len(line):
        char = line[index]
        if char == "\t":
            out.append("<text:tab/>")
            index += 1
        elif char == " ":
            end = index
            while end < len(line) and line[end] == " ":
                end += 1
            count = end - index
            leading = index == 0 or end == len(line)
            if leading:
                out.append(f'<text:s text:c="{count}"/>' if count > 1 else "<text:s/>")
            else:
                out.append(" " + (f'<text:s text:c="{count - 1}"/>' if count > 2 else "<text:s/>" if count == 2 else ""))
            index = end
        else:
            out.append(escape(char))
            index += 1
    return "".join(out)


def number_text(value) -> str:
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def cell_xml(value, fmt: str, style: str) -> str:
    """Return one ``<table:table-cell>`` for a value shown in a number format."""
    # Strings come first because they are the most common engine cell.
    if type(value) is str:
        if not value:
            return f'<table:table-cell table:style-name="{style}"/>'
        if value.isprintable() and "  " not in value and value[0] != " " and value[-1] != " ":
            paragraphs = "<text:p>" + escape(value) + "</text:p>"
        else:
            paragraphs = text_paragraphs(clean_text(value))
        return (
            f'<table:table-cell table:style-name="{style}" office:value-type="string" calcext:value-type="string">'
            f"{paragraphs}</table:table-cell>"
        )

    if value is None:
        return f'<table:table-cell table:style-name="{style}"/>'

    if isinstance(value, bool):
        word = "true" if value else "false"
        return (
            f'<table:table-cell table:style-name="{style}" office:value-type="boolean" office:boolean-value="{word}" '
            f'calcext:value-type="boolean"><text:p>{word.upper()}</text:p></table:table-cell>'
        )

    if isinstance(value, (int, float, Decimal)):
        number = number_text(value)
        if fmt == "money":
            kind = 'office:value-type="currency" office:currency="EUR"'
            calc_kind = "currency"
        elif fmt == "percent":
            kind = 'office:value-type="percentage"'
            calc_kind = "percentage"
        else:
            kind = 'office:value-type="float"'
            calc_kind = "float"
        return (
            f'<table:table-cell table:style-name="{style}" {kind} office:value="{number}" '
            f'calcext:value-type="{calc_kind}"><text:p>{number}</text:p></table:table-cell>'
        )

    if isinstance(value, datetime.datetime):
        stamp = value.replace(tzinfo=None).isoformat(timespec="seconds")
        shown = f"{value.day:02d}/{value.month:02d}/{value.year:04d} {value.hour:02d}:{value.minute:02d}"
        return (
            f'<table:table-cell table:style-name="{style}" office:value-type="date" office:date-value="{stamp}" '
            f'calcext:value-type="date"><text:p>{shown}</text:p></table:table-cell>'
        )
    if isinstance(value, datetime.date):
        shown = f"{value.day:02d}/{value.month:02d}/{value.year:04d}"
        return (
            f'<table:table-cell table:style-name="{style}" office:value-type="date" office:date-value="{value.isoformat()}" '
            f'calcext:value-type="date"><text:p>{shown}</text:p></table:table-cell>'
        )

    return cell_xml(str(value), fmt, style)


def picture_name(data: bytes) -> str:
    """Return the package path of a picture, named after its content."""
    return "Pictures/myc-" + hashlib.sha1(data).hexdigest() + ".png"


def table_xml(layout: SheetLayout, pictures: dict[str, bytes]) -> bytes:
    """Return the ``<table:table>`` element of an engine sheet.

    ``pictures`` receives the package path and bytes of each image, which
    the caller adds to the package and its manifest.
    """
    width = layout.width
    first, left, last, right = layout.full_print_range()
    reference = sheet_reference(layout.name)
    print_range = f"{reference}.{a1(first, left)}:{reference}.{a1(last, right)}"
    table_style = "myc-ta-landscape" if layout.landscape else "myc-ta"
    parts = [
        f'<table:table table:name="{quote_attribute(layout.name)}" table:style-name="{table_style}" '
        f'table:print-ranges="{quote_attribute(print_range)}">'
    ]

    parts.extend(_columns(layout))

    frames = _frames(layout, pictures)
    breaks = set(layout.page_breaks)
    column_formats = [layout.columns[column].format if column < len(layout.columns) else "text" for column in range(width)]
    body_styles = [cell_style_name(fmt, "body") for fmt in column_formats]
    header_rows = min(layout.freeze_rows, len(layout.rows))

    for index, row in enumerate(layout.rows):
        if index == 0 and header_rows:
            # Header rows repeat at the top of every printed page.
            parts.append("<table:table-header-rows>")
        row_style = "myc-ro-break" if index in breaks else "myc-ro"
        parts.append(f'<table:table-row table:style-name="{row_style}">')
        kind = layout.row_kinds.get(index)
        cell_formats = layout.cell_formats
        for column, value in enumerate(row or [None]):
            if kind is None and not (cell_formats and (index, column) in cell_formats):
                fmt = column_formats[column]
                style = body_styles[column]
            else:
                fmt = layout.format_of(index, column)
                style = cell_style_name(fmt, kind or "body")
            cell = cell_xml(value, fmt, style)
            if frames and (index, column) in frames:
                cell = _with_frame(cell, frames[(index, column)])
            parts.append(cell)
        parts.append("</table:table-row>")
        if index == header_rows - 1:
            parts.append("</table:table-header-rows>")

    # Images anchored below the last row get rows of their own.
    for (row, column), frame in sorted(frames.items()):
        if row >= len(layout.rows):
            gap = row - len(layout.rows)
            if gap:
                parts.append(f'<table:table-row table:style-name="myc-ro" table:number-rows-repeated="{gap}"><table:table-cell/></table:table-row>')
            padding = f'<table:table-cell table:number-columns-repeated="{column}"/>' if column else ""
            parts.append(f'<table:table-row table:style-name="myc-ro">{padding}{_with_frame("<table:table-cell/>", frame)}</table:table-row>')

    if not layout.rows and not frames:
        parts.append('<table:table-row table:style-name="myc-ro"><table:table-cell/></table:table-row>')
    parts.append("</table:table>")
    return "".join(parts).encode()


def _columns(layout: SheetLayout) -> list[str]:
    columns = []
    previous = None
    count = 0
    for column in layout.columns + [None]:
        style = column_style_name(column.width_cm) if column is not None else None
        if style == previous:
            count += 1
            continue
        if previous is not None:
            repeat = f' table:number-columns-repeated="{count}"' if count > 1 else ""
            columns.append(f'<table:table-column table:style-name="{previous}"{repeat} table:default-cell-style-name="Default"/>')
        previous, count = style, 1
    if not columns:
        columns.append('<table:table-column table:default-cell-style-name="Default"/>')
    return columns


def _frames(layout: SheetLayout, pictures: dict[str, bytes]) -> dict[tuple[int, int], str]:
    frames: dict[tuple[int, int], str] = {}
    for number, image in enumerate(layout.images, start=1):
        data = image.path.read_bytes()
        name = picture_name(data)
        pictures[name] = data
        frame = (
            f'<draw:frame draw:z-index="{number}" draw:name="{quote_attribute(layout.key)}-{number}" '
            f'svg:width="{image.width_cm:.3f}cm" svg:height="{image.height_cm:.3f}cm" svg:x="0cm" svg:y="0cm">'
            f'<draw:image xlink:href="{name}" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"><text:p/></draw:image>'
            "</draw:frame>"
        )
        frames[(image.row, image.column)] = frames.get((image.row, image.column), "") + frame
    return frames


def _with_frame(cell: str, frame: str) -> str:
    # A frame anchored to a cell is the first child of that cell.
    if cell.endswith("/>"):
        return cell[:-2] + ">" + frame + "</table:table-cell>"
    head_end = cell.index(">") + 1
    return cell[:head_end] + frame + cell[head_end:]
