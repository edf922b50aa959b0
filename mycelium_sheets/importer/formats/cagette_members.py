"""Cagette's member import template: first name, name, e-mail, phone, partner, address.

Members of a Cagette group buy through an AMAP or a collective, so they
become customers of the AMAP type. The import notes it, so that the farmer
can change the type where it differs. A partner's name, e-mail and phone go
into the customer's notes.
"""

from __future__ import annotations

from ...i18n import _
from ...workbook.table import Workbook
from ..plan import ImportPlan
from ..values import clean_text, is_empty
from .common import RowReader, blank_row, describe_mapping, find_table

NAME = "cagette-members"
LABEL = "Cagette members"
REQUIRED = {"prenom", "nom", "e-mail", "code postal", "ville"}


def detect(workbook: Workbook) -> bool:
    return bool(find_table(workbook, REQUIRED))


def phone_text(value) -> str | None:
    """Return a French phone number as text, putting back the leading 0 a spreadsheet dropped from a number."""
    if is_empty(value):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer():
        digits = str(int(value))
        return "0" + digits if len(digits) == 9 else digits
    return clean_text(value)


def postcode_text(value) -> str | None:
    """Return a postcode as five digits, putting back the leading 0 of 01000 read as the number 1000."""
    if is_empty(value):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer():
        return f"{int(value):05d}"
    return clean_text(value)



def read(workbook: Workbook, default_year: int | None = None) -> ImportPlan:
    """Read every member as a customer."""
    plan = ImportPlan(str(workbook.path), NAME)
    for found in find_table(workbook, REQUIRED):
        plan.mappings.append(describe_mapping(found, "customers", {
            "prenom": "name", "nom": "name", "e-mail": "email", "telephone portable": "phone", "adresse1": "address",
            "adresse2": "address", "code postal": "postcode", "ville": "city", "prenom conjoint": "notes",
            "nom conjoint": "notes", "e-mail conjoint": "notes", "telephone portable conjoint": "notes",
        }, LABEL))
        for row in found.table.rows:
            if blank_row(found.sheet, row, found.columns):
                continue
            reader = RowReader(plan, found, row, "customers")
            name = " ".join(part for part in (reader.text("prenom"), reader.text("nom")) if part)
            reader.set("name", name or None, "nom")
            reader.set("type", "amap")
            reader.read("e-mail", "email")
            reader.set("phone", phone_text(reader.raw("telephone portable")), "telephone portable")
            address = ", ".join(part for part in (reader.text("adresse1"), reader.text("adresse2")) if part)
            reader.set("address", address or None, "adresse1")
            reader.set("postcode", postcode_text(reader.raw("code postal")), "code postal")
            reader.read("ville", "city")
            partner = " ".join(part for part in (reader.text("prenom conjoint"), reader.text("nom conjoint")) if part)
            contact = ", ".join(part for part in (
                partner, reader.text("e-mail conjoint"), phone_text(reader.raw("telephone portable conjoint")) or "") if part)
            if contact:
                reader.set("notes", _("Partner: {contact}").format(contact=contact), "prenom conjoint")
            reader.record()
    plan.notes.append(_("Cagette members are imported as customers of the AMAP type; change the type in the customers "
                        "sheet where it differs."))
    return plan
