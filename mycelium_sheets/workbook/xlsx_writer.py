"""Splicing engine sheets into an .xlsx or .xlsm package.

Engine sheets get worksheet parts of their own; workbook.xml, its
relationships, [Content_Types].xml, styles.xml (formats appended) and
docProps/custom.xml (the engine-sheet property) are edited in place. Every
other part keeps its content. Formula cells of the farmer's sheets that
refer to an engine sheet lose their cached value and the workbook requests a
full recalculation on load (``fullCalcOnLoad``), so the spreadsheet program
computes them again with the new engine values.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from .cells import column_letter
from .layout import SheetLayout
from .marks import XLSX_CUSTOM_PART, XLSX_CUSTOM_REL, XLSX_CUSTOM_TYPE, read_xlsx_marks, write_xlsx_marks
from .package import read_part
from .plan import WritePlan, plan_write
from .xlsx_parts import (
    CONTENT_TYPES,
    REL_DRAWING,
    REL_IMAGE,
    REL_WORKSHEET,
    ROOT_RELS,
    TYPE_DRAWING,
    TYPE_WORKSHEET,
    WORKBOOK,
    WORKBOOK_RELS,
    SheetEntry,
    add_relationship,
    attribute,
    ensure_default,
    quote,
    rels_part_of,
    relationships,
    remove_relationship,
    resolve,
    set_override,
    sheet_entries,
)
from .xlsx_sheet import drawing_xml, sheet_xml
from .xlsx_styles import StyleSheet

_STYLES = "xl/styles.xml"
_DEFINED_NAME = re.compile(rb"<definedName\b[^>]*?(?:/>|>.*?</definedName>)", re.S)
_FORMULA_CELL = re.compile(rb"(<c\b[^>]*>)(<f\b[^>]*>([^<]*)</f>)<v>[^<]*</v>(</c>)")


def sheet_reference(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def sheet_names(path: Path, archive: zipfile.ZipFile) -> tuple[list[str], list[str]]:
    entries = sheet_entries(read_part(path, archive, WORKBOOK), read_part(path, archive, WORKBOOK_RELS))
    marks = read_xlsx_marks(read_part(path, archive, XLSX_CUSTOM_PART)) if XLSX_CUSTOM_PART in archive.namelist() else []
    return [entry.name for entry in entries], marks


class _Package:
    """The members being changed, read lazily from the source archive."""

    def __init__(self, path: Path, archive: zipfile.ZipFile):
        self.path = path
        self.archive = archive
        self.names = set(archive.namelist())
        self.changes: dict[str, bytes | None] = {}

    def exists(self, name: str) -> bool:
        if name in self.changes:
            return self.changes[name] is not None
        return name in self.names

    def get(self, name: str) -> bytes | None:
        if name in self.changes:
            return self.changes[name]
        if name in self.names:
            return read_part(self.path, self.archive, name)
        return None

    def set(self, name: str, data: bytes | None) -> None:
        self.changes[name] = data


def prepare(path: Path, archive: zipfile.ZipFile, layouts: list[SheetLayout], remove) -> dict[str, bytes | None]:
    """Return the package members to change to write the engine sheets."""
    package = _Package(path, archive)
    workbook = package.get(WORKBOOK)
    entries = sheet_entries(workbook, package.get(WORKBOOK_RELS))
    custom = package.get(XLSX_CUSTOM_PART)
    marks = read_xlsx_marks(custom) if custom is not None else []
    plan = plan_write(path, [entry.name for entry in entries], marks, layouts, remove)
    date1904 = re.search(rb'date1904="(?:1|true)"', workbook) is not None

    styles = StyleSheet(package.get(_STYLES) or b"")
    formats = styles.engine_formats()
    package.set(_STYLES, styles.styles)

    by_name = {entry.name: entry for entry in entries}
    for name in plan.removed:
        _remove_sheet(package, by_name[name])

    for layout in plan.layouts:
        entry = by_name.get(layout.name)
        if entry is not None:
            _drop_sheet_parts(package, entry.part)
            part = entry.part
        else:
            part = _add_sheet(package, layout.name)
        drawing_rel = _write_drawing(package, part, layout) if layout.images else None
        package.set(part, sheet_xml(layout, formats, date1904, drawing_rel))

    _update_defined_names(package, plan)
    _forget_engine_results(package, plan)
    _write_marks(package, plan.marks)
    return package.changes


def _remove_sheet(package: _Package, entry: SheetEntry) -> None:
    workbook = package.get(WORKBOOK)
    entries = sheet_entries(workbook, package.get(WORKBOOK_RELS))
    index = [item.name for item in entries].index(entry.name)

    workbook = workbook.replace(entry.element, b"", 1)
    workbook = _shift_sheet_indices(workbook, index, len(entries) - 1)
    package.set(WORKBOOK, workbook)
    package.set(WORKBOOK_RELS, remove_relationship(package.get(WORKBOOK_RELS), entry.rel_id))
    _drop_sheet_parts(package, entry.part)
    package.set(entry.part, None)
    package.set(CONTENT_TYPES, set_override(package.get(CONTENT_TYPES), entry.part, None))


def _shift_sheet_indices(workbook: bytes, removed: int, remaining: int) -> bytes:
    """Fix sheet indices after removing the sheet at ``removed``: defined names and the active tab."""

    def fix_name(match: re.Match) -> bytes:
        element = match.group(0)
        local = attribute(element, "localSheetId")
        if local is None:
            return element
        if int(local) == removed:
            return b""
        if int(local) > removed:
            return element.replace(f'localSheetId="{local}"'.encode(), f'localSheetId="{int(local) - 1}"'.encode(), 1)
        return element

    workbook = _DEFINED_NAME.sub(fix_name, workbook)

    def fix_view(match: re.Match) -> bytes:
        value = int(match.group(2))
        if value >= removed and value > 0:
            value = min(value - 1 if value > removed else value, max(remaining - 1, 0))
        return match.group(1) + str(value).encode() + b'"'

    return re.sub(rb'(\b(?:activeTab|firstSheet)=")(\d+)"', fix_view, workbook)


def _drop_sheet_parts(package: _Package, part: str) -> None:
    """Delete an engine sheet's relationships part and the drawings and images it points to."""
    rels_name = rels_part_of(part)
    rels = package.get(rels_name)
    if rels is None:
        return
    for rel_type, target in relationships(rels).values():
        if rel_type != REL_DRAWING:
            continue
        drawing = resolve(part, target)
        drawing_rels = package.get(rels_part_of(drawing))
        if drawing_rels is not None:
            for image_type, image_target in relationships(drawing_rels).values():
                image = resolve(drawing, image_target)
                if image_type == REL_IMAGE and posixpath.basename(image).startswith("myc-"):
                    package.set(image, None)
            package.set(rels_part_of(drawing), None)
        package.set(drawing, None)
        package.set(CONTENT_TYPES, set_override(package.get(CONTENT_TYPES), drawing, None))
    package.set(rels_name, None)


RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _add_sheet(package: _Package, name: str) -> str:
    number = 1
    while package.exists(f"xl/worksheets/sheet{number}.xml"):
        number += 1
    part = f"xl/worksheets/sheet{number}.xml"

    rels, rel_id = add_relationship(package.get(WORKBOOK_RELS), REL_WORKSHEET, f"worksheets/sheet{number}.xml")
    package.set(WORKBOOK_RELS, rels)

    workbook = package.get(WORKBOOK)
    ids = [int(found) for found in re.findall(rb'<sheet\b[^>]*\bsheetId="(\d+)"', workbook)]
    # The relationships prefix is declared on the element itself, because
    # some writers (openpyxl) declare it per element rather than on the root.
    element = (
        f'<sheet xmlns:r="{RELATIONSHIPS_NS}" name="{quote(name)}" sheetId="{max(ids, default=0) + 1}" '
        f'state="visible" r:id="{rel_id}"/>'
    ).encode()
    package.set(WORKBOOK, workbook.replace(b"</sheets>", element + b"</sheets>", 1))
    package.set(CONTENT_TYPES, set_override(package.get(CONTENT_TYPES), part, TYPE_WORKSHEET))
    return part


def _write_drawing(package: _Package, part: str, layout: SheetLayout) -> str:
    number = 1
    while package.exists(f"xl/drawings/drawing{number}.xml"):
        number += 1
    drawing = f"xl/drawings/drawing{number}.xml"

    drawing_rels = None
    image_rels = []
    for image in layout.images:
        data = image.path.read_bytes()
        media = "xl/media/myc-" + hashlib.sha1(data).hexdigest() + ".png"
        package.set(media, data)
        drawing_rels, rel_id = add_relationship(drawing_rels, REL_IMAGE, "../media/" + posixpath.basename(media), prefix="rId")
        image_rels.append(rel_id)
    package.set(rels_part_of(drawing), drawing_rels)
    package.set(drawing, drawing_xml(layout, image_rels))

    types = ensure_default(package.get(CONTENT_TYPES), "png", "image/png")
    package.set(CONTENT_TYPES, set_override(types, drawing, TYPE_DRAWING))

    sheet_rels, rel_id = add_relationship(None, REL_DRAWING, f"../drawings/drawing{number}.xml", prefix="rId")
    package.set(rels_part_of(part), sheet_rels)
    return rel_id


