"""Reading cell values as people type them, for columns of the standard workbook.

The converters of ``schema.types`` read the forms the standard workbook
offers. Spreadsheets made by hand contain more. They have empty markers
("N/A", "-"), currency on either side ("€6,00", "6 €"), units inside
quantities ("2 kg", "500g", "1 kg 100") and a count in a unit ("Botte (8)").
They have dates with a time, or with a weekday and no year ("mardi 3
juin"), and emoji ticks. This module turns those into the plain forms
first, then calls the standard converters, so one rule reads a cell
wherever it comes from.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from ..i18n import _
from ..model.units import Unit, convert, find_unit, get_unit, normalise_label
from ..schema import types
from ..schema.columns import Column
from ..schema.records import convert_value

EMPTY_MARKERS = frozenset({
    "n/a", "na", "n.a.", "#n/a", "-", "--", "—", "–", "?", "néant", "neant", "null", "none", "nan", "/", "nc", "n.c.",
})
TICKS_TRUE = frozenset({"✓", "✔", "✅", "☑", "☒", "coché", "coche"})
TICKS_FALSE = frozenset({"✗", "✘", "❌", "☐"})

MONTHS = {
    "janvier": 1, "janv": 1, "jan": 1, "january": 1,
    "fevrier": 2, "fevr": 2, "fev": 2, "feb": 2, "february": 2,
    "mars": 3, "mar": 3, "march": 3,
    "avril": 4, "avr": 4, "apr": 4, "april": 4,
    "mai": 5, "may": 5,
    "juin": 6, "jun": 6, "june": 6,
    "juillet": 7, "juil": 7, "jul": 7, "july": 7,
    "aout": 8, "aou": 8, "aug": 8, "august": 8,
    "septembre": 9, "sept": 9, "sep": 9, "september": 9,
    "octobre": 10, "oct": 10, "october": 10,
    "novembre": 11, "nov": 11, "november": 11,
    "decembre": 12, "dec": 12, "december": 12,
}
WEEKDAYS = {
    "lundi": 1, "lun": 1, "monday": 1, "mon": 1,
    "mardi": 2, "mar": 2, "tuesday": 2, "tue": 2,
    "mercredi": 3, "mer": 3, "wednesday": 3, "wed": 3,
    "jeudi": 4, "jeu": 4, "thursday": 4, "thu": 4,
    "vendredi": 5, "ven": 5, "friday": 5, "fri": 5,
    "samedi": 6, "sam": 6, "saturday": 6, "sat": 6,
    "dimanche": 7, "dim": 7, "sunday": 7, "sun": 7,
}

_CURRENCY = re.compile(r"€|\bEUR\b|\beuros?\b", re.IGNORECASE)
_DATE_WITH_TIME = re.compile(r"^(\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4})[ T]+\d{1,2}[:h]\d{2}(?::\d{2})?\s*(?:am|pm)?$", re.IGNORECASE)
_NUMBER = r"[+-]?\d[\d\s\u00a0\u202f.,]*"
_QUANTITY = re.compile(rf"^({_NUMBER})\s*([^\d\s(][^\d(]*?)\s*(?:(\d+))?$")
_UNIT_COUNT = re.compile(r"^([^\d(]+?)\s*\(\s*(\d+(?:[.,]\d+)?)\s*\)$")
_WEEK_WORDS = re.compile(r"^(?:s|sem|semaine|w|wk|week)\.?\s*(\d{1,2})(?:\s*[/-]?\s*(\d{4}))?$", re.IGNORECASE)

# Kilograms, metres and the like named in a header such as "Poids moyen (kg)":
# a value typed with another unit of the same dimension is converted to it.
_HEADER_UNIT = re.compile(r"\(([^)]*)\)\s*$")


@dataclass(frozen=True)
class Quantity:
    """A number read with the unit typed beside it, and the count in "Botte (8)"."""

    amount: Decimal | None
    unit: Unit | None = None
    count: Decimal | None = None


def strip_emoji(text: str) -> str:
    """Remove pictographs, variation selectors and joiners, keeping letters and signs."""
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if category == "So" and ord(char) > 0x2000 and char not in TICKS_TRUE | TICKS_FALSE:
            continue
        if char in ("\ufe0f", "\u200d", "\u20e3"):
            continue
        kept.append(char)
    return " ".join("".join(kept).split())


def clean_text(value) -> str:
    """Return a cell as text with outer spaces, non-breaking spaces and emoji removed."""
    return strip_emoji(types.to_text(value).replace("\u00a0", " ").replace("\u202f", " "))


def is_empty(value) -> bool:
    """True for a blank cell and for the markers people type to mean "nothing"."""
    if types.is_blank(value):
        return True
    if isinstance(value, str):
        return clean_text(value).lower() in EMPTY_MARKERS or not clean_text(value)
    return False


def read_quantity(value) -> Quantity:
    """Read "2 kg", "500g", "1 kg 100", "Botte (8)" or a plain number.

    "1 kg 100" is 1 kg and 100 g, the way scales and farmers write it. Raises
    ``types.CellTypeError`` when the text is neither a number nor a number
    with a known unit.
    """
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return Quantity(types.to_decimal(value))
    text = _CURRENCY.sub("", clean_text(value)).strip()

    match = _UNIT_COUNT.match(text)
    if match and find_unit(match.group(1)):
        return Quantity(None, find_unit(match.group(1)), types.to_decimal(match.group(2)))

    try:
        return Quantity(types.to_decimal(text))
    except types.CellTypeError:
        pass

    match = _QUANTITY.match(text)
    if match:
        unit = find_unit(match.group(2))
        if unit is not None:
            amount = types.to_decimal(match.group(1))
            if match.group(3) is not None:
                # The trailing number is in the next smaller unit: grams after kg.
                if unit.code != "kg":
                    raise types.CellTypeError(_("not a valid quantity"), _("a number and a unit such as 2 kg or 500 g"))
                amount += Decimal(match.group(3)) / Decimal(1000)
            return Quantity(amount, unit)
    raise types.CellTypeError(_("not a valid quantity"), _("a number and a unit such as 2 kg or 500 g"))


def header_unit(column: Column) -> Unit | None:
    """Return the unit a column's header names in brackets, such as kg in "Poids moyen (kg)"."""
    match = _HEADER_UNIT.search(column.header_fr)
    return find_unit(match.group(1)) if match else None


