"""Parts of an .xlsx workbook that calamine does not report.

calamine gives the cell values. This module reads the engine-sheet property
from docProps/custom.xml and finds formula cells saved without a cached
result (openpyxl and some converters write formulas without results), which
calamine returns as empty cells.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ..errors import Location, Problem
from ..i18n import _
from .marks import XLSX_CUSTOM_PART, read_xlsx_marks
from .package import iter_part_chunks, read_part
from .xlsx_parts import WORKBOOK, WORKBOOK_RELS, sheet_entries

# A cell whose only content is a formula, or a formula and an empty value.
_UNCACHED = re.compile(
    rb'<c\b[^>]*?\br="([A-Z]+[0-9]+)"[^>]*>\s*<f\b[^>]*(?:/>|>[^<]*</f>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>'
)


def read_engine_sheets(path: Path, archive: zipfile.ZipFile) -> set[str]:
    if XLSX_CUSTOM_PART not in archive.namelist():
        return set()
    return set(read_xlsx_marks(read_part(path, archive, XLSX_CUSTOM_PART)))


def find_uncached_formulas(path: Path, archive: zipfile.ZipFile, sheets: set[str] | None) -> list[Problem]:
    """Return a warning per formula cell that has no cached result.

    Each sheet part is streamed and the cell pattern is only tried on pieces
    that contain a formula, so a sheet without formulas costs one pass of
    decompression.
    """
    names = set(archive.namelist())
    entries = sheet_entries(read_part(path, archive, WORKBOOK), read_part(path, archive, WORKBOOK_RELS))
    problems = []
    for entry in entries:
        if sheets is not None and entry.name not in sheets:
            continue
        if entry.part not in names:
            continue
        for chunk in iter_part_chunks(path, archive, entry.part, b"</row>"):
            if b"<f" not in chunk:
                continue
            for match in _UNCACHED.finditer(chunk):
                problems.append(
                    Problem(
                        severity="warning",
                        message=_("This formula has no saved result, so the engine reads the cell as empty."),
                        location=Location(file=str(path), sheet=entry.name, cell=match.group(1).decode()),
                        remedy=_("Open the workbook in LibreOffice or Excel, recalculate (Ctrl+Shift+F9), save it and run again."),
                    )
                )
    return problems
