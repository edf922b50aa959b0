"""The "Ferme"/"Farm" sheet: the farm's identity, billing details and settings.

It is laid out as fields: the label in column A and the value in column B.
"""

from __future__ import annotations

from .choices import VAT_REGIMES
from .columns import Column, SheetSpec

FARM = SheetSpec(
    key="farm",
    name_fr="Ferme",
    name_en="Farm",
    layout="fields",
    required=True,
    aliases=("exploitation", "identité", "parametres", "paramètres", "settings"),
    help_fr="Identité de la ferme, coordonnées de facturation et réglages : une ligne par information, le libellé en colonne A et la valeur en colonne B.",
    help_en="The farm's identity, billing details and settings: one line per item, the label in column A and the value in column B.",
    columns=(
        Column("name", "Nom de la ferme", "Farm name", required=True, aliases=("raison sociale", "nom", "ferme", "exploitation")),
        Column("legal_form", "Forme juridique", "Legal form", aliases=("statut",),
               help_fr="EI, EARL, GAEC, SCEA…", help_en="Sole trader, EARL, GAEC, SCEA…"),
        Column("address", "Adresse", "Address", required=True, aliases=("rue",)),
        Column("postcode", "Code postal", "Postcode", required=True, aliases=("cp", "postal code", "zip")),
        Column("city", "Commune", "City", required=True, aliases=("ville", "town")),
        Column("country", "Pays", "Country", help_fr="Code pays ISO, FR par défaut.", help_en="ISO country code, FR when empty."),
        Column("siren", "SIREN", "SIREN", required=True, help_fr="9 chiffres.", help_en="9 digits."),
        Column("siret", "SIRET", "SIRET", help_fr="14 chiffres.", help_en="14 digits."),
        Column("vat_number", "N° TVA intracommunautaire", "VAT number", aliases=("numéro de tva", "tva intracommunautaire", "vat id")),
        Column("vat_regime", "Régime de TVA", "VAT regime", type="choice", required=True, choices=VAT_REGIMES),
        Column("registration", "Immatriculation", "Registration",
               help_fr="RCS ou registre des actifs agricoles, le cas échéant.",
               help_en="Trade or agricultural register, where applicable."),
        Column("share_capital", "Capital social", "Share capital", type="money"),
        Column("email", "Courriel", "Email", aliases=("e-mail", "mail")),
        Column("phone", "Téléphone", "Phone", aliases=("tel", "tél")),
        Column("website", "Site web", "Website"),
        Column("iban", "IBAN", "IBAN"),
        Column("bic", "BIC", "BIC"),
        Column("invoice_prefix", "Préfixe des factures", "Invoice prefix",
               help_fr="Au plus 35 caractères parmi A–Z, 0–9 et + - _ /, par exemple FA2027-.",
               help_en="At most 35 characters among A–Z, 0–9 and + - _ /, for example FA2027-."),
        Column("payment_days", "Délai de paiement (jours)", "Payment terms (days)", type="integer", minimum=0, maximum=60),
        Column("late_penalty_rate", "Taux des pénalités de retard", "Late-payment penalty rate", type="percentage"),
        Column("logo", "Logo (fichier)", "Logo (file)", help_fr="Chemin d'une image PNG ou JPEG.", help_en="Path of a PNG or JPEG image."),
        Column("base_uri", "Adresse des données (URI)", "Data base URI", aliases=("base uri", "uri"),
               help_fr="Adresse web sous laquelle les données DFC de la ferme sont publiées, par exemple https://ferme.example/dfc/.",
               help_en="Web address under which the farm's DFC data is published, for example https://farm.example/dfc/."),
        Column("organic_certifier", "Organisme certificateur bio", "Organic certifier",
               help_fr="Par exemple FR-BIO-01 ; vide si la ferme n'est pas certifiée.",
               help_en="For example FR-BIO-01; empty when the farm is not certified."),
        Column("harvest_margin", "Marge de récolte", "Harvest margin", type="percentage",
               help_fr="Ajoutée aux quantités à récolter, par exemple 5 %.", help_en="Added to harvest quantities, for example 5 %."),
        Column("season_start", "Début de saison (semaine)", "Season start (week)", type="week"),
        Column("language", "Langue", "Language", help_fr="fr ou en.", help_en="fr or en."),
    ),
)
