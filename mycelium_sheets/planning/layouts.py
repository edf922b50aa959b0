"""The crop plan's engine sheets: Plan, Calendrier, Semences, Pépinière, Prévision, Occupation des planches."""

from __future__ import annotations

from decimal import Decimal

from ..i18n import format_number, pick
from ..model.units import normalise_label
from ..schema.engine_sheets import engine_sheet_name
from ..workbook.layout import Column, SheetLayout
from .plan import PlanResult
from .reference import family_label
from .schedule import weekly_tasks
from .successions import Succession


def _method_label(method: str, language: str) -> str:
    labels = {
        "direct": ("Semis direct", "Direct sowing"),
        "transplant": ("Plant maison", "Farm-raised transplant"),
        "bought": ("Plant acheté", "Bought transplant"),
    }
    return pick(*labels[method], language)


def _itinerary_name(succession: Succession) -> str:
    return succession.itinerary.name or ""


def _beds_text(succession: Succession, language: str) -> str:
    return ", ".join(f"{share.bed} ({format_number(share.metres, language)} m)" for share in succession.beds)


def _start(key: str, language: str, columns: list[Column], title: str, season) -> SheetLayout:
    layout = SheetLayout(key=key, name=engine_sheet_name(key, language), columns=columns)
    layout.add_row([title], "title")
    layout.add_row([pick("Saison {season}", "Season {season}", language).format(season=season)], "subtitle")
    layout.add_row([], "blank")
    return layout


def _header(layout: SheetLayout, labels: list[str]) -> None:
    layout.add_row(labels, "header")
    layout.freeze_rows = len(layout.rows)


def plan_layout(result: PlanResult, language: str) -> SheetLayout:
    """Return the Plan sheet: one row per succession, then the weeks left uncovered."""
    columns = [Column("text", 3.5), Column("text", 4.5), Column("integer", 1.5), Column("text", 3.2),
               Column("week", 2.3), Column("week", 2.3), Column("week", 2.3), Column("week", 2.3),
               Column("decimal", 2), Column("text", 5), Column("integer", 2), Column("integer", 2),
               Column("integer", 2), Column("decimal", 2), Column("integer", 1.6), Column("quantity", 2.2),
               Column("decimal", 2), Column("text", 7)]
    layout = _start("plan", language, columns, pick("Plan de culture", "Crop plan", language), result.season)
    layout.landscape = True
    _header(layout, [
        pick("Culture", "Crop", language), pick("Itinéraire", "Itinerary", language), pick("N°", "No.", language),
        pick("Mode", "Method", language), pick("Semis", "Sowing", language), pick("Plantation", "Planting", language),
        pick("Début récolte", "Harvest from", language), pick("Fin récolte", "Harvest to", language),
        pick("Mètres de planche", "Bed-metres", language), pick("Planches", "Beds", language),
        pick("Plants", "Plants", language), pick("Plants à produire", "Plants to start", language),
        pick("Graines", "Seeds", language), pick("Grammes", "Grams", language), pick("Plaques", "Trays", language),
        pick("Pointe hebdo", "Weekly peak", language), pick("Non placé (m)", "Not placed (m)", language),
        pick("Raison", "Reason", language)])
    for succession in sorted(result.successions, key=lambda item: (normalise_label(item.crop), item.number)):
        dates = succession.dates
        quantities = succession.quantities
        unplaced = succession.unplaced_metres
        layout.add_row([
            succession.crop, _itinerary_name(succession), succession.number, _method_label(succession.itinerary.method, language),
            str(dates.sowing_week) if dates.sowing_week else None, str(dates.planting_week), str(dates.first_harvest_week),
            str(dates.last_harvest_week), succession.bed_metres, _beds_text(succession, language), quantities.plants,
            quantities.plants_to_start, quantities.seeds, quantities.grams, quantities.trays,
            succession.peak_demand, unplaced if unplaced else None, succession.unplaced_reason])

    if result.uncovered:
        layout.add_row([], "blank")
        layout.add_row([pick("Semaines d'objectif non couvertes", "Target weeks not covered", language)], "subtitle")
        layout.add_row([pick("Culture", "Crop", language), pick("Semaine", "Week", language),
                        pick("Objectif", "Target", language), pick("Unité", "Unit", language),
                        pick("Raison", "Reason", language)], "header")
        for item in result.uncovered:
            row = layout.add_row([item.crop, str(item.week), item.demand, item.unit.label(language), item.reason])
            layout.cell_formats[(row, 2)] = "quantity"
            layout.cell_formats[(row, 3)] = "text"
            layout.cell_formats[(row, 4)] = "text"
    return layout


