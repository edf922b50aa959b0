"""The document property that lists the sheets the engine wrote.

The property ``MyceliumEngineSheets`` holds the sheet names joined by "/",
a character LibreOffice and Excel forbid in sheet names. In an ODS file it is
a ``<meta:user-defined>`` element of meta.xml; in an XLSX file a custom
property of docProps/custom.xml. The writers only replace sheets listed
there, so a sheet the farmer made is never overwritten.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, unescape

PROPERTY = "MyceliumEngineSheets"
SEPARATOR = "/"

_ODS_PROPERTY = re.compile(
    rb'<meta:user-defined meta:name="' + PROPERTY.encode() + rb'"[^>]*?(?:/>|>(.*?)</meta:user-defined>)', re.S
)
_XLSX_PROPERTY = re.compile(
    rb'<property\b[^>]*\bname="' + PROPERTY.encode() + rb'"[^>]*>(.*?)</property>', re.S
)
_XLSX_TEXT = re.compile(rb"<vt:lpwstr\b[^>]*?(?:/>|>(.*?)</vt:lpwstr>)", re.S)
# Declared on the element itself because openpyxl declares it there too, not on the root.
_VT_START = b'<vt:lpwstr xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'

_XLSX_CUSTOM_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
XLSX_CUSTOM_PART = "docProps/custom.xml"
XLSX_CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
XLSX_CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"


def split_names(value: str) -> list[str]:
    """Return the sheet names of a property value, ignoring empty parts."""
    return [name for name in value.split(SEPARATOR) if name]


def join_names(names: list[str]) -> str:
    return SEPARATOR.join(names)


def _xml_text(raw: bytes) -> str:
    return unescape(raw.decode("utf-8"), {"&quot;": '"', "&apos;": "'"})


def read_ods_marks(meta_xml: bytes) -> list[str]:
    """Return the engine sheet names recorded in an ODS meta.xml."""
    match = _ODS_PROPERTY.search(meta_xml)
    if not match or match.group(1) is None:
        return []
    return split_names(_xml_text(match.group(1)))


def write_ods_marks(meta_xml: bytes, names: list[str]) -> bytes:
    """Return meta.xml with the property set to ``names``, other bytes kept."""
    element = (
        f'<meta:user-defined meta:name="{PROPERTY}" meta:value-type="string">'
        f"{escape(join_names(names))}</meta:user-defined>"
    ).encode()
    if _ODS_PROPERTY.search(meta_xml):
        return _ODS_PROPERTY.sub(lambda _match: element, meta_xml, count=1)
    if b"</office:meta>" in meta_xml:
        return meta_xml.replace(b"</office:meta>", element + b"</office:meta>", 1)
    if b"<office:meta/>" in meta_xml:
        return meta_xml.replace(b"<office:meta/>", b"<office:meta>" + element + b"</office:meta>", 1)
    raise ValueError("meta.xml has no office:meta element")


def new_ods_meta(names: list[str]) -> bytes:
    """Return a minimal meta.xml holding only the property, for a package without one."""
    head = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        b'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.2">'
        b"<office:meta></office:meta></office:document-meta>"
    )
    return write_ods_marks(head, names)


def read_xlsx_marks(custom_xml: bytes) -> list[str]:
    """Return the engine sheet names recorded in an XLSX docProps/custom.xml."""
    match = _XLSX_PROPERTY.search(custom_xml)
    if not match:
        return []
    text = _XLSX_TEXT.search(match.group(1))
    if not text or text.group(1) is None:
        return []
    return split_names(_xml_text(text.group(1)))


def write_xlsx_marks(custom_xml: bytes | None, names: list[str]) -> bytes:
    """Return docProps/custom.xml with the property set, creating the part if needed."""
    if custom_xml is None:
        custom_xml = (
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
            b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"></Properties>'
        )
    value = escape(join_names(names)).encode()
    match = _XLSX_PROPERTY.search(custom_xml)
    if match:
        start, end = match.span(1)
        return custom_xml[:start] + _VT_START + value + b"</vt:lpwstr>" + custom_xml[end:]

    # Property ids start at 2 and must be unique in the part.
    ids = [int(found) for found in re.findall(rb'\bpid="(\d+)"', custom_xml)]
    pid = max(ids, default=1) + 1
    element = (
        f'<property fmtid="{_XLSX_CUSTOM_FMTID}" pid="{pid}" name="{PROPERTY}">'.encode()
        + _VT_START
        + value
        + b"</vt:lpwstr></property>"
    )
    if b"</Properties>" in custom_xml:
        return custom_xml.replace(b"</Properties>", element + b"</Properties>", 1)
    return re.sub(rb"<Properties([^>]*)/>", lambda m: b"<Properties" + m.group(1) + b">" + element + b"</Properties>", custom_xml, count=1)
