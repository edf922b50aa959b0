"""Money as Decimal, rounded half-up to the cent as French invoices require."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
MILLI = Decimal("0.001")


def to_cents(amount: Decimal | int | str) -> Decimal:
    """Round an amount half-up to the cent (2.345 → 2.35)."""
    return Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)


def to_quantity(quantity: Decimal | int | str) -> Decimal:
    """Round a quantity half-up to 3 decimals, the precision kept for quantities."""
    return Decimal(quantity).quantize(MILLI, rounding=ROUND_HALF_UP)


def decimal_from(value: object) -> Decimal:
    """Return a Decimal from an int, float, Decimal or numeric string.

    A float goes through its shortest repr, so 2.2 read from a cell becomes
    Decimal("2.2") and not the binary expansion.
    """
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise TypeError("a boolean is not a number")
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(value)
