"""The crop plan's weekly harvest forecast, read for the shortage check.

The forecast is taken from the engine sheet Prévision/Forecast that
``mycelium plan`` wrote, because that is the plan the farmer has sown and
planted from. Only when the workbook has no such sheet, and it has crops,
beds and targets, is the plan computed afresh with ``plan_season``. The
column used is "Forecast on beds" (the metres actually placed on beds), not
the planned forecast, since only placed successions yield anything.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from ..errors import Location, MyceliumError, Problem
from ..i18n import _
from ..model.farm_data import FarmData
from ..model.units import Unit, find_unit, normalise_label
from ..model.weeks import IsoWeek
from ..schema.engine_sheets import engine_sheet_name

SHEET = "sheet"
PLAN = "plan"

_CROP_HEADERS = {"culture", "crop"}
_WEEK_HEADERS = {"semaine", "week"}
_UNIT_HEADERS = {"unite", "unit"}
_FORECAST_HEADERS = {"prevision sur planches", "forecast on beds"}
_SEASON = re.compile(r"(\d{4}-W\d{2})\s*\.\.\s*(\d{4}-W\d{2})")
# Position of "Forecast on beds" in the layout of planning/layouts.py, used
# when the header was renamed by hand.
_FORECAST_COLUMN = 5


@dataclass
class CropForecast:
    """Weekly harvest forecast per crop, keyed by the normalised crop name."""

    source: str  # SHEET or PLAN
    units: dict[str, Unit] = field(default_factory=dict)
    quantities: dict[tuple[str, IsoWeek], Decimal] = field(default_factory=dict)
    first_week: IsoWeek | None = None
    last_week: IsoWeek | None = None
    sheet: str | None = None

    def covers(self, crop: str | None, week: IsoWeek) -> bool:
        """True when the forecast has the crop and its season includes the week."""
        if not crop or normalise_label(crop) not in self.units or self.first_week is None:
            return False
        return self.first_week <= week <= self.last_week

    def quantity(self, crop: str, week: IsoWeek) -> Decimal:
        """Return the crop's forecast for the week in ``unit_of(crop)``; 0 for a week without a row."""
        return self.quantities.get((normalise_label(crop), week), Decimal(0))

    def unit_of(self, crop: str) -> Unit:
        return self.units[normalise_label(crop)]

    def _add(self, crop: str, week: IsoWeek, unit: Unit, quantity: Decimal) -> None:
        key = normalise_label(crop)
        self.units.setdefault(key, unit)
        self.quantities[(key, week)] = self.quantities.get((key, week), Decimal(0)) + quantity
        self.first_week = week if self.first_week is None else min(self.first_week, week)
        self.last_week = week if self.last_week is None else max(self.last_week, week)


def crop_forecast(data: FarmData, week: IsoWeek, problems: list[Problem]) -> CropForecast | None:
    """Return the forecast for the shortage check of ``week``, or None when there is no crop plan."""
    sheet_forecast = read_forecast_sheet(data, problems)
    if sheet_forecast is not None:
        return sheet_forecast
    if not (data.itineraries and data.beds and data.targets):
        return None
    return compute_forecast(data, week, problems)


def forecast_sheet_name(data: FarmData) -> str | None:
    """Return the name of the engine sheet Prévision/Forecast in the workbook, or None."""
    workbook = data.workbook
    if workbook is None:
        return None
    names = {normalise_label(engine_sheet_name("forecast", language)) for language in ("fr", "en")}
    for name in workbook.sheets:
        if normalise_label(name) in names and name in workbook.engine_sheets:
            return name
    return None


