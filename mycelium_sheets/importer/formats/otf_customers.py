"""Ouvretaferme's customer import CSV: one customer per row.

Columns: type ("Particulier" or "Professionnel"), private_first_name,
private_last_name, pro_commercial_name, pro_legal_name, email, invite,
phone, groups (such as "AMAP grand panier"), pro_contact_name, pro_siret,
pro_vat_number, invoice_street_1, invoice_street_2, invoice_postcode,
invoice_city, invoice_country and the same delivery_ columns.
"""

from __future__ import annotations

from ...i18n import _
from ..plan import ImportPlan
from ...workbook.table import Workbook
from .cagette_members import phone_text, postcode_text
from .common import RowReader, blank_row, describe_mapping, find_table

NAME = "otf-customers"
LABEL = "Ouvretaferme customers"
REQUIRED = {"type", "private_first_name", "private_last_name", "pro_commercial_name", "pro_siret", "invoice_postcode"}


def detect(workbook: Workbook) -> bool:
    return bool(find_table(workbook, REQUIRED))



def read(workbook: Workbook, default_year: int | None = None) -> ImportPlan:
    """Read every row as a customer: a private person, or a business with its SIRET."""
    plan = ImportPlan(str(workbook.path), NAME)
    for found in find_table(workbook, REQUIRED):
        plan.mappings.append(describe_mapping(found, "customers", {
            "private_first_name": "name", "private_last_name": "name", "pro_commercial_name": "name",
            "pro_legal_name": "name", "type": "type", "groups": "type", "email": "email", "phone": "phone",
            "pro_contact_name": "contact", "pro_siret": "siret", "pro_vat_number": "vat_number",
            "invoice_street_1": "address", "invoice_street_2": "address", "invoice_postcode": "postcode",
            "invoice_city": "city",
        }, LABEL))
        for row in found.table.rows:
            if blank_row(found.sheet, row, found.columns):
                continue
            reader = RowReader(plan, found, row, "customers")
            professional = reader.text("type").lower().startswith("pro")
            if professional:
                name = reader.text("pro_commercial_name") or reader.text("pro_legal_name")
                reader.set("name", name or None, "pro_commercial_name")
            else:
                name = " ".join(part for part in (reader.text("private_first_name"), reader.text("private_last_name"))
                                if part)
                reader.set("name", name or None, "private_last_name")

            # Ouvretaferme has no customer kinds beyond private and professional;
            # its groups often name the AMAP a member belongs to.
            groups = reader.text("groups").lower()
            if "amap" in groups:
                kind = "amap"
            else:
                kind = "shop" if professional else "individual"
            reader.set("type", kind, "type")

            reader.read("email", "email")
            reader.set("phone", phone_text(reader.raw("phone")), "phone")
            reader.read("pro_contact_name", "contact")
            siret = "".join(reader.text("pro_siret").split())
            if siret:
                reader.set("siret", siret, "pro_siret")
                if len(siret) == 14 and siret.isdigit():
                    reader.set("siren", siret[:9], "pro_siret")
            reader.read("pro_vat_number", "vat_number")
            street = ", ".join(part for part in (reader.text("invoice_street_1"), reader.text("invoice_street_2")) if part)
            reader.set("address", street or None, "invoice_street_1")
            reader.set("postcode", postcode_text(reader.raw("invoice_postcode")), "invoice_postcode")
            reader.read("invoice_city", "city")
            delivery = ", ".join(part for part in (
                reader.text("delivery_street_1"), reader.text("delivery_street_2"),
                reader.text("delivery_postcode"), reader.text("delivery_city")) if part)
            if delivery:
                reader.set("notes", _("Delivery address: {address}").format(address=delivery), "delivery_street_1")
            reader.record()
    plan.notes.append(_("Ouvretaferme's professional customers are imported as shops and its private customers as "
                        "individuals (AMAP members where their group names an AMAP): change the type in the customers "
                        "sheet where it differs."))
    return plan
