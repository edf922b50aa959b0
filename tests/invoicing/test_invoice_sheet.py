import datetime as dt
import sys
from decimal import Decimal

import pytest

from mycelium_sheets.i18n import set_language
from mycelium_sheets.invoicing import draft_invoices, month_selection
from mycelium_sheets.invoicing.build import with_number
from mycelium_sheets.invoicing.layouts import invoice_layout
from mycelium_sheets.schema.load import load_farm

from .conftest import FARM, write_workbook

ISSUED = dt.date(2027, 6, 30)


@pytest.fixture(autouse=True)
def english():
    set_language("en")


def drafted(path):
    """Return the farm data and the Bistrot invoice of June 2027, numbered FT-00001."""
    data = load_farm(path)
    drafts = draft_invoices(data, month_selection("2027-06"), ISSUED, "fr")
    invoice = next(invoice for invoice in drafts.invoices if invoice.buyer.name == "Bistrot")
    return data, with_number(invoice, "FT-00001", 1)


def sheet_texts(layout) -> list[str]:
    return [str(value) for row in layout.rows for value in row if value not in (None, "")]


def note_text(layout) -> str:
    """Return the note rows joined by spaces: mentions are cut between words into rows."""
    return " ".join(row[0] for index, row in enumerate(layout.rows) if layout.row_kinds.get(index) == "note")


def row_with(layout, label):
    rows = [row for row in layout.rows if label in row]
    assert len(rows) == 1, f"{label!r} is on {len(rows)} rows"
    return rows[0]


def test_invoice_sheet_carries_mandatory_mentions(workbook):
    data, invoice = drafted(workbook)
    layout = invoice_layout(invoice, data.farm, "fr")
    texts = "\n".join(sheet_texts(layout)) + "\n" + note_text(layout)

    # CGI annex II art. 242 nonies A and Code de commerce L441-9: who, which document, when.
    assert "Ferme des Essais" in texts
    assert "1 rue du Potager" in texts
    assert "35000 Rennes" in texts
    assert "SIREN 842173908" in texts
    assert "N° TVA FR18842173908" in texts
    assert "Bistrot" in texts
    assert "2 place du Marché" in texts
    assert "SIREN 812345676" in texts  # a business buyer's SIREN, required by the e-invoicing reform
    assert "FACTURE" in texts
    assert "N° : FT-00001" in texts
    assert "Date d'émission : 30/06/2027" in texts
    assert "Échéance : 10/07/2027" in texts
    assert "Livraison : 08/06/2027" in texts
    # Business customers: penalties, the 40 € indemnity, no discount, perishable goods, category of operation.
    assert "indemnité forfaitaire pour frais de recouvrement de 40,00 €" in texts
    assert "pénalités au taux de refinancement de la BCE majoré de 10 points" in texts
    assert "Pas d'escompte pour paiement anticipé." in texts
    assert "Denrées périssables" in texts
    assert "Catégorie d'opération : Livraison de biens" in texts
    # Every mention of the invoice record, as the PDF prints them.
    for mention in invoice.mentions:
        assert mention in note_text(layout)


def test_invoice_sheet_lines_and_vat_totals(workbook):
    data, invoice = drafted(workbook)
    layout = invoice_layout(invoice, data.farm, "fr")

    header = row_with(layout, "Désignation")
    assert header == ["Livraison", "Désignation", "Qté", "Unité", "PU HT", "TVA", "Montant HT"]
    first = layout.rows.index(header) + 1
    lines = layout.rows[first:first + 3]
    # Sorted by description: bouquet 1 × 12.00 at 10 %, carrots 3 × 2.20 = 6.60, tomato 1.235 kg × 4.50 = 5.5575 → 5.56.
    assert [row[1] for row in lines] == ["Bouquet", "Carotte botte", "Tomate"]
    assert [row[2] for row in lines] == [Decimal(1), Decimal(3), Decimal("1.235")]
    assert [row[4] for row in lines] == [Decimal("12.00"), Decimal("2.20"), Decimal("4.50")]
    assert [row[5] for row in lines] == [Decimal("0.1"), Decimal("0.055"), Decimal("0.055")]
    assert [row[6] for row in lines] == [Decimal("12.00"), Decimal("6.60"), Decimal("5.56")]
    assert lines[0][0] == dt.date(2027, 6, 8)

    # Net 12.00 + 6.60 + 5.56 = 24.16.
    assert row_with(layout, "Total HT")[6] == Decimal("24.16")
    # 5.5 %: base 6.60 + 5.56 = 12.16, VAT 0.6688 → 0.67. 10 %: base 12.00, VAT 1.20.
    vat_low = row_with(layout, "TVA 5,5 %")
    assert (vat_low[4], vat_low[5], vat_low[6]) == (Decimal("12.16"), Decimal("0.055"), Decimal("0.67"))
    vat_high = row_with(layout, "TVA 10 %")
    assert (vat_high[4], vat_high[5], vat_high[6]) == (Decimal("12.00"), Decimal("0.1"), Decimal("1.20"))
    assert row_with(layout, "Total TVA")[6] == Decimal("1.87")  # 0.67 + 1.20
    due = row_with(layout, "Net à payer")
    assert due[6] == Decimal("26.03")  # 24.16 + 1.87
    assert layout.row_kinds[layout.rows.index(due)] == "total"


def test_invoice_sheet_is_a4_portrait(workbook):
    data, invoice = drafted(workbook)
    layout = invoice_layout(invoice, data.farm, "en")

    assert layout.key == "invoice"
    assert layout.name == "Invoice"  # named in the workbook's language
    assert "Net à payer" in sheet_texts(layout)  # printed in the invoice's language
    assert layout.landscape is False
    assert layout.print_range == (0, 0, len(layout.rows) - 1, 6)
    # A4 is 21 cm wide; LibreOffice's default 2 cm margins leave 17 cm.
    assert sum(column.width_cm for column in layout.columns) <= 17
    notes = [row[0] for index, row in enumerate(layout.rows) if layout.row_kinds.get(index) == "note"]
    assert max(len(text) for text in notes) <= 85
    assert invoice_layout(invoice, data.farm, "fr").name == "Facture"


