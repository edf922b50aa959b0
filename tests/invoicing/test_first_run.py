"""What a farmer meets on a first run: nothing to invoice, mistyped numbers, refused runs, French output."""

import datetime as dt

import pytest
from click.testing import CliRunner

from mycelium_sheets.cli import build_cli
from mycelium_sheets.i18n import set_language
from mycelium_sheets.invoicing import invoices_folder, issue_invoices, month_selection

from .conftest import FARM, PRODUCTS, write_ods_workbook, write_workbook

ISSUED = "2027-06-30"


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("en")


def run(*arguments):
    """Run the command line as ``mycelium``, which builds its commands once the language is chosen."""
    set_language(arguments[1] if arguments[0] == "--lang" else "en")
    return CliRunner().invoke(build_cli(), list(arguments), catch_exceptions=False)


def test_early_issue_date_issues_nothing(workbook):
    # The four order lines are delivered on 08/06/2027, after an issue date of 04/12/2026.
    result = run("--lang", "fr", "factures", str(workbook), "--periode", "2027-06", "--date", "2026-12-04")

    assert result.exit_code == 0
    assert "Aucune facture émise" in result.output
    assert "4 lignes de commande" in result.output
    assert "04/12/2026" in result.output
    assert "--date" in result.output
    assert "0 factures" not in result.output
    assert not invoices_folder(workbook).exists()


def test_period_without_orders_issues_nothing(workbook):
    result = run("--lang", "en", "invoices", str(workbook), "--period", "2027-05", "--date", ISSUED)

    assert "No invoice issued: no delivered order line in 2027-05." in result.output
    assert not invoices_folder(workbook).exists()


def test_second_run_reports_already_invoiced(workbook):
    run("invoices", str(workbook), "--period", "2027-06", "--date", ISSUED, "--profile", "none")
    journal = (invoices_folder(workbook) / "registre.jsonl").read_bytes()

    result = run("--lang", "en", "invoices", str(workbook), "--period", "2027-06", "--date", ISSUED, "--profile", "none")

    # The 4 order lines and nothing else are on the 2 invoices of the first run.
    assert "No invoice issued: the 4 order lines of 2027-06 are already invoiced." in result.output
    assert (invoices_folder(workbook) / "registre.jsonl").read_bytes() == journal


def test_help_states_invoicing_rule():
    # click wraps the help, so words are compared with single spaces.
    text = " ".join(run("--lang", "fr", "factures", "--help").output.split())

    assert "Émet les factures" in text
    assert "antérieure ou égale à la date d'émission" in text
    assert "pas annulée" in text


@pytest.mark.parametrize("command, text", [
    ("avoir", "Émet un avoir"),
    ("journal", "Exporte le journal"),
])
def test_french_help_third_person(command, text):
    assert text in run("--lang", "fr", command, "--help").output


@pytest.mark.parametrize("typed", ["FT-00001", "ft-00001", " Ft-00001 "])
def test_credit_note_number_without_case(workbook, typed):
    run("invoices", str(workbook), "--period", "2027-06", "--date", ISSUED, "--profile", "none")

    result = run("credit-note", str(workbook), "--invoice", typed, "--date", ISSUED, "--profile", "none")

    assert result.exit_code == 0, result.output
    # Invoices FT-00001 and FT-00002, so the credit note takes FT-00003.
    assert "Credit note FT-00003 issued for invoice FT-00001" in result.output


def test_unknown_number_checked_before_date(workbook):
    run("invoices", str(workbook), "--period", "2027-06", "--date", ISSUED, "--profile", "none")

    # No --date: today may be before 30/06/2027, but the number is checked first.
    result = run("--lang", "fr", "avoir", str(workbook), "--facture", "FT-00009", "--profil", "none")

    assert result.exit_code != 0
    assert "la facture FT-00009 n'est pas dans le registre" in result.output
    assert "FT-00001" in result.output
    assert "date d'émission" not in result.output


def test_credit_note_without_register_creates_nothing(workbook):
    result = run("credit-note", str(workbook), "--invoice", "FT-00001", "--date", ISSUED)

    assert "invoice FT-00001 is not in the register" in result.output
    assert not invoices_folder(workbook).exists()


