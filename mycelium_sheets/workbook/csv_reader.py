"""CSV files as a one-sheet workbook.

The encoding (UTF-8 with or without BOM, else cp1252), the delimiter
(";", "," or tab) and the decimal separator are detected. Whole numbers
become ``int``, decimal numbers ``float`` (a decimal comma is accepted when
the delimiter is not a comma), dates written dd/mm/yyyy or yyyy-mm-dd become
``datetime.date``; every other cell stays text.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from pathlib import Path

from ..errors import FileFormatError, Location
from ..i18n import _
from .calamine_reader import clean_rows
from .table import Sheet

DELIMITERS = (";", ",", "\t")
MAX_CSV_SIZE = 1024**3
CONVERSION_CACHE_SIZE = 1 << 17

_INTEGER = re.compile(r"^[+-]?\d+$")
_DECIMAL_POINT = re.compile(r"^[+-]?(?:\d+\.\d*|\.\d+)$")
_DECIMAL_COMMA = re.compile(r"^[+-]?(?:\d+,\d*|,\d+)$")
_DATE_FR = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def decode(path: Path, data: bytes) -> str:
    """Return the text of a CSV file, trying UTF-8 (with or without BOM) then cp1252."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise FileFormatError(
            _("The CSV file is neither UTF-8 nor Windows-1252 text."),
            location=Location(file=str(path)),
            remedy=_("Export the CSV again choosing the UTF-8 character set."),
        ) from None


def detect_delimiter(text: str) -> str:
    """Return the delimiter that splits the first lines into the most equal, widest rows."""
    sample = text[:64 * 1024].splitlines()[:50]
    best, best_score = ";", (-1, -1)
    for delimiter in DELIMITERS:
        widths = [len(row) for row in csv.reader(sample, delimiter=delimiter)]
        if not widths:
            continue
        most_common = max(set(widths), key=widths.count)
        score = (widths.count(most_common) if most_common > 1 else 0, most_common)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def convert(text: str, decimal_comma: bool):
    """Return a CSV cell as a number, a date or the text itself."""
    value = text.strip()
    if not value:
        return None
    if _INTEGER.match(value):
        # A leading zero marks a code (postcode, phone number), not a number.
        if len(value.lstrip("+-")) > 1 and value.lstrip("+-").startswith("0"):
            return value
        return int(value)
    if _DECIMAL_POINT.match(value):
        return float(value)
    if decimal_comma and _DECIMAL_COMMA.match(value):
        return float(value.replace(",", "."))
    match = _DATE_FR.match(value)
    if match:
        day, month, year = (int(group) for group in match.groups())
        return _date(year, month, day) or text
    match = _DATE_ISO.match(value)
    if match:
        year, month, day = (int(group) for group in match.groups())
        return _date(year, month, day) or text
    return text


def _date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def read_csv(path: Path) -> Sheet:
    """Read a CSV file as one sheet named after the file stem."""
    if path.stat().st_size > MAX_CSV_SIZE:
        raise FileFormatError(
            _("The CSV file is larger than {limit} bytes.").format(limit=MAX_CSV_SIZE),
            location=Location(file=str(path)),
            remedy=_("Split the file or import it into a workbook first."),
        )
    text = decode(path, path.read_bytes())
    if "\x00" in text:
        raise FileFormatError(
            _("The file is named .csv but is not text."),
            location=Location(file=str(path)),
            remedy=_("Export the data again as CSV from the spreadsheet program."),
        )

    delimiter = detect_delimiter(text)
    conversions = _Conversions(delimiter != ",")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = clean_rows([list(map(conversions.__getitem__, row)) for row in reader])
    return Sheet(name=path.stem, rows=rows)


class _Conversions(dict):
    """Converted CSV cells by their text, filled on first use.

    A CSV export repeats the same dates, names, units and quantities on many
    rows, so each distinct text is converted once. A blank cell gives "",
    which ``clean_rows`` turns into None. Past ``CONVERSION_CACHE_SIZE``
    distinct texts the remaining new ones are converted without being kept.
    """

    def __init__(self, decimal_comma: bool):
        super().__init__()
        self.decimal_comma = decimal_comma

    def __missing__(self, text: str):
        value = convert(text, self.decimal_comma)
        if value is None:
            value = ""
        if len(self) < CONVERSION_CACHE_SIZE:
            self[text] = value
        return value
