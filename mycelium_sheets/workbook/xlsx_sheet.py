"""Rendering a ``SheetLayout`` as an .xlsx worksheet part and its drawing.

Strings are written inline (``t="inlineStr"``) so sharedStrings.xml is
left untouched; dates become serial numbers with a date format.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from xml.sax.saxutils import escape

from .cells import a1, column_letter
from .layout import SheetLayout

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_EMU_PER_CM = 360000
# Excel measures column widths in characters of the default font, about 0.19 cm each at Calibri 11.
_CM_PER_CHARACTER = 0.19
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_EPOCH_1900 = datetime.datetime(1899, 12, 30)
_EPOCH_1904 = datetime.datetime(1904, 1, 1)


def clean_text(text: str) -> str:
    """Remove characters XML 1.0 cannot hold (control characters other than tab and line breaks)."""
    return _INVALID_XML.sub("", text)


def serial(value: datetime.date, date1904: bool) -> str:
    """Return the spreadsheet serial number of a date or date-time."""
    epoch = _EPOCH_1904 if date1904 else _EPOCH_1900
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime(value.year, value.month, value.day)
    delta = value.replace(tzinfo=None) - epoch
    days = delta.days + delta.seconds / 86400
    return str(int(days)) if days == int(days) else repr(days)


def cell_xml(reference: str, value, style: int, date1904: bool) -> str:
    if value is None or value == "":
        return f'<c r="{reference}" s="{style}"/>'
    if isinstance(value, bool):
        return f'<c r="{reference}" s="{style}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, float):
        return f'<c r="{reference}" s="{style}"><v>{value!r}</v></c>'
    if isinstance(value, int):
        return f'<c r="{reference}" s="{style}"><v>{value}</v></c>'
    if isinstance(value, Decimal):
        return f'<c r="{reference}" s="{style}"><v>{format(value, "f")}</v></c>'
    if isinstance(value, datetime.date):
        return f'<c r="{reference}" s="{style}"><v>{serial(value, date1904)}</v></c>'
    text = escape(clean_text(str(value)))
    return f'<c r="{reference}" s="{style}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def sheet_xml(layout: SheetLayout, formats: dict[tuple[str, str], int], date1904: bool, drawing_rel: str | None) -> bytes:
    """Return the worksheet part of an engine sheet."""
    width = max(layout.width, 1)
    last_row = max(len(layout.rows), 1)
    parts = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{_MAIN}" xmlns:r="{_RELS}">'
        f'<dimension ref="A1:{a1(last_row - 1, width - 1)}"/>'
    ]

    if layout.freeze_rows:
        top = layout.freeze_rows + 1
        parts.append(
            '<sheetViews><sheetView workbookViewId="0">'
            f'<pane ySplit="{layout.freeze_rows}" topLeftCell="A{top}" activePane="bottomLeft" state="frozen"/>'
            f'<selection pane="bottomLeft" activeCell="A{top}" sqref="A{top}"/></sheetView></sheetViews>'
        )
    else:
        parts.append('<sheetViews><sheetView workbookViewId="0"/></sheetViews>')
    parts.append('<sheetFormatPr defaultRowHeight="15"/>')

    if layout.columns:
        parts.append("<cols>")
        for index, column in enumerate(layout.columns, start=1):
            characters = round(column.width_cm / _CM_PER_CHARACTER, 2)
            parts.append(f'<col min="{index}" max="{index}" width="{characters}" customWidth="1"/>')
        parts.append("</cols>")

    parts.append("<sheetData>")
    letters = [column_letter(column) for column in range(width)]
    column_formats = [layout.columns[column].format if column < len(layout.columns) else "text" for column in range(width)]
    body_styles = [formats[(fmt, "body")] for fmt in column_formats]
    for index, row in enumerate(layout.rows):
        number = index + 1
        kind = layout.row_kinds.get(index)
        cells = []
        for column, value in enumerate(row):
            if kind is None and (index, column) not in layout.cell_formats:
                style = body_styles[column]
            else:
                style = formats[(layout.format_of(index, column), kind or "body")]
            cells.append(cell_xml(f"{letters[column]}{number}", value, style, date1904))
        parts.append(f'<row r="{number}">' + "".join(cells) + "</row>")
    parts.append("</sheetData>")

    parts.append('<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>')
    orientation = "landscape" if layout.landscape else "portrait"
    parts.append(f'<pageSetup paperSize="9" orientation="{orientation}"/>')
    if layout.page_breaks:
        breaks = sorted(set(row for row in layout.page_breaks if row > 0))
        parts.append(f'<rowBreaks count="{len(breaks)}" manualBreakCount="{len(breaks)}">')
        parts.extend(f'<brk id="{row}" max="16383" man="1"/>' for row in breaks)
        parts.append("</rowBreaks>")
    if drawing_rel:
        parts.append(f'<drawing r:id="{drawing_rel}"/>')
    parts.append("</worksheet>")
    return "".join(parts).encode()


def drawing_xml(layout: SheetLayout, image_rels: list[str]) -> bytes:
    """Return the drawing part that anchors the layout's images, one rel id per image."""
    anchors = []
    for number, (image, rel_id) in enumerate(zip(layout.images, image_rels), start=1):
        cx = round(image.width_cm * _EMU_PER_CM)
        cy = round(image.height_cm * _EMU_PER_CM)
        anchors.append(
            "<xdr:oneCellAnchor>"
            f"<xdr:from><xdr:col>{image.column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>{image.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>"
            f'<xdr:ext cx="{cx}" cy="{cy}"/>'
            f'<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="{number + 1}" name="Image {number}"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>'
            f'<xdr:blipFill><a:blip r:embed="{rel_id}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>'
            f'<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>'
            "<xdr:clientData/></xdr:oneCellAnchor>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
        f'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="{_RELS}">' + "".join(anchors) + "</xdr:wsDr>"
    ).encode()
