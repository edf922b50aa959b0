import datetime as dt
from decimal import Decimal

from mycelium_sheets.model.catalogue import Customer, Product
from mycelium_sheets.model.orders import OrderLine
from mycelium_sheets.model.units import get_unit
from mycelium_sheets.planning.demand import demand_from_order_lines
from mycelium_sheets.planning.season import Season

from .builders import week

SHOP = Customer("Épicerie", "shop")


def line(product: Product, day: dt.date, quantity: str, status=None) -> OrderLine:
    return OrderLine(day, SHOP, product, Decimal(quantity), status=status)


def test_orders_grouped_by_crop_and_week():
    lettuce = Product("Laitue batavia", get_unit("piece"), Decimal("1.2"), Decimal("0.055"), crop="Laitue",
                      average_weight=Decimal("0.4"))
    carrots = Product("Carottes en botte", get_unit("bunch"), Decimal(2), Decimal("0.055"), crop="Carotte")
    lines = [line(lettuce, dt.date(2027, 6, 8), "10"), line(lettuce, dt.date(2027, 6, 10), "15"),
             line(lettuce, dt.date(2027, 6, 15), "5", status="cancelled"), line(carrots, dt.date(2027, 6, 10), "12")]

    demands, problems = demand_from_order_lines(lines, Season.of_year(2027), {"laitue": get_unit("piece")})

    assert problems == []
    # Tuesday 8 and Thursday 10 June 2027 are both in W23: 10 + 15 = 25 lettuces; the cancelled line is left out
    assert demands["laitue"].unit == get_unit("piece")
    assert demands["laitue"].weeks == {week("2027-W23"): Decimal(25)}
    # bunches with no average weight and no yield unit stay in bunches
    assert demands["carotte"].unit == get_unit("bunch")
    assert demands["carotte"].weeks == {week("2027-W23"): Decimal(12)}


def test_orders_converted_to_kilograms():
    lettuce = Product("Laitue batavia", get_unit("piece"), Decimal("1.2"), Decimal("0.055"), crop="Laitue",
                      average_weight=Decimal("0.4"))
    demands, _problems = demand_from_order_lines([line(lettuce, dt.date(2027, 6, 8), "10")], Season.of_year(2027))
    # 10 pieces × 0.4 kg = 4 kg
    assert demands["laitue"].unit == get_unit("kg")
    assert demands["laitue"].weeks == {week("2027-W23"): Decimal("4.0")}
