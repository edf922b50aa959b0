"""Cell types of the standard workbook: one converter per column type.

Each converter turns the value a reader found in a cell into the column's
Python type, or raises ``CellTypeError`` with the reason and the expected
form; the caller adds the file, sheet and cell. Values typed by a person
("5,5 %", "2,50 €", "VRAI") are accepted as well as typed cells.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from ..i18n import _
from ..model.money import decimal_from
from ..model.units import Unit, find_unit
from ..model.weeks import IsoWeek

TRUE_WORDS = {"vrai", "true", "oui", "yes", "x", "1", "o", "y"}
FALSE_WORDS = {"faux", "false", "non", "no", "0", "n", ""}
_SPACES = re.compile(r"[\s\u00a0\u202f]")
_DATE_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2,4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$")
_WEEK_SHORT = re.compile(r"^(?:s|sem|semaine|w|wk|week)\.?\s*(\d{1,2})$", re.IGNORECASE)


class CellTypeError(ValueError):
    """A value that does not fit the column's type; ``expected`` describes a value that would."""

    def __init__(self, reason: str, expected: str):
        super().__init__(reason)
        self.reason = reason
        self.expected = expected


def _fail(kind: str, expected: str) -> CellTypeError:
    return CellTypeError(_("not a valid {kind}").format(kind=kind), expected)


def to_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return str(value).strip()


def to_decimal(value) -> Decimal:
    if isinstance(value, bool):
        raise _fail(_("number"), _("a number such as 12.5"))
    if isinstance(value, (int, float, Decimal)):
        return decimal_from(value)
    text = _SPACES.sub("", str(value)).replace("€", "").replace("EUR", "")
    if text.count(",") == 1 and text.count(".") == 0:
        text = text.replace(",", ".")
    elif text.count(",") >= 1 and text.count(".") == 1 and text.rfind(".") > text.rfind(","):
        text = text.replace(",", "")
    elif text.count(".") >= 1 and text.count(",") == 1 and text.rfind(",") > text.rfind("."):
        text = text.replace(".", "").replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise _fail(_("number"), _("a number such as 12.5")) from None
    if not number.is_finite():
        raise _fail(_("number"), _("a number such as 12.5"))
    return number


def to_integer(value) -> int:
    number = to_decimal(value) if not isinstance(value, int) or isinstance(value, bool) else Decimal(value)
    if number != number.to_integral_value():
        raise _fail(_("whole number"), _("a whole number such as 3"))
    return int(number)


def to_money(value) -> Decimal:
    try:
        return to_decimal(value)
    except CellTypeError:
        raise _fail(_("amount"), _("an amount in euros such as 2.50")) from None


def to_percentage(value) -> Decimal:
    """Return a percentage as a fraction: "5,5 %" and 0.055 both give 0.055.

    A bare number above 1 typed as text or number ("5.5", 20) is read as
    percent points, because no VAT rate or margin in this workbook exceeds
    100 %.
    """
    if isinstance(value, str) and "%" in value:
        return to_decimal(value.replace("%", "")) / 100
    number = to_decimal(value)
    return number / 100 if number > 1 else number


def to_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    match = _DATE_DMY.match(text)
    if match:
        day, month, year = (int(part) for part in match.groups())
        if year < 100:
            year += 2000
        try:
            return dt.date(year, month, day)
        except ValueError:
            raise _fail(_("date"), _("a date such as 10/06/2027")) from None
    match = _DATE_ISO.match(text)
    if match:
        try:
            return dt.date(*(int(part) for part in match.groups()))
        except ValueError:
            raise _fail(_("date"), _("a date such as 10/06/2027")) from None
    raise _fail(_("date"), _("a date such as 10/06/2027"))


def to_week(value, default_year: int | None = None) -> IsoWeek:
    """Return an ISO week from "2027-W23", a date, or "S23"/23 with a default year."""
    if isinstance(value, (dt.date, dt.datetime)):
        return IsoWeek.of(value if isinstance(value, dt.date) else value.date())
    text = to_text(value)
    try:
        return IsoWeek.parse(text)
    except ValueError:
        pass
    match = _WEEK_SHORT.match(text) or re.match(r"^(\d{1,2})$", text)
    if match and default_year is not None:
        try:
            return IsoWeek(default_year, int(match.group(1)))
        except ValueError:
            pass
    raise _fail(_("ISO week"), _("a week such as 2027-W23"))


def to_boolean(value) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    word = str(value).strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise _fail(_("yes/no value"), _("VRAI or FAUX (or oui/non)"))


def to_unit(value) -> Unit:
    unit = find_unit(to_text(value))
    if unit is None:
        raise _fail(_("unit"), _("a unit such as kg, botte, pièce or barquette"))
    return unit


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())
