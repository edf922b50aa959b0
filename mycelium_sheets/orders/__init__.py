"""The orders engine: from the week's orders to harvest, packing and delivery sheets."""

from .deliveries import prepare_deliveries
from .layouts import deliveries_layouts
from .results import Deliveries
from .sources import CollectedOrders, collect_order_lines, collect_orders

__all__ = [
    "CollectedOrders", "Deliveries", "collect_order_lines", "collect_orders", "deliveries_layouts", "prepare_deliveries",
]
