"""Cagette's product import templates: the classic one (.xls) and Cagette Pro's (.xlsx).

The classic template has one product per row with its price including VAT
("Prix TTC"), a quantity and a unit ("1 kg", "12 pièces") and a stock. The
Pro template lists a product on one row and its offers on that row and the
rows below. An offer is a pack or variant with its own reference, quantity
and price excluding VAT, and each offer becomes a product of the standard
workbook.
"""

from __future__ import annotations

from ...i18n import _
from ...model.money import to_cents
from ...model.units import find_unit
from ...workbook.table import Workbook
from ..plan import ImportPlan
from ..values import clean_text, is_empty
from .common import Found, RowReader, blank_row, describe_mapping, find_table, key
from .packs import pack_of

NAME = "cagette-products"
LABEL = "Cagette products"
CLASSIC = {"nom du produit", "prix ttc", "reference unique", "taux de tva"}
PRO = {"nom du produit", "reference unique", "nom offre", "prix h t", "taux de tva"}
UNIT_HEADER = "unite (piece, kg, g ou litre)"


def detect(workbook: Workbook) -> bool:
    return bool(find_table(workbook, CLASSIC) or find_table(workbook, PRO))


def _quantity_header(found: Found) -> str | None:
    for header in found.columns:
        if header.startswith("quantite ("):
            return header
    return None


def _unit(reader: RowReader, header: str):
    value = reader.raw(header)
    if is_empty(value):
        return None
    unit = find_unit(clean_text(value))
    if unit is None:
        reader.read(header, "unit", store=False)
    return unit


def _read_classic(plan: ImportPlan, found: Found) -> None:
    quantity_header = _quantity_header(found)
    plan.mappings.append(describe_mapping(found, "products", {
        "nom du produit": "name", "prix ttc": "price", "reference unique": "reference", "description": "description",
        UNIT_HEADER: "unit", "bio": "organic", "taux de tva": "vat_rate", quantity_header or "": "unit",
        "stock": "stock.quantity",
    }, LABEL))
    for row in found.table.rows:
        if blank_row(found.sheet, row, found.columns):
            continue
        reader = RowReader(plan, found, row, "products")
        name = reader.read("nom du produit", "name", store=False)
        reader.read("reference unique", "reference")
        reader.read("description", "description")
        reader.read("bio", "organic")
        vat = reader.read("taux de tva", "vat_rate")
        price_with_vat = reader.read("prix ttc", "price", store=False)
        quantity = reader.read(quantity_header, "average_weight", store=False) if quantity_header else None
        unit = _unit(reader, UNIT_HEADER)
        pack = pack_of(quantity, unit) if unit else None
        if pack is not None:
            reader.set("unit", pack.unit, UNIT_HEADER)
            reader.set("average_weight", pack.average_weight, quantity_header)
            reader.set("pieces_per_unit", pack.pieces_per_unit, quantity_header)
        if name:
            reader.set("name", f"{name} ({pack.label})" if pack and pack.label else name, "nom du produit")
        if price_with_vat is not None and vat is not None:
            # Cagette's classic template takes prices including VAT; the workbook keeps them excluding VAT.
            reader.set("price", to_cents(price_with_vat / (1 + vat)), "prix ttc")
        product = reader.record()
        stock = RowReader(plan, found, row, "stock")
        amount = stock.read("stock", "quantity", store=False)
        if amount is not None and product.values.get("name"):
            stock.set("product", product.values["name"], "nom du produit")
            stock.set("quantity", amount, "stock")
            stock.set("unit", product.values.get("unit"), UNIT_HEADER)
            stock.record()
    plan.notes.append(_("Cagette prices include VAT: the price excluding VAT is the price divided by 1 + the VAT rate, "
                        "rounded to the cent."))


def _read_pro(plan: ImportPlan, found: Found) -> None:
    labels = [key(label) for label in found.table.labels]
    offer_column = labels.index("nom offre")
    offer_reference = next((column for position, column in enumerate(found.table.columns)
                            if labels[position] == "reference unique" and position > offer_column), None)
    offer_quantity = next((column for position, column in enumerate(found.table.columns)
                           if labels[position].startswith("quantite (") and position > offer_column), None)
    columns = dict(found.columns)
    columns["offer reference"] = found.table.columns[offer_column + 1] if offer_reference is None else offer_reference
    if offer_quantity is not None:
        columns["offer quantity"] = offer_quantity
    offers = Found(found.sheet, found.table, columns)
    plan.mappings.append(describe_mapping(found, "products", {
        "nom du produit": "name", "description": "description", UNIT_HEADER: "unit", "bio": "organic",
        "categorie": "category", "nom offre": "name", "prix h t": "price", "taux de tva": "vat_rate", "actif": "active",
    }, LABEL, {column: key_name for column, key_name in ((offer_reference, "reference"), (offer_quantity, "unit"))
               if column is not None}))

    product: dict = {}
    for row in found.table.rows:
        if blank_row(found.sheet, row, columns):
            continue
        reader = RowReader(plan, offers, row, "products")
        if not is_empty(reader.raw("nom du produit")):
            product = {
                "name": reader.read("nom du produit", "name", store=False),
                "description": reader.read("description", "description", store=False),
                "organic": reader.read("bio", "organic", store=False),
                "category": reader.read("categorie", "category", store=False),
                "unit": _unit(reader, UNIT_HEADER),
            }
        if is_empty(reader.raw("offer reference")) or not product.get("name"):
            continue
        quantity = reader.read("offer quantity", "average_weight", store=False)
        pack = pack_of(quantity, product["unit"]) if product.get("unit") else None
        offer_name = clean_text(reader.raw("nom offre")) if not is_empty(reader.raw("nom offre")) else ""
        details = ", ".join(part for part in (offer_name, pack.label if pack else "") if part)
        reader.set("name", f"{product['name']} ({details})" if details else product["name"], "nom du produit")
        reader.read("offer reference", "reference")
        for name in ("description", "organic", "category"):
            reader.set(name, product.get(name))
        if pack is not None:
            reader.set("unit", pack.unit, UNIT_HEADER)
            reader.set("average_weight", pack.average_weight, "offer quantity")
            reader.set("pieces_per_unit", pack.pieces_per_unit, "offer quantity")
        reader.read("prix h t", "price")
        reader.read("taux de tva", "vat_rate")
        reader.read("actif", "active")
        reader.record()


def read(workbook: Workbook, default_year: int | None = None) -> ImportPlan:
    """Read every product (classic template) or every offer (Pro template)."""
    plan = ImportPlan(str(workbook.path), NAME)
    for found in find_table(workbook, PRO):
        _read_pro(plan, found)
    if not plan.mappings:
        for found in find_table(workbook, CLASSIC):
            _read_classic(plan, found)
    plan.notes.append(_("A product sold in packs (5 kg, 12 pieces) is sold by the bag, dozen or half dozen, "
                        "with the pack's weight or number of pieces."))
    return plan

