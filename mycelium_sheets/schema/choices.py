"""Closed lists of values offered in the workbook's drop-down lists."""

from __future__ import annotations

from .columns import Choice

VAT_REGIMES = (
    Choice("real", "Réel", "Standard VAT", ("régime réel", "reel", "réel normal", "réel simplifié", "normal", "standard")),
    Choice("franchise", "Franchise en base", "VAT exemption (franchise)", ("franchise", "exonéré", "293 B", "micro")),
    Choice("flat_rate", "Remboursement forfaitaire agricole", "Agricultural flat-rate refund",
           ("remboursement forfaitaire", "RFA", "forfait agricole", "flat rate", "flat-rate")),
)

VAT_RATES = ("0 %", "2,1 %", "5,5 %", "10 %", "20 %")

CUSTOMER_TYPES = (
    Choice("amap", "AMAP", "AMAP (CSA)", ("csa", "amapien", "amapienne")),
    Choice("shop", "Magasin", "Shop", ("épicerie", "epicerie", "magasin bio", "boutique", "store", "biocoop")),
    Choice("restaurant", "Restaurant", "Restaurant", ("resto", "traiteur")),
    Choice("school_kitchen", "Restauration collective", "School kitchen",
           ("cantine", "restauration scolaire", "collectivité", "school", "canteen", "cuisine centrale")),
    Choice("market", "Marché", "Market", ("marche", "market stall")),
    Choice("individual", "Particulier", "Individual", ("client particulier", "private", "person")),
)

# Customer types that buy for a business: their invoices carry the
# late-payment penalty rate and the 40 € recovery indemnity (Code de
# commerce L441-10).
BUSINESS_CUSTOMER_TYPES = frozenset({"shop", "restaurant", "school_kitchen"})

BILLING_FREQUENCIES = (
    Choice("delivery", "À chaque livraison", "Each delivery", ("livraison", "per delivery")),
    Choice("weekly", "Hebdomadaire", "Weekly", ("semaine", "chaque semaine", "hebdo")),
    Choice("monthly", "Mensuelle", "Monthly", ("mois", "mensuel", "chaque mois")),
    Choice("contract", "Par contrat", "Per contract", ("contrat", "abonnement", "subscription")),
    Choice("none", "Pas de facture", "No invoice", ("aucune", "non", "ticket")),
)

ORDER_STATUSES = (
    Choice("confirmed", "Confirmée", "Confirmed", ("confirmé", "validée", "ok", "commandée")),
    Choice("pending", "En attente", "Pending", ("attente", "à confirmer", "provisoire")),
    Choice("delivered", "Livrée", "Delivered", ("livré", "livre")),
    Choice("cancelled", "Annulée", "Cancelled", ("annulé", "annule", "canceled", "supprimée")),
)

PAYMENT_STATUSES = (
    Choice("unpaid", "Non payée", "Unpaid", ("à payer", "impayé")),
    Choice("paid", "Payée", "Paid", ("payé", "réglé", "réglée")),
)

WEEKDAYS = (
    Choice("1", "Lundi", "Monday", ("lun", "mon")),
    Choice("2", "Mardi", "Tuesday", ("mar", "tue")),
    Choice("3", "Mercredi", "Wednesday", ("mer", "wed")),
    Choice("4", "Jeudi", "Thursday", ("jeu", "thu")),
    Choice("5", "Vendredi", "Friday", ("ven", "fri")),
    Choice("6", "Samedi", "Saturday", ("sam", "sat")),
    Choice("7", "Dimanche", "Sunday", ("dim", "sun")),
)

PLANTING_METHODS = (
    Choice("direct", "Semis direct", "Direct sowing", ("semis", "direct", "ds")),
    Choice("transplant", "Plant maison", "Transplant raised on the farm",
           ("plantation", "repiquage", "plant", "transplant", "tp")),
    Choice("bought", "Plant acheté", "Transplant bought", ("achat plant", "plant achete", "bought")),
)

MATURITY_BASES = (
    Choice("sowing", "Semis", "Sowing", ("depuis le semis", "from sowing")),
    Choice("planting", "Plantation", "Planting", ("depuis la plantation", "from planting", "transplanting")),
)

LOCATIONS = (
    Choice("field", "Plein champ", "Field", ("champ", "extérieur", "exterieur", "outdoor", "pc")),
    Choice("greenhouse", "Serre", "Greenhouse", ("abri", "tunnel", "serre froide", "indoor", "sous abri")),
    Choice("any", "Indifférent", "Either", ("les deux", "both", "either")),
)

BASKET_SIZES = (
    Choice("small", "Petit", "Small", ("petit panier", "s", "p")),
    Choice("large", "Grand", "Large", ("grand panier", "l", "g")),
    Choice("medium", "Moyen", "Medium", ("moyen panier", "m")),
)
