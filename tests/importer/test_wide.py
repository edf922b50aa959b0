"""Wide forms: order grids to order lines, sowing calendars to itinerary weeks."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import openpyxl

from mycelium_sheets.importer import plan_import
from mycelium_sheets.workbook.table import Sheet

from .conftest import workbook


def _orders(plan):
    return sorted(
        (record.values["delivery_date"], record.values["customer"], record.values["product"], record.values["quantity"])
        for record in plan.records if record.sheet == "orders"
    )


def test_grid_customers_across():
    sheet = Sheet("Jeudi", [
        ["Commandes du jeudi 10 juin 2027"],
        [],
        ["Produit", "Biocoop Crest", "Le Bistrot", "Cantine"],
        ["Radis", 10, None, "4"],
        ["Carottes", "2 kg", 3, 0],
        ["Total", 12, 3, 4],
    ])
    plan = plan_import(workbook(sheet))
    # Four filled cells that are not zero, on 10 June 2027 from the title; the total row is left out.
    day = dt.date(2027, 6, 10)
    assert _orders(plan) == [
        (day, "Biocoop Crest", "Carottes", Decimal("2")),
        (day, "Biocoop Crest", "Radis", Decimal("10")),
        (day, "Cantine", "Radis", Decimal("4")),
        (day, "Le Bistrot", "Carottes", Decimal("3")),
    ]
    kilo = next(record for record in plan.records if record.values["product"] == "Carottes"
                and record.values["customer"] == "Biocoop Crest")
    assert kilo.values["unit"].code == "kg"
    assert kilo.source.cell == "B5"


def test_grid_days_across_two_row_header(tmp_path):
    # Crafted .xlsx: sheet named after the customer, "Semaine 23" merged over "mar" and "jeu".
    path = tmp_path / "biocoop.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Biocoop"
    sheet.append(["Produit", "Semaine 23", None])
    sheet.append([None, "mar", "jeu"])
    sheet.append(["Radis", 5, 6])
    sheet.merge_cells("B1:C1")
    book.save(path)

    plan = plan_import(path, default_year=2027)
    # ISO week 23 of 2027: Tuesday 8 June and Thursday 10 June.
    assert _orders(plan) == [
        (dt.date(2027, 6, 8), "Biocoop", "Radis", Decimal("5")),
        (dt.date(2027, 6, 10), "Biocoop", "Radis", Decimal("6")),
    ]


def test_grid_without_date_is_error():
    sheet = Sheet("Commandes", [
        ["Produit", "Biocoop", "Bistrot"],
        ["Radis", 1, 2],
    ])
    plan = plan_import(workbook(sheet))
    [error] = plan.errors
    assert error.location.cell == "A1"
    assert plan.count("orders") == 0


def test_grid_unreadable_cell_named():
    sheet = Sheet("Commandes", [
        ["Commandes du 10/06/2027"],
        ["Produit", "Biocoop", "Bistrot"],
        ["Radis", 1, "beaucoup"],
        ["Navets", 2, 3],
    ])
    plan = plan_import(workbook(sheet))
    [error] = plan.errors
    assert error.location.cell == "C3"
    assert error.value == "beaucoup"


def test_sowing_calendar_months_across():
    sheet = Sheet("Calendrier", [
        ["Légume", "janv", "févr", "mars", "avril", "mai", "juin"],
        ["Carotte", None, None, "S", "S", "S, R", "R"],
        ["Tomate", None, "SA", None, "P", "P", None],
    ])
    plan = plan_import(workbook(sheet), default_year=2027)
    crops = {record.values["crop"]: record.values for record in plan.records}
    # Carrot sown in place from March to May 2027: 1 March 2027 is in ISO week 9,
    # 31 May 2027 in week 22.
    assert crops["Carotte"]["method"] == "direct"
    assert crops["Carotte"]["earliest_week"] == 9
    assert crops["Carotte"]["latest_week"] == 22
    # Tomato sown under shelter, planted April to May: 1 April 2027 is in week 13.
    assert crops["Tomate"]["method"] == "transplant"
    assert crops["Tomate"]["earliest_week"] == 13
    assert crops["Tomate"]["latest_week"] == 22


def test_sowing_calendar_thirds_of_month(tmp_path):
    path = tmp_path / "calendrier.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Culture", "Mars", None, None, "Avril", None, None, "Mai", None, None])
    sheet.append([None, "début", "mi", "fin", "début", "mi", "fin", "début", "mi", "fin"])
    sheet.append(["Radis", None, "S", None, None, "S", None, "R", None, None])
    sheet.merge_cells("B1:D1")
    sheet.merge_cells("E1:G1")
    sheet.merge_cells("H1:J1")
    book.save(path)

    plan = plan_import(path, default_year=2027)
    [record] = plan.records
    # Middle third of March 2027: days 11 to 20, weeks 10 to 11. Middle third of
    # April: days 11 to 20, weeks 14 to 16 (11 April is a Sunday of week 14).
    assert record.values["earliest_week"] == 10
    assert record.values["latest_week"] == 16


def test_calendar_unknown_code_named():
    sheet = Sheet("Calendrier", [
        ["Légume", "mars", "avril", "mai"],
        ["Carotte", "S", "S", "S"],
        ["Navet", "S", "Z", "R"],
    ])
    plan = plan_import(workbook(sheet), default_year=2027)
    [error] = plan.errors
    assert error.location.cell == "C3"
