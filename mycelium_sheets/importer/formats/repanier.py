"""Repanier's database workbook, as a buying group exports it: customers and products.

Customers take their long basket name as name and the short one as code.
Products take their long name, department, production mode ("Bio…" is
organic), unit price and way of ordering. Ordered and paid by kg gives the
unit kg. Ordered by piece and paid by kg gives a piece priced per kg, with
its average weight. Ordered and paid by piece gives the unit piece. The producers and staff sheets describe the
group itself and are not imported.
"""

from __future__ import annotations

from ...i18n import _
from ...model.units import get_unit
from ...workbook.table import Workbook
from ..plan import ImportPlan
from ..values import clean_text, is_empty, read_boolean
from .common import RowReader, blank_row, describe_mapping, find_table

NAME = "repanier"
LABEL = "Repanier"
CUSTOMERS = {"short_basket_name", "long_basket_name", "email"}
PRODUCTS = {"producer", "long_name", "order_by_kg_pay_by_kg", "order_by_piece_pay_by_kg", "order_by_piece_pay_by_piece",
            "producer_unit_price"}


def detect(workbook: Workbook) -> bool:
    return bool(find_table(workbook, CUSTOMERS) and find_table(workbook, PRODUCTS))


def _ticked(reader: RowReader, header: str) -> bool:
    value = reader.raw(header)
    if is_empty(value):
        return False
    try:
        return read_boolean(value)
    except ValueError:
        reader.read(header, "active", store=False)
        return False


def read(workbook: Workbook, default_year: int | None = None) -> ImportPlan:
    """Read the customers and products of a Repanier workbook."""
    plan = ImportPlan(str(workbook.path), NAME)
    for found in find_table(workbook, CUSTOMERS):
        plan.mappings.append(describe_mapping(found, "customers", {
            "long_basket_name": "name", "short_basket_name": "code", "email": "email", "phone1": "phone",
            "address": "address", "vat_id": "vat_number"}, LABEL))
        for row in found.table.rows:
            if blank_row(found.sheet, row, found.columns):
                continue
            reader = RowReader(plan, found, row, "customers")
            reader.read("long_basket_name", "name")
            reader.read("short_basket_name", "code")
            reader.set("type", "individual")
            for header, target in (("email", "email"), ("phone1", "phone"), ("address", "address"), ("vat_id", "vat_number")):
                reader.read(header, target)
            reader.record()

    for found in find_table(workbook, PRODUCTS):
        plan.mappings.append(describe_mapping(found, "products", {
            "long_name": "name", "department_for_customer": "category", "production_mode": "organic",
            "producer_unit_price": "price", "order_average_weight": "average_weight",
            "order_by_kg_pay_by_kg": "unit", "order_by_piece_pay_by_kg": "price_unit",
            "order_by_piece_pay_by_piece": "unit"}, LABEL))
        for row in found.table.rows:
            if blank_row(found.sheet, row, found.columns):
                continue
            reader = RowReader(plan, found, row, "products")
            reader.read("long_name", "name")
            reader.read("department_for_customer", "category")
            mode = reader.raw("production_mode")
            if not is_empty(mode):
                reader.set("organic", "bio" in clean_text(mode).lower(), "production_mode")
            reader.read("producer_unit_price", "price")
            if _ticked(reader, "order_by_kg_pay_by_kg"):
                reader.set("unit", get_unit("kg"), "order_by_kg_pay_by_kg")
            elif _ticked(reader, "order_by_piece_pay_by_kg"):
                reader.set("unit", get_unit("piece"), "order_by_piece_pay_by_kg")
                reader.set("price_unit", get_unit("kg"), "order_by_piece_pay_by_kg")
                reader.read("order_average_weight", "average_weight")
            elif _ticked(reader, "order_by_piece_pay_by_piece"):
                reader.set("unit", get_unit("piece"), "order_by_piece_pay_by_piece")
            reader.record()

    skipped = [name for name in workbook.sheets if name.lower() in ("producers", "staffs")]
    if skipped:
        plan.notes.append(_("The sheets {sheets} describe the buying group itself and were not imported.").format(
            sheets=", ".join(f"“{name}”" for name in skipped)))
    plan.notes.append(_("Repanier customers are imported as individuals and its products carry no VAT rate: "
                        "check the type of each customer and fill in the VAT rates."))
    return plan
