"""The delivery engine sheets, laid out the way farmers print them.

Récolte has one block per delivery day grouped by harvest location,
Préparation one customer per printed page, Tournée one block per day with the
delivery points in round order. Synthèse and Manques are in
``summary_layouts``. A new page starts at each row listed in
``page_breaks``.
"""

from __future__ import annotations

import datetime as dt
from itertools import groupby

from ..i18n import get_language, pick
from ..schema.choices import WEEKDAYS
from ..schema.engine_sheets import engine_sheet_name
from ..workbook.layout import Column, SheetLayout
from .results import Deliveries


def deliveries_layouts(deliveries: Deliveries, language: str | None = None) -> list[SheetLayout]:
    """Return the Récolte, Préparation, Tournée, Synthèse and Manques sheets of the deliveries."""
    from .summary_layouts import shortages_layout, summary_layout

    language = language or deliveries.language or get_language()
    return [
        harvest_layout(deliveries, language),
        packing_layout(deliveries, language),
        round_layout(deliveries, language),
        summary_layout(deliveries, language),
        shortages_layout(deliveries, language),
    ]


def day_label(date: dt.date, language: str) -> str:
    """Return "jeudi 10/06/2027" or "Thursday 10/06/2027"."""
    weekday = WEEKDAYS[date.isoweekday() - 1].label(language)
    if language == "fr":
        weekday = weekday.lower()
    return f"{weekday} {date.strftime('%d/%m/%Y')}"


def margin_label(deliveries: Deliveries, language: str) -> str:
    percent = f"{deliveries.margin * 100:.1f}".rstrip("0").rstrip(".")
    if language == "fr":
        percent = percent.replace(".", ",")
    return pick(f"Marge de récolte : +{percent} %", f"Harvest margin: +{percent} %", language)


def harvest_layout(deliveries: Deliveries, language: str) -> SheetLayout:
    layout = SheetLayout(
        key="harvest", name=engine_sheet_name("harvest", language),
        columns=[Column("text", 5.5), Column("quantity", 2.8), Column("quantity", 2.8), Column("text", 2.5), Column("tick", 1.5)],
    )
    header = [pick("Produit", "Product", language), pick("Commandé", "Ordered", language),
              pick("À récolter", "To harvest", language), pick("Unité", "Unit", language), pick("Fait", "Done", language)]

    for date, lines in groupby(deliveries.harvest, key=lambda line: line.date):
        if layout.rows:
            layout.page_breaks.append(len(layout.rows))
        layout.add_row([pick("Récolte du ", "Harvest for ", language) + day_label(date, language)], "title")
        layout.add_row([margin_label(deliveries, language)], "subtitle")
        layout.add_row(header, "header")
        for group, group_lines in groupby(lines, key=lambda line: line.group):
            layout.add_row([group or pick("Autres", "Other", language)], "subtotal")
            for line in group_lines:
                layout.add_row([line.product.name, line.ordered, line.to_harvest, line.unit.label(language), None])
        layout.add_row([], "blank")
    return layout


