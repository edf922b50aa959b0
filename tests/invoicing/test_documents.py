import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from mycelium_sheets.cli import build_cli
from mycelium_sheets.i18n import set_language
from mycelium_sheets.invoicing import export_journal, invoices_folder, issue_credit_note, issue_invoices, load_register, month_selection
from mycelium_sheets.invoicing.facturx import build_cii_xml, check_xml

ISSUED = dt.date(2027, 6, 30)
EXAMPLE = Path(__file__).parents[2] / "examples" / "ferme-exemple.ods"


@pytest.fixture(autouse=True)
def english():
    set_language("en")


def pdf_text(path) -> str:
    from pypdf import PdfReader

    return "".join(page.extract_text() for page in PdfReader(str(path)).pages)


@pytest.mark.parametrize("profile", ["en16931", "basicwl"])
def test_facturx_xml_passes_schema_and_matches_pdf(workbook, profile):
    import facturx
    from lxml import etree

    result = issue_invoices(workbook, month_selection("2027-06"), issue_date=ISSUED, profile=profile, language="fr")
    bistrot = next(invoice for invoice in result.issued if invoice.buyer.name == "Bistrot")
    pdf = invoices_folder(workbook) / f"{bistrot.number}.pdf"
    _name, xml = facturx.get_facturx_xml_from_pdf(pdf.read_bytes())
    check_xml(xml, profile)
    assert facturx.get_level(etree.fromstring(xml)) == profile

    root = etree.fromstring(xml)
    namespace = {"ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"}
    grand_total = root.findtext(".//ram:GrandTotalAmount", namespaces=namespace)
    tax_total = root.findtext(".//ram:TaxTotalAmount", namespaces=namespace)
    # Hand-worked in test_drafting: 24.16 excluding VAT, 1.87 VAT, 26.03 in all.
    assert (grand_total, tax_total) == ("26.03", "1.87")
    text = pdf_text(pdf)
    assert "26,03 €" in text
    assert "1,87 €" in text


def test_credit_note_references_invoice(workbook):
    issue_invoices(workbook, month_selection("2027-06"), issue_date=ISSUED, profile=None)
    result = issue_credit_note(workbook, "FT-00001", issue_date=dt.date(2027, 7, 2))
    credit = result.issued[0]
    assert credit.number == "FT-00003"
    assert credit.original_number == "FT-00001"
    xml = build_cii_xml(credit)
    check_xml(xml)
    assert b"<ram:TypeCode>381</ram:TypeCode>" in xml
    assert b"<ram:IssuerAssignedID>FT-00001</ram:IssuerAssignedID>" in xml

    # The credited lines can be invoiced again, under a new number.
    again = issue_invoices(workbook, month_selection("2027-06"), issue_date=dt.date(2027, 7, 2), profile=None)
    assert [invoice.number for invoice in again.issued] == ["FT-00004"]


def test_credit_note_for_unknown_invoice(workbook):
    from mycelium_sheets.errors import InvoicingError

    with pytest.raises(InvoicingError, match="invoice FT-99999 is not in the register"):
        issue_credit_note(workbook, "FT-99999", issue_date=ISSUED, profile=None)


def test_fec_matches_register_line_by_line(workbook, tmp_path):
    issue_invoices(workbook, month_selection("2027-06"), issue_date=ISSUED, profile=None)
    issue_credit_note(workbook, "FT-00002", issue_date=ISSUED, profile=None)
    path = export_journal(workbook, "fec", tmp_path / "fec.txt")
    rows = [line.split("\t") for line in path.read_bytes().decode("utf-8").split("\r\n") if line]
    assert len(rows[0]) == 18
    body = rows[1:]
    assert all(len(row) == 18 for row in body)

    def amount(text):
        return Decimal(text.replace(",", "."))

    register = load_register(workbook)
    for number, invoice in enumerate(register.invoices, start=1):
        entry = [row for row in body if row[2] == str(number)]
        assert {row[8] for row in entry} == {invoice.number}
        # Every entry balances.
        assert sum(amount(row[11]) for row in entry) == sum(amount(row[12]) for row in entry)
        customer = entry[0]
        assert customer[4] == "411000"
        side = 12 if invoice.kind == "credit_note" else 11
        assert amount(customer[side]) == invoice.totals.grand_total
    # The restaurant (FT-00001): customer, sales 5.5 %, VAT 5.5 %, sales 10 %, VAT 10 %.
    first = [row for row in body if row[2] == "1"]
    assert [(row[4], row[12]) for row in first[1:]] == [
        ("701000", "12,16"), ("445710", "0,67"), ("701000", "12,00"), ("445710", "1,20")]


def test_cli_invoices_and_credit_note_in_french(workbook):
    runner = CliRunner()
    set_language("fr")
    result = runner.invoke(build_cli(), ["factures", str(workbook), "--periode", "2027-06", "--date", "2027-06-30",
                                         "--profil", "none"])
    assert result.exit_code == 0, result.output
    assert "2 factures émises" in result.output
    result = runner.invoke(build_cli(), ["avoir", str(workbook), "--facture", "FT-00099", "--date", "2027-06-30"])
    assert result.exit_code == 1
    assert "FT-00099" in result.output


def test_cli_requires_a_period(workbook):
    result = CliRunner().invoke(build_cli(), ["invoices", str(workbook)])
    assert result.exit_code == 2


def test_example_workbook_in_both_languages(tmp_path):
    if not EXAMPLE.exists():
        pytest.skip("the example workbook is not built")
    for language in ("fr", "en"):
        copy = tmp_path / language / EXAMPLE.name
        copy.parent.mkdir()
        copy.write_bytes(EXAMPLE.read_bytes())
        result = issue_invoices(copy, month_selection("2027-06"), issue_date=ISSUED, language=language)
        assert result.issued
        numbers = [invoice.sequence for invoice in result.issued]
        assert numbers == list(range(1, len(numbers) + 1))
        assert len(list(invoices_folder(copy).glob("*.pdf"))) == len(numbers)
        assert result.sheet_written
