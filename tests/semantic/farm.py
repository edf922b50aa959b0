"""A small farm workbook built in memory for the DFC tests, with values worked by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mycelium_sheets.schema.load import load_farm
from mycelium_sheets.workbook.table import Sheet, Workbook

BASE = "https://ferme-test.example/dfc/"

FARM_ROWS = [
    ["Nom de la ferme", "Les Jardins du Test"],
    ["Adresse", "1 chemin des Planches"],
    ["Code postal", "26400"],
    ["Commune", "Crest"],
    ["SIREN", "123456789"],
    ["N° TVA intracommunautaire", "FR12123456789"],
    ["Régime de TVA", "Réel"],
    ["Courriel", "contact@ferme-test.example"],
    ["Adresse des données (URI)", BASE],
]

PRODUCTS = [
    ["Produit", "Référence", "Unité", "Prix HT", "Unité de prix", "Taux de TVA", "Poids moyen (kg)", "Type DFC", "Bio"],
    ["Carottes botte", "CAR-B", "botte", 2.2, None, "5,5 %", 0.5, None, "oui"],
    ["Courge", "COU-P", "pièce", 3.0, "kg", "5,5 %", 1.2, None, None],
    ["Tomates cerises", None, "barquette", 4.5, None, "5,5 %", 0.25, None, "oui"],
    ["Mélange du chef", "MEL", "sachet", 3.0, None, "5,5 %", None, "salad-mix", None],
]

POINTS = [
    ["Point de livraison", "Adresse", "Code postal", "Commune", "Horaire"],
    ["Marché de Crest", "Place du marché", "26400", "Crest", "17h-19h"],
]

CUSTOMERS = [
    ["Client", "Code", "Type", "Courriel", "Point de livraison"],
    ["Marie Dupont", "P01", "Particulier", "marie@example.org", "Marché de Crest"],
    ["Le Bistrot", "R01", "Restaurant", None, None],
]

ORDERS_HEADER = ["Date de livraison", "Client", "Produit", "Quantité", "Unité", "Prix HT", "Statut", "N° de commande"]
ORDERS = [
    [dt.date(2027, 6, 10), "Marie Dupont", "Carottes botte", 2, None, None, None, None],
    [dt.date(2027, 6, 10), "Marie Dupont", "Courge", 2, None, None, None, None],
    [dt.date(2027, 6, 10), "Le Bistrot", "Tomates cerises", 6, None, 4.2, "Livrée", "B-42"],
]

STOCK = [
    ["Produit", "Quantité", "Unité", "Date"],
    ["Carottes botte", 12, None, dt.date(2027, 6, 7)],
    ["Carottes botte", 30, None, dt.date(2027, 6, 1)],
]


def make_workbook(*, farm_rows=FARM_ROWS, products=PRODUCTS, orders=ORDERS, path="ferme-test.ods") -> Workbook:
    workbook = Workbook(path=Path(path), format="ods")
    sheets = {
        "Ferme": farm_rows,
        "Produits": products,
        "Points de livraison": POINTS,
        "Clients": CUSTOMERS,
        "Commandes": [ORDERS_HEADER, *orders],
        "Stock": STOCK,
    }
    for name, rows in sheets.items():
        workbook.sheets[name] = Sheet(name, [list(row) for row in rows])
    return workbook


def make_farm(**kwargs):
    return load_farm(make_workbook(**kwargs))
