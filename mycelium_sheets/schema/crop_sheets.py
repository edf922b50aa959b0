"""Sheets about growing: crop itineraries, beds, targets, harvests, history."""

from __future__ import annotations

from .choices import LOCATIONS, MATURITY_BASES, PLANTING_METHODS
from .columns import Column, SheetSpec

CROPS = SheetSpec(
    key="crops",
    name_fr="Cultures",
    name_en="Crops",
    aliases=("itinéraires", "itineraires", "itinéraires techniques", "itp", "crop plans", "itineraries"),
    help_fr="Itinéraires techniques : une ligne par culture et variété, avec ses durées, espacements, rendements et besoins en semences.",
    help_en="Crop itineraries: one row per crop and variety, with durations, spacings, yields and seed needs.",
    columns=(
        Column("crop", "Culture", "Crop", required=True, width_cm=4, aliases=("espèce", "espece", "species", "légume")),
        Column("variety", "Variété", "Variety", width_cm=4, aliases=("variete", "cultivar")),
        Column("family", "Famille", "Family", aliases=("famille botanique", "botanical family")),
        Column("method", "Mode d'implantation", "Planting method", type="choice", choices=PLANTING_METHODS, required=True,
               aliases=("méthode", "implantation", "method")),
        Column("nursery_days", "Jours en pépinière", "Days in nursery", type="integer", minimum=0, aliases=("durée pépinière",)),
        Column("days_to_maturity", "Jours jusqu'à récolte", "Days to maturity", type="integer", required=True, minimum=1,
               aliases=("dtm", "durée de culture", "jours à maturité")),
        Column("maturity_basis", "Compté depuis", "Counted from", type="choice", choices=MATURITY_BASES, required=True,
               help_fr="Semis ou plantation : le point de départ des jours jusqu'à récolte.",
               help_en="Sowing or planting: where the days to maturity start."),
        Column("harvest_days", "Durée de récolte (jours)", "Harvest window (days)", type="integer", required=True, minimum=1,
               aliases=("fenêtre de récolte", "harvest window")),
        Column("spacing_cm", "Espacement sur le rang (cm)", "In-row spacing (cm)", type="decimal", required=True, minimum=0.1,
               aliases=("espacement", "distance sur le rang")),
        Column("rows_per_bed", "Rangs par planche", "Rows per bed", type="integer", required=True, minimum=1, aliases=("rangs", "nb rangs")),
        Column("yield_per_metre", "Rendement (kg/m de planche)", "Yield (kg per bed-metre)", type="decimal", minimum=0),
        Column("yield_per_m2", "Rendement (kg/m²)", "Yield (kg/m²)", type="decimal", minimum=0),
        Column("yield_unit", "Unité de rendement", "Yield unit", type="unit",
               help_fr="kg par défaut ; pièce ou botte pour un rendement compté.", help_en="kg by default; piece or bunch for a counted yield."),
        Column("seeds_per_gram", "Graines par gramme", "Seeds per gram", type="decimal", minimum=0),
        Column("germination_rate", "Taux de germination", "Germination rate", type="percentage"),
        Column("seeds_per_hole", "Graines par trou", "Seeds per hole", type="integer", minimum=1),
        Column("safety_margin", "Marge de sécurité", "Safety margin", type="percentage"),
        Column("nursery_loss", "Pertes en pépinière", "Nursery losses", type="percentage"),
        Column("cells_per_tray", "Alvéoles par plaque", "Cells per tray", type="integer", minimum=1),
        Column("earliest_week", "Plantation au plus tôt (semaine)", "Earliest planting week", type="integer", minimum=1, maximum=53),
        Column("latest_week", "Plantation au plus tard (semaine)", "Latest planting week", type="integer", minimum=1, maximum=53),
        Column("location", "Lieu", "Location", type="choice", choices=LOCATIONS, aliases=("abri", "serre", "plein champ")),
        Column("packet_size", "Taille du sachet", "Packet size", type="decimal", minimum=0,
               help_fr="En grammes, ou en graines si « Graines par gramme » est vide.", help_en="In grams, or in seeds when seeds per gram is empty."),
        Column("seed_stock", "Stock de semences", "Seed stock", type="decimal", minimum=0,
               help_fr="Même unité que la taille du sachet.", help_en="Same unit as the packet size."),
        Column("name", "Itinéraire", "Itinerary", width_cm=5, aliases=("it_plante", "nom de l'itinéraire", "itinerary name"),
               help_fr="Nom de l'itinéraire, pour distinguer plusieurs itinéraires d'une même culture.",
               help_en="Name of the itinerary, to tell apart several itineraries of one crop."),
    ),
)

