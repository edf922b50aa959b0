"""The invoicing commands: ``factures``/``invoices``, ``avoir``/``credit-note`` and ``journal``."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

import click

from ..i18n import _, get_language, ngettext
from ..invoicing.mentions import money_text
from .common import handle_errors, progress


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(_("expected a date such as 2027-06-30")) from None


def _percent(_context, _parameter, value: str | None) -> Decimal | None:
    """Parse a percentage option such as 2.62 or 2,62 into a fraction (0.0262)."""
    if value is None:
        return None
    try:
        number = Decimal(value.strip().rstrip("%").strip().replace(",", "."))
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite() or not 0 < number < 100:
        raise click.BadParameter(_("expected a percentage between 0 and 100, such as 2.62"))
    return number / 100


def _line_numbers(_context, _parameter, value: str | None) -> list[int] | None:
    """Parse line numbers such as "1,3" or "2-4" into a list of integers."""
    if value is None:
        return None
    numbers = []
    for part in value.replace(" ", "").split(","):
        first, _dash, last = part.partition("-")
        if not first.isdigit() or (last and not last.isdigit()) or (last and int(last) < int(first)):
            raise click.BadParameter(_("expected line numbers such as 1,3 or 2-4"))
        numbers.extend(range(int(first), int(last or first) + 1))
    return numbers


def _bar_step(bar):
    """Return a progress callback moving a click progress bar, or None when no bar is shown."""
    if not hasattr(bar, "update"):
        return None

    def step(done: int, total: int) -> None:
        # The number of PDFs is known only once the invoices are drafted.
        bar.length = total
        bar.update(done - bar.pos)

    return step


def register(group) -> None:
    @group.command("factures", help=_(
        "Issue the invoices of a month or a week. An order line is invoiced when its delivery date is on or "
        "before the issue date and it is not cancelled; pending lines are left out with a warning."))
    @click.argument("workbook", type=click.Path(exists=True, dir_okay=False))
    @click.option("--periode", "--period", "period", help=_("Month to invoice, as YEAR-MONTH (2027-06)."))
    @click.option("--semaine", "--week", "week", help=_("ISO week to invoice, as YEAR-Wnn (2027-W23)."))
    @click.option("--client", "--customer", "customer", help=_("Invoice only this customer (name or code)."))
    @click.option("--profil", "--profile", "profile", type=click.Choice(["en16931", "basicwl", "none"]),
                  default="en16931", show_default=True, help=_("Factur-X profile embedded in the PDFs, or none."))
    @click.option("--date", "issue_date", help=_("Issue date, as YEAR-MONTH-DAY (default: today)."))
    @click.option("--processus", "--jobs", "jobs", type=click.IntRange(min=1),
                  help=_("Number of processes making PDFs (default: one per usable CPU core)."))
    @click.option("--taux-legal", "--legal-rate", "legal_rate", callback=_percent,
                  help=_("Current French legal interest rate for professionals, in percent (2.62), "
                         "to check the farm's late-payment penalty rate against."))
    @handle_errors
    def invoices(workbook, period, week, customer, profile, issue_date, jobs, legal_rate):
        from ..invoicing import issue_invoices, month_selection, week_selection

        if bool(period) == bool(week):
            raise click.UsageError(_("Give either --periode or --semaine."))
        selection = month_selection(period, customer) if period else week_selection(week, customer)
        with progress([], _("Invoices"), length=0) as bar:
            result = issue_invoices(workbook, selection, issue_date=_date(issue_date),
                                    profile=None if profile == "none" else profile, progress=_bar_step(bar),
                                    workers=jobs, legal_interest_rate=legal_rate)
        for warning in result.warnings:
            click.echo(_("warning: {problem}").format(problem=warning), err=True)
        if not result.issued:
            reason = result.nothing_reason or ""
            if result.later_lines:
                reason += _(": give a later issue date with --date")
            click.echo(_("No invoice issued: {reason}.").format(reason=reason))
            return
        language = get_language()
        for invoice in result.issued:
            click.echo(f"{invoice.number}\t{invoice.buyer.name}\t{money_text(invoice.totals.grand_total, language)}")
        click.echo(ngettext("{count} invoice issued; PDFs and register in {folder}",
                            "{count} invoices issued; PDFs and register in {folder}",
                            len(result.issued)).format(count=len(result.issued), folder=result.folder))

    @group.command("avoir", help=_("Issue a credit note cancelling an invoice."))
    @click.argument("workbook", type=click.Path(exists=True, dir_okay=False))
    @click.option("--facture", "--invoice", "number", required=True, help=_("Number of the invoice to cancel."))
    @click.option("--profil", "--profile", "profile", type=click.Choice(["en16931", "basicwl", "none"]),
                  default="en16931", show_default=True, help=_("Factur-X profile embedded in the PDF, or none."))
    @click.option("--date", "issue_date", help=_("Issue date, as YEAR-MONTH-DAY (default: today)."))
    @click.option("--lignes", "--lines", "lines", callback=_line_numbers,
                  help=_("Invoice lines to credit, numbered as printed (1,3 or 2-4; default: every line)."))
    @handle_errors
    def credit_note(workbook, number, profile, issue_date, lines):
        from ..invoicing import issue_credit_note

        result = issue_credit_note(workbook, number, issue_date=_date(issue_date),
                                   profile=None if profile == "none" else profile, lines=lines)
        for document in result.issued:
            click.echo(_("Credit note {number} issued for invoice {original}: {path}").format(
                number=document.number, original=document.original_number, path=result.pdfs[-1] if result.pdfs else ""))

    @group.command("journal", help=_("Export the sales journal of the invoice register as CSV or FEC."))
    @click.argument("workbook", type=click.Path(exists=True, dir_okay=False))
    @click.option("--format", "fmt", type=click.Choice(["csv", "fec"]), default="csv", show_default=True,
                  help=_("csv for a spreadsheet, fec for the accountant (18 tab-separated columns)."))
    @click.option("--sortie", "--output", "output", type=click.Path(dir_okay=False),
                  help=_("File to write (default: in the invoices folder)."))
    @click.option("--du", "--from", "start", help=_("First issue date, as YEAR-MONTH-DAY."))
    @click.option("--au", "--to", "end", help=_("Last issue date, as YEAR-MONTH-DAY."))
    @click.option("--cloture", "--closing", "closing",
                  help=_("Closing date of the financial year, as YEAR-MONTH-DAY, which names the FEC file "
                         "(default: 31 December of the last entry's year)."))
    @handle_errors
    def journal(workbook, fmt, output, start, end, closing):
        from ..invoicing import export_journal

        path = export_journal(workbook, fmt, output, _date(start), _date(end), closing=_date(closing))
        click.echo(_("Sales journal written to {path}").format(path=path))

    group.add_aliases("factures", "invoices")
    group.add_aliases("avoir", "credit-note")