def test_invoice_sheet_in_english(workbook):
    data = load_farm(workbook)
    invoice = next(invoice for invoice in draft_invoices(data, month_selection("2027-06"), ISSUED, "en").invoices
                   if invoice.buyer.name == "Bistrot")
    layout = invoice_layout(invoice, data.farm, "en")
    texts = sheet_texts(layout)

    assert "INVOICE" in texts
    assert "Issue date: 2027-06-30" in texts
    assert row_with(layout, "Amount due")[6] == Decimal("26.03")
    assert "fixed recovery indemnity of €40.00" in note_text(layout)


def test_flat_rate_refunds_on_sheet(tmp_path):
    farm = dict(FARM, **{"Régime de TVA": "Remboursement forfaitaire agricole"})
    del farm["N° TVA intracommunautaire"]
    day = dt.datetime(2027, 6, 8)
    path = write_workbook(tmp_path / "f.xlsx", farm=farm,
                          orders=[(day, "Bistrot", "Tomate", 10, None, None), (day, "Bistrot", "Oeufs", 5, None, None)])
    data, invoice = drafted(path)
    layout = invoice_layout(invoice, data.farm, "fr")

    # Tomatoes 10 × 4.50 = 45.00 at 4.43 % = 1.9935 → 1.99; eggs 5 × 3.00 = 15.00 at 5.59 % = 0.8385 → 0.84.
    refunds = [row for row in layout.rows if row and str(row[1]).startswith("Remboursement forfaitaire agricole à")]
    assert [(row[4], row[5], row[6]) for row in refunds] == [
        (Decimal("15.00"), Decimal("0.0559"), Decimal("0.84")), (Decimal("45.00"), Decimal("0.0443"), Decimal("1.99"))]
    assert row_with(layout, "Net à payer")[6] == Decimal("62.83")  # 60.00 + 0.84 + 1.99, no VAT
    assert not any(row and str(row[1]).startswith("TVA ") for row in layout.rows)
    # No VAT is charged, so the lines show a dash in the VAT column, as text.
    header = layout.rows.index(row_with(layout, "Désignation"))
    assert layout.rows[header + 1][5] == "–"
    assert layout.format_of(header + 1, 5) == "text"


def test_png_logo_is_placed(tmp_path):
    png = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000c8000000640806000000")  # 200 × 100 pixels
    (tmp_path / "logo.png").write_bytes(png + b"\0" * 16)
    day = dt.datetime(2027, 6, 8)
    path = write_workbook(tmp_path / "f.xlsx", farm=dict(FARM, Logo="logo.png"),
                          orders=[(day, "Bistrot", "Tomate", 1, None, None)])
    data, invoice = drafted(path)
    layout = invoice_layout(invoice, data.farm, "fr")

    assert len(layout.images) == 1
    image = layout.images[0]
    assert image.path == tmp_path / "logo.png"
    # 2.2 cm high; the 2:1 picture is 4.4 cm wide.
    assert (image.height_cm, image.width_cm) == (2.2, 4.4)


def test_layout_module_needs_no_fpdf():
    import subprocess

    code = ("import sys; import mycelium_sheets.invoicing.layouts; "
            "print(sorted(name for name in ('fpdf', 'lxml', 'facturx') if name in sys.modules))")
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "[]"


@pytest.mark.libreoffice
def test_libreoffice_prints_invoice_sheet(tmp_path, june_orders, soffice):
    from pypdf import PdfReader

    from mycelium_sheets.workbook import write_engine_sheets

    from conftest import libreoffice_convert
    from .conftest import write_ods_workbook

    path = write_ods_workbook(tmp_path / "ferme.ods", orders=june_orders)
    data, invoice = drafted(path)
    write_engine_sheets(path, [invoice_layout(invoice, data.farm, "fr")], backup=False)

    pdf = libreoffice_convert(path, "pdf", tmp_path / "pdf", tmp_path / "profile")
    pages = [page.extract_text() for page in PdfReader(str(pdf)).pages]
    text = "\n".join(page for page in pages if "Net à payer" in page)

    assert "FACTURE" in text
    assert "N° : FT-00001" in text
    assert "Bistrot" in text
    for mention in ("Pas d'escompte pour paiement anticipé.", "Catégorie d'opération : Livraison de biens"):
        assert mention in text
    # The hand-worked totals of the lines test: 24.16 net, 1.87 VAT, 26.03 due.
    for amount in ("24,16", "1,87", "26,03"):
        assert amount in text


def test_credit_note_sheet(workbook):
    from mycelium_sheets.invoicing import issue_credit_note, issue_invoices, load_register

    issue_invoices(workbook, month_selection("2027-06"), issue_date=ISSUED, profile=None, language="fr")
    issue_credit_note(workbook, "FT-00001", issue_date=dt.date(2027, 7, 2), profile=None, language="fr")
    credit = load_register(workbook).invoices[-1]
    layout = invoice_layout(credit, load_farm(workbook).farm, "fr")

    assert "AVOIR" in sheet_texts(layout)
    assert "N° : FT-00003" in sheet_texts(layout)
    # A credit note is not paid: its last row is the total including VAT, 26.03 for the restaurant's invoice.
    assert row_with(layout, "Total TTC")[6] == Decimal("26.03")
    assert "Avoir se rapportant à la facture n° FT-00001 du 30/06/2027." in note_text(layout)
