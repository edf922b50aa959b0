"""The Synthèse and Manques engine sheets of the deliveries."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from ..i18n import format_number, pick
from ..model.money import to_cents, to_quantity
from ..model.weeks import IsoWeek
from ..schema.choices import CUSTOMER_TYPES
from ..schema.engine_sheets import engine_sheet_name
from ..workbook.layout import Column, SheetLayout
from .layouts import day_label
from .results import Deliveries, Shortage


# Width available across an A4 page inside LibreOffice's default 2 cm margins.
PORTRAIT_WIDTH_CM = 17.0
LANDSCAPE_WIDTH_CM = 25.7


def summary_layout(deliveries: Deliveries, language: str) -> SheetLayout:
    """Lay out totals per product and day, revenue per product price, per customer and per customer type."""
    dates = deliveries.dates
    # One column per delivery day and a total must fit across an A4 page:
    # 17 cm in portrait and 25.7 cm in landscape, inside 2 cm margins.
    day_width = 3.0 if len(dates) <= 4 else 2.2
    width = 8.5 + day_width * (len(dates) + 1)
    layout = SheetLayout(
        key="summary", name=engine_sheet_name("summary", language), landscape=width > PORTRAIT_WIDTH_CM,
        columns=[Column("text", 5.5), Column("text", 3.0)] + [Column("quantity", day_width) for _ in range(len(dates) + 1)],
    )
    period = str(deliveries.week) if deliveries.week else day_label(dates[0], language)
    layout.add_row([pick("Synthèse des livraisons — ", "Deliveries summary — ", language) + period], "title")

    _product_days(layout, deliveries, language)
    _product_prices(layout, deliveries, language)
    _customers(layout, deliveries, language)
    _customer_types(layout, deliveries, language)
    return layout


def _money(layout: SheetLayout, row: int, *columns: int) -> None:
    for column in columns:
        layout.cell_formats[(row, column)] = "money"


def _product_days(layout: SheetLayout, deliveries: Deliveries, language: str) -> None:
    dates = deliveries.dates
    layout.add_row([], "blank")
    layout.add_row([pick("Quantités commandées par produit et par jour (unité de récolte)",
                         "Quantities ordered per product and day (harvest unit)", language)], "subtitle")
    layout.add_row([pick("Produit", "Product", language), pick("Unité", "Unit", language)]
                   + [day_label(date, language) for date in dates] + [pick("Total", "Total", language)], "header")

    table: dict[int, dict] = {}
    for line in deliveries.harvest:
        entry = table.setdefault(id(line.product), {"product": line.product, "unit": line.unit, "days": {}})
        entry["days"][line.date] = line.ordered
    for entry in sorted(table.values(), key=lambda entry: entry["product"].name.lower()):
        quantities = [entry["days"].get(date) for date in dates]
        total = to_quantity(sum((quantity for quantity in quantities if quantity is not None), Decimal(0)))
        layout.add_row([entry["product"].name, entry["unit"].label(language), *quantities, total])


def _product_prices(layout: SheetLayout, deliveries: Deliveries, language: str) -> None:
    layout.add_row([], "blank")
    layout.add_row([pick("Chiffre d'affaires par produit et par prix (hors paniers)",
                         "Revenue per product and price (baskets excluded)", language)], "subtitle")
    layout.add_row([pick("Produit", "Product", language), pick("Unité de prix", "Price unit", language),
                    pick("Prix HT", "Price excl. VAT", language), pick("Quantité", "Quantity", language),
                    pick("Montant HT", "Amount excl. VAT", language)], "header")

    revenue: dict[tuple, list] = {}
    for priced in deliveries.lines:
        if priced.line.subscription is not None:
            continue
        key = (priced.line.product.name.lower(), id(priced.line.product), priced.price)
        entry = revenue.setdefault(key, [priced.line.product.name, priced.price_unit.label(language), priced.price,
                                         Decimal(0), Decimal(0)])
        entry[3] += priced.billed_quantity
        entry[4] += priced.amount
    total = Decimal(0)
    for key in sorted(revenue):
        name, unit, price, quantity, amount = revenue[key]
        row = layout.add_row([name, unit, price, to_quantity(quantity), to_cents(amount)])
        _money(layout, row, 2, 4)
        total += amount
    row = layout.add_row([pick("Total", "Total", language), None, None, None, to_cents(total)], "total")
    _money(layout, row, 4)


def _customers(layout: SheetLayout, deliveries: Deliveries, language: str) -> None:
    layout.add_row([], "blank")
    layout.add_row([pick("Par client", "Per customer", language)], "subtitle")
    layout.add_row([pick("Client", "Customer", language), pick("Type", "Type", language), pick("Jour", "Day", language),
                    pick("Montant HT", "Amount excl. VAT", language), pick("Paniers", "Baskets", language),
                    pick("Paniers HT", "Baskets excl. VAT", language)], "header")
    for delivery in sorted(deliveries.customers, key=lambda delivery: (delivery.customer.name.lower(), delivery.date)):
        row = layout.add_row([delivery.customer.name, _type_label(delivery.customer.type, language),
                              day_label(delivery.date, language), delivery.amount_excl_vat, delivery.baskets,
                              delivery.basket_amount])
        layout.cell_formats[(row, 2)] = "text"
        layout.cell_formats[(row, 4)] = "integer"
        _money(layout, row, 3, 5)


def _customer_types(layout: SheetLayout, deliveries: Deliveries, language: str) -> None:
    layout.add_row([], "blank")
    layout.add_row([pick("Chiffre d'affaires par type de client (paniers au prix du contrat)",
                         "Revenue per customer type (baskets at their contract price)", language)], "subtitle")
    layout.add_row([pick("Type de client", "Customer type", language), None, None,
                    pick("Montant HT", "Amount excl. VAT", language)], "header")
    by_type: dict[str, Decimal] = defaultdict(Decimal)
    for delivery in deliveries.customers:
        by_type[delivery.customer.type] += delivery.amount_excl_vat + delivery.basket_amount
    for choice in CUSTOMER_TYPES:
        if choice.code in by_type:
            row = layout.add_row([choice.label(language), None, None, by_type[choice.code]])
            _money(layout, row, 3)
    row = layout.add_row([pick("Total", "Total", language), None, None, sum(by_type.values(), Decimal(0))], "total")
    _money(layout, row, 3)


def _type_label(code: str, language: str) -> str:
    for choice in CUSTOMER_TYPES:
        if choice.code == code:
            return choice.label(language)
    return code


def shortages_layout(deliveries: Deliveries, language: str) -> SheetLayout:
    """Lay out each short product with the quantity allocated to each order line."""
    layout = SheetLayout(
        key="shortages", name=engine_sheet_name("shortages", language), landscape=True,
        columns=[Column("text", 5.5), Column("integer", 2.0), Column("text", 4.0), Column("quantity", 2.8),
                 Column("quantity", 2.8), Column("quantity", 2.8), Column("text", 2.5)],
    )
    layout.add_row([pick("Manques", "Shortages", language)], "title")
    if not deliveries.stock_checked:
        layout.add_row([pick("Aucun stock saisi dans la feuille « Stock » pour ces produits et aucun plan de culture : "
                             "les manques ne sont pas vérifiés.",
                             "No stock entered in the “Stock” sheet for these products and no crop plan, "
                             "so shortages are not checked.", language)], "note")
        return layout
    layout.add_row([_available_rule(deliveries, language)], "note")
    if deliveries.unchecked:
        names = ", ".join(product.name for product in deliveries.unchecked)
        layout.add_row([pick("Non vérifiés (ni stock ni prévision) : {names}.",
                             "Not checked (no stock count and no forecast): {names}.", language).format(names=names)],
                       "note")
    if not deliveries.shortages:
        layout.add_row([_no_shortage(deliveries, language)], "note")
        return layout

    layout.add_row([pick("Répartition proposée : par priorité du client (1 d'abord), puis au prorata des quantités commandées.",
                         "Proposed allocation: by customer priority (1 first), then in proportion to the quantities ordered.",
                         language)], "note")
    header = [pick("Client", "Customer", language), pick("Priorité", "Priority", language), pick("Jour", "Day", language),
              pick("Commandé", "Ordered", language), pick("Attribué", "Allocated", language),
              pick("Manque", "Missing", language), pick("Unité", "Unit", language)]
    for shortage in deliveries.shortages:
        unit = shortage.unit.label(language)
        layout.add_row([], "blank")
        layout.add_row([_shortage_title(shortage, language)], "subtitle")
        layout.add_row(header, "header")
        for allocation in shortage.allocations:
            line = allocation.line.line
            layout.add_row([line.customer.name, line.customer.priority, day_label(line.delivery_date, language),
                            allocation.ordered, allocation.allocated, allocation.missing, unit])
    return layout


def _no_shortage(deliveries: Deliveries, language: str) -> str:
    if not deliveries.unchecked:
        return pick("Aucun manque : le disponible couvre les commandes.",
                    "No shortage: what is available covers the orders.", language)

    # Only the products with a stock count or a forecast were compared with their orders.
    checked = len({id(priced.line.product) for priced in deliveries.lines}) - len(deliveries.unchecked)
    if checked == 1:
        return pick("Aucun manque pour le seul produit vérifié : son disponible couvre ses commandes.",
                    "No shortage for the one product checked: what is available covers its orders.", language)
    return pick("Aucun manque pour les {count} produits vérifiés : leur disponible couvre leurs commandes.",
                "No shortage for the {count} products checked: what is available covers their orders.",
                language).format(count=checked)


def _available_rule(deliveries: Deliveries, language: str) -> str:
    if deliveries.forecast_source is None:
        return pick("Disponible = dernier stock de la feuille « Stock ».",
                    "Available = latest count in the “Stock” sheet.", language)
    week = deliveries.week or IsoWeek.of(deliveries.dates[0])
    if deliveries.forecast_source == "sheet":
        origin = pick("la feuille « {sheet} »", "the sheet “{sheet}”", language).format(
            sheet=engine_sheet_name("forecast", language))
    else:
        origin = pick("le plan de culture recalculé", "the crop plan computed afresh", language)
    return pick(
        "Disponible = dernier stock + prévision de récolte sur planches de la semaine {week} ({origin}), "
        "partagée entre les produits d'une même culture.",
        "Available = latest stock + forecast harvest on beds of week {week} ({origin}), "
        "shared between the products of one crop.", language).format(week=week, origin=origin)


def _shortage_title(shortage: Shortage, language: str) -> str:
    def number(value) -> str:
        return format_number(value, language)

    def amount(value) -> str:
        return f"{number(value)} {shortage.unit.label_for(value, language)}"

    parts = [pick("commandé {amount}", "ordered {amount}", language).format(amount=amount(shortage.needed))]
    if shortage.forecast is not None:
        parts.append(pick("stock {value}", "stock {value}", language).format(value=number(shortage.stock or 0)))
        parts.append(pick("prévision {value}", "forecast {value}", language).format(value=number(shortage.forecast)))
    parts.append(pick("disponible {amount}", "available {amount}", language).format(amount=amount(shortage.available)))
    parts.append(pick("manque {amount}", "short {amount}", language).format(amount=amount(shortage.short)))
    separator = " : " if language == "fr" else ": "
    return shortage.product.name + separator + ", ".join(parts)
