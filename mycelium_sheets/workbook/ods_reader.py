"""Parts of an .ods workbook that calamine does not report.

calamine gives the cell values. This module reads the engine-sheet property
from meta.xml and finds formula cells saved without a cached result, which
calamine returns as empty cells.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import unescape

from ..errors import Location, Problem
from ..i18n import _
from .cells import a1
from .marks import read_ods_marks
from .package import iter_part_chunks, read_part

# A cell start tag with a formula but no value type: no cached result.
_UNCACHED = re.compile(rb"<table:table-cell\b(?=[^>]*\btable:formula=)(?![^>]*\boffice:value-type=)[^>]*>")
_TABLE_NAME = re.compile(rb'\btable:name="([^"]*)"')
_TOKEN = re.compile(
    rb"<table:table\s[^>]*>|<table:table>|<table:table-row\b[^>]*?/?>|</table:table-row>"
    rb"|<table:(?:covered-)?table-cell\b[^>]*>"
)
_ROWS_REPEATED = re.compile(rb'table:number-rows-repeated="(\d+)"')
_COLUMNS_REPEATED = re.compile(rb'table:number-columns-repeated="(\d+)"')


def attribute_text(raw: bytes) -> str:
    """Return an XML attribute value as text, resolving the five entities."""
    return unescape(raw.decode("utf-8"), {"&quot;": '"', "&apos;": "'"})


def read_engine_sheets(path: Path, archive: zipfile.ZipFile) -> set[str]:
    if "meta.xml" not in archive.namelist():
        return set()
    return set(read_ods_marks(read_part(path, archive, "meta.xml")))


def find_uncached_formulas(path: Path, archive: zipfile.ZipFile, sheets: set[str] | None) -> list[Problem]:
    """Return a warning per formula cell that has no cached result.

    The first pass streams content.xml and only looks for the pattern. The
    exact cell is located in a second pass, run only when the first found
    one, because counting repeated rows and columns costs more.
    """
    found = False
    for chunk in iter_part_chunks(path, archive, "content.xml", b"</table:table-row>"):
        if b"table:formula=" in chunk and _UNCACHED.search(chunk):
            found = True
            break
    if not found:
        return []

    content = read_part(path, archive, "content.xml")
    problems = []
    for sheet, row, column in _locate_uncached(content):
        if sheets is not None and sheet not in sheets:
            continue
        problems.append(
            Problem(
                severity="warning",
                message=_("This formula has no saved result, so the engine reads the cell as empty."),
                location=Location(file=str(path), sheet=sheet, cell=a1(row, column)),
                remedy=_("Open the workbook in LibreOffice or Excel, recalculate (Ctrl+Shift+F9), save it and run again."),
            )
        )
    return problems


def _locate_uncached(content: bytes):
    """Yield (sheet, row, column) of each uncached formula cell, counting repeats."""
    sheet = ""
    row = -1
    column = 0
    extra_rows = 0
    for match in _TOKEN.finditer(content):
        token = match.group(0)
        if token.startswith(b"<table:table ") or token == b"<table:table>":
            name = _TABLE_NAME.search(token)
            sheet = attribute_text(name.group(1)) if name else ""
            row = -1
        elif token.startswith(b"<table:table-row"):
            repeated = _ROWS_REPEATED.search(token)
            row += 1
            column = 0
            extra_rows = int(repeated.group(1)) - 1 if repeated else 0
            if token.endswith(b"/>"):
                row += extra_rows
                extra_rows = 0
        elif token == b"</table:table-row>":
            row += extra_rows
            extra_rows = 0
        else:
            if _UNCACHED.fullmatch(token):
                yield sheet, row, column
            repeated = _COLUMNS_REPEATED.search(token)
            column += int(repeated.group(1)) if repeated else 1
