"""Per-sheet view settings of an .ods file (settings.xml): frozen header rows.

LibreOffice keeps one ``config:config-item-map-entry`` per sheet inside the
"Tables" map of the first view. The writer replaces only the entries of
engine sheets, so the farmer's sheets keep their settings byte for byte.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

_TABLES = re.compile(rb'<config:config-item-map-named config:name="Tables"\s*>')
_VIEWS_ENTRY = re.compile(rb'<config:config-item-map-indexed config:name="Views"\s*>\s*<config:config-item-map-entry\s*>')
_VIEW_SETTINGS = re.compile(rb'<config:config-item-set config:name="ooo:view-settings"\s*>')


def _entry_pattern(name: str) -> re.Pattern:
    quoted = escape(name, {'"': "&quot;"}).encode()
    return re.compile(
        rb'<config:config-item-map-entry config:name="' + re.escape(quoted) + rb'"\s*>.*?</config:config-item-map-entry>', re.S
    )


def _item(name: str, kind: str, value: int) -> str:
    return f'<config:config-item config:name="{name}" config:type="{kind}">{value}</config:config-item>'


def frozen_entry(name: str, rows: int) -> bytes:
    """Return the settings entry of a sheet whose first ``rows`` rows are frozen."""
    items = [
        _item("CursorPositionX", "int", 0),
        _item("CursorPositionY", "int", rows),
        _item("HorizontalSplitMode", "short", 0),
        _item("VerticalSplitMode", "short", 2),
        _item("HorizontalSplitPosition", "int", 0),
        _item("VerticalSplitPosition", "int", rows),
        _item("ActiveSplitRange", "short", 2),
        _item("PositionLeft", "int", 0),
        _item("PositionRight", "int", 0),
        _item("PositionTop", "int", 0),
        _item("PositionBottom", "int", rows),
    ]
    quoted = escape(name, {'"': "&quot;"})
    return (f'<config:config-item-map-entry config:name="{quoted}">' + "".join(items) + "</config:config-item-map-entry>").encode()


def update_settings(settings_xml: bytes, removed: list[str], frozen: dict[str, int]) -> bytes:
    """Return settings.xml without the entries of ``removed`` and with one per frozen sheet.

    ``frozen`` maps a sheet name to its number of frozen rows. Entries of
    other sheets are left unchanged.
    """
    for name in list(removed) + list(frozen):
        settings_xml = _entry_pattern(name).sub(b"", settings_xml)

    entries = b"".join(frozen_entry(name, rows) for name, rows in frozen.items() if rows > 0)
    if not entries:
        return settings_xml

    tables = _TABLES.search(settings_xml)
    if tables:
        return settings_xml[: tables.end()] + entries + settings_xml[tables.end() :]

    tables_map = b'<config:config-item-map-named config:name="Tables">' + entries + b"</config:config-item-map-named>"
    views = _VIEWS_ENTRY.search(settings_xml)
    if views:
        return settings_xml[: views.end()] + tables_map + settings_xml[views.end() :]

    views_map = (
        b'<config:config-item-map-indexed config:name="Views"><config:config-item-map-entry>'
        b'<config:config-item config:name="ViewId" config:type="string">view1</config:config-item>'
        + tables_map
        + b"</config:config-item-map-entry></config:config-item-map-indexed>"
    )
    view_settings = _VIEW_SETTINGS.search(settings_xml)
    if view_settings:
        return settings_xml[: view_settings.end()] + views_map + settings_xml[view_settings.end() :]
    # NOTE: a settings.xml without view settings is left as it is, so the
    # header rows are not frozen; LibreOffice always writes view settings.
    return settings_xml
