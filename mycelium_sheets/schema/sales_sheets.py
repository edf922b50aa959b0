"""Sheets about selling: products, customers, delivery points, orders, stock."""

from __future__ import annotations

from .choices import BASKET_SIZES, BILLING_FREQUENCIES, CUSTOMER_TYPES, ORDER_STATUSES, WEEKDAYS
from .columns import Column, SheetSpec

PRODUCTS = SheetSpec(
    key="products",
    name_fr="Produits",
    name_en="Products",
    required=True,
    aliases=("catalogue", "articles", "produit", "product", "catalog"),
    help_fr="Le catalogue : un produit par ligne, avec son unité de vente, son prix HT et son taux de TVA.",
    help_en="The catalogue: one product per row, with its unit of sale, price excluding VAT and VAT rate.",
    columns=(
        Column("name", "Produit", "Product", required=True, width_cm=5,
               aliases=("désignation", "designation", "libellé", "libelle", "nom", "article", "name", "product name")),
        Column("reference", "Référence", "SKU", aliases=("ref", "réf", "code", "code article", "sku")),
        Column("unit", "Unité", "Unit", type="unit", required=True, aliases=("unité de vente", "u", "conditionnement")),
        Column("price", "Prix HT", "Price excl. VAT", type="money", required=True, minimum=0,
               aliases=("pu ht", "prix unitaire ht", "prix", "px", "tarif", "price", "unit price")),
        Column("price_unit", "Unité de prix", "Price unit", type="unit",
               help_fr="Vide si le prix est par unité de vente ; kg pour un produit vendu à la pièce mais payé au poids.",
               help_en="Empty when the price is per unit of sale; kg for a product ordered by the piece and paid by weight."),
        Column("vat_rate", "Taux de TVA", "VAT rate", type="percentage", required=True, aliases=("tva", "vat")),
        Column("average_weight", "Poids moyen (kg)", "Average weight (kg)", type="decimal", minimum=0,
               help_fr="Poids d'une unité de vente, pour les listes de récolte en kg.",
               help_en="Weight of one unit of sale, for harvest lists in kg."),
        Column("pieces_per_unit", "Pièces par unité", "Pieces per unit", type="decimal", minimum=0,
               help_fr="Par exemple 8 radis par botte.", help_en="For example 8 radishes per bunch."),
        Column("harvest_unit", "Unité de récolte", "Harvest unit", type="unit",
               help_fr="Unité de la liste de récolte ; l'unité de vente si vide.",
               help_en="Unit of the harvest list; the unit of sale when empty."),
        Column("crop", "Culture", "Crop", aliases=("espèce", "espece", "species"),
               help_fr="Culture du plan d'où vient le produit.", help_en="Crop of the plan the product comes from."),
        Column("group", "Lieu de récolte", "Harvest location", aliases=("groupe", "zone", "parcelle", "location"),
               help_fr="Regroupe la liste de récolte (serre 1, plein champ…).", help_en="Groups the harvest list (greenhouse 1, field…)."),
        Column("category", "Catégorie", "Category", aliases=("famille", "rayon")),
        Column("dfc_type", "Type DFC", "DFC type",
               help_fr="Type de produit de la taxonomie DFC ; déduit du nom si vide.",
               help_en="Product type from the DFC taxonomy; derived from the name when empty."),
        Column("organic", "Bio", "Organic", type="boolean", aliases=("ab", "agriculture biologique")),
        Column("active", "Actif", "Active", type="boolean", help_fr="FAUX pour retirer le produit du catalogue.", help_en="FALSE to withdraw the product."),
        Column("description", "Description", "Description"),
    ),
)

DELIVERY_POINTS = SheetSpec(
    key="delivery_points",
    name_fr="Points de livraison",
    name_en="Delivery points",
    aliases=("lieux de livraison", "points de retrait", "livraisons", "pickup points"),
    help_fr="Lieux où la ferme livre ou où les clients retirent leurs commandes.",
    help_en="Places where the farm delivers or where customers collect their orders.",
    columns=(
        Column("name", "Point de livraison", "Delivery point", required=True, width_cm=5, aliases=("lieu", "nom", "name")),
        Column("address", "Adresse", "Address"),
        Column("postcode", "Code postal", "Postcode"),
        Column("city", "Commune", "City", aliases=("ville",)),
        Column("weekday", "Jour de livraison", "Delivery day", type="choice", choices=WEEKDAYS, aliases=("jour",)),
        Column("time", "Horaire", "Time", aliases=("heure", "créneau")),
        Column("round_order", "Ordre de tournée", "Round order", type="integer", minimum=0),
        Column("notes", "Remarques", "Notes", aliases=("commentaire", "consignes")),
    ),
)

