"""Small farm workbooks written with openpyxl (.xlsx) or odfpy (.ods), with values worked by hand in the tests."""

from __future__ import annotations

import datetime as dt

import pytest

FARM = {
    "Nom de la ferme": "Ferme des Essais",
    "Adresse": "1 rue du Potager",
    "Code postal": "35000",
    "Commune": "Rennes",
    "SIREN": "842173908",
    "N° TVA intracommunautaire": "FR18842173908",
    "Régime de TVA": "Réel",
    "Préfixe des factures": "FT-",
    "Délai de paiement (jours)": 30,
}

PRODUCTS = [
    ("Produit", "Unité", "Prix HT", "Taux de TVA", "Unité de prix", "Poids moyen (kg)", "Catégorie"),
    ("Carotte botte", "botte", 2.20, 0.055, None, None, "légumes"),
    ("Tomate", "kg", 4.50, 0.055, None, None, "légumes"),
    ("Bouquet", "pièce", 12.00, 0.10, None, None, "fleurs"),
    ("Melon", "pièce", 3.00, 0.055, "kg", 1.2, "légumes"),
    ("Oeufs", "douzaine", 3.00, 0.055, None, None, "oeufs"),
    ("Radis", "botte", 0.99, 0.055, None, None, "légumes"),
]

CUSTOMERS = [
    ("Client", "Type", "Adresse", "Code postal", "Commune", "SIREN", "Facturation"),
    ("Bistrot", "Restaurant", "2 place du Marché", "35000", "Rennes", "812345676", "Hebdomadaire"),
    ("Marie", "Particulier", "3 allée des Roses", "35510", "Cesson", None, "Mensuelle"),
]

ORDER_HEADER = ("Date de livraison", "Client", "Produit", "Quantité", "Poids pesé (kg)", "Statut")


def write_workbook(path, farm=None, products=None, customers=None, orders=()):
    """Write a small farm workbook (.xlsx) and return its path."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Ferme"
    for label, value in (farm or FARM).items():
        sheet.append([label, value])
    for title, rows in (("Produits", products or PRODUCTS), ("Clients", customers or CUSTOMERS),
                        ("Commandes", [ORDER_HEADER, *orders])):
        table = book.create_sheet(title)
        for row in rows:
            table.append(list(row))
    book.save(path)
    return path


def _ods_cell(value):
    from odf.table import TableCell
    from odf.text import P

    if value is None:
        return TableCell()
    if isinstance(value, dt.datetime):
        cell = TableCell(valuetype="date", datevalue=value.isoformat())
    elif isinstance(value, (int, float)):
        cell = TableCell(valuetype="float", value=value)
    else:
        cell = TableCell(valuetype="string")
    cell.addElement(P(text=str(value)))
    return cell


def write_ods_workbook(path, farm=None, products=None, customers=None, orders=()):
    """Write the same small farm workbook as ``write_workbook``, as .ods with odfpy, and return its path."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableRow

    document = OpenDocumentSpreadsheet()
    sheets = (("Ferme", list((farm or FARM).items())), ("Produits", products or PRODUCTS),
              ("Clients", customers or CUSTOMERS), ("Commandes", [ORDER_HEADER, *orders]))
    for title, rows in sheets:
        table = Table(name=title)
        for values in rows:
            row = TableRow()
            for value in values:
                row.addElement(_ods_cell(value))
            table.addElement(row)
        document.spreadsheet.addElement(table)
    document.save(str(path))
    return path


@pytest.fixture
def june_orders():
    """Deliveries of week 2027-W23 for the restaurant and the private customer."""
    day = dt.datetime(2027, 6, 8)
    return [
        (day, "Bistrot", "Carotte botte", 3, None, None),
        (day, "Bistrot", "Tomate", 1, 1.235, None),
        (day, "Bistrot", "Bouquet", 1, None, None),
        (day, "Marie", "Carotte botte", 2, None, None),
    ]


@pytest.fixture
def workbook(tmp_path, june_orders):
    return write_workbook(tmp_path / "ferme.xlsx", orders=june_orders)