def _update_defined_names(package: _Package, plan: WritePlan) -> None:
    """Set the print area and printed title rows of each engine sheet, and ask for recalculation."""
    workbook = package.get(WORKBOOK)
    entries = sheet_entries(workbook, package.get(WORKBOOK_RELS))
    index_of = {entry.name: index for index, entry in enumerate(entries)}
    engine_indices = {str(index_of[layout.name]) for layout in plan.layouts}

    def drop_engine_names(match: re.Match) -> bytes:
        element = match.group(0)
        if attribute(element, "name") in ("_xlnm.Print_Area", "_xlnm.Print_Titles") and attribute(element, "localSheetId") in engine_indices:
            return b""
        return element

    workbook = _DEFINED_NAME.sub(drop_engine_names, workbook)

    names = []
    for layout in plan.layouts:
        first, left, last, right = layout.full_print_range()
        reference = sheet_reference(layout.name)
        area = f"{reference}!{_absolute(first, left)}:{_absolute(last, right)}"
        index = index_of[layout.name]
        names.append(f'<definedName name="_xlnm.Print_Area" localSheetId="{index}">{escape(area)}</definedName>')
        if layout.freeze_rows:
            titles = f"{reference}!$1:${layout.freeze_rows}"
            names.append(f'<definedName name="_xlnm.Print_Titles" localSheetId="{index}">{escape(titles)}</definedName>')
    block = "".join(names).encode()

    if b"</definedNames>" in workbook:
        workbook = workbook.replace(b"</definedNames>", block + b"</definedNames>", 1)
    elif re.search(rb"<definedNames\s*/>", workbook):
        workbook = re.sub(rb"<definedNames\s*/>", b"<definedNames>" + block + b"</definedNames>", workbook, count=1)
    elif block:
        anchor = b"</externalReferences>" if b"</externalReferences>" in workbook else b"</sheets>"
        workbook = workbook.replace(anchor, anchor + b"<definedNames>" + block + b"</definedNames>", 1)
    workbook = re.sub(rb"<definedNames>\s*</definedNames>", b"", workbook)

    workbook = _full_calculation_on_load(workbook)
    package.set(WORKBOOK, workbook)


def _absolute(row: int, column: int) -> str:
    return f"${column_letter(column)}${row + 1}"


def _full_calculation_on_load(workbook: bytes) -> bytes:
    calc = re.search(rb"<calcPr\b[^>]*?/?>", workbook)
    if calc:
        tag = calc.group(0)
        if b"fullCalcOnLoad=" in tag:
            tag = re.sub(rb'fullCalcOnLoad="[^"]*"', b'fullCalcOnLoad="1"', tag)
        else:
            tag = tag.replace(b"<calcPr", b'<calcPr fullCalcOnLoad="1"', 1)
        return workbook[: calc.start()] + tag + workbook[calc.end() :]
    for anchor in (b"</definedNames>", b"</externalReferences>", b"</sheets>"):
        if anchor in workbook:
            return workbook.replace(anchor, anchor + b'<calcPr fullCalcOnLoad="1"/>', 1)
    return workbook


def _forget_engine_results(package: _Package, plan: WritePlan) -> None:
    """Remove cached values of farmer formulas that refer to a written or removed engine sheet."""
    changed = [layout.name for layout in plan.layouts] + plan.removed
    needles = []
    for name in changed:
        for spelled in (sheet_reference(name), name):
            needles.append(escape(spelled + "!").encode())
            needles.append(escape(spelled + "!").replace("'", "&apos;").encode())
    engine = {layout.name for layout in plan.layouts}

    entries = sheet_entries(package.get(WORKBOOK), package.get(WORKBOOK_RELS))
    for entry in entries:
        if entry.name in engine or not package.exists(entry.part):
            continue
        data = package.get(entry.part)
        if b"<f" not in data or not any(needle in data for needle in needles):
            continue

        if not any(any(needle in match.group(3) for needle in needles) for match in _FORMULA_CELL.finditer(data)):
            continue

        # LibreOffice 7.4 recomputes only the cells without a cached value,
        # so every formula of the sheet loses its value, which also covers
        # formulas that depend on the referring cell within the sheet.
        # NOTE: dependents in other sheets keep their cached value until a
        # recalculation; Excel honours fullCalcOnLoad and recomputes all.
        new_data = _FORMULA_CELL.sub(lambda match: match.group(1) + match.group(2) + match.group(4), data)
        package.set(entry.part, new_data)


def _write_marks(package: _Package, marks: list[str]) -> None:
    custom = package.get(XLSX_CUSTOM_PART)
    package.set(XLSX_CUSTOM_PART, write_xlsx_marks(custom, marks))
    if custom is not None:
        return

    # A new custom properties part needs its content type and a package relationship.
    package.set(CONTENT_TYPES, set_override(package.get(CONTENT_TYPES), XLSX_CUSTOM_PART, XLSX_CUSTOM_TYPE))
    root_rels = package.get(ROOT_RELS)
    if root_rels is None or XLSX_CUSTOM_PART.encode() not in root_rels:
        root_rels, _rel_id = add_relationship(root_rels, XLSX_CUSTOM_REL, XLSX_CUSTOM_PART)
        package.set(ROOT_RELS, root_rels)