def read_forecast_sheet(data: FarmData, problems: list[Problem]) -> CropForecast | None:
    """Read the engine sheet Prévision/Forecast; rows that cannot be read are warned about and left out."""
    name = forecast_sheet_name(data)
    if name is None:
        return None
    workbook = data.workbook
    sheet = workbook.sheet(name)
    header = _find_header(sheet.rows)
    if header is None:
        problems.append(Problem(
            "warning", _("the sheet “{sheet}” has no header row with “Culture” and “Semaine”, so the harvest forecast is not counted").format(sheet=name),
            workbook.location(name), None, _("Write the crop plan again with “mycelium plan”.")))
        return None

    index, columns = header
    forecast = CropForecast(SHEET, sheet=name)
    for row_index in range(index + 1, len(sheet.rows)):
        row = sheet.rows[row_index]
        crop = _text(row, columns["crop"])
        week_text = _text(row, columns["week"])
        if not crop or not week_text:
            continue

        try:
            week = IsoWeek.parse(week_text)
        except ValueError:
            _warn_row(problems, workbook, name, row_index, columns["week"], week_text)
            continue
        unit = find_unit(_text(row, columns["unit"]) or "")
        if unit is None:
            _warn_row(problems, workbook, name, row_index, columns["unit"], _text(row, columns["unit"]))
            continue
        value = row[columns["forecast"]] if columns["forecast"] < len(row) else None
        quantity = _decimal(value)
        if quantity is None or quantity < 0:
            _warn_row(problems, workbook, name, row_index, columns["forecast"], value)
            continue
        forecast._add(crop, week, unit, quantity)

    season = _season_weeks(sheet.rows[:index])
    if season is not None:
        forecast.first_week, forecast.last_week = season
    return forecast


def compute_forecast(data: FarmData, week: IsoWeek, problems: list[Problem]) -> CropForecast | None:
    """Compute the crop plan of the week's season and return its forecast on beds, or None if it fails."""
    from ..planning.plan import plan_season, season_for

    year = week.year
    if season_for(data, year).first_week > week:
        year -= 1
    try:
        result = plan_season(data, year)
    except MyceliumError as error:
        problems.append(Problem(
            "warning", _("the crop plan cannot be computed, so the harvest forecast is not counted in the shortages"),
            Location(file=str(data.workbook.path) if data.workbook is not None else None), error.message,
            _("Run “mycelium plan” to see what to correct.")))
        return None

    forecast = CropForecast(PLAN)
    for row in result.forecast:
        forecast._add(row.crop, row.week, row.unit, row.forecast)
    weeks = result.season.weeks()
    forecast.first_week, forecast.last_week = weeks[0], weeks[-1]
    return forecast


def _find_header(rows: list[list]) -> tuple[int, dict[str, int]] | None:
    for index, row in enumerate(rows):
        labels = [normalise_label(value) if isinstance(value, str) else "" for value in row]
        if len(labels) < 2 or labels[0] not in _CROP_HEADERS or labels[1] not in _WEEK_HEADERS:
            continue
        columns = {"crop": 0, "week": 1, "unit": 2, "forecast": _FORECAST_COLUMN}
        for position, label in enumerate(labels):
            if label in _UNIT_HEADERS:
                columns["unit"] = position
            elif label in _FORECAST_HEADERS:
                columns["forecast"] = position
        return index, columns
    return None


def _season_weeks(rows: list[list]) -> tuple[IsoWeek, IsoWeek] | None:
    """Return the season's first and last week from the subtitle "Saison 2027-W10..2028-W09"."""
    for row in rows:
        for value in row:
            match = _SEASON.search(value) if isinstance(value, str) else None
            if match:
                return IsoWeek.parse(match.group(1)), IsoWeek.parse(match.group(2))
    return None


def _text(row: list, column: int) -> str | None:
    value = row[column] if column < len(row) else None
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return None
    return str(value).strip() or None


def _decimal(value) -> Decimal | None:
    if value is None or value == "":
        return Decimal(0)
    if isinstance(value, bool):
        return None
    try:
        return Decimal(str(value).replace(",", ".").strip())
    except InvalidOperation:
        return None


def _warn_row(problems: list[Problem], workbook, sheet: str, row: int, column: int, value) -> None:
    problems.append(Problem(
        "warning", _("a row of the harvest forecast cannot be read, so it is not counted in the shortages"),
        workbook.location(sheet, row, column), value, _("Write the crop plan again with “mycelium plan”.")))
