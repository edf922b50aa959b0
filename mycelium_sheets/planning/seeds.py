"""The seed order per crop and variety, and the trays to sow in the nursery each week.

Seeds are counted in grams when the itinerary gives the seeds per gram, in
seeds otherwise. The packet size and the seed stock are in the same unit.

    to buy = max(0, need − stock),  packets = ⌈to buy ÷ packet size⌉,  ordered = packets × packet size
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..model.units import normalise_label
from ..model.weeks import IsoWeek
from .quantities import ceil_int
from .successions import Succession


@dataclass
class SeedOrder:
    """Seeds to order for one crop and variety, net of the stock."""

    crop: str
    variety: str | None
    in_grams: bool
    need: Decimal
    stock: Decimal
    packet_size: Decimal | None
    successions: int

    @property
    def to_buy(self) -> Decimal:
        return max(Decimal(0), self.need - self.stock)

    @property
    def packets(self) -> int | None:
        if not self.packet_size:
            return None
        return ceil_int(self.to_buy / self.packet_size)

    @property
    def ordered(self) -> Decimal:
        """The quantity ordered: whole packets when a packet size is given, else the quantity to buy."""
        if self.packets is None:
            return self.to_buy
        return self.packets * self.packet_size


@dataclass
class NurserySowing:
    """Trays to sow in one week for one farm-raised succession."""

    week: IsoWeek
    succession: Succession

    @property
    def cells(self) -> int:
        return self.succession.quantities.plants_to_start

    @property
    def trays(self) -> int | None:
        return self.succession.quantities.trays


def seed_orders(successions: list[Succession]) -> list[SeedOrder]:
    """Return the seed order of every crop and variety sown on the farm, sorted by crop and variety."""
    orders: dict[tuple[str, str], SeedOrder] = {}
    for succession in successions:
        itinerary = succession.itinerary
        quantities = succession.quantities
        if quantities.seeds is None:
            continue

        in_grams = quantities.grams is not None
        key = (normalise_label(itinerary.crop), normalise_label(itinerary.variety or ""), in_grams)
        order = orders.get(key)
        if order is None:
            order = orders[key] = SeedOrder(itinerary.crop, itinerary.variety, in_grams, Decimal(0), Decimal(0), None, 0)
        order.need += quantities.grams if in_grams else Decimal(quantities.seeds)
        order.successions += 1
        # Stock and packet size are per variety: the first itinerary that gives one sets it.
        if not order.stock and itinerary.seed_stock:
            order.stock = Decimal(itinerary.seed_stock)
        if order.packet_size is None and itinerary.packet_size:
            order.packet_size = Decimal(itinerary.packet_size)
    return sorted(orders.values(), key=lambda order: (normalise_label(order.crop), normalise_label(order.variety or "")))


def nursery_sowings(successions: list[Succession]) -> list[NurserySowing]:
    """Return the nursery sowings of farm-raised transplants, by sowing week then crop."""
    sowings = [NurserySowing(succession.dates.sowing_week, succession) for succession in successions
               if succession.itinerary.method == "transplant" and succession.dates.sowing is not None]
    return sorted(sowings, key=lambda sowing: (sowing.week, normalise_label(sowing.succession.crop), sowing.succession.number))