TASK_LABELS = {
    "sow_nursery": ("Semer en pépinière", "Sow in the nursery"),
    "sow_direct": ("Semer en place", "Sow in place"),
    "buy_plants": ("Recevoir les plants achetés", "Receive bought plants"),
    "plant": ("Planter", "Plant out"),
    "harvest_start": ("Début de récolte", "Harvest starts"),
    "harvest_end": ("Fin de récolte", "Harvest ends"),
}


def calendar_layout(result: PlanResult, language: str) -> SheetLayout:
    """Return the Calendrier sheet: week by week, what to sow, plant and start harvesting."""
    columns = [Column("week", 2.5), Column("text", 5), Column("text", 3.5), Column("text", 4.5),
               Column("integer", 1.5), Column("decimal", 2.2), Column("integer", 2.2), Column("text", 6), Column("tick", 1.2)]
    layout = _start("calendar", language, columns, pick("Calendrier des travaux", "Work calendar", language), result.season)
    _header(layout, [pick("Semaine", "Week", language), pick("Tâche", "Task", language), pick("Culture", "Crop", language),
                     pick("Itinéraire", "Itinerary", language), pick("N°", "No.", language),
                     pick("Mètres de planche", "Bed-metres", language), pick("Plants ou graines", "Plants or seeds", language),
                     pick("Planches", "Beds", language), pick("Fait", "Done", language)])
    previous = None
    for task in weekly_tasks(result.successions):
        if previous is not None and task.week != previous:
            layout.add_row([], "blank")
        previous = task.week
        succession = task.succession
        count = {"sow_nursery": succession.quantities.seeds, "sow_direct": succession.quantities.seeds,
                 "buy_plants": succession.quantities.plants_to_start, "plant": succession.quantities.plants}.get(task.kind)
        layout.add_row([str(task.week), pick(*TASK_LABELS[task.kind], language), succession.crop, _itinerary_name(succession),
                        succession.number, succession.bed_metres, count, _beds_text(succession, language), None])
    return layout


def seeds_layout(result: PlanResult, language: str) -> SheetLayout:
    """Return the Semences sheet: the seed order per crop and variety, net of stock, in whole packets."""
    columns = [Column("text", 3.5), Column("text", 3.5), Column("text", 1.8), Column("quantity", 2.2),
               Column("quantity", 2.2), Column("quantity", 2.2), Column("quantity", 2.2), Column("integer", 1.8),
               Column("quantity", 2.2), Column("integer", 2)]
    layout = _start("seeds", language, columns, pick("Commande de semences", "Seed order", language), result.season)
    _header(layout, [pick("Culture", "Crop", language), pick("Variété", "Variety", language), pick("Unité", "Unit", language),
                     pick("Besoin", "Needed", language), pick("Stock", "Stock", language), pick("À acheter", "To buy", language),
                     pick("Taille du sachet", "Packet size", language), pick("Sachets", "Packets", language),
                     pick("Commandé", "Ordered", language), pick("Successions", "Successions", language)])
    for order in result.seeds:
        unit = "g" if order.in_grams else pick("graines", "seeds", language)
        layout.add_row([order.crop, order.variety, unit, order.need, order.stock, order.to_buy, order.packet_size,
                        order.packets, order.ordered, order.successions])
    return layout


