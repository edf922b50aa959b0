import datetime as dt
from decimal import Decimal

import pytest
from click.testing import CliRunner

from mycelium_sheets.cli import build_cli
from mycelium_sheets.errors import InvoicingError
from mycelium_sheets.i18n import set_language
from mycelium_sheets.invoicing import issue_credit_note, issue_invoices, load_register, month_selection
from mycelium_sheets.invoicing.facturx import build_cii_xml, check_xml

from .conftest import write_workbook

ISSUED = dt.date(2027, 6, 30)
CREDITED = dt.date(2027, 7, 2)


@pytest.fixture(autouse=True)
def english():
    set_language("en")


@pytest.fixture
def radishes(tmp_path):
    """The restaurant's two separate orders of one bunch of radishes at 0.99 € on 8 June, invoiced as FT-00001."""
    day = dt.datetime(2027, 6, 8)
    path = write_workbook(tmp_path / "ferme.xlsx", orders=[(day, "Bistrot", "Radis", 1, None, None),
                                                           (day, "Bistrot", "Radis", 1, None, None)])
    issued = issue_invoices(path, month_selection("2027-06"), issue_date=ISSUED, profile=None, language="fr")
    invoice = issued.issued[0]
    # 2 × 0.99 = 1.98; VAT 1.98 × 5.5 % = 0.1089 → 0.11; 2.09 in all.
    assert (invoice.number, invoice.totals.tax_total, invoice.totals.grand_total) == (
        "FT-00001", Decimal("0.11"), Decimal("2.09"))
    return path


def test_partial_credit_note_of_one_line(radishes):
    credit = issue_credit_note(radishes, "FT-00001", issue_date=CREDITED, profile=None, lines=[1]).issued[0]

    assert credit.number == "FT-00002"
    assert len(credit.lines) == 1
    # One line: 0.99, VAT 0.99 × 5.5 % = 0.05445 → 0.05, 1.04 in all.
    assert credit.totals.lines_total == Decimal("0.99")
    assert credit.totals.tax_total == Decimal("0.05")
    assert credit.totals.grand_total == Decimal("1.04")
    assert "Partial credit note: line 1 of the invoice." in credit.mentions
    check_xml(build_cii_xml(credit))


def test_last_credit_note_vat_on_own_base(radishes):
    first = issue_credit_note(radishes, "FT-00001", issue_date=CREDITED, profile=None, lines=[1]).issued[0]
    last = issue_credit_note(radishes, "FT-00001", issue_date=CREDITED, profile=None).issued[0]

    # BR-CO-17 on the last note's own base: 0.99 × 5.5 % = 0.05445 → 0.05, so 1.04 in all,
    # not the 0.11 − 0.05 = 0.06 left of the invoice's VAT.
    assert last.number == "FT-00003"
    assert last.totals.tax_subtotals[0].base == Decimal("0.99")
    assert last.totals.tax_subtotals[0].tax == Decimal("0.05")
    assert last.totals.tax_total == Decimal("0.05")
    assert last.totals.grand_total == Decimal("1.04")
    # The two notes return 0.05 + 0.05 = 0.10 of VAT against 0.11 invoiced: a cent apart.
    assert first.totals.tax_total + last.totals.tax_total == Decimal("0.10")
    check_xml(build_cii_xml(last))

    with pytest.raises(InvoicingError, match="invoice FT-00001 is already cancelled by credit notes FT-00002, FT-00003"):
        issue_credit_note(radishes, "FT-00001", issue_date=CREDITED, profile=None)


def test_credited_line_is_invoiced_again(radishes):
    issue_credit_note(radishes, "FT-00001", issue_date=CREDITED, profile=None, lines=[2])
    register = load_register(radishes)
    assert register.credited_numbers() == set()  # line 1 is still invoiced

    again = issue_invoices(radishes, month_selection("2027-06"), issue_date=CREDITED, profile=None, language="fr")
    # Only the released bunch: 0.99 + 0.05 VAT.
    assert [(invoice.number, invoice.totals.grand_total) for invoice in again.issued] == [("FT-00003", Decimal("1.04"))]


def test_all_lines_given_is_whole_credit(radishes):
    credit = issue_credit_note(radishes, "FT-00001", issue_date=CREDITED, profile=None, lines=[1, 2],
                               language="fr").issued[0]
    # Both lines given: the whole invoice is credited, with no partial mention.
    assert credit.totals.grand_total == Decimal("2.09")
    assert not any(text.startswith("Avoir partiel") for text in credit.mentions)


