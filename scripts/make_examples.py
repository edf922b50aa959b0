"""Generate the example farm workbook from the French template.

Writes examples/ferme-exemple.xlsx and has LibreOffice convert it to
examples/ferme-exemple.ods. The farm, its customers and their orders are
invented: a small diversified market garden selling to AMAP members, shops,
restaurants, two school kitchens, a market stall and a few individuals, over
four weeks of June 2027 with deliveries on Tuesdays and Thursdays. The
orders are drawn from a seeded random generator, so the files are the same
on every run.

    python scripts/make_examples.py
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from openpyxl import load_workbook  # noqa: E402
from openpyxl.styles import Font, PatternFill  # noqa: E402

from make_templates import freeze_ods_headers  # noqa: E402
from office import convert  # noqa: E402

FARM = [
    ("Nom de la ferme", "Les Jardins de la Noue"),
    ("Forme juridique", "EARL"),
    ("Adresse", "12 chemin des Noues"),
    ("Code postal", "35580"),
    ("Commune", "Guichen"),
    ("Pays", "FR"),
    ("SIREN", "842173908"),
    ("SIRET", "84217390800018"),
    ("N° TVA intracommunautaire", "FR81842173908"),
    ("Régime de TVA", "Réel"),
    ("Immatriculation", "Registre des actifs agricoles 35"),
    ("Capital social", 7500),
    ("Courriel", "contact@jardins-noue.example"),
    ("Téléphone", "02 99 00 00 00"),
    ("Site web", "https://jardins-noue.example"),
    ("IBAN", "FR76 3000 4000 0500 0012 3456 789"),
    ("BIC", "BNPAFRPPXXX"),
    ("Préfixe des factures", "FA2027-"),
    ("Délai de paiement (jours)", 30),
    ("Taux des pénalités de retard", 0.12),
    ("Adresse des données (URI)", "https://jardins-noue.example/dfc/"),
    ("Organisme certificateur bio", "FR-BIO-10"),
    ("Marge de récolte", 0.05),
    ("Début de saison (semaine)", "2027-W10"),
    ("Langue", "fr"),
]

# name, reference, unit, price, price unit, VAT, average weight kg, pieces per unit,
# harvest unit, crop, harvest location, category
PRODUCTS = [
    ("Radis rose", "RAD-B", "botte", 1.60, None, 0.055, 0.25, 18, None, "Radis", "Plein champ", "Légumes"),
    ("Carotte botte", "CAR-B", "botte", 2.20, None, 0.055, 0.6, 8, None, "Carotte", "Plein champ", "Légumes"),
    ("Carotte", "CAR-K", "kg", 2.40, None, 0.055, None, None, None, "Carotte", "Plein champ", "Légumes"),
    ("Betterave botte", "BET-B", "botte", 2.30, None, 0.055, 0.8, 4, None, "Betterave", "Plein champ", "Légumes"),
    ("Navet botte", "NAV-B", "botte", 2.00, None, 0.055, 0.7, 6, None, "Navet", "Plein champ", "Légumes"),
    ("Oignon blanc botte", "OIB-B", "botte", 2.10, None, 0.055, 0.4, 5, None, "Oignon", "Plein champ", "Légumes"),
    ("Persil", "PER-B", "botte", 1.20, None, 0.055, 0.1, None, None, "Persil", "Serre", "Aromatiques"),
    ("Coriandre", "COR-B", "botte", 1.30, None, 0.055, 0.08, None, None, "Coriandre", "Serre", "Aromatiques"),
    ("Basilic", "BAS-B", "botte", 1.80, None, 0.055, 0.06, None, None, "Basilic", "Serre", "Aromatiques"),
    ("Ciboulette", "CIB-B", "botte", 1.20, None, 0.055, 0.05, None, None, "Ciboulette", "Plein champ", "Aromatiques"),
    ("Blette", "BLE-B", "botte", 2.50, None, 0.055, 0.9, None, None, "Blette", "Plein champ", "Légumes"),
    ("Pomme de terre nouvelle", "PDT-K", "kg", 2.80, None, 0.055, None, None, None, "Pomme de terre", "Plein champ", "Légumes"),
    ("Tomate ancienne", "TOM-K", "kg", 4.50, None, 0.055, None, None, None, "Tomate", "Serre", "Légumes"),
    ("Tomate cerise", "TCE-BQ", "barquette", 3.20, None, 0.055, 0.25, None, "kg", "Tomate cerise", "Serre", "Légumes"),
    ("Courgette", "COU-K", "kg", 2.60, None, 0.055, None, None, None, "Courgette", "Plein champ", "Légumes"),
    ("Concombre", "CON-P", "pièce", 1.20, None, 0.055, 0.4, None, None, "Concombre", "Serre", "Légumes"),
    ("Haricot vert", "HAR-K", "kg", 7.50, None, 0.055, None, None, None, "Haricot", "Plein champ", "Légumes"),
    ("Épinard", "EPI-K", "kg", 6.00, None, 0.055, None, None, None, "Épinard", "Plein champ", "Légumes"),
    ("Mesclun", "MES-K", "kg", 16.00, None, 0.055, None, None, None, "Mesclun", "Serre", "Légumes"),
    ("Laitue", "LAI-P", "pièce", 1.20, None, 0.055, 0.35, None, None, "Laitue", "Plein champ", "Légumes"),
    ("Batavia", "BAT-P", "pièce", 1.20, None, 0.055, 0.4, None, None, "Laitue", "Plein champ", "Légumes"),
    ("Feuille de chêne", "FDC-P", "pièce", 1.20, None, 0.055, 0.3, None, None, "Laitue", "Plein champ", "Légumes"),
    ("Poireau", "POI-K", "kg", 3.20, None, 0.055, None, None, None, "Poireau", "Plein champ", "Légumes"),
    ("Oignon jaune", "OIJ-K", "kg", 2.60, None, 0.055, None, None, None, "Oignon", "Plein champ", "Légumes"),
    ("Aubergine", "AUB-K", "kg", 4.20, None, 0.055, None, None, None, "Aubergine", "Serre", "Légumes"),
    ("Poivron", "POV-K", "kg", 5.50, None, 0.055, None, None, None, "Poivron", "Serre", "Légumes"),
    ("Fève", "FEV-K", "kg", 4.00, None, 0.055, None, None, None, "Fève", "Plein champ", "Légumes"),
    ("Petit pois", "PPO-K", "kg", 6.50, None, 0.055, None, None, None, "Petit pois", "Plein champ", "Légumes"),
    ("Fenouil", "FEN-K", "kg", 3.80, None, 0.055, None, None, None, "Fenouil", "Plein champ", "Légumes"),
    ("Chou-fleur", "CHF-P", "pièce", 3.00, None, 0.055, 1.1, None, None, "Chou-fleur", "Plein champ", "Légumes"),
    ("Brocoli", "BRO-K", "kg", 5.00, None, 0.055, None, None, None, "Brocoli", "Plein champ", "Légumes"),
    ("Chou pointu", "CHP-P", "pièce", 2.50, None, 0.055, 0.9, None, None, "Chou", "Plein champ", "Légumes"),
    ("Melon charentais", "MEL-P", "pièce", 3.60, "kg", 0.055, 1.1, None, "kg", "Melon", "Serre", "Fruits"),
    ("Fraise", "FRA-BQ", "barquette", 4.50, None, 0.055, 0.5, None, None, "Fraise", "Plein champ", "Fruits"),
    ("Framboise", "FRB-BQ", "barquette", 4.00, None, 0.055, 0.125, None, None, "Framboise", "Plein champ", "Fruits"),
    ("Ail nouveau", "AIL-K", "kg", 12.00, None, 0.055, None, None, None, "Ail", "Plein champ", "Légumes"),
    ("Échalote", "ECH-K", "kg", 7.00, None, 0.055, None, None, None, "Échalote", "Plein champ", "Légumes"),
    ("Jus de pomme", "JUS-L", "l", 3.50, None, 0.055, None, None, None, None, "Réserve", "Épicerie"),
    ("Plant de tomate", "PLT-P", "pièce", 2.50, None, 0.10, None, None, None, None, "Pépinière", "Plants"),
    ("Sac cabas en toile", "SAC-P", "pièce", 5.00, None, 0.20, None, None, None, None, "Réserve", "Divers"),
]

DELIVERY_POINTS = [
    ("Ferme de la Noue", "12 chemin des Noues", "35580", "Guichen", "Mardi", "17h-19h", 1, "Retrait à la ferme"),
    ("Salle de l'AMAP du Bourg", "3 rue de la Mairie", "35580", "Guichen", "Jeudi", "18h-19h30", 2, "Clé chez la mairie"),
    ("Rennes centre", "Place des Lices", "35000", "Rennes", "Jeudi", "7h-11h", 3, "Tournée restaurants et magasins"),
]

# name, code, type, contact, email, phone, address, postcode, city, SIREN, SIRET, VAT number,
# billing, payment days, delivery point, priority, notes
CUSTOMERS = [
    ("Claire Martin", "AM01", "AMAP", None, "claire.martin@example.org", None, "5 rue des Lilas", "35580", "Guichen",
     None, None, None, "Par contrat", None, "Salle de l'AMAP du Bourg", 2, None),
    ("Julien Petit", "AM02", "AMAP", None, "julien.petit@example.org", None, "8 allée des Chênes", "35580", "Guichen",
     None, None, None, "Par contrat", None, "Salle de l'AMAP du Bourg", 2, None),
    ("Sophie Bernard", "AM03", "AMAP", None, "sophie.bernard@example.org", None, "14 rue du Moulin", "35580", "Guichen",
     None, None, None, "Par contrat", None, "Salle de l'AMAP du Bourg", 2, None),
    ("Karim Haddad", "AM04", "AMAP", None, "karim.haddad@example.org", None, "2 impasse des Saules", "35580", "Guichen",
     None, None, None, "Par contrat", None, "Salle de l'AMAP du Bourg", 2, "Panier déposé chez la voisine"),
    ("Épicerie Le Panier Local", "MAG01", "Magasin", "Anne Leroy", "contact@panierlocal.example", "02 99 11 11 11",
     "21 rue de Nantes", "35000", "Rennes", "901234567", "90123456700005", "FR15901234567", "Mensuelle", 30,
     "Rennes centre", 1, "Livrer par la cour arrière"),
    ("La Coop des Prés", "MAG02", "Magasin", "Marc Guillou", "achats@coopdespres.example", "02 99 22 22 22",
     "4 boulevard de la Liberté", "35000", "Rennes", "812345676", "81234567600009", "FR19812345676", "Hebdomadaire", 30,
     "Rennes centre", 1, None),
    ("Vrac & Co", "MAG03", "Magasin", "Inès Roussel", "bonjour@vracetco.example", None,
     "9 rue Saint-Malo", "35000", "Rennes", "823456785", "82345678500000", None, "Mensuelle", 30,
     "Rennes centre", 2, None),
    ("Restaurant La Table de Léa", "RES01", "Restaurant", "Léa Morvan", "lea@tabledelea.example", "02 99 33 33 33",
     "17 quai Lamartine", "35000", "Rennes", "834567893", "83456789300005", "FR25834567893", "Hebdomadaire", 30,
     "Rennes centre", 1, "Avant 10h, entrée cuisine"),
    ("Bistrot du Canal", "RES02", "Restaurant", "Yann Le Goff", "bistrot.canal@example.net", "02 99 44 44 44",
     "2 quai du Canal", "35580", "Guichen", "845678903", "84567890300004", "FR72845678903", "Hebdomadaire", 30,
     "Ferme de la Noue", 1, None),
    ("Crêperie Ty Koad", "RES03", "Restaurant", "Gaëlle Tanguy", "tykoad@example.net", None,
     "6 place de l'Église", "35580", "Guichen", "856789011", "85678901100009", None, "Mensuelle", 30,
     "Ferme de la Noue", 2, None),
    ("Cantine de l'école des Tilleuls", "COL01", "Restauration collective", "Service restauration", "restauration@mairie-guichen.example",
     "02 99 55 55 55", "1 rue des Tilleuls", "35580", "Guichen", "213501265", "21350126500002", None, "Mensuelle", 30,
     "Ferme de la Noue", 1, "Bon de commande n° à rappeler"),
    ("Cuisine centrale du Pays de Guichen", "COL02", "Restauration collective", "Chef de cuisine", "cuisine.centrale@example.org",
     "02 99 66 66 66", "ZA de la Lande", "35580", "Guichen", "200012342", "20001234200008", None, "Mensuelle", 30,
     "Rennes centre", 1, None),
    ("Marché de Guichen (stand)", "MAR01", "Marché", None, None, None, None, None, None,
     None, None, None, "Pas de facture", None, "Ferme de la Noue", 3, "Stock pour le stand du samedi"),
    ("Thomas Lemoine", "PAR01", "Particulier", None, "thomas.lemoine@example.org", "06 00 00 00 01", "3 rue Pasteur", "35580", "Guichen",
     None, None, None, "À chaque livraison", None, "Ferme de la Noue", 3, None),
    ("Marie Dubois", "PAR02", "Particulier", None, "marie.dubois@example.org", None, "11 rue Victor Hugo", "35580", "Guichen",
     None, None, None, "À chaque livraison", None, None, 3, "Vient chercher sa commande, pas de point fixe"),
]

DELIVERY_DAYS = [dt.date(2027, 6, 8), dt.date(2027, 6, 10), dt.date(2027, 6, 15), dt.date(2027, 6, 17),
                 dt.date(2027, 6, 22), dt.date(2027, 6, 24), dt.date(2027, 6, 29), dt.date(2027, 7, 1)]
GRID_DAYS = (dt.date(2027, 6, 22), dt.date(2027, 6, 24))

# What each kind of customer usually orders: product name and a (low, high) quantity.
USUAL_ORDERS = {
    "shop": [("Radis rose", (5, 15)), ("Carotte botte", (5, 12)), ("Carotte", (5, 15)), ("Tomate ancienne", (4, 10)),
             ("Courgette", (5, 12)), ("Laitue", (10, 20)), ("Concombre", (8, 16)), ("Fraise", (6, 12)),
             ("Pomme de terre nouvelle", (10, 25)), ("Oignon blanc botte", (4, 8)), ("Jus de pomme", (6, 12)),
             ("Melon charentais", (4, 10)), ("Tomate cerise", (6, 12))],
    "restaurant": [("Mesclun", (1, 3)), ("Basilic", (2, 5)), ("Persil", (2, 4)), ("Coriandre", (1, 3)),
                   ("Tomate ancienne", (2, 6)), ("Courgette", (2, 5)), ("Fève", (1, 3)), ("Petit pois", (1, 3)),
                   ("Haricot vert", (1, 3)), ("Épinard", (1, 2)), ("Fenouil", (1, 3))],
    "school_kitchen": [("Carotte", (10, 25)), ("Courgette", (8, 20)), ("Pomme de terre nouvelle", (15, 40)),
                       ("Laitue", (15, 30)), ("Concombre", (10, 20)), ("Fraise", (10, 20))],
    "individual": [("Radis rose", (1, 2)), ("Laitue", (1, 2)), ("Fraise", (1, 2)), ("Courgette", (1, 2)), ("Ciboulette", (1, 1))],
    "market": [("Radis rose", (10, 20)), ("Laitue", (20, 30)), ("Courgette", (10, 20)), ("Fraise", (10, 20)),
               ("Tomate ancienne", (5, 10))],
}
TYPE_CODES = {"Magasin": "shop", "Restaurant": "restaurant", "Restauration collective": "school_kitchen",
              "Particulier": "individual", "Marché": "market"}

SUBSCRIPTIONS = [
    ("Claire Martin", "Petit", 1), ("Julien Petit", "Grand", 1), ("Sophie Bernard", "Petit", 2), ("Karim Haddad", "Grand", 1),
]

BASKETS = {
    "2027-W23": {"Petit": [("Radis rose", 1), ("Laitue", 1), ("Carotte botte", 1), ("Fève", 0.5)],
                 "Grand": [("Radis rose", 1), ("Laitue", 2), ("Carotte botte", 1), ("Fève", 1), ("Épinard", 0.5), ("Persil", 1)]},
    "2027-W24": {"Petit": [("Navet botte", 1), ("Batavia", 1), ("Courgette", 0.5), ("Petit pois", 0.5)],
                 "Grand": [("Navet botte", 1), ("Batavia", 2), ("Courgette", 1), ("Petit pois", 1), ("Fraise", 1)]},
    "2027-W25": {"Petit": [("Betterave botte", 1), ("Feuille de chêne", 1), ("Courgette", 0.5), ("Concombre", 1)],
                 "Grand": [("Betterave botte", 1), ("Feuille de chêne", 2), ("Courgette", 1), ("Concombre", 2), ("Basilic", 1)]},
    "2027-W26": {"Petit": [("Oignon blanc botte", 1), ("Laitue", 1), ("Tomate ancienne", 0.5), ("Haricot vert", 0.25)],
                 "Grand": [("Oignon blanc botte", 1), ("Laitue", 2), ("Tomate ancienne", 1), ("Haricot vert", 0.5), ("Melon charentais", 1)]},
}

STOCK = [("Pomme de terre nouvelle", 40, "kg"), ("Fraise", 30, "barquette"), ("Jus de pomme", 120, "l"), ("Ail nouveau", 6, "kg")]

FAMILIES = [("Alliacées", 4), ("Apiacées", 3), ("Astéracées", 2), ("Brassicacées", 3), ("Chénopodiacées", 3),
            ("Cucurbitacées", 3), ("Fabacées", 2), ("Lamiacées", 2), ("Rosacées", 4), ("Solanacées", 4), ("Valérianacées", 1)]

# crop, variety, family, method, nursery days, days to maturity, basis, harvest days, spacing cm, rows,
# yield kg/bed-metre, yield unit, seeds/g, germination, seeds/hole, safety margin, nursery losses,
# cells/tray, earliest week, latest week, location, packet size, seed stock
CROPS = [
    ("Radis", "Flamboyant 3", "Brassicacées", "Semis direct", None, 30, "Semis", 14, 2, 4, 8.0, "botte", 100, 0.9, 1, 0.1, None, None, 10, 36, "Plein champ", 50, 20),
    ("Carotte", "Nantaise 2", "Apiacées", "Semis direct", None, 90, "Semis", 28, 2, 4, 4.5, "kg", 800, 0.75, 1, 0.15, None, None, 10, 28, "Plein champ", 25, 10),
    ("Betterave", "Crapaudine", "Chénopodiacées", "Plant maison", 28, 70, "Plantation", 28, 10, 3, 2.5, "kg", 50, 0.8, 2, 0.1, 0.1, 104, 14, 30, "Plein champ", 20, 0),
    ("Navet", "Milan à collet violet", "Brassicacées", "Semis direct", None, 50, "Semis", 21, 5, 3, 2.0, "kg", 350, 0.85, 1, 0.1, None, None, 10, 34, "Plein champ", 20, 5),
    ("Oignon", "Blanc de Paris", "Alliacées", "Plant maison", 42, 90, "Plantation", 28, 10, 4, 2.5, "kg", 250, 0.7, 4, 0.1, 0.1, 104, 10, 20, "Plein champ", 10, 0),
    ("Persil", "Géant d'Italie", "Apiacées", "Plant maison", 42, 70, "Plantation", 90, 20, 3, 1.0, "kg", 600, 0.7, 3, 0.1, 0.1, 104, 12, 30, "Serre", 10, 5),
    ("Basilic", "Grand vert", "Lamiacées", "Plant maison", 35, 50, "Plantation", 70, 25, 3, 1.2, "kg", 700, 0.8, 3, 0.1, 0.1, 104, 18, 28, "Serre", 5, 2),
    ("Blette", "Verte à carde blanche", "Chénopodiacées", "Plant maison", 28, 60, "Plantation", 90, 30, 2, 4.0, "kg", 60, 0.8, 1, 0.1, 0.1, 77, 14, 28, "Plein champ", 20, 0),
    ("Pomme de terre", "Charlotte", "Solanacées", "Plant acheté", None, 90, "Plantation", 21, 35, 2, 3.0, "kg", None, None, None, 0.05, None, None, 12, 18, "Plein champ", None, None),
    ("Tomate", "Cœur de bœuf", "Solanacées", "Plant maison", 49, 70, "Plantation", 90, 50, 2, 16.0, "kg", 300, 0.85, 1, 0.15, 0.1, 77, 16, 20, "Serre", 1, 0),
    ("Tomate cerise", "Sweet 100", "Solanacées", "Plant maison", 49, 65, "Plantation", 100, 50, 2, 10.0, "kg", 350, 0.85, 1, 0.15, 0.1, 77, 16, 20, "Serre", 0.5, 0),
    ("Courgette", "Verte de Milan", "Cucurbitacées", "Plant maison", 21, 50, "Plantation", 56, 80, 1, 6.0, "kg", 7, 0.9, 1, 0.1, 0.05, 40, 17, 26, "Plein champ", 10, 5),
    ("Concombre", "Marketmore", "Cucurbitacées", "Plant maison", 21, 55, "Plantation", 60, 40, 1, 20.0, "pièce", 35, 0.9, 1, 0.1, 0.05, 40, 16, 24, "Serre", 5, 0),
    ("Haricot", "Contender", "Fabacées", "Semis direct", None, 60, "Semis", 28, 7, 2, 1.2, "kg", 3.5, 0.85, 2, 0.1, None, None, 19, 29, "Plein champ", 250, 100),
    ("Épinard", "Géant d'hiver", "Chénopodiacées", "Semis direct", None, 45, "Semis", 21, 5, 4, 1.2, "kg", 90, 0.8, 1, 0.1, None, None, 10, 36, "Plein champ", 50, 0),
    ("Laitue", "Batavia blonde", "Astéracées", "Plant maison", 28, 45, "Plantation", 14, 30, 3, 9.0, "pièce", 800, 0.85, 2, 0.1, 0.1, 150, 10, 34, "Plein champ", 2, 1),
    ("Fève", "Aguadulce", "Fabacées", "Semis direct", None, 100, "Semis", 28, 15, 2, 1.5, "kg", 0.7, 0.9, 1, 0.1, None, None, 6, 12, "Plein champ", 500, 0),
    ("Courge", "Potimarron Red Kuri", "Cucurbitacées", "Plant maison", 21, 100, "Plantation", 14, 100, 1, 3.0, "kg", 5, 0.85, 1, 0.1, 0.05, 40, 20, 23, "Plein champ", 10, 0),
    ("Fraise", "Gariguette", "Rosacées", "Plant acheté", None, 300, "Plantation", 42, 30, 2, 1.0, "kg", None, None, None, 0.05, None, None, 34, 38, "Plein champ", None, None),
    ("Mesclun", "Mélange jeunes pousses", "Astéracées", "Semis direct", None, 35, "Semis", 21, 1, 6, 0.6, "kg", 700, 0.8, 1, 0.1, None, None, 8, 38, "Serre", 25, 10),
]

TARGETS = [
    ("Radis", "2027-W14", "2027-W38", 40, "botte"),
    ("Carotte", "2027-W24", "2027-W44", 60, "kg"),
    ("Laitue", "2027-W18", "2027-W40", 80, "pièce"),
    ("Courgette", "2027-W25", "2027-W38", 70, "kg"),
    ("Tomate", "2027-W27", "2027-W40", 40, "kg"),
    ("Haricot", "2027-W27", "2027-W38", 15, "kg"),
    ("Épinard", "2027-W16", "2027-W24", 10, "kg"),
    ("Mesclun", "2027-W12", "2027-W40", 6, "kg"),
]

HARVESTS = [
    (dt.date(2027, 6, 7), "Radis", 38, "botte", "A3", None),
    (dt.date(2027, 6, 7), "Laitue", 72, "pièce", "B2", None),
    (dt.date(2027, 6, 9), "Épinard", 9.5, "kg", "A5", "Montée en graine sur le bout de planche"),
    (dt.date(2027, 6, 9), "Mesclun", 5.8, "kg", "S1-2", None),
    (dt.date(2027, 6, 14), "Radis", 42, "botte", "A4", None),
    (dt.date(2027, 6, 14), "Laitue", 85, "pièce", "B3", None),
]


def beds() -> list[tuple]:
    rows = []
    for tunnel in (1, 2):
        for number in range(1, 4):
            rows.append((f"S{tunnel}-{number}", f"Serre {tunnel}", 25, 0.8, True, len(rows) + 1))
    for block in "ABC":
        for number in range(1, 9):
            rows.append((f"{block}{number}", f"Îlot {block}", 30, 0.8, False, len(rows) + 1))
    return rows


PAST_PLANTINGS = [
    ("A1", "Tomate", "Solanacées", "2026-W18", "2026-W40"),
    ("A2", "Carotte", "Apiacées", "2026-W12", "2026-W30"),
    ("A3", "Poireau", "Alliacées", "2026-W20", "2026-W48"),
    ("B1", "Courge", "Cucurbitacées", "2026-W21", "2026-W40"),
    ("B2", "Laitue", "Astéracées", "2026-W14", "2026-W24"),
    ("S1-1", "Tomate", "Solanacées", "2026-W16", "2026-W42"),
    ("S1-2", "Concombre", "Cucurbitacées", "2026-W16", "2026-W38"),
    ("S2-1", "Poivron", "Solanacées", "2026-W17", "2026-W42"),
]


def order_lines(rng: random.Random, days) -> list[tuple]:
    """Draw the orders of the shops, restaurants, school kitchens and individuals."""
    lines = []
    number = 0
    for day in days:
        for customer in CUSTOMERS:
            kind = TYPE_CODES.get(customer[2])
            if kind is None:
                continue
            if kind in ("school_kitchen", "individual") and day.weekday() != 1:
                continue
            if kind == "market" and day.weekday() != 3:
                continue
            if customer[0] == "Bistrot du Canal" and day.isocalendar()[1] == 26:
                continue  # its week 26 orders are in its own grid sheet
            number += 1
            usual = USUAL_ORDERS[kind]
            for product, (low, high) in rng.sample(usual, k=min(len(usual), rng.randint(3, 6))):
                lines.append([day, customer[0], product, rng.randint(low, high), None, None, None, "Confirmée",
                              f"C{day:%y%m%d}-{number:03d}", None])
    return lines


def fill_table(sheet, rows) -> None:
    """Write the rows below the header, replacing what the template had there."""
    if sheet.max_row > 1:
        sheet.delete_rows(2, sheet.max_row - 1)
    for row_index, row in enumerate(rows, start=2):
        for column_index, value in enumerate(row, start=1):
            if value is not None:
                sheet.cell(row=row_index, column=column_index, value=value)


def write_grid(book, day: dt.date, lines: list[list]) -> None:
    """Add a weekly grid sheet: products down, customers across, as many farms keep them."""
    sheet = book.create_sheet(f"Grille {day:%Y-%m-%d}")
    sheet["A1"] = "Date de livraison"
    sheet["B1"] = day
    sheet["B1"].number_format = "DD/MM/YYYY"
    customers = sorted({line[1] for line in lines}, key=[c[0] for c in CUSTOMERS].index)
    products = sorted({line[2] for line in lines}, key=[p[0] for p in PRODUCTS].index)
    units = {product[0]: product[2] for product in PRODUCTS}
    header = ["Produit", "Unité", *customers, "Total"]
    for column, value in enumerate(header, start=1):
        cell = sheet.cell(row=3, column=column, value=value)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBD8")
    quantities = {(line[2], line[1]): line[3] for line in lines}
    last_column = sheet.cell(row=3, column=len(header) - 1).column_letter
    for row, product in enumerate(products, start=4):
        sheet.cell(row=row, column=1, value=product)
        sheet.cell(row=row, column=2, value=units[product])
        for column, customer in enumerate(customers, start=3):
            if (product, customer) in quantities:
                sheet.cell(row=row, column=column, value=quantities[(product, customer)])
        sheet.cell(row=row, column=len(header), value=f"=SUM(C{row}:{last_column}{row})")
    total_row = 4 + len(products)
    sheet.cell(row=total_row, column=1, value="Total").font = Font(bold=True)
    for column in range(3, len(header) + 1):
        letter = sheet.cell(row=3, column=column).column_letter
        sheet.cell(row=total_row, column=column, value=f"=SUM({letter}4:{letter}{total_row - 1})")
    sheet.column_dimensions["A"].width = 24
    sheet.freeze_panes = "C4"


def write_days_grid(book) -> None:
    """Add a grid with delivery days across for one restaurant's standing order."""
    sheet = book.create_sheet("Grille 2027-W26 Bistrot")
    sheet["A1"] = "Semaine"
    sheet["B1"] = "2027-W26"
    sheet["A2"] = "Client"
    sheet["B2"] = "Bistrot du Canal"
    for column, value in enumerate(["Produit", "Unité", "mardi 29/06", "jeudi 01/07", "Total"], start=1):
        sheet.cell(row=3, column=column, value=value).font = Font(bold=True)
    rows = [("Mesclun", "kg", 2, 1.5), ("Basilic", "botte", 3, None), ("Tomate ancienne", "kg", 4, 4), ("Courgette", "kg", None, 3)]
    for row, (product, unit, tuesday, thursday) in enumerate(rows, start=4):
        sheet.cell(row=row, column=1, value=product)
        sheet.cell(row=row, column=2, value=unit)
        if tuesday is not None:
            sheet.cell(row=row, column=3, value=tuesday)
        if thursday is not None:
            sheet.cell(row=row, column=4, value=thursday)
        sheet.cell(row=row, column=5, value=f"=SUM(C{row}:D{row})")
    sheet.column_dimensions["A"].width = 24