def read_date(value, *, default_year: int | None = None, today: dt.date | None = None) -> dt.date:
    """Read a date typed as "17/3/2026", "17/3/2026 12:52pm", "3 juin 2027" or "mardi 3 juin".

    A date with no year takes ``default_year``. Without one, a date that
    names its weekday takes the year nearest ``today`` where that day falls
    on that weekday. A date with neither is rejected, because its year would
    be a guess.
    """
    if isinstance(value, (dt.date, dt.datetime)):
        return types.to_date(value)
    text = clean_text(value)
    match = _DATE_WITH_TIME.match(text)
    if match:
        text = match.group(1)
    try:
        return types.to_date(text)
    except types.CellTypeError:
        pass

    words = normalise_label(text.replace(",", " ")).split()
    weekday = WEEKDAYS.get(words[0]) if words else None
    if weekday is not None:
        words = words[1:]
    expected = _("a date such as 10/06/2027")
    if len(words) not in (2, 3) or not words[0].rstrip("er").isdigit() or words[1] not in MONTHS:
        raise types.CellTypeError(_("not a valid date"), expected)
    day = int(words[0].rstrip("er"))
    month = MONTHS[words[1]]
    if len(words) == 3:
        if not words[2].isdigit():
            raise types.CellTypeError(_("not a valid date"), expected)
        years = [int(words[2])]
    elif default_year is not None:
        years = [default_year]
    elif weekday is not None:
        base = (today or dt.date.today()).year
        years = sorted(range(base - 3, base + 4), key=lambda year: (abs(year - base), -year))
    else:
        raise types.CellTypeError(_("date without a year"), _("a date with its year, such as 3/6/2027"))

    for year in years:
        try:
            date = dt.date(year, month, day)
        except ValueError:
            continue
        if weekday is None or date.isoweekday() == weekday:
            return date
    if weekday is not None:
        raise types.CellTypeError(_("the weekday does not match the date"), expected)
    raise types.CellTypeError(_("not a valid date"), expected)


