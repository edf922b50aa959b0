import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from mycelium_sheets.errors import InvoicingError
from mycelium_sheets.i18n import set_language
from mycelium_sheets.invoicing import draft_invoices, month_selection, week_selection
from mycelium_sheets.schema.load import load_farm

from .conftest import CUSTOMERS, FARM, PRODUCTS, write_workbook

ISSUED = dt.date(2027, 6, 30)


@pytest.fixture(autouse=True)
def english():
    set_language("en")


def drafts_of(path, selection=None, **options):
    return draft_invoices(load_farm(path), selection or month_selection("2027-06"), ISSUED, "fr", **options)


def by_customer(drafts):
    return {invoice.buyer.name: invoice for invoice in drafts.invoices}


def test_real_regime_restaurant_invoice(workbook):
    invoice = by_customer(drafts_of(workbook))["Bistrot"]
    # Carrots 3 × 2.20 = 6.60; tomato weighed 1.235 kg × 4.50 = 5.5575 → 5.56; bouquet 12.00 at 10 %.
    assert [line.amount for line in invoice.lines] == [Decimal("12.00"), Decimal("6.60"), Decimal("5.56")]
    assert invoice.totals.tax_total == Decimal("1.87")  # 12.16 × 5.5 % = 0.67, plus 1.20
    assert invoice.totals.grand_total == Decimal("26.03")
    # Weekly billing: the week of 8 June, 7 to 13 June 2027.
    assert (invoice.period_start, invoice.period_end) == (dt.date(2027, 6, 7), dt.date(2027, 6, 13))
    # 30 days after 30 June is 30 July, capped at 8 June's ten-day period end (10 June) + 30 = 10 July.
    assert invoice.due_date == dt.date(2027, 7, 10)
    assert any("40,00 €" in text for text in invoice.mentions)


def test_private_customer_has_no_penalty_mention(workbook):
    invoice = by_customer(drafts_of(workbook))["Marie"]
    assert invoice.totals.grand_total == Decimal("4.64")  # 2 × 2.20 = 4.40, VAT 0.242 → 0.24
    assert not any("40,00 €" in text for text in invoice.mentions)


def test_weighed_weight_replaces_estimate(tmp_path):
    day = dt.datetime(2027, 6, 8)
    path = write_workbook(tmp_path / "f.xlsx", orders=[(day, "Bistrot", "Melon", 2, None, None),
                                                       (day, "Bistrot", "Melon", 3, 3.4, None)])
    drafts = drafts_of(path)
    lines = by_customer(drafts)["Bistrot"].lines
    # Estimate: 2 melons × 1.2 kg = 2.4 kg × 3.00 = 7.20; weighed 3.4 kg × 3.00 = 10.20.
    assert sorted(line.amount for line in lines) == [Decimal("7.20"), Decimal("10.20")]
    assert len(drafts.warnings) == 1


def test_already_invoiced_lines_are_skipped(workbook):
    first = drafts_of(workbook)
    from mycelium_sheets.invoicing.build import InvoicedLine

    covered = {line.order_key: InvoicedLine("FT-00001", line.quantity)
               for invoice in first.invoices for line in invoice.lines}
    assert drafts_of(workbook, invoiced=covered).invoices == []


def test_monthly_customer_skipped_for_a_week(workbook):
    names = set(by_customer(drafts_of(workbook, week_selection("2027-W23"))))
    assert names == {"Bistrot"}


def test_franchise_regime(tmp_path, june_orders):
    farm = dict(FARM, **{"Régime de TVA": "Franchise en base"})
    del farm["N° TVA intracommunautaire"]
    invoice = by_customer(drafts_of(write_workbook(tmp_path / "f.xlsx", farm=farm, orders=june_orders)))["Bistrot"]
    assert invoice.totals.tax_total == Decimal("0.00")
    assert invoice.totals.grand_total == Decimal("24.16")  # 12.00 + 6.60 + 5.56, no VAT
    assert invoice.mentions[0] == "TVA non applicable, art. 293 B du CGI"


def test_flat_rate_regime(tmp_path):
    farm = dict(FARM, **{"Régime de TVA": "Remboursement forfaitaire agricole"})
    del farm["N° TVA intracommunautaire"]
    day = dt.datetime(2027, 6, 8)
    orders = [(day, "Bistrot", "Tomate", 10, None, None), (day, "Bistrot", "Oeufs", 5, None, None),
              (day, "Marie", "Tomate", 2, None, None)]
    invoices = by_customer(drafts_of(write_workbook(tmp_path / "f.xlsx", farm=farm, orders=orders)))
    bistrot = invoices["Bistrot"]
    # Tomatoes 45.00 × 4.43 % = 1.9935 → 1.99; eggs 15.00 × 5.59 % = 0.8385 → 0.84.
    assert [(r.rate, r.amount) for r in bistrot.totals.refunds] == [
        (Decimal("0.0559"), Decimal("0.84")), (Decimal("0.0443"), Decimal("1.99"))]
    assert bistrot.totals.grand_total == Decimal("62.83")
    # A private person pays no refund: 2 × 4.50 = 9.00.
    assert invoices["Marie"].totals.grand_total == Decimal("9.00")


@pytest.mark.parametrize("field, cell", [("SIREN", "B5"), ("Adresse", "B2")])
def test_missing_farm_detail_names_cell(tmp_path, june_orders, field, cell):
    farm = dict(FARM, **{field: None})
    with pytest.raises(Exception) as error:
        drafts_of(write_workbook(tmp_path / "f.xlsx", farm=farm, orders=june_orders))
    assert f"cell {cell}" in str(error.value)


