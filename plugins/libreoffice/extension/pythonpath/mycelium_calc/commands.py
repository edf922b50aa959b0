"""One function per menu entry, each called with the session and the URL's options."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import mycelium_sheets
from mycelium_sheets.i18n import _, ngettext
from mycelium_sheets.schema.load import load_farm

from .actions import engine_function, parse_date
from .dialogs import ask_dates
from .input_sheets import add_missing_sheets
from .reading import read_document
from .rendering import write_layouts
from .session import Session, workbook_language


def _load(session: Session):
    """Read the document into FarmData, showing the step in the status bar."""
    session.feedback.start(_("Mycélium: reading the workbook…"), 3)
    workbook = read_document(session.document)
    session.feedback.step(1)
    data = load_farm(workbook)
    session.feedback.step(2)
    return data


def _write(session: Session, layouts) -> list[str]:
    """Write engine sheets with a status bar step per sheet and return their names."""
    session.feedback.start(_("Mycélium: writing the sheets…"), max(len(layouts), 1))
    return write_layouts(
        session.document, layouts, session.document.getURL() or session.document.getTitle(),
        progress=lambda index, name: session.feedback.step(index, name),
    )


def _problem_lines(problems) -> list[str]:
    return [("✖ " if problem.severity == "error" else "⚠ ") + str(problem) for problem in problems]


def check(session: Session, options: dict) -> None:
    """Check the workbook as ``mycelium check`` does and list every problem."""
    data = _load(session)
    errors, warnings = data.errors, data.warnings
    summary = _("{products} products, {customers} customers, {orders} order lines, {beds} beds.").format(
        products=len(data.products), customers=len(data.customers), orders=len(data.orders), beds=len(data.beds))
    session.feedback.end()

    if not data.problems:
        session.feedback.show("info", _("Mycélium — Check workbook"), _("The workbook has no problems.") + "\n" + summary)
        return

    head = ngettext("{count} error", "{count} errors", len(errors)).format(count=len(errors)) + ", " + \
        ngettext("{count} warning", "{count} warnings", len(warnings)).format(count=len(warnings))
    first = (errors or warnings)[0]
    from .actions import select_cell

    select_cell(session, first.location.sheet, first.location.cell)
    text = "\n".join([head + " — " + summary, ""] + _problem_lines(errors + warnings))
    from .feedback import cut_lines

    session.feedback.show("error" if errors else "warning", _("Mycélium — Check workbook"),
                          cut_lines(text, more=_("… and {count} more lines")))


def add_sheets(session: Session, options: dict) -> None:
    """Add the standard input sheets the workbook lacks, in the workbook's language."""
    data = _load(session)
    language = options.get("language") or workbook_language(data, session.ui_language)
    session.feedback.end()
    added = add_missing_sheets(session.document, language)
    if not added:
        session.feedback.show("info", _("Mycélium — Add missing sheets"), _("The workbook already has every standard sheet."))
        return
    session.feedback.show("info", _("Mycélium — Add missing sheets"), ngettext(
        "Sheet added: {names}.", "Sheets added: {names}.", len(added)).format(names=", ".join(added)))


def _default_delivery_date(data, today: dt.date) -> dt.date:
    """Return the first delivery date on or after today that has orders, else today."""
    dates = sorted({line.delivery_date for line in data.orders if line.delivery_date and line.delivery_date >= today})
    return dates[0] if dates else today


def deliveries(session: Session, options: dict) -> None:
    """Write the harvest, packing, round, summary and shortage sheets for one delivery date."""
    prepare = engine_function("orders", "prepare_deliveries")
    make_layouts = engine_function("orders", "deliveries_layouts")
    data = _load(session)
    session.feedback.end()

    if "date" in options:
        day = parse_date(options["date"], "date")
    else:
        default = _default_delivery_date(data, dt.date.today())
        window = session.frame.getContainerWindow() if session.frame is not None else None
        answer = ask_dates(session.context, window, _("Prepare deliveries"), _("Delivery date to prepare:"),
                           [("date", _("Date"), default)])
        if answer is None:
            return
        day = answer["date"]

    language = options.get("language") or workbook_language(data, session.ui_language)
    result = prepare(data, date=day)
    names = _write(session, make_layouts(result, language))
    _report_written(session, _("Mycélium — Prepare deliveries"), names, getattr(result, "problems", []))


def _report_written(session: Session, title: str, names: list[str], problems) -> None:
    session.feedback.end()
    lines = [ngettext("Sheet written: {names}.", "Sheets written: {names}.", len(names)).format(names=", ".join(names))]
    if problems:
        lines += [""] + _problem_lines(problems)
    from .feedback import cut_lines

    session.feedback.show("warning" if problems else "info", title, cut_lines("\n".join(lines), more=_("… and {count} more lines")))


def plan(session: Session, options: dict) -> None:
    """Compute the crop plan and write its sheets."""
    compute = engine_function("planning", "compute_plan")
    make_layouts = engine_function("planning", "plan_layouts")
    data = _load(session)
    language = options.get("language") or workbook_language(data, session.ui_language)
    result = compute(data)
    names = _write(session, make_layouts(result, language))
    _report_written(session, _("Mycélium — Compute the crop plan"), names, getattr(result, "problems", []))


def invoices(session: Session, options: dict) -> None:
    """Issue the invoices of a period and export each one to PDF."""
    engine_function("invoicing", "issue_invoices")
    raise AssertionError("unreachable until the invoicing engine lands")


def dfc(session: Session, options: dict) -> None:
    """Export the catalogue and orders as DFC linked data."""
    engine_function("semantic", "export_dfc")
    raise AssertionError("unreachable until the DFC engine lands")


def about(session: Session, options: dict) -> None:
    """Show the version, where the engine was loaded from and the licence."""
    engine_folder = Path(mycelium_sheets.__file__).parent
    text = "\n".join([
        _("Mycélium sheets {version}").format(version=mycelium_sheets.__version__),
        _("The farm workbook engine for market gardeners."),
        "",
        _("Engine: {path}").format(path=engine_folder),
        _("Python {version}").format(version=sys.version.split()[0]),
        "",
        _("Free software under the GNU Affero General Public License, version 3 or later."),
    ])
    session.feedback.show("info", _("About Mycélium"), text)


ACTIONS = {
    "check": check,
    "add_sheets": add_sheets,
    "deliveries": deliveries,
    "plan": plan,
    "invoices": invoices,
    "dfc": dfc,
    "about": about,
}
