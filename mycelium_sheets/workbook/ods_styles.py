"""Automatic styles for engine sheets in an .ods file.

Every name starts with "myc" so the writer can find and replace the styles
of an earlier run without touching the farmer's styles. A cell style exists
for each number format and row kind: ``myc-ce-<format>-<kind>``.
"""

from __future__ import annotations

import re

from .layout import FORMATS, ROW_KINDS

CELL_KINDS = ("body",) + ROW_KINDS

# Old "myc" styles, found by name so that a rewrite replaces them.
MYC_STYLE = re.compile(
    rb'<(style:style|number:[a-z-]+-style|style:page-layout|style:master-page)\b[^>]*\bstyle:name="myc[^"]*"[^>]*?(?:/>|>.*?</\1>)',
    re.S,
)

_DATA_STYLES = {
    "integer": (
        '<number:number-style style:name="myc-N-integer" number:language="fr" number:country="FR">'
        '<number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1" number:grouping="true"/>'
        "</number:number-style>"
    ),
    "quantity": (
        '<number:number-style style:name="myc-N-quantity" number:language="fr" number:country="FR">'
        '<number:number number:decimal-places="3" number:min-decimal-places="0" number:min-integer-digits="1" number:grouping="true"/>'
        "</number:number-style>"
    ),
    "decimal": (
        '<number:number-style style:name="myc-N-decimal" number:language="fr" number:country="FR">'
        '<number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/>'
        "</number:number-style>"
    ),
    "money": (
        '<number:currency-style style:name="myc-N-money" number:language="fr" number:country="FR">'
        '<number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/>'
        "<number:text>\u00a0</number:text>"
        '<number:currency-symbol number:language="fr" number:country="FR">€</number:currency-symbol>'
        "</number:currency-style>"
    ),
    "percent": (
        '<number:percentage-style style:name="myc-N-percent" number:language="fr" number:country="FR">'
        '<number:number number:decimal-places="1" number:min-decimal-places="1" number:min-integer-digits="1"/>'
        "<number:text>\u00a0%</number:text>"
        "</number:percentage-style>"
    ),
    "date": (
        '<number:date-style style:name="myc-N-date" number:language="fr" number:country="FR">'
        '<number:day number:style="long"/><number:text>/</number:text>'
        '<number:month number:style="long"/><number:text>/</number:text>'
        '<number:year number:style="long"/>'
        "</number:date-style>"
    ),
}

_KIND_CELL_PROPERTIES = {
    "header": ' fo:background-color="#d9e7cb" fo:border-bottom="0.06pt solid #000000" fo:wrap-option="wrap"',
    "total": ' fo:background-color="#eeeeee" fo:border-top="0.06pt solid #000000"',
    "subtotal": ' fo:border-top="0.06pt solid #808080"',
}
_KIND_TEXT_PROPERTIES = {
    "title": ' fo:font-size="14pt" fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"',
    "subtitle": ' fo:font-size="11pt" fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"',
    "header": ' fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"',
    "subtotal": ' fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"',
    "total": ' fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"',
    "note": ' fo:font-style="italic" style:font-style-asian="italic" style:font-style-complex="italic"',
}
_TICK_BORDER = ' fo:border="0.06pt solid #000000"'


def cell_style_name(fmt: str, kind: str) -> str:
    return f"myc-ce-{fmt}-{kind}"


def column_style_name(width_cm: float) -> str:
    return f"myc-co-{round(width_cm * 100)}"


def automatic_styles(column_widths: set[float], landscape: bool) -> bytes:
    """Return the automatic styles engine sheets use, for content.xml."""
    parts = list(_DATA_STYLES.values())

    for width in sorted(column_widths):
        parts.append(
            f'<style:style style:name="{column_style_name(width)}" style:family="table-column">'
            f'<style:table-column-properties fo:break-before="auto" style:column-width="{width:.3f}cm"/></style:style>'
        )

    parts.append(
        '<style:style style:name="myc-ro" style:family="table-row">'
        '<style:table-row-properties fo:break-before="auto" style:use-optimal-row-height="true"/></style:style>'
    )
    parts.append(
        '<style:style style:name="myc-ro-break" style:family="table-row">'
        '<style:table-row-properties fo:break-before="page" style:use-optimal-row-height="true"/></style:style>'
    )
    parts.append(
        '<style:style style:name="myc-ta" style:family="table">'
        '<style:table-properties table:display="true" style:writing-mode="lr-tb"/></style:style>'
    )
    if landscape:
        parts.append(
            '<style:style style:name="myc-ta-landscape" style:family="table" style:master-page-name="myc-landscape">'
            '<style:table-properties table:display="true" style:writing-mode="lr-tb"/></style:style>'
        )

    for fmt in FORMATS:
        for kind in CELL_KINDS:
            parts.append(_cell_style(fmt, kind))
    return "".join(parts).encode()


def _cell_style(fmt: str, kind: str) -> str:
    data_style = f' style:data-style-name="myc-N-{fmt}"' if fmt in _DATA_STYLES else ""
    cell_properties = _KIND_CELL_PROPERTIES.get(kind, "")
    if fmt == "tick" and kind == "body":
        cell_properties += _TICK_BORDER
    if fmt == "text" and kind == "body":
        cell_properties += ' fo:wrap-option="wrap"'
    text_properties = _KIND_TEXT_PROPERTIES.get(kind, "")
    return (
        f'<style:style style:name="{cell_style_name(fmt, kind)}" style:family="table-cell" style:parent-style-name="Default"{data_style}>'
        + (f"<style:table-cell-properties{cell_properties}/>" if cell_properties else "")
        + (f"<style:text-properties{text_properties}/>" if text_properties else "")
        + "</style:style>"
    )


LANDSCAPE_PAGE_LAYOUT = (
    b'<style:page-layout style:name="myc-pm-landscape"><style:page-layout-properties '
    b'fo:page-width="29.7cm" fo:page-height="21cm" style:print-orientation="landscape" '
    b'fo:margin-top="1cm" fo:margin-bottom="1cm" fo:margin-left="1cm" fo:margin-right="1cm"/></style:page-layout>'
)
LANDSCAPE_MASTER_PAGE = b'<style:master-page style:name="myc-landscape" style:page-layout-name="myc-pm-landscape"/>'


def add_landscape_page(styles_xml: bytes) -> bytes:
    """Return styles.xml with the landscape master page added, unless already there.

    Only insertions are made, so every other byte of styles.xml is kept.
    """
    if b'style:name="myc-landscape"' in styles_xml:
        return styles_xml
    styles_xml = _insert_in(styles_xml, b"office:automatic-styles", LANDSCAPE_PAGE_LAYOUT)
    return _insert_in(styles_xml, b"office:master-styles", LANDSCAPE_MASTER_PAGE)


def _insert_in(xml: bytes, element: bytes, addition: bytes) -> bytes:
    closing = b"</" + element + b">"
    if closing in xml:
        return xml.replace(closing, addition + closing, 1)
    empty = b"<" + element + b"/>"
    if empty in xml:
        return xml.replace(empty, b"<" + element + b">" + addition + closing, 1)
    # The element is missing: put it before the end of the root element.
    root_end = xml.rfind(b"</office:document-styles>")
    return xml[:root_end] + b"<" + element + b">" + addition + closing + xml[root_end:]
