"""Open Food Network's product import CSV: one variant per row.

Columns used: sku, name, display_name (the variant's name), category,
description, units and unit_type (the variant contains ``units`` of
``unit_type``, such as 500 g), variant_unit_name (for items: "bunch"),
price (for the variant) and on_hand (stock). The tax category is a name
defined in the OFN instance, not a rate, so the VAT rate is read only when
it is written as one ("5,5 %").
"""

from __future__ import annotations

from ...i18n import _
from ...model.units import find_unit, get_unit
from ...workbook.table import Workbook
from ..plan import ImportPlan
from ..values import clean_text, is_empty
from .common import RowReader, blank_row, describe_mapping, find_table
from .packs import pack_of

NAME = "ofn-products"
LABEL = "Open Food Network products"
REQUIRED = {"producer", "sku", "name", "units", "unit_type", "price", "on_hand"}


def detect(workbook: Workbook) -> bool:
    return bool(find_table(workbook, REQUIRED))


def read(workbook: Workbook, default_year: int | None = None) -> ImportPlan:
    """Read every variant as a product, and its stock on hand."""
    plan = ImportPlan(str(workbook.path), NAME)
    for found in find_table(workbook, REQUIRED):
        plan.mappings.append(describe_mapping(found, "products", {
            "sku": "reference", "name": "name", "display_name": "name", "category": "category",
            "description": "description", "units": "unit", "unit_type": "unit", "price": "price",
            "tax_category": "vat_rate", "on_hand": "stock.quantity",
        }, LABEL))
        for row in found.table.rows:
            if blank_row(found.sheet, row, found.columns):
                continue
            reader = RowReader(plan, found, row, "products")
            reader.read("sku", "reference")
            reader.read("category", "category")
            reader.read("description", "description")
            reader.read("price", "price")
            tax = reader.raw("tax_category")
            if not is_empty(tax) and "%" in str(tax):
                reader.read("tax_category", "vat_rate")

            unit_name = clean_text(reader.raw("variant_unit_name") or "")
            unit_type = clean_text(reader.raw("unit_type") or "")
            if unit_type:
                unit = find_unit(unit_type)
            elif unit_name:
                unit = find_unit(unit_name)
            else:
                unit = get_unit("piece")
            if unit is None:
                reader.read("unit_type" if unit_type else "variant_unit_name", "unit", store=False)
            amount = reader.read("units", "average_weight", store=False)
            pack = pack_of(amount, unit) if unit else None
            if pack is not None:
                reader.set("unit", pack.unit, "unit_type")
                reader.set("average_weight", pack.average_weight, "units")
                reader.set("pieces_per_unit", pack.pieces_per_unit, "units")
            base = reader.read("name", "name", store=False)
            variant = clean_text(reader.raw("display_name") or "")
            details = ", ".join(part for part in (variant, pack.label if pack else "") if part)
            if base:
                reader.set("name", f"{base} ({details})" if details else base, "name")
            product = reader.record()

            stock = RowReader(plan, found, row, "stock")
            on_hand = stock.read("on_hand", "quantity", store=False)
            if on_hand is not None and product.values.get("name"):
                stock.set("product", product.values["name"], "name")
                stock.set("quantity", on_hand, "on_hand")
                stock.set("unit", product.values.get("unit"), "unit_type")
                stock.record()
    plan.notes.append(_("Open Food Network tax categories are names, not rates: fill in the VAT rate of each product."))
    return plan
