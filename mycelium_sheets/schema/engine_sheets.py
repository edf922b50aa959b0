"""Names of the sheets the engine writes, reserved in both languages.

The engine rewrites these sheets on every run. A sheet with one of these
names that the engine did not create (it is not listed in the workbook's
``MyceliumEngineSheets`` property) is never overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.units import normalise_label


@dataclass(frozen=True)
class EngineSheet:
    key: str
    name_fr: str
    name_en: str

    def name(self, language: str) -> str:
        return self.name_fr if language == "fr" else self.name_en


ENGINE_SHEETS: tuple[EngineSheet, ...] = (
    # Deliveries
    EngineSheet("harvest", "Récolte", "Harvest list"),
    EngineSheet("packing", "Préparation", "Packing"),
    EngineSheet("round", "Tournée", "Delivery round"),
    EngineSheet("summary", "Synthèse", "Summary"),
    EngineSheet("shortages", "Manques", "Shortages"),
    # Crop plan
    EngineSheet("plan", "Plan", "Plan"),
    EngineSheet("calendar", "Calendrier", "Calendar"),
    EngineSheet("seeds", "Semences", "Seeds"),
    EngineSheet("nursery", "Pépinière", "Nursery"),
    EngineSheet("forecast", "Prévision", "Forecast"),
    EngineSheet("occupancy", "Occupation des planches", "Bed occupancy"),
    # Invoices
    EngineSheet("register", "Registre des factures", "Invoice register"),
    EngineSheet("invoice", "Facture", "Invoice"),
)

_BY_KEY = {sheet.key: sheet for sheet in ENGINE_SHEETS}


def engine_sheet(key: str) -> EngineSheet:
    return _BY_KEY[key]


def engine_sheet_name(key: str, language: str) -> str:
    """Return the name of an engine sheet in a language ("fr" or "en")."""
    return _BY_KEY[key].name(language)


def is_engine_sheet_name(name: str) -> bool:
    wanted = normalise_label(name)
    return any(wanted in (normalise_label(sheet.name_fr), normalise_label(sheet.name_en)) for sheet in ENGINE_SHEETS)