def build() -> Path:
    book = load_workbook(ROOT / "workbook_templates" / "ferme.xlsx")
    rng = random.Random(2027)

    farm = book["Ferme"]
    labels = {farm.cell(row=row, column=1).value: row for row in range(1, farm.max_row + 1)}
    for label, value in FARM:
        farm.cell(row=labels[label], column=2, value=value)

    fill_table(book["Produits"], [(*product[:12], None, True, True, None) for product in PRODUCTS])
    fill_table(book["Points de livraison"], DELIVERY_POINTS)
    fill_table(book["Clients"], CUSTOMERS)

    list_days = [day for day in DELIVERY_DAYS if day not in GRID_DAYS]
    lines = order_lines(rng, list_days)
    # Cases a real order list has: a cancelled line, a price agreed with a
    # restaurant, and melons weighed after packing.
    lines.append([dt.date(2027, 6, 10), "Restaurant La Table de Léa", "Fraise", 4, None, None, None, "Annulée", "C270610-X01", "Annulé par téléphone"])
    lines.append([dt.date(2027, 6, 10), "Restaurant La Table de Léa", "Tomate ancienne", 5, None, 4.20, None, "Confirmée", "C270610-X02", "Prix négocié"])
    lines = [line for line in lines
             if (line[0], line[1], line[2]) != (dt.date(2027, 6, 10), "La Coop des Prés", "Melon charentais")]
    lines.append([dt.date(2027, 6, 10), "La Coop des Prés", "Melon charentais", 6, None, None, 6.85, "Livrée", "C270610-X03", "Pesé : 6,85 kg"])
    lines.sort(key=lambda line: (line[0], line[1]))
    fill_table(book["Commandes"], lines)
    for row in range(2, len(lines) + 2):
        book["Commandes"].cell(row=row, column=1).number_format = "DD/MM/YYYY"

    subscriptions = [(name, size, count, "2027-W23", "2027-W26", "Jeudi", 12.0 if size == "Petit" else 20.0)
                     for name, size, count in SUBSCRIPTIONS]
    fill_table(book["Abonnements"], subscriptions)
    basket_rows = [(week, size, product, quantity, None)
                   for week, sizes in BASKETS.items() for size, items in sizes.items() for product, quantity in items]
    fill_table(book["Composition des paniers"], basket_rows)
    fill_table(book["Stock"], [(product, quantity, unit, dt.date(2027, 6, 7)) for product, quantity, unit in STOCK])
    fill_table(book["Cultures"], [(*crop[:11], None, *crop[11:]) for crop in CROPS])
    fill_table(book["Familles"], FAMILIES)
    fill_table(book["Planches"], beds())
    fill_table(book["Objectifs"], TARGETS)
    fill_table(book["Récoltes"], HARVESTS)
    fill_table(book["Historique des cultures"], PAST_PLANTINGS)

    for day in GRID_DAYS:
        write_grid(book, day, order_lines(rng, [day]))
    write_days_grid(book)

    book.properties.title = "Les Jardins de la Noue — saison 2027"
    outdir = ROOT / "examples"
    outdir.mkdir(exist_ok=True)
    xlsx = outdir / "ferme-exemple.xlsx"
    book.save(xlsx)
    return xlsx


def main() -> None:
    xlsx = build()
    ods = xlsx.with_suffix(".ods")
    ods.unlink(missing_ok=True)
    convert(xlsx, "ods", xlsx.parent)
    freeze_ods_headers(ods, "fr")
    # Saving the xlsx through LibreOffice too gives it cached formula
    # results, as a workbook saved by a spreadsheet program has.
    xlsx_saved = convert(ods, "xlsx", Path("/tmp"))
    xlsx.write_bytes(xlsx_saved.read_bytes())
    print(f"wrote {xlsx.relative_to(ROOT)} and {ods.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