def test_customer_without_billing_details(tmp_path, june_orders):
    customers = [CUSTOMERS[0], ("Bistrot", "Restaurant", "2 place du Marché", "35000", "Rennes", "812345676", "Hebdomadaire"),
                 ("Marie", "Particulier", None, "35510", "Cesson", None, None)]
    with pytest.raises(InvoicingError) as error:
        drafts_of(write_workbook(tmp_path / "f.xlsx", customers=customers, orders=june_orders))
    text = str(error.value)
    assert "cell C3" in text  # Marie's empty address
    assert "cell G3" in text  # Marie's empty billing frequency


def test_business_without_siren_after_reform(tmp_path, june_orders):
    customers = [CUSTOMERS[0], ("Bistrot", "Restaurant", "2 place du Marché", "35000", "Rennes", None, "Hebdomadaire"),
                 CUSTOMERS[2]]
    with pytest.raises(InvoicingError, match="cell F2"):
        drafts_of(write_workbook(tmp_path / "f.xlsx", customers=customers, orders=june_orders))


def test_product_without_price_is_an_error(tmp_path, june_orders):
    products = [PRODUCTS[0], ("Carotte botte", "botte", None, 0.055, None, None, None), *PRODUCTS[2:]]
    with pytest.raises(Exception, match="C2"):
        drafts_of(write_workbook(tmp_path / "f.xlsx", products=products, orders=june_orders))


def test_negative_total_is_an_error(tmp_path):
    products = [*PRODUCTS, ("Remise", "pièce", -5.00, 0.055, None, None, None)]
    day = dt.datetime(2027, 6, 8)
    orders = [(day, "Bistrot", "Carotte botte", 1, None, None), (day, "Bistrot", "Remise", 1, None, None)]
    with pytest.raises(Exception):
        drafts_of(write_workbook(tmp_path / "f.xlsx", products=products, orders=orders))


def test_vat_rate_not_french(tmp_path, june_orders):
    products = [PRODUCTS[0], ("Carotte botte", "botte", 2.20, 0.07, None, None, None), *PRODUCTS[2:]]
    with pytest.raises(InvoicingError, match="cell D2"):
        drafts_of(write_workbook(tmp_path / "f.xlsx", products=products, orders=june_orders))


VAT_ID = "{urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100}SpecifiedTaxRegistration"


@pytest.mark.parametrize("regime, expected_ids", [
    # Real regime: category S, so both VAT identifiers are required (BR-S-02) and printed.
    ("Réel", ["FR18842173908", "FR19812345676"]),
    # Flat-rate refund: category O, so neither identifier (BR-O-02, BR-O-04).
    ("Remboursement forfaitaire agricole", []),
])
def test_vat_identifiers_in_xml(tmp_path, regime, expected_ids):
    import xml.etree.ElementTree as ET

    from mycelium_sheets.invoicing.facturx import build_cii_xml, check_xml

    farm = dict(FARM, **{"Régime de TVA": regime})
    customers = [(*CUSTOMERS[0], "N° TVA intracommunautaire"), (*CUSTOMERS[1], "FR19812345676")]
    orders = [(dt.datetime(2027, 6, 8), "Bistrot", "Tomate", 10, None, None)]
    invoice = by_customer(drafts_of(write_workbook(tmp_path / "f.xlsx", farm=farm, customers=customers,
                                                   orders=orders)))["Bistrot"]
    invoice = dataclasses.replace(invoice, number="FT-00001")
    xml = build_cii_xml(invoice)

    ids = [element.findtext("{*}ID") for element in ET.fromstring(xml).iter(VAT_ID)]
    assert ids == expected_ids
    check_xml(xml)


@pytest.mark.parametrize("frequency, language, due, mention", [
    # Weekly invoice of the 8 and 10 June deliveries: the ten-day period of 8 June ends on 10 June,
    # so L441-11 caps the due date at 10 June + 30 days = 10 July (before 30 June + 30 days = 30 July).
    ("Hebdomadaire", "fr", dt.date(2027, 7, 10),
     "Denrées périssables : paiement au plus tard 30 jours après la fin de la décade de la première livraison "
     "(art. L441-11 du Code de commerce)."),
    ("Hebdomadaire", "en", dt.date(2027, 7, 10),
     "Perishable food: payment at most 30 days after the end of the ten-day period of the first delivery "
     "(art. L441-11 of the French commercial code)."),
    # One invoice per delivery: the 8 June invoice is due 8 June + 30 days = 8 July.
    ("À chaque livraison", "fr", dt.date(2027, 7, 8),
     "Denrées périssables : paiement au plus tard 30 jours après la livraison (art. L441-11 du Code de commerce)."),
    ("À chaque livraison", "en", dt.date(2027, 7, 8),
     "Perishable food: payment at most 30 days after delivery (art. L441-11 of the French commercial code)."),
])
def test_perishable_mention_matches_due_date(tmp_path, frequency, language, due, mention):
    customers = [CUSTOMERS[0], ("Bistrot", "Restaurant", "2 place du Marché", "35000", "Rennes", "812345676", frequency)]
    orders = [(dt.datetime(2027, 6, 8), "Bistrot", "Tomate", 1, None, None),
              (dt.datetime(2027, 6, 10), "Bistrot", "Tomate", 1, None, None)]
    path = write_workbook(tmp_path / "f.xlsx", customers=customers, orders=orders)
    drafts = draft_invoices(load_farm(path), month_selection("2027-06"), ISSUED, language)
    first = min(drafts.invoices, key=lambda invoice: invoice.delivery_dates[0])

    assert first.due_date == due
    assert mention in first.mentions
