"""Crop planning: from weekly targets to successions, beds, seeds, nursery and a harvest forecast.

The core runs on the standard library alone; ``charts`` imports matplotlib
only when a chart is drawn.
"""

from .itinerary import CropDates, check_itinerary, crop_dates
from .plan import PlanResult, plan_season
from .quantities import Quantities, quantities_for
from .reference import default_itineraries
from .season import Season

__all__ = [
    "CropDates", "PlanResult", "Quantities", "Season", "check_itinerary", "crop_dates",
    "default_itineraries", "plan_season", "quantities_for",
]
