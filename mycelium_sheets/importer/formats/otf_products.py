"""Ouvretaferme's product import CSV: one product per row.

Columns: type (plant, animal, food…), name, reference, unit (kg, pièce,
botte…), price_private (the price for private customers, which
Ouvretaferme keeps including VAT), price_pro (the price for professionals,
excluding VAT), vat_rate (in percent, "5,5"), additional, origin, quality
(organic, conversion, …), species, variety, frozen, packaging,
composition, allergen and description.
"""

from __future__ import annotations

from ...i18n import _
from ...model.money import to_cents
from ..plan import ImportPlan
from ..values import clean_text, is_empty
from ...workbook.table import Workbook
from .common import RowReader, blank_row, describe_mapping, find_table

NAME = "otf-products"
LABEL = "Ouvretaferme products"
REQUIRED = {"type", "name", "reference", "unit", "price_private", "price_pro", "vat_rate", "quality", "species"}

# Ouvretaferme's quality values that mean the product is certified organic.
ORGANIC_QUALITIES = {"organic", "bio", "ab"}


def detect(workbook: Workbook) -> bool:
    return bool(find_table(workbook, REQUIRED))


def read(workbook: Workbook, default_year: int | None = None) -> ImportPlan:
    """Read every row as a product of the catalogue."""
    plan = ImportPlan(str(workbook.path), NAME)
    for found in find_table(workbook, REQUIRED):
        plan.mappings.append(describe_mapping(found, "products", {
            "name": "name", "reference": "reference", "unit": "unit", "price_pro": "price",
            "price_private": "price", "vat_rate": "vat_rate", "quality": "organic", "species": "crop",
            "type": "category", "description": "description",
        }, LABEL))
        for row in found.table.rows:
            if blank_row(found.sheet, row, found.columns):
                continue
            reader = RowReader(plan, found, row, "products")
            base = reader.read("name", "name", store=False)
            variety = clean_text(reader.raw("variety") or "")
            if base:
                reader.set("name", f"{base} {variety}".strip() if variety and variety.lower() not in base.lower() else base,
                           "name")
            reader.read("reference", "reference")
            reader.read("unit", "unit")
            vat = reader.read("vat_rate", "vat_rate")
            pro_price = reader.read("price_pro", "price")
            if pro_price is None:
                private_price = reader.read("price_private", "price", store=False)
                if private_price is not None and vat is not None:
                    # Private prices include VAT in Ouvretaferme; the workbook keeps prices excluding VAT.
                    reader.set("price", to_cents(private_price / (1 + vat)), "price_private")
            quality = reader.raw("quality")
            if not is_empty(quality):
                reader.set("organic", clean_text(quality).lower() in ORGANIC_QUALITIES, "quality")
            reader.read("species", "crop")
            reader.read("type", "category")
            reader.read("description", "description")
            reader.record()
    plan.notes.append(_("Ouvretaferme's professional price is taken as the price excluding VAT; where a product has only "
                        "a private price, which includes VAT, it is divided by 1 + the VAT rate."))
    return plan