def packing_layout(deliveries: Deliveries, language: str) -> SheetLayout:
    layout = SheetLayout(
        key="packing", name=engine_sheet_name("packing", language),
        columns=[Column("text", 4.8), Column("quantity", 2.0), Column("text", 2.2), Column("money", 2.5),
                 Column("text", 3.7), Column("tick", 1.5)],
    )
    header = [pick("Produit", "Product", language), pick("Quantité", "Quantity", language), pick("Unité", "Unit", language),
              pick("Montant HT", "Amount excl. VAT", language), pick("Remarque", "Comment", language),
              pick("Fait", "Done", language)]

    for delivery in deliveries.customers:
        if layout.rows:
            # One customer per printed page.
            layout.page_breaks.append(len(layout.rows))
        layout.add_row([f"{delivery.customer.name} — {day_label(delivery.date, language)}"], "title")
        point = delivery.delivery_point.name if delivery.delivery_point else pick("sans point de livraison", "no delivery point", language)
        layout.add_row([pick("Point de livraison : ", "Delivery point: ", language) + point], "subtitle")
        if delivery.customer.notes:
            layout.add_row([pick("Consignes : ", "Delivery notes: ", language) + delivery.customer.notes], "note")
        if delivery.baskets:
            layout.add_row([pick(f"Paniers AMAP : {delivery.baskets}", f"AMAP baskets: {delivery.baskets}", language)], "note")
        layout.add_row(header, "header")

        for priced in delivery.lines:
            comment = priced.line.comment or ""
            if priced.line.subscription is not None:
                comment = pick("panier", "basket", language) + (f" — {comment}" if comment else "")
            elif priced.estimated:
                comment = pick("à peser", "to weigh", language) + (f" — {comment}" if comment else "")
            layout.add_row([priced.line.product.name, priced.quantity, priced.unit.label(language), priced.amount, comment, None])

        layout.add_row([pick("Total HT", "Total excl. VAT", language), None, None, delivery.amount_excl_vat], "total")
        if delivery.estimated:
            layout.add_row([pick("Montant estimé : les produits au poids sont comptés au poids moyen jusqu'à la pesée.",
                                 "Estimated amount: products paid by weight count at their average weight until weighed.",
                                 language)], "note")
        layout.add_row([], "blank")
    return layout


def round_layout(deliveries: Deliveries, language: str) -> SheetLayout:
    layout = SheetLayout(
        key="round", name=engine_sheet_name("round", language), landscape=True,
        columns=[Column("text", 5.5), Column("integer", 2.2), Column("quantity", 2.5), Column("money", 2.8),
                 Column("money", 2.8), Column("text", 7.0), Column("tick", 1.5)],
    )
    header = [pick("Client", "Customer", language), pick("Cagettes", "Crates", language), pick("Poids (kg)", "Weight (kg)", language),
              pick("Montant HT", "Excl. VAT", language), pick("Montant TTC", "Incl. VAT", language),
              pick("Consignes", "Delivery notes", language), pick("Livré", "Delivered", language)]

    for date, day_deliveries in groupby(deliveries.customers, key=lambda delivery: delivery.date):
        if layout.rows:
            layout.page_breaks.append(len(layout.rows))
        day_deliveries = list(day_deliveries)
        layout.add_row([pick("Tournée du ", "Delivery round for ", language) + day_label(date, language)], "title")

        stop = 0
        for point, point_deliveries in groupby(day_deliveries, key=lambda delivery: delivery.delivery_point):
            point_deliveries = list(point_deliveries)
            stop += 1
            layout.add_row([_point_heading(stop, point, language)], "subtitle")
            layout.add_row(header, "header")
            for delivery in point_deliveries:
                layout.add_row([delivery.customer.name, delivery.crates, delivery.weight_kg, delivery.amount_excl_vat,
                                delivery.amount_incl_vat, delivery.customer.notes or "", None])
            layout.add_row([pick("Sous-total", "Subtotal", language),
                            sum(delivery.crates for delivery in point_deliveries),
                            sum(delivery.weight_kg for delivery in point_deliveries),
                            sum(delivery.amount_excl_vat for delivery in point_deliveries),
                            sum(delivery.amount_incl_vat for delivery in point_deliveries)], "subtotal")

        layout.add_row([pick("Total de la tournée", "Round total", language),
                        sum(delivery.crates for delivery in day_deliveries),
                        sum(delivery.weight_kg for delivery in day_deliveries),
                        sum(delivery.amount_excl_vat for delivery in day_deliveries),
                        sum(delivery.amount_incl_vat for delivery in day_deliveries)], "total")
        layout.add_row([pick("Cagettes comptées à raison d'une par tranche de 10 kg commencée.",
                             "Crates counted as one per started 10 kg.", language)], "note")
        layout.add_row([], "blank")
    return layout


def _point_heading(stop: int, point, language: str) -> str:
    if point is None:
        return f"{stop}. " + pick("Clients sans point de livraison", "Customers without a delivery point", language)
    details = [part for part in (point.address, " ".join(filter(None, (point.postcode, point.city))), point.time, point.notes) if part]
    return f"{stop}. {point.name}" + (" — " + ", ".join(details) if details else "")
