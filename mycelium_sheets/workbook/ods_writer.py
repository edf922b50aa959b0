"""Splicing engine sheets into an .ods package.

Only the engine's ``<table:table>`` elements of content.xml are replaced.
Every other table and every other part keeps its bytes, except:

- content.xml gains the engine's automatic styles (named "myc…");
- formula cells of the farmer's sheets that refer to an engine sheet lose
  their cached result (``office:value`` and the text), so LibreOffice
  computes them again with the new engine values when the file is opened;
- meta.xml records the engine sheets, settings.xml their frozen rows,
  styles.xml gains a landscape page style when a sheet needs one, and the
  manifest lists the pictures.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from .layout import SheetLayout
from .marks import new_ods_meta, read_ods_marks, write_ods_marks
from .ods_reader import attribute_text
from .ods_settings import update_settings
from .ods_styles import MYC_STYLE, add_landscape_page, automatic_styles
from .ods_table import quote_attribute, sheet_reference, table_xml
from .package import read_part
from .plan import WritePlan, plan_write

_TABLE_START = re.compile(rb"<table:table(?:\s[^>]*)?>")
_TABLE_END = b"</table:table>"
_TABLE_NAME = re.compile(rb'\btable:name="([^"]*)"')
_FORMULA_CELL = re.compile(
    rb'<table:table-cell\b[^>]*\btable:formula="([^"]*)"[^>]*?(?:/>|>.*?</table:table-cell>)', re.S
)
_CACHED_ATTRIBUTES = re.compile(
    rb'\s(?:office:value-type|calcext:value-type|office:value|office:date-value|office:time-value'
    rb'|office:boolean-value|office:string-value|office:currency)="[^"]*"'
)
_TEXT_PARAGRAPH = re.compile(rb"<text:p\b[^>]*?(?:/>|>.*?</text:p>)", re.S)

_NAMESPACES = {
    b"office": b"urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    b"style": b"urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    b"text": b"urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    b"table": b"urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    b"draw": b"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    b"fo": b"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    b"xlink": b"http://www.w3.org/1999/xlink",
    b"number": b"urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0",
    b"svg": b"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    b"calcext": b"urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0",
}


def find_tables(content: bytes) -> list[tuple[str, int, int]]:
    """Return (name, start, end) of every ``<table:table>`` element of content.xml."""
    tables = []
    position = 0
    while True:
        match = _TABLE_START.search(content, position)
        if not match:
            return tables
        end = content.find(_TABLE_END, match.end())
        if end < 0:
            raise ValueError("content.xml has a table:table element that is not closed")
        end += len(_TABLE_END)
        name = _TABLE_NAME.search(match.group(0))
        tables.append((attribute_text(name.group(1)) if name else "", match.start(), end))
        position = end


def sheet_names(path: Path, archive: zipfile.ZipFile) -> tuple[list[str], list[str]]:
    """Return the sheet names and the engine marks of an .ods package."""
    content = read_part(path, archive, "content.xml")
    marks = read_ods_marks(read_part(path, archive, "meta.xml")) if "meta.xml" in archive.namelist() else []
    return [name for name, _start, _end in find_tables(content)], marks


def prepare(path: Path, archive: zipfile.ZipFile, layouts: list[SheetLayout], remove) -> dict[str, bytes | None]:
    """Return the package members to change to write the engine sheets."""
    names = set(archive.namelist())
    content = read_part(path, archive, "content.xml")
    tables = find_tables(content)
    meta = read_part(path, archive, "meta.xml") if "meta.xml" in names else None
    marks = read_ods_marks(meta) if meta is not None else []
    plan = plan_write(path, [name for name, _s, _e in tables], marks, layouts, remove)

    pictures: dict[str, bytes] = {}
    rendered = {layout.name: table_xml(layout, pictures) for layout in plan.layouts}
    content = _splice_tables(content, tables, plan, rendered)
    content = _forget_engine_results(content, plan)
    content = _replace_styles(content, plan)
    content = _declare_namespaces(content)

    changes: dict[str, bytes | None] = {"content.xml": content}
    changes["meta.xml"] = write_ods_marks(meta, plan.marks) if meta is not None else new_ods_meta(plan.marks)

    if "settings.xml" in names:
        frozen = {layout.name: layout.freeze_rows for layout in plan.layouts}
        changes["settings.xml"] = update_settings(read_part(path, archive, "settings.xml"), plan.removed, frozen)

    if any(layout.landscape for layout in plan.layouts) and "styles.xml" in names:
        changes["styles.xml"] = add_landscape_page(read_part(path, archive, "styles.xml"))

    _update_pictures(path, archive, changes, content, pictures, meta_is_new=meta is None)
    return changes


def _splice_tables(content: bytes, tables, plan: WritePlan, rendered: dict[str, bytes]) -> bytes:
    pieces = []
    position = 0
    for name, start, end in tables:
        pieces.append(content[position:start])
        if name in rendered:
            pieces.append(rendered.pop(name))
        elif name not in plan.removed:
            pieces.append(content[start:end])
        position = end

    # New engine sheets go after the last sheet, in the order of the layouts.
    if not tables:
        position = _body_start(content)
        pieces.append(content[:position])
    pieces.extend(rendered.values())
    pieces.append(content[position:])
    return b"".join(pieces)


def _body_start(content: bytes) -> int:
    match = re.search(rb"<office:spreadsheet\b[^>]*>", content)
    if not match:
        raise ValueError("content.xml has no office:spreadsheet element")
    return match.end()


def _forget_engine_results(content: bytes, plan: WritePlan) -> bytes:
    """Remove cached results of farmer formulas that refer to a written or removed engine sheet."""
    changed = [layout.name for layout in plan.layouts] + plan.removed
    needles = []
    for name in changed:
        for spelled in (sheet_reference(name), name):
            needles.append(quote_attribute("$" + spelled + ".").encode())
            needles.append(quote_attribute("$" + spelled + ".").replace("'", "&apos;").encode())
            needles.append(quote_attribute("[" + spelled + ".").encode())
    engine = {layout.name for layout in plan.layouts}

    pieces = []
    position = 0
    for name, start, end in find_tables(content):
        if name in engine:
            continue
        table = content[start:end]
        if b"table:formula=" not in table:
            continue

        def forget(match: re.Match) -> bytes:
            if not any(needle in match.group(1) for needle in needles):
                return match.group(0)
            cell = match.group(0)
            head_end = cell.index(b">") + 1
            head = _CACHED_ATTRIBUTES.sub(b"", cell[:head_end])
            if head.endswith(b"/>"):
                return head
            return head + _TEXT_PARAGRAPH.sub(b"", cell[head_end:])

        new_table = _FORMULA_CELL.sub(forget, table)
        if new_table != table:
            pieces.append(content[position:start])
            pieces.append(new_table)
            position = end
    pieces.append(content[position:])
    return b"".join(pieces)


def _replace_styles(content: bytes, plan: WritePlan) -> bytes:
    widths = {column.width_cm for layout in plan.layouts for column in layout.columns}
    landscape = any(layout.landscape for layout in plan.layouts)
    styles = automatic_styles(widths, landscape)

    start = content.find(b"<office:automatic-styles")
    end = content.find(b"</office:automatic-styles>")
    if start >= 0 and end >= 0:
        block = MYC_STYLE.sub(b"", content[start:end])
        return content[:start] + block + styles + content[end:]
    if start >= 0:
        # An empty <office:automatic-styles/> element.
        tag_end = content.index(b">", start) + 1
        return content[:start] + b"<office:automatic-styles>" + styles + b"</office:automatic-styles>" + content[tag_end:]
    body = content.find(b"<office:body")
    return content[:body] + b"<office:automatic-styles>" + styles + b"</office:automatic-styles>" + content[body:]


def _declare_namespaces(content: bytes) -> bytes:
    """Add to the root element the namespace declarations the engine's XML needs."""
    root = re.search(rb"<office:document-content\b[^>]*>", content)
    if not root:
        raise ValueError("content.xml has no office:document-content element")
    tag = root.group(0)
    missing = b"".join(
        b' xmlns:' + prefix + b'="' + uri + b'"' for prefix, uri in _NAMESPACES.items() if b"xmlns:" + prefix + b"=" not in tag
    )
    if not missing:
        return content
    new_tag = tag[:-1] + missing + b">"
    return content[: root.start()] + new_tag + content[root.end() :]


def _update_pictures(path: Path, archive, changes: dict, content: bytes, pictures: dict[str, bytes], meta_is_new: bool) -> None:
    """Add new pictures, drop engine pictures no longer used, and list them in the manifest."""
    names = archive.namelist()
    unused = [name for name in names if name.startswith("Pictures/myc-") and name.encode() not in content]
    added = [name for name in pictures if name not in names]
    if not unused and not added and not meta_is_new:
        return

    for name in unused:
        changes[name] = None
    for name in added:
        changes[name] = pictures[name]

    manifest_name = "META-INF/manifest.xml"
    if manifest_name not in names:
        return
    manifest = read_part(path, archive, manifest_name)
    for name in unused:
        manifest = re.sub(rb'\s*<manifest:file-entry manifest:full-path="' + re.escape(name.encode()) + rb'"[^>]*/>', b"", manifest)
    entries = b"".join(
        b'<manifest:file-entry manifest:full-path="' + name.encode() + b'" manifest:media-type="image/png"/>' for name in added
    )
    if meta_is_new and b'manifest:full-path="meta.xml"' not in manifest:
        entries += b'<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
    changes[manifest_name] = manifest.replace(b"</manifest:manifest>", entries + b"</manifest:manifest>", 1)