BEDS = SheetSpec(
    key="beds",
    name_fr="Planches",
    name_en="Beds",
    aliases=("planche", "parcelles", "bed", "plots"),
    help_fr="Une ligne par planche de culture : son identifiant, son îlot, sa longueur et sa largeur.",
    help_en="One row per bed: its id, block, length and width.",
    columns=(
        Column("bed", "Planche", "Bed", required=True, aliases=("id", "identifiant", "nom")),
        Column("block", "Îlot", "Block", aliases=("ilot", "bloc", "jardin", "parcelle", "zone")),
        Column("length_m", "Longueur (m)", "Length (m)", type="decimal", required=True, minimum=0.1, aliases=("longueur",)),
        Column("width_m", "Largeur (m)", "Width (m)", type="decimal", required=True, minimum=0.1, aliases=("largeur",)),
        Column("greenhouse", "Sous serre", "Greenhouse", type="boolean", aliases=("serre", "abri")),
        Column("position", "Ordre", "Order", type="integer", help_fr="Ordre des planches sur le terrain, pour garder les successions côte à côte.",
               help_en="Order of the beds on the ground, to keep successions side by side."),
    ),
)

TARGETS = SheetSpec(
    key="targets",
    name_fr="Objectifs",
    name_en="Targets",
    aliases=("objectif", "besoins", "demande", "targets", "demand"),
    help_fr="Ce qu'il faut récolter chaque semaine, par culture, sur une plage de semaines.",
    help_en="What must be harvested each week, per crop, over a range of weeks.",
    columns=(
        Column("crop", "Culture", "Crop", required=True, width_cm=4),
        Column("first_week", "Première semaine", "First week", type="week", required=True),
        Column("last_week", "Dernière semaine", "Last week", type="week", required=True),
        Column("quantity", "Quantité par semaine", "Quantity per week", type="decimal", required=True, minimum=0),
        Column("unit", "Unité", "Unit", type="unit", required=True),
    ),
)

HARVESTS = SheetSpec(
    key="harvests",
    name_fr="Récoltes",
    name_en="Harvests",
    aliases=("recoltes", "harvests made", "cueillettes"),
    help_fr="Récoltes réalisées, pour comparer avec la prévision.",
    help_en="Harvests made, to compare with the forecast.",
    columns=(
        Column("date", "Date", "Date", type="date", required=True),
        Column("crop", "Culture", "Crop", required=True, width_cm=4),
        Column("quantity", "Quantité", "Quantity", type="decimal", required=True, minimum=0),
        Column("unit", "Unité", "Unit", type="unit", required=True),
        Column("bed", "Planche", "Bed"),
        Column("notes", "Remarques", "Notes"),
    ),
)

PAST_PLANTINGS = SheetSpec(
    key="past_plantings",
    name_fr="Historique des cultures",
    name_en="Past plantings",
    aliases=("historique", "rotations", "history"),
    help_fr="Ce qui a poussé sur chaque planche les saisons passées, pour respecter les rotations.",
    help_en="What grew on each bed in past seasons, to respect rotations.",
    columns=(
        Column("bed", "Planche", "Bed", required=True),
        Column("crop", "Culture", "Crop", required=True),
        Column("family", "Famille", "Family"),
        Column("first_week", "Première semaine", "First week", type="week", required=True),
        Column("last_week", "Dernière semaine", "Last week", type="week", required=True),
    ),
)

FAMILIES = SheetSpec(
    key="families",
    name_fr="Familles",
    name_en="Families",
    aliases=("familles botaniques", "rotation"),
    help_fr="Familles botaniques et délai minimal avant de les remettre sur la même planche.",
    help_en="Botanical families and the minimum interval before they return to the same bed.",
    columns=(
        Column("family", "Famille", "Family", required=True),
        Column("rotation_years", "Intervalle de rotation (années)", "Rotation interval (years)", type="integer", minimum=0),
    ),
)
