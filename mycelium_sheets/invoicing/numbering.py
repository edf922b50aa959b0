"""Invoice numbers: one continuous chronological series per farm, with a prefix.

A number is the farm's prefix followed by the sequence on 5 digits
(FA2027-00042). The sequence never restarts, even when the prefix changes,
so the register has a single unbroken series (CGI annex II art. 242 nonies A,
I 7°). The whole number is at most 35 characters among A–Z, 0–9 and
+ - _ /, the limit the French e-invoicing platforms accept.
"""

from __future__ import annotations

import re

from ..errors import InvoicingError
from ..i18n import _
from ..model.farm import Farm

DEFAULT_PREFIX = "FA-"
SEQUENCE_DIGITS = 5
MAX_NUMBER_LENGTH = 35
_ALLOWED = re.compile(r"^[A-Z0-9+\-_/]*$")


def invoice_prefix(farm: Farm) -> str:
    """Return the farm's invoice prefix after checking it, or the default one."""
    prefix = (farm.invoice_prefix or "").strip() if farm.invoice_prefix is not None else ""
    if not prefix:
        return DEFAULT_PREFIX
    location = farm.source.location("invoice_prefix") if farm.source else None
    if not _ALLOWED.match(prefix):
        raise InvoicingError(
            _("the invoice prefix has characters an invoice number cannot contain"),
            location=location, value=prefix,
            remedy=_("Use only capital letters A–Z, digits 0–9 and + - _ /, for example FA2027-."),
        )
    if len(prefix) + SEQUENCE_DIGITS > MAX_NUMBER_LENGTH:
        raise InvoicingError(
            _("the invoice prefix is too long: numbers would exceed {maximum} characters").format(maximum=MAX_NUMBER_LENGTH),
            location=location, value=prefix,
            remedy=_("Shorten the prefix to {length} characters at most.").format(length=MAX_NUMBER_LENGTH - SEQUENCE_DIGITS),
        )
    return prefix


def format_number(prefix: str, sequence: int) -> str:
    return f"{prefix}{sequence:0{SEQUENCE_DIGITS}d}"


def is_valid_number(number: str) -> bool:
    return bool(number) and len(number) <= MAX_NUMBER_LENGTH and bool(_ALLOWED.match(number))
