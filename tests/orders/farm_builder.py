"""Small farm workbooks built in memory for the orders tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mycelium_sheets.schema.load import load_farm
from mycelium_sheets.workbook.table import Sheet, Workbook

FARM_ROWS = [
    ["Nom de la ferme", "Les Jardins du Test"],
    ["Adresse", "1 chemin des Planches"],
    ["Code postal", "26400"],
    ["Commune", "Crest"],
    ["SIREN", "123456789"],
    ["Régime de TVA", "Réel"],
]

PRODUCTS_HEADER = ["Produit", "Unité", "Prix HT", "Unité de prix", "Taux de TVA", "Poids moyen (kg)",
                   "Pièces par unité", "Unité de récolte", "Lieu de récolte", "Culture"]
PRODUCTS = [
    # name, unit, price, price unit, VAT, average weight, pieces, harvest unit, location, crop
    ["Carottes", "kg", 2.8, None, "5,5 %", None, None, None, "Plein champ", "Carotte"],
    ["Radis", "botte", 1.5, None, "5,5 %", 0.25, 8, None, "Serre 1", "Radis"],
    ["Salade", "pièce", 1.2, None, "5,5 %", 0.4, None, "pièce", "Serre 1", "Laitue"],
    ["Courge", "pièce", 3.0, "kg", "5,5 %", 1.2, None, "kg", "Plein champ", "Courge"],
    ["Tomates", "kg", 4.5, None, "5,5 %", None, None, None, "Serre 2", "Tomate"],
]

POINTS = [
    ["Point de livraison", "Ordre de tournée", "Remarques"],
    ["Ferme", 1, "Retrait sur place"],
    ["Marché de Crest", 2, None],
]

CUSTOMERS = [
    ["Client", "Type", "Point de livraison", "Priorité", "Consignes de livraison"],
    ["Le Bistrot", "Restaurant", "Marché de Crest", 1, "Porte de derrière"],
    ["Biocoop Crest", "Magasin", "Marché de Crest", 2, None],
    ["Cantine Jean Moulin", "Restauration collective", "Ferme", 2, None],
    ["Famille Martin", "AMAP", "Ferme", None, None],
    ["Épicerie Volante", "Magasin", None, 3, None],
]

ORDERS_HEADER = ["Date de livraison", "Client", "Produit", "Quantité", "Unité", "Prix HT", "Poids pesé (kg)", "Statut"]


def make_workbook(orders=(), extra_sheets=None, products=PRODUCTS, stock=None,
                  subscriptions=None, baskets=None, farm_rows=FARM_ROWS, path="ferme-test.ods") -> Workbook:
    """Return a workbook with the test farm's catalogue, the given order rows and extra sheets."""
    workbook = Workbook(path=Path(path), format="ods")
    sheets = {
        "Ferme": farm_rows,
        "Produits": [PRODUCTS_HEADER, *products],
        "Points de livraison": POINTS,
        "Clients": CUSTOMERS,
        "Commandes": [ORDERS_HEADER, *orders],
    }
    if stock is not None:
        sheets["Stock"] = [["Produit", "Quantité", "Unité", "Date"], *stock]
    if subscriptions is not None:
        sheets["Abonnements"] = [["Client", "Panier", "Nombre", "Première semaine", "Dernière semaine", "Jour de livraison",
                                  "Prix du panier HT"], *subscriptions]
    if baskets is not None:
        sheets["Composition des paniers"] = [["Semaine", "Panier", "Produit", "Quantité", "Unité"], *baskets]
    sheets.update(extra_sheets or {})
    for name, rows in sheets.items():
        workbook.sheets[name] = Sheet(name=name, rows=[list(row) for row in rows])
    return workbook


def make_farm(*args, **kwargs):
    """Return the FarmData of ``make_workbook(...)``, as read by the real loader."""
    return load_farm(make_workbook(*args, **kwargs))


THURSDAY = dt.date(2027, 6, 10)
TUESDAY = dt.date(2027, 6, 8)