def test_open_workbook_issues_nothing(tmp_path, june_orders):
    workbook = write_ods_workbook(tmp_path / "lk.ods", orders=june_orders)
    (tmp_path / ".~lock.lk.ods#").write_text("LibreOffice lock")

    result = run("invoices", str(workbook), "--period", "2027-06", "--date", ISSUED, "--profile", "none")

    assert result.exit_code != 0
    assert "lock file" in result.output
    assert "--output" not in result.output
    assert "nothing was issued" in result.output
    assert not invoices_folder(workbook).exists()


def test_workbook_error_creates_nothing(tmp_path, june_orders):
    products = [PRODUCTS[0], ("Carotte botte", "botte", "deux euros", 0.055, None, None, "légumes"), *PRODUCTS[2:]]
    workbook = write_workbook(tmp_path / "prix.xlsx", products=products, orders=june_orders)

    result = run("invoices", str(workbook), "--period", "2027-06", "--date", ISSUED, "--profile", "none")

    assert result.exit_code != 0
    assert "deux euros" in result.output
    assert not invoices_folder(workbook).exists()


def test_failed_run_keeps_existing_folder(workbook):
    run("invoices", str(workbook), "--period", "2027-06", "--date", ISSUED, "--profile", "none")
    folder = invoices_folder(workbook)
    before = sorted(path.name for path in folder.iterdir())

    run("invoices", str(workbook), "--period", "2027-06", "--date", "2027-06-01")

    assert sorted(path.name for path in folder.iterdir()) == before


def test_french_summary_amounts(workbook):
    result = run("--lang", "fr", "factures", str(workbook), "--periode", "2027-06", "--date", ISSUED, "--profil", "none")

    # Marie: 2 bunches at 2.20 € = 4.40 € + 5.5 % VAT (0.242 → 0.24) = 4.64 €.
    assert "Marie\t4,64 €" in result.output
    assert "2 factures émises" in result.output


def test_french_journal_csv(workbook):
    run("invoices", str(workbook), "--period", "2027-06", "--date", ISSUED, "--profile", "none")
    run("credit-note", str(workbook), "--invoice", "FT-00002", "--date", ISSUED, "--profile", "none")

    run("--lang", "fr", "journal", str(workbook), "--format", "csv")
    lines = (invoices_folder(workbook) / "journal-des-ventes.csv").read_text(encoding="utf-8").splitlines()

    assert lines[0].startswith("numéro;type;date d'émission;client")
    marie = [line for line in lines if ";Marie;" in line]
    # Invoice and credit note of Marie: base 4.40 €, VAT 0.24 €, no refund, 4.64 € in all.
    assert marie[0] == "FT-00002;facture;30/06/2027;Marie;S;5,5;4,40;0,24;0,00;4,64;"
    assert marie[1] == "FT-00003;avoir;30/06/2027;Marie;S;5,5;-4,40;-0,24;0,00;-4,64;FT-00002"


def test_english_journal_has_no_negative_zero(workbook):
    run("invoices", str(workbook), "--period", "2027-06", "--date", ISSUED, "--profile", "none")
    run("credit-note", str(workbook), "--invoice", "FT-00002", "--date", ISSUED, "--profile", "none")

    run("--lang", "en", "journal", str(workbook), "--format", "csv")
    text = (invoices_folder(workbook) / "sales-journal.csv").read_text(encoding="utf-8")

    assert text.splitlines()[0].startswith("number,kind,issue_date,customer,vat_category,vat_rate_percent")
    # The rate in percent, as in the French journal: 0.055 → 5.5.
    assert "FT-00003,credit_note,2027-06-30,Marie,S,5.5,-4.40,-0.24,0.00,-4.64,FT-00002" in text
    assert "-0.00" not in text


def test_library_reason_when_nothing(workbook):
    result = issue_invoices(workbook, month_selection("2027-06"), issue_date=dt.date(2027, 6, 1), profile=None)

    assert result.issued == []
    assert result.later_lines == 4
    assert "4 order lines" in result.nothing_reason


def test_issue_date_error_in_french_dates(workbook):
    run("invoices", str(workbook), "--period", "2027-06", "--date", ISSUED, "--profile", "none")

    result = run("--lang", "fr", "factures", str(workbook), "--periode", "2027-07", "--date", "2027-06-10")

    assert "30/06/2027" in result.output
    assert "2027-06-30" not in result.output


def test_french_warning_label(tmp_path):
    day = dt.datetime(2027, 6, 8)
    orders = [(day, "Marie", "Carotte botte", 2, None, "En attente"), (day, "Marie", "Radis", 1, None, None)]
    workbook = write_workbook(tmp_path / "ferme.xlsx", farm=dict(FARM), orders=orders)

    result = run("--lang", "fr", "factures", str(workbook), "--periode", "2027-06", "--date", ISSUED, "--profil", "none")

    assert result.stderr.startswith("attention : ")