def read_week(value, *, default_year: int | None = None):
    """Read an ISO week typed as "2027-W23", "S23", "sem. 23", "S23/2027" or a date."""
    if isinstance(value, (dt.date, dt.datetime)):
        return types.to_week(value)
    text = clean_text(value)
    match = _WEEK_WORDS.match(text)
    if match and match.group(2):
        return types.to_week(f"{match.group(2)}-W{int(match.group(1)):02d}")
    if match:
        return types.to_week(f"S{match.group(1)}", default_year)
    try:
        return types.to_week(text, default_year)
    except types.CellTypeError:
        if re.match(r"^\d{1,2}$", text) and default_year is None:
            raise types.CellTypeError(_("week number without a year"), _("a week with its year, such as 2027-W23")) from None
        raise


def read_boolean(value) -> bool:
    """Read "oui", "x", "VRAI", "True", 1, "✓" and their negatives."""
    if isinstance(value, str):
        text = value.strip()
        if text in TICKS_TRUE:
            return True
        if text in TICKS_FALSE:
            return False
        value = clean_text(value)
    return types.to_boolean(value)


def read_cell(column: Column, value, *, default_year: int | None = None, row_unit: Unit | None = None):
    """Convert one cell to the column's type, or raise ``types.CellTypeError``.

    Returns a pair: the converted value and the unit typed inside a number
    ("2 kg") or None. A unit typed in a column whose header names another
    unit of the same dimension ("500 g" under "Poids moyen (kg)") is
    converted to the header's unit. Returns (None, None) for an empty cell.
    """
    if is_empty(value):
        return None, None
    kind = column.type

    if kind in ("text", "reference"):
        return clean_text(value), None
    if kind == "boolean":
        return read_boolean(value), None
    if kind == "date":
        return read_date(value, default_year=default_year), None
    if kind == "week":
        return read_week(value, default_year=default_year), None
    if kind == "unit":
        return _read_unit(value), None
    if kind == "percentage":
        text = clean_text(value) if isinstance(value, str) else value
        return convert_value(column, text), None
    if kind == "choice":
        return convert_value(column, clean_text(value)), None

    try:
        quantity = read_quantity(value)
    except types.CellTypeError:
        quantity = None
    if quantity is None or quantity.amount is None:
        if kind == "money":
            raise types.CellTypeError(_("not a valid amount"), _("an amount in euros such as 2.50"))
        raise types.CellTypeError(_("not a valid number"), _("a number such as 12.5"))
    amount = quantity.amount
    target = header_unit(column)
    if quantity.unit is not None and target is not None and quantity.unit != target:
        converted = convert(amount, quantity.unit, target)
        if converted is None:
            raise types.CellTypeError(
                _("the unit {found} cannot be converted to {unit}").format(found=quantity.unit.label_fr, unit=target.label_fr),
                _("a quantity in {unit}").format(unit=target.label_fr))
        amount = converted
    elif quantity.unit is not None and row_unit is not None and quantity.unit != row_unit:
        converted = convert(amount, quantity.unit, row_unit)
        if converted is None:
            raise types.CellTypeError(
                _("the unit {found} differs from the row's unit {unit}").format(found=quantity.unit.label_fr, unit=row_unit.label_fr),
                _("a quantity in {unit}").format(unit=row_unit.label_fr))
        amount = converted
    return convert_value(column, amount), quantity.unit if target is None else None


def _read_unit(value) -> Unit:
    text = clean_text(value)
    unit = find_unit(text)
    if unit is not None:
        return unit
    match = _UNIT_COUNT.match(text)
    if match and find_unit(match.group(1)):
        return find_unit(match.group(1))
    try:
        quantity = read_quantity(text)
    except types.CellTypeError:
        quantity = None
    if quantity is not None and quantity.unit is not None:
        return quantity.unit
    # "Kg", "litre" and "pièce" appear inside longer labels such as
    # "Unité (pièce, Kg, g ou litre)" only in headers, not in values.
    raise types.CellTypeError(_("not a valid unit"), _("a unit such as kg, botte, pièce or barquette"))


def unit_count(value) -> Decimal | None:
    """Return the count typed in a unit cell such as "Botte (8)", or None."""
    if is_empty(value) or not isinstance(value, str):
        return None
    match = _UNIT_COUNT.match(clean_text(value))
    if match and find_unit(match.group(1)):
        return types.to_decimal(match.group(2))
    return None


KILOGRAM = get_unit("kg")
