import dataclasses
import datetime as dt
import io
from decimal import Decimal

import pytest

from mycelium_sheets.invoicing.document import InvoiceLine
from mycelium_sheets.invoicing.printed import document_lines, labels, line_texts


@pytest.mark.parametrize("quantity, language, expected", [
    ("9.900", "fr", "9,9"),
    ("6.85", "fr", "6,85"),
    ("1.5", "fr", "1,5"),
    ("1.5", "en", "1.5"),
    ("10.000", "fr", "10"),
])
def test_line_quantity_decimal_separator(quantity, language, expected):
    # 1.5 kg of tomatoes at 2.40 €/kg: 1.5 × 2.40 = 3.60 €, printed "3,60 €" in French.
    line = InvoiceLine("Tomate", Decimal(quantity), "kg", Decimal("2.40"), "S", Decimal("0.055"),
                       Decimal("3.60"), delivery_date=dt.date(2027, 6, 10))

    texts = line_texts(line, language)

    assert texts[2] == expected
    assert texts[3] == "kg"


@pytest.fixture
def contract_invoice(tmp_path, june_orders):
    """The Bistrot invoice of June 2027 turned into a small-basket contract, Thursdays of weeks 2027-W23 to W26."""
    from mycelium_sheets.invoicing import draft_invoices, month_selection
    from mycelium_sheets.invoicing.lines import contract_invoice_line
    from mycelium_sheets.model.catalogue import Customer
    from mycelium_sheets.model.orders import Subscription
    from mycelium_sheets.model.weeks import IsoWeek
    from mycelium_sheets.schema.load import load_farm

    from .conftest import write_workbook

    subscription = Subscription(Customer("AMAP du Bourg", "amap"), "small", 2, IsoWeek(2027, 23), IsoWeek(2027, 26),
                                "4", Decimal("12.00"))
    line = contract_invoice_line(subscription, "real", True, "fr")
    drafts = draft_invoices(load_farm(write_workbook(tmp_path / "f.xlsx", orders=june_orders)),
                            month_selection("2027-06"), dt.date(2027, 6, 30), "fr")
    invoice = next(invoice for invoice in drafts.invoices if invoice.buyer.name == "Bistrot")
    return dataclasses.replace(invoice, number="FT-00001", lines=(line,))


def test_contract_line_covers_all_deliveries(contract_invoice):
    line = contract_invoice.lines[0]

    # Thursdays of 2027-W23 and 2027-W26: 10 June and 1 July 2027.
    assert line.delivery_date == dt.date(2027, 6, 10)
    assert line.last_delivery_date == dt.date(2027, 7, 1)
    # 2 baskets × 4 deliveries = 8 baskets at 12.00 € = 96.00 €.
    assert line.quantity == Decimal(8)
    assert line.amount == Decimal("96.00")


def test_contract_header_prints_delivery_period(contract_invoice):
    lines = document_lines(contract_invoice, labels("fr"))

    assert "Livraisons : 10/06/2027 – 01/07/2027" in lines
    assert not any(text.startswith("Livraison :") for text in lines)


def test_pdf_wraps_long_description(contract_invoice):
    from pypdf import PdfReader

    from mycelium_sheets.invoicing.pdf import render_pdf

    description = contract_invoice.lines[0].description
    pdf = render_pdf(contract_invoice)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)

    assert "Livraisons : 10/06/2027 – 01/07/2027" in text
    # Every word of the description is printed, whatever the line breaks.
    assert " ".join(description.split()) in " ".join(text.split())
    assert "…" not in text


@pytest.mark.parametrize("language, footer", [("fr", "Facture FT-00001 – page {page}/2"),
                                              ("en", "Invoice FT-00001 – page {page}/2")])
def test_pdf_footer_on_every_page(contract_invoice, language, footer):
    from pypdf import PdfReader

    from mycelium_sheets.invoicing.pdf import render_pdf

    # 20 two-row lines of 2 × 5.5 = 11 mm take 220 mm: with the header block (about 60 mm) they
    # overflow the 297 − 20 = 277 mm of an A4 page above its bottom margin, but fit on two.
    invoice = dataclasses.replace(contract_invoice, language=language, lines=contract_invoice.lines * 20)
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(render_pdf(invoice))).pages]

    assert len(pages) == 2
    assert footer.format(page=1) in pages[0]
    assert footer.format(page=2) in pages[1]