def test_french_warning_dates(tmp_path):
    day = dt.datetime(2027, 6, 8)
    orders = [(day, "Marie", "Melon", 2, None, None)]
    workbook = write_workbook(tmp_path / "ferme.xlsx", orders=orders)

    result = run("--lang", "fr", "factures", str(workbook), "--periode", "2027-06", "--date", ISSUED, "--profil", "none")

    assert "le 08/06/2027" in result.stderr
    assert "2027-06-08" not in result.stderr


@pytest.mark.parametrize("unit, quantity, language, expected", [
    ("bunch", "2", "fr", "bottes"),
    ("bunch", "1", "fr", "botte"),
    ("bunch", "0.5", "fr", "botte"),
    ("jar", "3", "fr", "bocaux"),
    ("piece", "2", "fr", "pièces"),
    ("punnet", "2", "fr", "barquettes"),
    ("crate", "2", "fr", "cagettes"),
    ("bag", "2", "fr", "sachets"),
    ("dozen", "2", "fr", "douzaines"),
    ("basket", "4", "fr", "paniers"),
    ("kg", "2.5", "fr", "kg"),
    ("g", "500", "fr", "g"),
    ("l", "2", "fr", "l"),
    ("bunch", "2", "en", "bunches"),
    ("bunch", "1", "en", "bunch"),
])
def test_unit_label_plural(unit, quantity, language, expected):
    from decimal import Decimal

    from mycelium_sheets.invoicing.document import InvoiceLine
    from mycelium_sheets.invoicing.printed import unit_text

    line = InvoiceLine(description="x", quantity=Decimal(quantity), unit=unit, unit_price=Decimal("1.00"),
                       vat_rate=Decimal("0.055"), vat_category="S", amount=Decimal("1.00"))
    assert unit_text(line, language) == expected


def test_credit_note_pdf_texts(tmp_path):
    from mycelium_sheets.invoicing import issue_credit_note, load_register, mentions

    # Two deliveries for the restaurant, billed weekly: one periodic invoice.
    orders = [(dt.datetime(2027, 6, 8), "Bistrot", "Carotte botte", 2, None, None),
              (dt.datetime(2027, 6, 10), "Bistrot", "Radis", 1, None, None)]
    workbook = write_workbook(tmp_path / "ferme.xlsx", orders=orders)
    issue_invoices(workbook, month_selection("2027-06"), issue_date=dt.date(2027, 6, 30), profile=None, language="fr")

    credit = issue_credit_note(workbook, "FT-00001", issue_date=dt.date(2027, 7, 2), profile=None,
                               language="fr").issued[0]
    invoice = load_register(workbook).invoices[0]
    text = " ".join(pdf_text(invoices_folder(workbook) / "FT-00002.pdf").split())

    assert any(text.startswith("Facture récapitulative") for text in invoice.mentions)
    assert not any(text.startswith("Facture récapitulative") for text in credit.mentions)
    assert mentions.late_payment_mention(None, "fr") not in credit.mentions
    assert mentions.perishable_mention("fr") not in credit.mentions
    assert credit.mentions[0] == mentions.credit_note_mention("FT-00001", dt.date(2027, 6, 30), "fr")
    assert "AVOIR" in text
    assert "Facture d'origine : FT-00001 du 30/06/2027" in text
    assert "Échéance" not in text
    assert "récapitulative" not in text
    assert "pénalités" not in text.lower()
    # 2 bunches at 2.20 €: the unit prints in the plural.
    assert "2 bottes" in text


def pdf_text(path) -> str:
    from pypdf import PdfReader

    return "".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_fec_named_after_the_financial_year_closing(workbook):
    # LPF art. A47 A-1 names the FEC SIREN + "FEC" + closing date. With no
    # closing date given, a calendar year closes on 31 December.
    run("invoices", str(workbook), "--period", "2027-06", "--date", ISSUED, "--profile", "none")
    run("journal", str(workbook), "--format", "fec")
    assert len(list(invoices_folder(workbook).glob("*FEC20271231.txt"))) == 1

    run("journal", str(workbook), "--format", "fec", "--closing", "2027-09-30")
    assert len(list(invoices_folder(workbook).glob("*FEC20270930.txt"))) == 1
