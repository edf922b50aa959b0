"""Invoice lines from delivered order lines and AMAP contracts.

The invoiced quantity is expressed in the unit the price is per: a product
ordered by the piece and paid by the kilo is invoiced on its weighed weight,
which replaces the estimate (pieces × average weight) as soon as it is
entered.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ..errors import InvoicingError, Location, Problem
from ..i18n import _, get_language, pick
from ..model.catalogue import Product
from ..model.money import to_cents, to_quantity
from ..model.orders import OrderLine, Subscription
from ..model.units import convert, get_unit
from ..model.weeks import week_range
from ..schema.choices import BASKET_SIZES
from .document import InvoiceLine
from .mentions import date_text
from .vat import line_tax

# VAT rate of a basket of vegetables sold under an AMAP contract (CGI art. 278-0 bis A).
BASKET_VAT_RATE = Decimal("0.055")


def _location(line: OrderLine, key: str) -> Location:
    return line.source.location(key) if line.source else Location()


def invoiced_quantity(line: OrderLine, problems: list[Problem]) -> tuple[Decimal, str]:
    """Return the quantity to invoice and its unit code, the unit the price is per."""
    product = line.product
    price_unit = product.price_unit or product.unit

    if line.weighed_quantity is not None and price_unit.dimension == "mass":
        # The weighed weight (in kg) replaces any estimate.
        quantity = convert(line.weighed_quantity, get_unit("kg"), price_unit)
        return to_quantity(quantity), price_unit.code

    quantity = convert(line.quantity, line.effective_unit, price_unit,
                       average_weight_kg=product.average_weight, pieces_per_unit=product.pieces_per_unit)
    if quantity is None:
        raise InvoicingError(
            _("the ordered unit “{unit}” cannot be converted to the price unit “{price_unit}”").format(
                unit=line.effective_unit.label_fr, price_unit=price_unit.label_fr),
            location=_location(line, "unit"), value=line.quantity,
            remedy=_("Enter the weighed weight in kg, or the product's average weight in the product sheet."),
        )
    if product.sold_by_weight:
        problems.append(Problem(
            "warning",
            _("“{product}” for “{customer}” on {date} is invoiced on its estimated weight; no weighed weight was entered").format(
                product=product.name, customer=line.customer.name,
                date=date_text(line.delivery_date, get_language())),
            _location(line, "weighed_quantity"), None,
            _("Enter the weighed weight before invoicing if it differs."),
        ))
    return to_quantity(quantity), price_unit.code


def order_invoice_line(line: OrderLine, order_key: str, regime: str, buyer_is_business: bool,
                       problems: list[Problem]) -> InvoiceLine:
    """Return the invoice line of one delivered order line."""
    product = line.product
    quantity, unit = invoiced_quantity(line, problems)
    price = line.effective_price
    if price is None:
        raise InvoicingError(
            _("the product “{product}” has no price").format(product=product.name),
            location=product.source.location("price") if product.source else None,
            remedy=_("Enter the price excluding VAT in the product sheet."),
        )
    category, rate, refund = line_tax(regime, product, buyer_is_business)
    return InvoiceLine(
        description=product.name,
        quantity=quantity,
        unit=unit,
        unit_price=price,
        vat_category=category,
        vat_rate=rate,
        amount=to_cents(quantity * price),
        delivery_date=line.delivery_date,
        product_reference=product.reference,
        refund_rate=refund,
        order_key=order_key,
    )


def contract_key(subscription: Subscription) -> str:
    return "|".join(("contract", subscription.customer.code or subscription.customer.name, subscription.basket,
                     str(subscription.first_week), str(subscription.last_week), subscription.weekday))


def contract_dates(subscription: Subscription) -> list[dt.date]:
    weekday = int(subscription.weekday)
    return [week.day(weekday) for week in week_range(subscription.first_week, subscription.last_week)]


def contract_invoice_line(subscription: Subscription, regime: str, buyer_is_business: bool,
                          language: str) -> InvoiceLine:
    """Return the line invoicing a whole AMAP contract: baskets × weeks at the basket price."""
    if subscription.price is None:
        raise InvoicingError(
            _("the contract of “{customer}” has no basket price").format(customer=subscription.customer.name),
            location=subscription.source.location("price") if subscription.source else None,
            remedy=_("Enter the basket price excluding VAT in the subscriptions sheet."),
        )
    dates = contract_dates(subscription)
    size = next((choice for choice in BASKET_SIZES if choice.code == subscription.basket), None)
    size_label = pick(size.label_fr, size.label_en, language) if size else subscription.basket
    description = pick(
        f"Contrat panier {size_label.lower()}, semaines {subscription.first_week} à {subscription.last_week} "
        f"({subscription.count} × {len(dates)} livraisons)",
        f"{size_label} basket contract, weeks {subscription.first_week} to {subscription.last_week} "
        f"({subscription.count} × {len(dates)} deliveries)",
        language,
    )
    basket = Product(name=description, unit=get_unit("basket"), price=subscription.price, vat_rate=BASKET_VAT_RATE,
                     category="légumes")
    category, rate, refund = line_tax(regime, basket, buyer_is_business)
    quantity = Decimal(subscription.count * len(dates))
    return InvoiceLine(
        description=description,
        quantity=quantity,
        unit="basket",
        unit_price=subscription.price,
        vat_category=category,
        vat_rate=rate,
        amount=to_cents(quantity * subscription.price),
        delivery_date=dates[0],
        refund_rate=refund,
        order_key=contract_key(subscription),
        last_delivery_date=dates[-1],
    )
