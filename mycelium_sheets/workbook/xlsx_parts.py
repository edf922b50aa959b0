"""The structure of an .xlsx package: sheets, relationships and content types.

These helpers read and edit the small XML parts (workbook.xml, its
relationships, [Content_Types].xml) as bytes, so every byte they do not
change stays as the spreadsheet program wrote it.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from xml.sax.saxutils import escape, unescape

WORKBOOK = "xl/workbook.xml"
WORKBOOK_RELS = "xl/_rels/workbook.xml.rels"
CONTENT_TYPES = "[Content_Types].xml"
ROOT_RELS = "_rels/.rels"

REL_WORKSHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
REL_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing"
REL_IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
TYPE_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
TYPE_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml"

SHEET_ELEMENT = re.compile(rb"<sheet\b[^>]*/>|<sheet\b[^>]*>.*?</sheet>", re.S)
RELATIONSHIP = re.compile(rb"<Relationship\b[^>]*/?>")


def attribute(tag: bytes, name: str) -> str | None:
    """Return an attribute of a start tag as text, or None when absent."""
    match = re.search(rb"(?:\s|^)" + re.escape(name.encode()) + rb'="([^"]*)"', tag)
    if not match:
        return None
    return unescape(match.group(1).decode("utf-8"), {"&quot;": '"', "&apos;": "'"})


def quote(text: str) -> str:
    return escape(text, {'"': "&quot;"})


@dataclass
class SheetEntry:
    """One ``<sheet>`` element of workbook.xml and the part it points to."""

    name: str
    sheet_id: int
    rel_id: str
    state: str
    part: str
    element: bytes


def relationships(rels_xml: bytes) -> dict[str, tuple[str, str]]:
    """Return relationship id → (type, target) of a .rels part."""
    found = {}
    for match in RELATIONSHIP.finditer(rels_xml):
        tag = match.group(0)
        found[attribute(tag, "Id")] = (attribute(tag, "Type") or "", attribute(tag, "Target") or "")
    return found


def resolve(base_part: str, target: str) -> str:
    """Return the part name a relationship target points to, relative to its source part."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(base_part), target))


def rels_part_of(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def sheet_entries(workbook_xml: bytes, rels_xml: bytes) -> list[SheetEntry]:
    """Return the sheets of workbook.xml in tab order."""
    rels = relationships(rels_xml)
    entries = []
    sheets_block = re.search(rb"<sheets\b[^>]*>(.*?)</sheets>", workbook_xml, re.S)
    if not sheets_block:
        return entries
    for match in SHEET_ELEMENT.finditer(sheets_block.group(1)):
        tag = match.group(0)
        rel_id = attribute(tag, "r:id") or ""
        target = rels.get(rel_id, ("", ""))[1]
        entries.append(
            SheetEntry(
                name=attribute(tag, "name") or "",
                sheet_id=int(attribute(tag, "sheetId") or 0),
                rel_id=rel_id,
                state=attribute(tag, "state") or "visible",
                part=resolve(WORKBOOK, target) if target else "",
                element=tag,
            )
        )
    return entries


def add_relationship(rels_xml: bytes | None, rel_type: str, target: str, prefix: str = "rIdMyc") -> tuple[bytes, str]:
    """Return the .rels part with one more relationship, and the new id."""
    if rels_xml is None:
        rels_xml = (
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>'
        )
    used = set(relationships(rels_xml))
    number = 1
    while f"{prefix}{number}" in used:
        number += 1
    rel_id = f"{prefix}{number}"
    element = f'<Relationship Id="{rel_id}" Type="{rel_type}" Target="{quote(target)}"/>'.encode()
    if b"</Relationships>" in rels_xml:
        rels_xml = rels_xml.replace(b"</Relationships>", element + b"</Relationships>", 1)
    else:
        rels_xml = re.sub(
            rb"<Relationships([^>]*)/>", lambda m: b"<Relationships" + m.group(1) + b">" + element + b"</Relationships>", rels_xml, count=1
        )
    return rels_xml, rel_id


def remove_relationship(rels_xml: bytes, rel_id: str) -> bytes:
    def keep(match: re.Match) -> bytes:
        return b"" if attribute(match.group(0), "Id") == rel_id else match.group(0)

    return RELATIONSHIP.sub(keep, rels_xml)


def set_override(types_xml: bytes, part: str, content_type: str | None) -> bytes:
    """Return [Content_Types].xml with the Override of ``part`` set, or removed when content_type is None."""
    part_name = "/" + part
    pattern = re.compile(rb'<Override\b[^>]*PartName="' + re.escape(quote(part_name).encode()) + rb'"[^>]*/>')
    types_xml = pattern.sub(b"", types_xml)
    if content_type is None:
        return types_xml
    element = f'<Override PartName="{quote(part_name)}" ContentType="{content_type}"/>'.encode()
    return types_xml.replace(b"</Types>", element + b"</Types>", 1)


def ensure_default(types_xml: bytes, extension: str, content_type: str) -> bytes:
    """Return [Content_Types].xml with a Default for the extension, added if missing."""
    if re.search(rb'<Default\b[^>]*Extension="' + re.escape(extension.encode()) + rb'"', types_xml, re.I):
        return types_xml
    element = f'<Default Extension="{extension}" ContentType="{content_type}"/>'.encode()
    return types_xml.replace(b"</Types>", element + b"</Types>", 1)
