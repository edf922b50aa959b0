"""Cell formats of engine sheets appended to an .xlsx styles.xml.

Formats are appended to the lists of styles.xml, and a format already
present with exactly the same XML (from an earlier run) is reused, so the
part does not grow on every run and existing indices never change.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from .layout import FORMATS
from .ods_styles import CELL_KINDS

# Excel number format codes. NOTE: Excel has no code for "up to 3 decimals
# without a trailing separator", so quantities use General in .xlsx.
NUMBER_FORMATS = {
    "text": "@",
    "integer": "#,##0",
    "quantity": "General",
    "decimal": "#,##0.00",
    "money": '#,##0.00\\ "€"',
    "percent": "0.0%",
    "date": "dd/mm/yyyy",
    "week": "@",
    "tick": "@",
}
_BUILTIN_FORMATS = {"General": 0, "#,##0": 3, "#,##0.00": 4, "@": 49}

_FILLS = {
    "header": '<fill><patternFill patternType="solid"><fgColor rgb="FFD9E7CB"/><bgColor indexed="64"/></patternFill></fill>',
    "total": '<fill><patternFill patternType="solid"><fgColor rgb="FFEEEEEE"/><bgColor indexed="64"/></patternFill></fill>',
}
_BORDERS = {
    "header": '<border><left/><right/><top/><bottom style="thin"><color rgb="FF000000"/></bottom><diagonal/></border>',
    "total": '<border><left/><right/><top style="thin"><color rgb="FF000000"/></top><bottom/><diagonal/></border>',
    "subtotal": '<border><left/><right/><top style="thin"><color rgb="FF808080"/></top><bottom/><diagonal/></border>',
    "tick": (
        '<border><left style="thin"><color rgb="FF000000"/></left><right style="thin"><color rgb="FF000000"/></right>'
        '<top style="thin"><color rgb="FF000000"/></top><bottom style="thin"><color rgb="FF000000"/></bottom><diagonal/></border>'
    ),
}


def _block(styles: bytes, tag: bytes) -> re.Match | None:
    return re.search(rb"<" + tag + rb"\b[^>]*?(?:/>|>(.*?)</" + tag + rb">)", styles, re.S)


def _children(block: bytes | None, tag: bytes) -> list[bytes]:
    if not block:
        return []
    return re.findall(rb"<" + tag + rb"\b[^>]*?(?:/>|>.*?</" + tag + rb">)", block, re.S)


class StyleSheet:
    """styles.xml being extended, with the index of each appended item."""

    def __init__(self, styles: bytes):
        self.styles = styles

    def _append(self, list_tag: bytes, item_tag: bytes, item: bytes, before: tuple[bytes, ...]) -> int:
        match = _block(self.styles, list_tag)
        items = _children(match.group(1) if match else None, item_tag)
        if item in items:
            return items.index(item)

        items.append(item)
        new_block = b"<" + list_tag + b' count="' + str(len(items)).encode() + b'">' + b"".join(items) + b"</" + list_tag + b">"
        if match:
            self.styles = self.styles[: match.start()] + new_block + self.styles[match.end() :]
        else:
            self.styles = _insert_before(self.styles, new_block, before)
        return len(items) - 1

    def number_format(self, code: str) -> int:
        if code in _BUILTIN_FORMATS:
            return _BUILTIN_FORMATS[code]
        quoted = escape(code, {'"': "&quot;"}).encode()
        match = _block(self.styles, b"numFmts")
        existing = _children(match.group(1) if match else None, b"numFmt")
        for element in existing:
            if b'formatCode="' + quoted + b'"' in element:
                return int(re.search(rb'numFmtId="(\d+)"', element).group(1))
        ids = [int(found) for found in re.findall(rb'numFmtId="(\d+)"', b"".join(existing))]
        number = max(ids + [163]) + 1
        element = b'<numFmt numFmtId="' + str(number).encode() + b'" formatCode="' + quoted + b'"/>'
        self._append(b"numFmts", b"numFmt", element, (b"<fonts",))
        return number

    def font(self, kind: str) -> int:
        fonts = _children((_block(self.styles, b"fonts") or [None, None])[1], b"font")
        base = fonts[0] if fonts else b"<font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
        if kind not in ("title", "subtitle", "header", "subtotal", "total", "note"):
            return 0
        inner = re.sub(rb"</?font\b[^>]*>|<font\b[^>]*/>", b"", base)
        inner = re.sub(rb"<[bi]\s*/>", b"", inner)
        if kind == "title":
            inner = re.sub(rb'<sz val="[^"]*"\s*/>', b'<sz val="14"/>', inner)
        mark = b"<i/>" if kind == "note" else b"<b/>"
        return self._append(b"fonts", b"font", b"<font>" + mark + inner + b"</font>", (b"<fills", b"<borders", b"<cellStyleXfs", b"<cellXfs"))

    def fill(self, kind: str) -> int:
        if kind not in _FILLS:
            return 0
        return self._append(b"fills", b"fill", _FILLS[kind].encode(), (b"<borders", b"<cellStyleXfs", b"<cellXfs"))

    def border(self, key: str) -> int:
        if key not in _BORDERS:
            return 0
        return self._append(b"borders", b"border", _BORDERS[key].encode(), (b"<cellStyleXfs", b"<cellXfs"))

    def cell_format(self, fmt: str, kind: str) -> int:
        number = self.number_format(NUMBER_FORMATS[fmt])
        font = self.font(kind)
        fill = self.fill(kind)
        border = self.border("tick" if fmt == "tick" and kind == "body" else kind)
        wrap = fmt == "text" or kind == "header"
        alignment = b'<alignment vertical="top" wrapText="1"/>' if wrap else b""
        xf = (
            f'<xf numFmtId="{number}" fontId="{font}" fillId="{fill}" borderId="{border}" xfId="0" '
            f'applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1"'
        ).encode()
        xf += (b' applyAlignment="1">' + alignment + b"</xf>") if wrap else b"/>"
        return self._append(b"cellXfs", b"xf", xf, (b"<cellStyles", b"<dxfs", b"</styleSheet"))

    def engine_formats(self) -> dict[tuple[str, str], int]:
        """Append (or find) the formats of every number format and row kind."""
        return {(fmt, kind): self.cell_format(fmt, kind) for fmt in FORMATS for kind in CELL_KINDS}


def _insert_before(styles: bytes, block: bytes, before: tuple[bytes, ...]) -> bytes:
    for marker in before:
        position = styles.find(marker)
        if position >= 0:
            return styles[:position] + block + styles[position:]
    root = re.search(rb"<styleSheet\b[^>]*>", styles)
    return styles[: root.end()] + block + styles[root.end() :]
