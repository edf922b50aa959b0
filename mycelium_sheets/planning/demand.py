"""Weekly demand per crop, from the targets sheet or from the orders."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..errors import Location, Problem
from ..i18n import _, get_language
from ..model.crops import Target
from ..model.units import Unit, convert, get_unit, normalise_label
from ..model.weeks import IsoWeek, week_range
from .season import Season


@dataclass
class CropDemand:
    """The harvest needed of one crop in each week of the season, in one unit."""

    crop: str
    unit: Unit
    weeks: dict[IsoWeek, Decimal] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return normalise_label(self.crop)

    def add(self, week: IsoWeek, quantity: Decimal) -> None:
        self.weeks[week] = self.weeks.get(week, Decimal(0)) + quantity


def _target_location(target: Target, key: str) -> Location:
    return target.source.location(key) if target.source else Location()


def demand_from_targets(targets: list[Target], season: Season) -> tuple[dict[str, CropDemand], list[Problem]]:
    """Sum the weekly targets of each crop over the season's weeks.

    Two targets of one crop add up in the weeks they share. Each crop keeps
    the unit of its first target; a later target in another mass unit is
    converted, one in a unit that cannot be converted is an error.
    """
    demands: dict[str, CropDemand] = {}
    problems: list[Problem] = []

    for target in targets:
        if target.last_week < target.first_week:
            problems.append(Problem(
                "error", _("the last week is before the first week"), _target_location(target, "last_week"),
                str(target.last_week), _("Swap the two weeks or correct one of them.")))
            continue

        key = normalise_label(target.crop)
        demand = demands.setdefault(key, CropDemand(target.crop, target.unit))
        quantity = convert(target.quantity, target.unit, demand.unit)
        if quantity is None:
            problems.append(Problem(
                "error", _("{crop}: the unit differs from the crop's first target ({unit}) and cannot be converted").format(
                    crop=target.crop, unit=demand.unit.label(get_language())),
                _target_location(target, "unit"), target.unit.label(get_language()),
                _("Use the same unit for every target of a crop.")))
            continue

        weeks = week_range(target.first_week, target.last_week)
        outside = [week for week in weeks if week not in season]
        if outside and len(outside) == len(weeks):
            problems.append(Problem(
                "warning", _("the target lies outside the season {season} and is not planned").format(season=season),
                _target_location(target, "first_week"), str(target.first_week),
                _("Run the plan for the season of these weeks.")))
        for week in weeks:
            if week in season:
                demand.add(week, quantity)
    return demands, problems


def demand_from_order_lines(lines, season: Season, yield_units: dict[str, Unit] | None = None,
                            ) -> tuple[dict[str, CropDemand], list[Problem]]:
    """Group order lines by their product's crop and the ISO week of delivery.

    A line is counted in the crop's yield unit (``yield_units``, keyed by
    normalised crop name) when it converts to it, through the product's
    average weight if needed. Otherwise it counts in kilograms when its unit
    is a mass or the product has an average weight, else in its count unit.
    Cancelled lines and products with no crop are left out.
    """
    yield_units = yield_units or {}
    demands: dict[str, CropDemand] = {}
    problems: list[Problem] = []
    kilogram = get_unit("kg")

    for line in lines:
        if getattr(line, "cancelled", False):
            continue
        product = line.product
        crop = product.crop
        if not crop:
            continue
        unit = line.unit or product.unit
        wanted = yield_units.get(normalise_label(crop), kilogram)
        quantity = convert(line.quantity, unit, wanted, average_weight_kg=product.average_weight)
        if quantity is None and wanted != kilogram:
            wanted = kilogram
            quantity = convert(line.quantity, unit, wanted, average_weight_kg=product.average_weight)
        if quantity is None:
            quantity = line.quantity
        else:
            unit = wanted

        week = IsoWeek.of(line.delivery_date)
        if week not in season:
            continue
        key = normalise_label(crop)
        demand = demands.setdefault(key, CropDemand(crop, unit))
        converted = convert(quantity, unit, demand.unit)
        if converted is None:
            location = line.source.location("quantity") if getattr(line, "source", None) else Location()
            problems.append(Problem(
                "warning", _("{crop}: ordered in {unit}, which cannot be added to {other}; the line is left out of the plan").format(
                    crop=crop, unit=unit.label(get_language()), other=demand.unit.label(get_language())),
                location, line.quantity, _("Give the product an average weight in kg.")))
            continue
        demand.add(week, converted)
    return demands, problems