@pytest.mark.parametrize("lines, language, text", [
    ([2], "fr", "Avoir partiel : ligne 2 de la facture."),
    ([1, 3], "fr", "Avoir partiel : lignes 1, 3 de la facture."),
    ([1, 3], "en", "Partial credit note: lines 1, 3 of the invoice."),
])
def test_partial_credit_mention(lines, language, text):
    from mycelium_sheets.invoicing.mentions import partial_credit_note_mention

    assert partial_credit_note_mention(lines, language) == text


@pytest.mark.parametrize("lines, message", [
    ([3], "has no line 3"),
    ([0], "has no line 0"),
])
def test_credit_note_line_out_of_range(radishes, lines, message):
    with pytest.raises(InvoicingError, match=message) as raised:
        issue_credit_note(radishes, "FT-00001", issue_date=CREDITED, profile=None, lines=lines)
    assert "from 1 to 2" in raised.value.remedy
    assert [invoice.number for invoice in load_register(radishes).invoices] == ["FT-00001"]


def test_line_credited_twice_is_rejected(radishes):
    issue_credit_note(radishes, "FT-00001", issue_date=CREDITED, profile=None, lines=[2])
    with pytest.raises(InvoicingError, match="line 2 of invoice FT-00001 is already credited"):
        issue_credit_note(radishes, "FT-00001", issue_date=CREDITED, profile=None, lines=[1, 2])
    assert len(load_register(radishes).invoices) == 2


@pytest.mark.parametrize("option, code", [("1", 0), ("1-2", 0), ("2,1", 0), ("a", 2), ("2-1", 2), ("1,,2", 2)])
def test_cli_lines_option(radishes, option, code):
    result = CliRunner().invoke(build_cli(), ["--lang", "en", "credit-note", str(radishes), "--invoice", "FT-00001",
                                              "--profile", "none", "--date", CREDITED.isoformat(), "--lines", option])
    assert result.exit_code == code, result.output
    if code == 2:
        assert "expected line numbers such as 1,3 or 2-4" in result.output


def test_fec_of_partial_credit_notes_balances(radishes, tmp_path):
    from mycelium_sheets.invoicing import export_journal

    issue_credit_note(radishes, "FT-00001", issue_date=CREDITED, profile=None, lines=[1])
    issue_credit_note(radishes, "FT-00001", issue_date=CREDITED, profile=None)
    path = export_journal(radishes, "fec", tmp_path / "fec.txt")
    rows = [line.split("\t") for line in path.read_bytes().decode("utf-8").split("\r\n") if line][1:]

    def amount(text):
        return Decimal(text.replace(",", "."))

    for entry_number, (number, customer_side) in enumerate(
            [("FT-00001", 11), ("FT-00002", 12), ("FT-00003", 12)], start=1):
        entry = [row for row in rows if row[2] == str(entry_number)]
        assert {row[8] for row in entry} == {number}
        assert sum(amount(row[11]) for row in entry) == sum(amount(row[12]) for row in entry)
    # VAT account 445710: 0.11 charged (credit), then 0.05 and 0.05 returned (debit), each note
    # rounding its own base, so a cent stays owed.
    vat = [(amount(row[11]), amount(row[12])) for row in rows if row[4] == "445710"]
    assert sum(credit for _debit, credit in vat) == Decimal("0.11")
    assert sum(debit for debit, _credit in vat) == Decimal("0.10")


def test_second_cancellation_names_credit_note(radishes):
    issue_credit_note(radishes, "FT-00001", issue_date=CREDITED, profile=None)

    set_language("fr")
    with pytest.raises(InvoicingError, match="la facture FT-00001 est déjà annulée par l'avoir FT-00002"):
        issue_credit_note(radishes, "FT-00001", issue_date=CREDITED, profile=None)


def test_unknown_number_names_register(radishes):
    with pytest.raises(InvoicingError) as error:
        issue_credit_note(radishes, "FT-0001", issue_date=CREDITED, profile=None)

    assert error.value.message == "invoice FT-0001 is not in the register"
    assert error.value.location.file == str(radishes.with_name("ferme-factures") / "registre.jsonl")
    assert error.value.remedy == "Did you mean FT-00001?"
