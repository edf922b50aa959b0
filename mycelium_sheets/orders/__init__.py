"""The orders engine: from the week's orders to harvest, packing and delivery sheets."""

from .sources import CollectedOrders, collect_order_lines, collect_orders

__all__ = ["CollectedOrders", "collect_order_lines", "collect_orders"]
