"""Number formats and cell styles of engine sheets in a LibreOffice document.

Format codes are written in LibreOffice's en-US syntax and converted to the
document's locale with ``XNumberFormats.addNewConverted``, so a French
document shows "12,50 €" and "10/06/2027" with its own separators.
"""

from __future__ import annotations

# Layout number formats (mycelium_sheets.workbook.layout.FORMATS) as en-US codes.
FORMAT_CODES = {
    "text": "@",
    "integer": "0",
    # "General" keeps up to 3 decimals of a quantity without showing a
    # trailing separator on whole numbers, which "0.###" would.
    "quantity": "General",
    "decimal": "0.00",
    "money": "#,##0.00 [$€-40C];-#,##0.00 [$€-40C]",
    "percent": "0.0%",
    "date": "DD/MM/YYYY",
    "week": "@",
    "tick": "@",
}

# Cell styles created in the document, by the row kinds of a SheetLayout.
STYLE_NAMES = {
    "title": "Mycélium titre",
    "subtitle": "Mycélium sous-titre",
    "header": "Mycélium en-tête",
    "subtotal": "Mycélium sous-total",
    "total": "Mycélium total",
    "note": "Mycélium note",
}

_BOLD = 150.0  # com.sun.star.awt.FontWeight.BOLD
_ITALIC = "ITALIC"
_HEADER_BACKGROUND = 0xDDE8CB  # a light green, readable when printed in grey
_GREY_TEXT = 0x555555


def _line(width: int = 35):
    import uno

    line = uno.createUnoStruct("com.sun.star.table.BorderLine2")
    line.OuterLineWidth = width
    line.LineWidth = width
    return line


def _style_properties(kind: str) -> dict:
    import uno

    if kind == "title":
        return {"CharWeight": _BOLD, "CharHeight": 14.0}
    if kind == "subtitle":
        return {"CharWeight": _BOLD, "CharHeight": 11.0}
    if kind == "header":
        return {"CharWeight": _BOLD, "CellBackColor": _HEADER_BACKGROUND, "BottomBorder": _line(), "IsTextWrapped": True}
    if kind == "subtotal":
        return {"CharWeight": _BOLD, "TopBorder": _line(15)}
    if kind == "total":
        return {"CharWeight": _BOLD, "TopBorder": _line(50)}
    if kind == "note":
        return {"CharPosture": uno.Enum("com.sun.star.awt.FontSlant", _ITALIC), "CharColor": _GREY_TEXT}
    raise KeyError(kind)


def ensure_styles(document) -> None:
    """Create the engine's cell styles in the document when they are missing.

    A style the farmer already changed is kept as it is, so their colours win.
    """
    styles = document.getStyleFamilies().getByName("CellStyles")
    for kind, name in STYLE_NAMES.items():
        if styles.hasByName(name):
            continue
        style = document.createInstance("com.sun.star.style.CellStyle")
        styles.insertByName(name, style)
        for key, value in _style_properties(kind).items():
            style.setPropertyValue(key, value)


def _locale(language: str, country: str):
    import uno

    locale = uno.createUnoStruct("com.sun.star.lang.Locale")
    locale.Language, locale.Country = language, country
    return locale


def sheet_locale(layout, document):
    """Return the locale whose separators an engine sheet's numbers show.

    A sheet named in French (such as "Récolte") shows "12,50 €" even in a
    document whose default locale is English; other sheets follow the
    document's default locale.
    """
    from mycelium_sheets.schema.engine_sheets import ENGINE_SHEETS

    for sheet in ENGINE_SHEETS:
        if sheet.key == layout.key and layout.name == sheet.name_fr and sheet.name_fr != sheet.name_en:
            return _locale("fr", "FR")
    return document.CharLocale


class NumberFormatKeys:
    """The document's number format keys for the layout formats, by locale, created on first use."""

    def __init__(self, document):
        self.formats = document.getNumberFormats()
        self.keys: dict[tuple[str, str, str], int] = {}

    def key(self, layout_format: str, locale) -> int:
        cache_key = (layout_format, locale.Language, locale.Country)
        if cache_key in self.keys:
            return self.keys[cache_key]
        code = FORMAT_CODES[layout_format]
        if code == "General":
            # com.sun.star.util.NumberFormat.NUMBER is 1
            key = self.formats.getStandardFormat(1, locale)
        else:
            # Returns the existing key when the converted format is already in the document.
            key = self.formats.addNewConverted(code, _locale("en", "US"), locale)
        self.keys[cache_key] = key
        return key