def nursery_layout(result: PlanResult, language: str) -> SheetLayout:
    """Return the Pépinière sheet: the trays to sow each week, with a total per week."""
    columns = [Column("week", 2.5), Column("text", 3.5), Column("text", 4.5), Column("integer", 1.5), Column("week", 2.5),
               Column("integer", 2), Column("integer", 2), Column("integer", 1.8), Column("integer", 2), Column("tick", 1.2)]
    layout = _start("nursery", language, columns, pick("Semis en pépinière", "Nursery sowings", language), result.season)
    _header(layout, [pick("Semaine de semis", "Sowing week", language), pick("Culture", "Crop", language),
                     pick("Itinéraire", "Itinerary", language), pick("N°", "No.", language),
                     pick("Plantation", "Planting", language), pick("Alvéoles", "Cells", language),
                     pick("Alvéoles par plaque", "Cells per tray", language), pick("Plaques", "Trays", language),
                     pick("Graines", "Seeds", language), pick("Fait", "Done", language)])
    weeks: dict = {}
    for sowing in result.nursery:
        weeks.setdefault(sowing.week, []).append(sowing)
    for week, sowings in weeks.items():
        for sowing in sowings:
            succession = sowing.succession
            layout.add_row([str(week), succession.crop, _itinerary_name(succession), succession.number,
                            str(succession.dates.planting_week), sowing.cells, succession.itinerary.cells_per_tray,
                            sowing.trays, succession.quantities.seeds, None])
        trays = sum(sowing.trays or 0 for sowing in sowings)
        layout.add_row([str(week), pick("Total de la semaine", "Week total", language), None, None, None,
                        sum(sowing.cells for sowing in sowings), None, trays, None, None], "subtotal")
    return layout


def forecast_layout(result: PlanResult, language: str) -> SheetLayout:
    """Return the Prévision sheet: per crop and week, target, forecast, gap and harvests made."""
    columns = [Column("text", 3.5), Column("week", 2.5), Column("text", 1.8), Column("quantity", 2.2),
               Column("quantity", 2.4), Column("quantity", 2.4), Column("quantity", 2.2), Column("quantity", 2.2)]
    layout = _start("forecast", language, columns, pick("Prévision de récolte", "Harvest forecast", language), result.season)
    _header(layout, [pick("Culture", "Crop", language), pick("Semaine", "Week", language), pick("Unité", "Unit", language),
                     pick("Objectif", "Target", language), pick("Prévision du plan", "Planned forecast", language),
                     pick("Prévision sur planches", "Forecast on beds", language), pick("Écart", "Gap", language),
                     pick("Récolté", "Harvested", language)])
    previous = None
    for row in result.forecast:
        if previous is not None and row.crop != previous:
            layout.add_row([], "blank")
        previous = row.crop
        layout.add_row([row.crop, str(row.week), row.unit.label(language), row.target, row.planned, row.forecast,
                        row.gap, row.harvested])
    return layout


def occupancy_layout(result: PlanResult, language: str) -> SheetLayout:
    """Return the bed occupancy sheet: one row per bed, one column per season week, the crops on it."""
    weeks = result.season.weeks()
    columns = [Column("text", 2.5), Column("text", 2), Column("decimal", 1.8)] + [Column("text", 1.6) for _week in weeks]
    layout = _start("occupancy", language, columns, pick("Occupation des planches", "Bed occupancy", language), result.season)
    layout.landscape = True
    _header(layout, [pick("Planche", "Bed", language), pick("Îlot", "Block", language), pick("Longueur (m)", "Length (m)", language)]
            + [f"S{week.week:02d}" if language == "fr" else f"W{week.week:02d}" for week in weeks])

    by_bed: dict[str, list] = {}
    for occupation in result.occupations:
        by_bed.setdefault(normalise_label(occupation.bed), []).append(occupation)
    first = result.season.first_week
    for bed in result.beds:
        cells: list = [None] * len(weeks)
        for occupation in by_bed.get(normalise_label(bed.bed), []):
            for index in range(max(occupation.first_week - first, 0), min(occupation.last_week - first, len(weeks) - 1) + 1):
                crops = cells[index].split(" / ") if cells[index] else []
                if occupation.crop not in crops:
                    crops.append(occupation.crop)
                cells[index] = " / ".join(crops)
        layout.add_row([bed.bed, bed.block, Decimal(bed.length_m)] + cells)
    layout.add_row([], "blank")
    families = sorted({occupation.family for occupation in result.occupations if occupation.family})
    if families:
        layout.add_row([pick("Familles : ", "Families: ", language)
                        + ", ".join(family_label(family, language) for family in families)], "note")
    return layout


def plan_layouts(result: PlanResult, language: str) -> list[SheetLayout]:
    """Return the six engine sheets of the crop plan in the workbook's language."""
    return [plan_layout(result, language), calendar_layout(result, language), seeds_layout(result, language),
            nursery_layout(result, language), forecast_layout(result, language), occupancy_layout(result, language)]
