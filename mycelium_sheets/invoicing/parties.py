"""Seller and buyer details checked against the mandatory invoice mentions.

CGI annex II art. 242 nonies A requires the names and addresses of both
parties and the seller's VAT number when it charges VAT; from 1 September
2026 the buyer's SIREN is required on invoices between businesses.
Every missing or malformed detail becomes a problem naming its cell.
"""

from __future__ import annotations

import datetime as dt
import re

from ..errors import Location, Problem
from ..i18n import _
from ..model.catalogue import Customer
from ..model.farm import Farm
from .document import Party
from .vat import FLAT_RATE, REAL, REGIMES

# The date from which the buyer's SIREN is a mandatory mention (décret n° 2022-1299).
BUYER_SIREN_REQUIRED_FROM = dt.date(2026, 9, 1)

_DIGITS = re.compile(r"\D")


def digits(value: str | None) -> str | None:
    """Return the digits of an identifier typed with spaces or dots ("123 456 789")."""
    if value is None:
        return None
    text = _DIGITS.sub("", str(value))
    return text or None


def luhn_valid(number: str) -> bool:
    """Check the Luhn key that ends every SIREN and SIRET."""
    total = 0
    for index, char in enumerate(reversed(number)):
        digit = int(char)
        if index % 2 == 1:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


def _where(record, key: str) -> Location:
    return record.source.location(key) if record is not None and record.source else Location()


def _check_identifiers(record, problems: list[Problem]) -> tuple[str | None, str | None]:
    siren = digits(record.siren)
    siret = digits(record.siret)
    if record.siren and (siren is None or len(siren) != 9):
        problems.append(Problem("error", _("the SIREN must have 9 digits"), _where(record, "siren"), record.siren,
                                _("Enter the 9-digit SIREN shown on the company's registration.")))
        siren = None
    elif siren and not luhn_valid(siren):
        problems.append(Problem("warning", _("the SIREN fails its check digit; check it for a typing mistake"),
                                _where(record, "siren"), record.siren, None))
    if record.siret and (siret is None or len(siret) != 14):
        problems.append(Problem("error", _("the SIRET must have 14 digits"), _where(record, "siret"), record.siret,
                                _("Enter the 14-digit SIRET, or leave the cell empty.")))
        siret = None
    elif siret and siren and not siret.startswith(siren):
        problems.append(Problem("error", _("the SIRET does not start with the SIREN"), _where(record, "siret"),
                                record.siret, _("Correct the SIREN or the SIRET: the SIRET is the SIREN followed by 5 digits.")))
    if siren is None and siret and len(siret) == 14:
        siren = siret[:9]
    return siren, siret


def _require(record, keys: tuple[str, ...], problems: list[Problem], what: str) -> None:
    for key in keys:
        value = getattr(record, key)
        if value is None or str(value).strip() == "":
            problems.append(Problem(
                "error", _("{what}: “{field}” is empty but an invoice must show it").format(what=what, field=_field_label(key)),
                _where(record, key), None, _("Fill in the cell."),
            ))


def _field_label(key: str) -> str:
    labels = {
        "name": _("name"), "address": _("address"), "postcode": _("postcode"), "city": _("city"),
        "siren": "SIREN", "vat_number": _("VAT number"), "vat_regime": _("VAT regime"),
        "billing_frequency": _("billing frequency"),
    }
    return labels.get(key, key)


def seller_party(farm: Farm | None, problems: list[Problem]) -> Party | None:
    """Return the seller from the farm sheet, adding a problem for each missing mention."""
    if farm is None:
        problems.append(Problem("error", _("the farm sheet is missing"), Location(), None,
                                _("Add the “Ferme” sheet with the farm's name, address and SIREN.")))
        return None
    what = _("farm")
    _require(farm, ("name", "address", "postcode", "city", "siren", "vat_regime"), problems, what)
    siren, siret = _check_identifiers(farm, problems)
    if farm.vat_regime is not None and farm.vat_regime not in REGIMES:
        problems.append(Problem("error", _("unknown VAT regime"), _where(farm, "vat_regime"), farm.vat_regime,
                                _("Choose Réel, Franchise en base or Remboursement forfaitaire agricole.")))
    if farm.vat_regime == REAL and not farm.vat_number:
        # Art. 242 nonies A, I 2°: a seller charging VAT prints its VAT number.
        problems.append(Problem("error", _("farm: “{field}” is empty but an invoice must show it").format(field=_("VAT number")),
                                _where(farm, "vat_number"), None,
                                _("Enter the intra-community VAT number (FR followed by 11 characters).")))
    if farm.vat_regime == FLAT_RATE and farm.vat_number:
        problems.append(Problem("warning", _("a farm under the flat-rate refund is not registered for VAT, yet a VAT number is given"),
                                _where(farm, "vat_number"), farm.vat_number,
                                _("Check the VAT regime: with a VAT number the farm is usually under the real regime.")))
    return Party(
        name=farm.name, address=farm.address, postcode=farm.postcode, city=farm.city, country=farm.country_code,
        siren=siren, siret=siret, vat_number=farm.vat_number, email=farm.email, phone=farm.phone,
        legal_form=farm.legal_form, registration=farm.registration, share_capital=farm.share_capital,
        iban=farm.iban, bic=farm.bic,
    )


def buyer_party(customer: Customer, issue_date: dt.date, problems: list[Problem]) -> Party:
    """Return the buyer from the customer row, adding a problem for each missing mention."""
    what = _("customer “{name}”").format(name=customer.name)
    _require(customer, ("address", "postcode", "city", "billing_frequency"), problems, what)
    siren, siret = _check_identifiers(customer, problems)
    if customer.is_business and siren is None and issue_date >= BUYER_SIREN_REQUIRED_FROM:
        problems.append(Problem(
            "error", _("{what}: “{field}” is empty but an invoice to a business must show it").format(what=what, field="SIREN"),
            _where(customer, "siren"), None, _("Enter the customer's 9-digit SIREN."),
        ))
    return Party(
        name=customer.name, address=customer.address, postcode=customer.postcode, city=customer.city,
        siren=siren, siret=siret, vat_number=customer.vat_number, email=customer.email, phone=customer.phone,
    )


def delivery_address(customer: Customer) -> tuple[str, ...]:
    """Return the delivery point's address when it differs from the billing address, else ()."""
    point = customer.delivery_point
    if point is None or not point.address:
        return ()
    same = (point.address or "").strip().lower() == (customer.address or "").strip().lower() and \
        (point.postcode or "") == (customer.postcode or "")
    if same:
        return ()
    town = " ".join(part for part in (point.postcode, point.city) if part)
    return tuple(part for part in (point.name, point.address, town) if part)