CUSTOMERS = SheetSpec(
    key="customers",
    name_fr="Clients",
    name_en="Customers",
    required=True,
    aliases=("client", "customer", "adhérents", "adherents", "membres", "members"),
    help_fr="Un client par ligne : type, coordonnées de facturation, fréquence de facturation et point de livraison.",
    help_en="One customer per row: type, billing details, billing frequency and delivery point.",
    columns=(
        Column("name", "Client", "Customer", required=True, width_cm=5, aliases=("nom", "raison sociale", "name")),
        Column("code", "Code", "Code", aliases=("référence client", "ref client", "id")),
        Column("type", "Type", "Type", type="choice", required=True, choices=CUSTOMER_TYPES, aliases=("type de client", "catégorie")),
        Column("contact", "Contact", "Contact", aliases=("interlocuteur",)),
        Column("email", "Courriel", "Email", aliases=("e-mail", "mail")),
        Column("phone", "Téléphone", "Phone", aliases=("tel", "tél", "portable")),
        Column("address", "Adresse", "Address", aliases=("adresse de facturation",)),
        Column("postcode", "Code postal", "Postcode", aliases=("cp",)),
        Column("city", "Commune", "City", aliases=("ville",)),
        Column("siren", "SIREN", "SIREN"),
        Column("siret", "SIRET", "SIRET"),
        Column("vat_number", "N° TVA intracommunautaire", "VAT number", aliases=("tva intracommunautaire",)),
        Column("billing_frequency", "Facturation", "Billing", type="choice", choices=BILLING_FREQUENCIES,
               aliases=("fréquence de facturation", "billing frequency")),
        Column("payment_days", "Délai de paiement (jours)", "Payment terms (days)", type="integer", minimum=0, maximum=60),
        Column("delivery_point", "Point de livraison", "Delivery point", type="reference", reference="delivery_points",
               aliases=("lieu de livraison", "lieu")),
        Column("priority", "Priorité", "Priority", type="integer", minimum=0,
               help_fr="1 = servi en premier en cas de manque.", help_en="1 = served first when short."),
        Column("notes", "Consignes de livraison", "Delivery notes", aliases=("remarques", "notes", "commentaire")),
    ),
)

ORDERS = SheetSpec(
    key="orders",
    name_fr="Commandes",
    name_en="Orders",
    aliases=("commande", "order", "lignes de commande", "order lines"),
    help_fr="Une ligne par produit commandé : date de livraison, client, produit, quantité. Les lignes annulées ne sont jamais comptées.",
    help_en="One row per product ordered: delivery date, customer, product, quantity. Cancelled lines are never counted.",
    columns=(
        Column("delivery_date", "Date de livraison", "Delivery date", type="date", required=True, aliases=("date", "livraison", "jour")),
        Column("customer", "Client", "Customer", type="reference", reference="customers", required=True, width_cm=5),
        Column("product", "Produit", "Product", type="reference", reference="products", required=True, width_cm=5,
               aliases=("désignation", "article")),
        Column("quantity", "Quantité", "Quantity", type="decimal", required=True, aliases=("qté", "qte", "qty", "nb", "quantite")),
        Column("unit", "Unité", "Unit", type="unit", help_fr="L'unité de vente du produit si vide.", help_en="The product's unit of sale when empty."),
        Column("price", "Prix HT", "Price excl. VAT", type="money", minimum=0, aliases=("pu ht", "prix unitaire ht", "prix"),
               help_fr="Le prix du catalogue si vide.", help_en="The catalogue price when empty."),
        Column("weighed_quantity", "Poids pesé (kg)", "Weighed weight (kg)", type="decimal", minimum=0,
               help_fr="Pour un produit payé au poids : le poids réel, qui remplace l'estimation.",
               help_en="For a product paid by weight: the real weight, which replaces the estimate."),
        Column("status", "Statut", "Status", type="choice", choices=ORDER_STATUSES, aliases=("état", "etat")),
        Column("order_number", "N° de commande", "Order number", aliases=("commande", "numéro")),
        Column("comment", "Commentaire", "Comment", aliases=("remarque", "note")),
    ),
)

SUBSCRIPTIONS = SheetSpec(
    key="subscriptions",
    name_fr="Abonnements",
    name_en="Subscriptions",
    aliases=("contrats", "contrats amap", "abonnements amap", "contracts"),
    help_fr="Contrats de paniers AMAP : nombre de paniers de chaque taille par client et par semaine.",
    help_en="AMAP basket contracts: number of baskets of each size per customer and week.",
    columns=(
        Column("customer", "Client", "Customer", type="reference", reference="customers", required=True, width_cm=5),
        Column("basket", "Panier", "Basket", type="choice", choices=BASKET_SIZES, required=True),
        Column("count", "Nombre", "Count", type="integer", required=True, minimum=0, aliases=("nb", "quantité", "qté")),
        Column("first_week", "Première semaine", "First week", type="week", required=True),
        Column("last_week", "Dernière semaine", "Last week", type="week", required=True),
        Column("weekday", "Jour de livraison", "Delivery day", type="choice", choices=WEEKDAYS, required=True),
        Column("price", "Prix du panier HT", "Basket price excl. VAT", type="money", minimum=0),
    ),
)

BASKETS = SheetSpec(
    key="baskets",
    name_fr="Composition des paniers",
    name_en="Basket contents",
    aliases=("paniers", "composition", "baskets"),
    help_fr="Ce que contient chaque taille de panier, semaine par semaine.",
    help_en="What each basket size contains, week by week.",
    columns=(
        Column("week", "Semaine", "Week", type="week", required=True, aliases=("sem", "s")),
        Column("basket", "Panier", "Basket", type="choice", choices=BASKET_SIZES, required=True),
        Column("product", "Produit", "Product", type="reference", reference="products", required=True, width_cm=5),
        Column("quantity", "Quantité", "Quantity", type="decimal", required=True, aliases=("qté",)),
        Column("unit", "Unité", "Unit", type="unit"),
    ),
)

STOCK = SheetSpec(
    key="stock",
    name_fr="Stock",
    name_en="Stock",
    aliases=("stocks", "inventaire", "inventory"),
    help_fr="Ce qui est disponible (récolté ou en chambre froide) à une date.",
    help_en="What is available (harvested or in the cold room) on a date.",
    columns=(
        Column("product", "Produit", "Product", type="reference", reference="products", required=True, width_cm=5),
        Column("quantity", "Quantité", "Quantity", type="decimal", required=True, aliases=("qté", "disponible")),
        Column("unit", "Unité", "Unit", type="unit"),
        Column("date", "Date", "Date", type="date"),
    ),
)
