"""prepare_deliveries on small workbooks whose totals are worked by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from .farm_builder import THURSDAY, TUESDAY, make_farm, make_workbook
from mycelium_sheets.errors import MyceliumError
from mycelium_sheets.i18n import set_language
from mycelium_sheets.orders import collect_order_lines, prepare_deliveries
from mycelium_sheets.schema.load import load_farm


@pytest.fixture(autouse=True)
def english():
    set_language("en")


def harvest_of(deliveries, name, date=THURSDAY):
    lines = [line for line in deliveries.harvest if line.product.name == name and line.date == date]
    assert len(lines) == 1, f"expected one harvest line for {name}, got {len(lines)}"
    return lines[0]


def customer_of(deliveries, name, date=THURSDAY):
    return next(item for item in deliveries.customers if item.customer.name == name and item.date == date)


def test_same_product_two_prices():
    data = make_farm([
        [THURSDAY, "Le Bistrot", "Carottes", 3, None, 2.8],
        [THURSDAY, "Biocoop Crest", "Carottes", 5, None, 2.2],
    ])
    deliveries = prepare_deliveries(data, date=THURSDAY, margin=Decimal(0))

    # one harvest line: 3 + 5 = 8 kg
    assert harvest_of(deliveries, "Carottes").ordered == Decimal("8.000")
    # revenue kept apart: 3 × 2.80 = 8.40 and 5 × 2.20 = 11.00
    assert customer_of(deliveries, "Le Bistrot").amount_excl_vat == Decimal("8.40")
    assert customer_of(deliveries, "Biocoop Crest").amount_excl_vat == Decimal("11.00")


def test_margin_from_farm_sheet():
    farm_rows = [*make_workbook().sheets["Ferme"].rows, ["Marge de récolte", "10 %"]]
    data = make_farm([[THURSDAY, "Le Bistrot", "Carottes", 4], [THURSDAY, "Le Bistrot", "Radis", 13]], farm_rows=farm_rows)
    deliveries = prepare_deliveries(data, date=THURSDAY)

    assert deliveries.margin == Decimal("0.1")
    # 4 kg + 10 % = 4.4 kg; 13 bunches + 10 % = 14.3 → 15 bunches
    assert harvest_of(deliveries, "Carottes").to_harvest == Decimal("4.400")
    assert harvest_of(deliveries, "Radis").to_harvest == Decimal("15")


def test_amount_due_with_vat():
    data = make_farm([
        [THURSDAY, "Le Bistrot", "Carottes", 3],
        [THURSDAY, "Le Bistrot", "Tomates", 2.5],
        [THURSDAY, "Le Bistrot", "Courge", 2, None, None, 2.7],
    ])
    delivery = customer_of(prepare_deliveries(data, date=THURSDAY), "Le Bistrot")

    # 3 × 2.80 = 8.40; 2.5 × 4.50 = 11.25; weighed 2.7 kg × 3.00 = 8.10; total 27.75
    assert delivery.amount_excl_vat == Decimal("27.75")
    # one VAT rate of 5.5 %: 27.75 × 0.055 = 1.52625 → 1.53
    assert delivery.vat == Decimal("1.53")
    assert delivery.amount_incl_vat == Decimal("29.28")
    # 3 + 2.5 + 2.7 kg = 8.2 kg, so one crate
    assert delivery.weight_kg == Decimal("8.200")
    assert delivery.crates == 1


def test_cancelled_lines_not_counted():
    data = make_farm([
        [THURSDAY, "Le Bistrot", "Carottes", 3],
        [THURSDAY, "Biocoop Crest", "Carottes", 50, None, None, None, "Annulée"],
    ])
    deliveries = prepare_deliveries(data, date=THURSDAY, margin=Decimal(0))

    assert harvest_of(deliveries, "Carottes").ordered == Decimal("3.000")
    assert [item.customer.name for item in deliveries.customers] == ["Le Bistrot"]


def test_rerun_after_edit():
    workbook = make_workbook([[THURSDAY, "Le Bistrot", "Carottes", 3]])
    first = prepare_deliveries(load_farm(workbook), date=THURSDAY, margin=Decimal(0))
    workbook.sheets["Commandes"].rows[1][3] = 7
    workbook.sheets["Commandes"].rows.append([THURSDAY, "Biocoop Crest", "Carottes", 2])
    second = prepare_deliveries(load_farm(workbook), date=THURSDAY, margin=Decimal(0))

    assert harvest_of(first, "Carottes").ordered == Decimal("3.000")
    # 7 + 2 = 9 kg after the edit
    assert harvest_of(second, "Carottes").ordered == Decimal("9.000")


def test_unknown_product_names_cell():
    data = make_farm([[THURSDAY, "Le Bistrot", "Carotes", 3]])
    with pytest.raises(MyceliumError) as raised:
        prepare_deliveries(data, date=THURSDAY)
    text = str(raised.value)
    assert "cell C2" in text
    assert "Carotes" in text
    assert "Did you mean: Carottes" in text


def test_unknown_customer_names_cell():
    data = make_farm([[THURSDAY, "Le Bistro", "Carottes", 3]])
    with pytest.raises(MyceliumError) as raised:
        collect_order_lines(data)
    assert "cell B2" in str(raised.value)
    assert "Le Bistrot" in str(raised.value)


def test_negative_quantity_is_error():
    data = make_farm([[THURSDAY, "Le Bistrot", "Carottes", -2]])
    with pytest.raises(MyceliumError) as raised:
        prepare_deliveries(data, date=THURSDAY)
    assert "cell D2" in str(raised.value)
    assert "negative" in str(raised.value)


def test_zero_quantity_left_out_with_warning():
    data = make_farm([[THURSDAY, "Le Bistrot", "Carottes", 0], [THURSDAY, "Le Bistrot", "Radis", 2]])
    deliveries = prepare_deliveries(data, date=THURSDAY)

    assert [line.product.name for line in deliveries.harvest] == ["Radis"]
    assert any(problem.location.cell == "D2" for problem in deliveries.warnings)


def test_duplicate_lines_warned_and_counted():
    data = make_farm([[THURSDAY, "Le Bistrot", "Carottes", 3], [THURSDAY, "Le Bistrot", "Carottes", 3]])
    deliveries = prepare_deliveries(data, date=THURSDAY, margin=Decimal(0))

    # both lines count: 3 + 3 = 6 kg
    assert harvest_of(deliveries, "Carottes").ordered == Decimal("6.000")
    duplicates = [problem for problem in deliveries.warnings if "also ordered at Commandes!D2" in problem.message]
    assert len(duplicates) == 1
    assert duplicates[0].location.cell == "D3"


def test_customer_without_delivery_point():
    data = make_farm([[THURSDAY, "Épicerie Volante", "Carottes", 1], [THURSDAY, "Le Bistrot", "Carottes", 1]])
    deliveries = prepare_deliveries(data, date=THURSDAY)

    # listed after the customers of delivery points
    assert [item.customer.name for item in deliveries.customers] == ["Le Bistrot", "Épicerie Volante"]
    assert customer_of(deliveries, "Épicerie Volante").delivery_point is None
    assert any("no delivery point" in problem.message for problem in deliveries.warnings)


def test_date_without_orders():
    data = make_farm([[THURSDAY, "Le Bistrot", "Carottes", 3]])
    with pytest.raises(MyceliumError) as raised:
        prepare_deliveries(data, date=dt.date(2027, 6, 11))
    assert "No order to deliver on 11/06/2027." in str(raised.value)
    assert "10/06/2027" in str(raised.value)
    # the library writes nothing, so its message must not speak of writing
    assert "written" not in str(raised.value)


def test_week_without_orders_names_week():
    data = make_farm([[THURSDAY, "Le Bistrot", "Carottes", 3]])
    with pytest.raises(MyceliumError) as raised:
        prepare_deliveries(data, week="2026-W53")
    assert "No order to deliver in week 2026-W53." in str(raised.value)


@pytest.mark.parametrize("text", ["10/06/2027", "10/6/2027", "2027-06-10", " 10/06/2027 "])
def test_date_forms_accepted(text):
    data = make_farm([[THURSDAY, "Le Bistrot", "Carottes", 3]])
    assert prepare_deliveries(data, date=text).dates == [THURSDAY]


def test_date_day_month_single_digits():
    data = make_farm([[TUESDAY, "Le Bistrot", "Carottes", 3]])
    # 8/6/2027 is 8 June 2027, a Tuesday, not 6 August
    assert prepare_deliveries(data, date="8/6/2027").dates == [dt.date(2027, 6, 8)]


@pytest.mark.parametrize("text", ["31/06/2027", "2027-13-01", "demain", "10 juin"])
def test_invalid_date_rejected(text):
    data = make_farm([[THURSDAY, "Le Bistrot", "Carottes", 3]])
    with pytest.raises(MyceliumError) as raised:
        prepare_deliveries(data, date=text)
    assert "invalid delivery date" in str(raised.value)
    assert "10/06/2027" in raised.value.remedy


@pytest.mark.parametrize("text, count", [("2027-W54", 52), ("2027-W53", 52), ("2026-W54", 53)])
def test_week_past_year_end_names_count(text, count):
    # 28 December 2027 is a Tuesday of week 52, and 28 December 2026 is in week 53
    data = make_farm([[THURSDAY, "Le Bistrot", "Carottes", 3]])
    with pytest.raises(MyceliumError) as raised:
        prepare_deliveries(data, week=text)
    assert f"has {count} ISO weeks" in str(raised.value)
    assert f"-W{count}" in raised.value.remedy


def test_week_gathers_its_days():
    data = make_farm([
        [TUESDAY, "Le Bistrot", "Carottes", 2],
        [THURSDAY, "Le Bistrot", "Carottes", 3],
        [dt.date(2027, 6, 15), "Le Bistrot", "Carottes", 100],
    ])
    deliveries = prepare_deliveries(data, week="2027-W23", margin=Decimal(0))

    assert deliveries.dates == [TUESDAY, THURSDAY]
    assert harvest_of(deliveries, "Carottes", TUESDAY).ordered == Decimal("2.000")
    assert harvest_of(deliveries, "Carottes", THURSDAY).ordered == Decimal("3.000")


def test_date_and_week_together_rejected():
    data = make_farm([[THURSDAY, "Le Bistrot", "Carottes", 3]])
    with pytest.raises(MyceliumError):
        prepare_deliveries(data, date=THURSDAY, week="2027-W23")


def test_subscriptions_expand_to_baskets():
    data = make_farm(
        [[THURSDAY, "Le Bistrot", "Carottes", 1]],
        subscriptions=[["Famille Martin", "Petit", 2, "2027-W22", "2027-W24", "Jeudi", 12]],
        baskets=[["2027-W23", "Petit", "Carottes", 0.5, "kg"], ["2027-W23", "Petit", "Radis", 1, None],
                 ["2027-W23", "Grand", "Carottes", 1, "kg"]],
    )
    deliveries = prepare_deliveries(data, date=THURSDAY, margin=Decimal(0))
    basket = customer_of(deliveries, "Famille Martin")

    # 2 small baskets: 2 × 0.5 kg carrots and 2 × 1 bunch radish; the large basket is not theirs
    assert harvest_of(deliveries, "Carottes").ordered == Decimal("2.000")  # 1 + 2 × 0.5
    assert harvest_of(deliveries, "Radis").ordered == Decimal("2.000")
    # basket lines are paid by the contract: 2 × 12.00 = 24.00
    assert basket.amount_excl_vat == Decimal("0.00")
    assert basket.baskets == 2
    assert basket.basket_amount == Decimal("24.00")


def test_to_frame_lines():
    pytest.importorskip("pandas")
    data = make_farm([[THURSDAY, "Le Bistrot", "Carottes", 3], [THURSDAY, "Le Bistrot", "Radis", 2]])
    frame = prepare_deliveries(data, date=THURSDAY).to_frame()

    assert list(frame["product"]) == ["Carottes", "Radis"]
    # 3 × 2.80 + 2 × 1.50 = 8.40 + 3.00
    assert frame["amount"].sum() == pytest.approx(11.40)
    assert frame["amount"].dtype == "float64"
    assert frame["quantity"].dtype == "float64"
    assert {"quantity", "harvest_quantity", "price", "amount"} <= set(frame.select_dtypes("number").columns)


def test_to_frame_unit_labels_and_codes():
    pytest.importorskip("pandas")
    data = make_farm([[THURSDAY, "Le Bistrot", "Radis", 2]])
    deliveries = prepare_deliveries(data, date=THURSDAY)
    frame = deliveries.to_frame()

    # the workbook is French, so the label is "botte" and the code "bunch"
    assert deliveries.language == "fr"
    assert list(frame["unit"]) == ["botte"]
    assert list(frame["unit_code"]) == ["bunch"]
    assert list(frame["harvest_unit_code"]) == ["bunch"]
    assert list(deliveries.to_frame("harvest")["unit"]) == ["botte"]


def test_records_keep_decimals_and_codes():
    data = make_farm([[THURSDAY, "Le Bistrot", "Radis", 2]])
    record = prepare_deliveries(data, date=THURSDAY).records()[0]

    # 2 bunches × 1.50 = 3.00, kept exact
    assert record["amount"] == Decimal("3.00")
    assert isinstance(record["quantity"], Decimal)
    assert record["unit"] == "bunch"
    assert "unit_code" not in record


@pytest.mark.parametrize("table", ["customers", "shortages", "harvest"])
def test_to_frame_amounts_are_numbers(table):
    pytest.importorskip("pandas")
    data = make_farm([[THURSDAY, "Le Bistrot", "Carottes", 3]])
    frame = prepare_deliveries(data, date=THURSDAY).to_frame(table)
    for column in frame.columns:
        assert not frame[column].map(lambda value: isinstance(value, Decimal)).any(), column


def test_no_orders_names_english_sheet():
    # An English workbook: its orders sheet is "Orders", whatever language the messages use.
    workbook = make_workbook()
    workbook.sheets = {{"Commandes": "Orders", "Clients": "Customers"}.get(name, name): sheet
                       for name, sheet in workbook.sheets.items()}
    for name, sheet in workbook.sheets.items():
        sheet.name = name
    set_language("fr")
    try:
        with pytest.raises(MyceliumError) as raised:
            prepare_deliveries(load_farm(workbook), date=THURSDAY)
    finally:
        set_language("en")

    assert "« Orders »" in str(raised.value)
