"""Message translation through gettext catalogues kept as .po files.

The catalogues live in ``mycelium_sheets/locale/LANG/*.po``; every .po file of
a language is merged, so each part of the engine keeps its own file. They are
parsed at run time, which needs no compiled .mo file and works in the bare
Python that LibreOffice bundles.
"""

from __future__ import annotations

import ast
import gettext
import locale
import os
from pathlib import Path

LANGUAGES = ("fr", "en")
_LOCALE_DIR = Path(__file__).parent / "locale"

_language: str | None = None
_catalogues: dict[str, gettext.NullTranslations] = {}


class _PoTranslations(gettext.NullTranslations):
    """Translations read from the .po files of one language."""

    def __init__(self, messages: dict[str, str], language: str):
        super().__init__()
        self._messages = messages
        self.language = language

    def gettext(self, message: str) -> str:
        return self._messages.get(message) or message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if not is_plural(n, self.language) else plural)


def is_plural(count, language: str) -> bool:
    """Return whether a count takes the plural: above 1 in French (0 and 1 are singular), not 1 in English."""
    return count > 1 if language == "fr" else count != 1


def parse_po(text: str) -> dict[str, str]:
    """Return the msgid → msgstr pairs of a .po file, skipping fuzzy entries."""
    messages: dict[str, str] = {}
    msgid: list[str] = []
    msgstr: list[str] = []
    field = None
    fuzzy = False

    def flush() -> None:
        key = "".join(msgid)
        value = "".join(msgstr)
        if key and value and not fuzzy:
            messages[key] = value

    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        elif line.startswith("msgid "):
            if field == "msgstr":
                flush()
                msgid, msgstr, fuzzy = [], [], fuzzy and not msgid
            msgid = [ast.literal_eval(line[6:])]
            msgstr = []
            field = "msgid"
        elif line.startswith("msgstr "):
            msgstr = [ast.literal_eval(line[7:])]
            field = "msgstr"
        elif line.startswith('"'):
            (msgid if field == "msgid" else msgstr).append(ast.literal_eval(line))
        elif not line:
            if field == "msgstr":
                flush()
            msgid, msgstr, field, fuzzy = [], [], None, False
    if field == "msgstr":
        flush()
    return messages


def _catalogue(language: str) -> gettext.NullTranslations:
    if language not in _catalogues:
        messages: dict[str, str] = {}
        folder = _LOCALE_DIR / language
        if folder.is_dir():
            for po_file in sorted(folder.glob("*.po")):
                messages.update(parse_po(po_file.read_text(encoding="utf-8")))
        _catalogues[language] = _PoTranslations(messages, language)
    return _catalogues[language]


def detect_language() -> str:
    """Return "fr" when the user's locale is French, "en" otherwise."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return "fr" if code.lower().startswith("fr") else "en"


def set_language(language: str | None) -> str:
    """Choose the language of messages; None means the user's locale."""
    global _language
    if language is not None and language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}, expected one of {LANGUAGES}")
    _language = language or detect_language()
    return _language


def get_language() -> str:
    """Return the language in force, detecting it from the locale on first use."""
    return _language or set_language(None)


def _(message: str) -> str:
    """Translate a message into the language in force."""
    return _catalogue(get_language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message whose form depends on the count n."""
    return _catalogue(get_language()).ngettext(singular, plural, n)


def pick(french: str, english: str, language: str | None = None) -> str:
    """Return the French or the English form of a label written in both."""
    return french if (language or get_language()) == "fr" else english


def format_number(value, language: str | None = None) -> str:
    """Write a number for a message: a decimal comma in French, no trailing zeros.

    6.0 gives "6" and 2.50 gives "2,5" in French, and "2.5" in English. The
    value keeps its own digits, so round it first when it has too many.
    Anything that is not a number comes back as ``str(value)``.
    """
    from decimal import Decimal, InvalidOperation

    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return str(value)
    try:
        number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    except (InvalidOperation, ValueError):
        return str(value)
    if not number.is_finite():
        return str(value)

    text = f"{number:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    if (language or get_language()) == "fr":
        text = text.replace(".", ",")
    return text
