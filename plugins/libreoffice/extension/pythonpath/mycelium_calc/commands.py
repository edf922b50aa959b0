"""One function per menu entry, each called with the session and the URL's options."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import mycelium_sheets
from mycelium_sheets.errors import MyceliumError
from mycelium_sheets.i18n import _, ngettext
from mycelium_sheets.schema.load import load_farm

from .actions import engine_function, parse_date, select_cell
from .dialogs import ask_dates, ask_period, ask_save_path, previous_month
from .feedback import cut_lines
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
    """Return each problem labelled as ``mycelium check`` labels it ("error: …", "warning: …")."""
    return [(_("error: {problem}") if problem.severity == "error" else _("warning: {problem}")).format(problem=problem)
            for problem in problems]


def check(session: Session, options: dict) -> None:
    """Check the workbook as ``mycelium check`` does: what was read, then every problem, errors first."""
    check_report = engine_function("checks", "CheckReport")
    data = _load(session)
    report = check_report(data, sorted(data.problems, key=lambda problem: problem.severity != "error"))
    errors = report.errors
    warnings = [problem for problem in report.problems if problem.severity != "error"]
    session.feedback.end()

    if not report.problems:
        text = "\n".join([_("The workbook has no problems."), ""] + report.summary_lines())
        session.feedback.show("info", _("Mycélium — Check workbook"), text)
        return

    head = ngettext("{count} error", "{count} errors", len(errors)).format(count=len(errors)) + ", " + \
        ngettext("{count} warning", "{count} warnings", len(warnings)).format(count=len(warnings))
    first = report.problems[0]
    select_cell(session, first.location.sheet, first.location.cell)
    text = "\n".join([head, ""] + _problem_lines(report.problems) + [""] + report.summary_lines())
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
    """Return the first delivery date from today on that has orders, else today."""
    dates = sorted({line.delivery_date for line in data.orders if line.delivery_date and line.delivery_date >= today})
    return dates[0] if dates else today


def deliveries(session: Session, options: dict) -> None:
    """Write the harvest, packing, round, summary and shortage sheets of a delivery day.

    The same calls as ``mycelium livraisons --date``: the engine picks the
    sheets' language from the workbook, as the command does.
    """
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

    result = prepare(data, date=day)
    layouts = make_layouts(result)
    names = _write(session, layouts)
    summary = ngettext("{lines} order line for {customers} customers on {days}.",
                       "{lines} order lines for {customers} customers on {days}.", len(result.lines)).format(
        lines=len(result.lines), customers=len({id(item.customer) for item in result.customers}),
        days=", ".join(delivery.strftime("%d/%m/%Y") for delivery in result.dates))
    if result.shortages:
        summary += "\n" + ngettext("{count} product is short: see the sheet “{sheet}”.",
                                    "{count} products are short: see the sheet “{sheet}”.", len(result.shortages)).format(
            count=len(result.shortages), sheet=layouts[-1].name)
    _report_written(session, _("Mycélium — Prepare deliveries"), names, result.warnings, summary)


def _report_written(session: Session, title: str, names: list[str], problems, summary: str = "") -> None:
    session.feedback.end()
    lines = [summary] if summary else []
    lines.append(ngettext("Sheet written: {names}.", "Sheets written: {names}.", len(names)).format(names=", ".join(names)))
    if problems:
        lines += [""] + _problem_lines(problems)
    session.feedback.show("warning" if problems else "info", title,
                          cut_lines("\n".join(lines), more=_("… and {count} more lines")))


def _season(options: dict) -> int:
    """Return the season to plan: the "season" option, else next year as ``mycelium plan`` does."""
    if "season" not in options:
        return dt.date.today().year + 1
    text = options["season"]
    if not (text.isdigit() and 2000 <= int(text) <= 2100):
        raise MyceliumError(_("the option “{option}” is not a year").format(option="season"), value=text,
                            remedy=_("Give a year between 2000 and 2100, for example 2027."))
    return int(text)


def plan(session: Session, options: dict) -> None:
    """Compute the crop plan of a season and write its six sheets.

    The same calls as ``mycelium plan``, without the charts: they need
    matplotlib, which LibreOffice's Python does not have.
    """
    plan_season = engine_function("planning.plan", "plan_season")
    plan_layouts = engine_function("planning.layouts", "plan_layouts")
    crop_sheets = engine_function("planning.run", "CROP_SHEETS")
    language_of = engine_function("planning.run", "workbook_language")
    year = _season(options)
    data = _load(session)
    data.raise_for_errors(crop_sheets)

    order_lines = None
    if options.get("from_orders") in ("1", "true", "yes"):
        order_lines = engine_function("orders", "collect_order_lines")(data)
    result = plan_season(data, year, order_lines=order_lines)
    layouts = plan_layouts(result, options.get("language") or language_of(data))
    names = _write(session, layouts)
    summary = ngettext("{count} succession planned for season {season}.",
                       "{count} successions planned for season {season}.", len(result.successions)).format(
        count=len(result.successions), season=result.season)
    if result.uncovered:
        summary += "\n" + ngettext("{count} target week cannot be covered: see the sheet “{sheet}”.",
                                    "{count} target weeks cannot be covered: see the sheet “{sheet}”.",
                                    len(result.uncovered)).format(count=len(result.uncovered), sheet=names[0])
    for item in result.unplaced:
        summary += "\n" + _("not placed: {crop} no. {number}, {metres} m: {reason}").format(
            crop=item.succession.crop, number=item.succession.number, metres=item.metres, reason=item.reason)
    _report_written(session, _("Mycélium — Compute the crop plan"), names, result.problems, summary)


def _selection(options: dict, session: Session, data):
    """Return the invoicing selection and issue date from the URL's options or the period dialog."""
    month_selection = engine_function("invoicing", "month_selection")
    week_selection = engine_function("invoicing", "week_selection")
    customer = options.get("customer") or None
    issue_date = parse_date(options["date"], "date") if "date" in options else dt.date.today()
    if "period" in options:
        return month_selection(options["period"], customer), issue_date
    if "week" in options:
        return week_selection(options["week"], customer), issue_date

    first, _last = previous_month(dt.date.today())
    window = session.frame.getContainerWindow() if session.frame is not None else None
    answer = ask_period(session.context, window, first, issue_date)
    if answer is None:
        return None, None
    day = answer["day"]
    if answer["kind"] == "week":
        iso = day.isocalendar()
        return week_selection(f"{iso[0]}-W{iso[1]:02d}", customer), answer["issue_date"]
    return month_selection(f"{day.year}-{day.month:02d}", customer), answer["issue_date"]


def invoices(session: Session, options: dict) -> None:
    """Issue the invoices of a month or a week, as ``mycelium factures`` does, with PDFs made by LibreOffice."""
    from mycelium_sheets.invoicing.mentions import money_text

    from .invoices import issue_from_document, require_saved
    from .reading import document_path, read_document

    engine_function("invoicing", "issue_invoices")
    path = document_path(session.document)
    require_saved(session.document, path)
    session.feedback.start(_("Mycélium: reading the workbook…"), 2)
    workbook = read_document(session.document)
    data = load_farm(workbook)
    session.feedback.end()

    selection, issue_date = _selection(options, session, data)
    if selection is None:
        return
    session.feedback.start(_("Mycélium: generating the invoices…"), 10)
    result, pdfs = issue_from_document(
        session.document, workbook, data, path, selection, issue_date, session.ui_language,
        progress=lambda index, number: session.feedback.step(min(index, 10), number))
    session.feedback.end()

    if not result.issued and result.nothing_reason:
        lines = [_("No invoice issued: {reason}.").format(reason=result.nothing_reason)]
        if result.warnings:
            lines += [""] + _problem_lines(result.warnings)
        session.feedback.show("info", _("Mycélium — Generate invoices"), cut_lines("\n".join(lines)))
        return

    lines = [ngettext("{count} invoice issued.", "{count} invoices issued.", len(result.issued)).format(count=len(result.issued))]
    lines += [f"{invoice.number}  {invoice.buyer.name}  {money_text(invoice.totals.grand_total, session.ui_language)}"
              for invoice in result.issued]
    if pdfs:
        lines += ["", _("PDFs and register in {folder}").format(folder=result.folder),
                  _("These PDFs carry no Factur-X data; run “mycelium factures” for Factur-X invoices.")]
    lines += [_("Save the workbook to keep the register sheet.")]
    warnings = list(result.warnings)
    if warnings:
        lines += [""] + _problem_lines(warnings)
    session.feedback.show("warning" if warnings else "info", _("Mycélium — Generate invoices"),
                          cut_lines("\n".join(lines), more=_("… and {count} more lines")))


# Export formats by file extension, as ``mycelium dfc exporter`` chooses them.
DFC_FORMATS = {".jsonld": "jsonld", ".json": "jsonld", ".ttl": "turtle", ".nt": "ntriples"}


def dfc(session: Session, options: dict) -> None:
    """Export the farm, catalogue, customers and orders as a DFC document, as ``mycelium dfc exporter`` does.

    The document is checked against the SHACL profile when pyshacl can be
    imported. A stock LibreOffice Python lacks it (it needs rdflib), so
    there the export is written unchecked and the message reports that.
    """
    build_document = engine_function("semantic.export_graph", "build_document")
    serialise = engine_function("semantic.export_graph", "serialise")
    write_text = engine_function("semantic.export_graph", "write_text_atomically")
    data = _load(session)
    session.feedback.end()

    output = options.get("output") or ask_save_path(session, _default_export_name(session))
    if not output:
        return
    target = Path(output)
    try:
        import pyshacl  # noqa: F401

        validated = True
    except ImportError:
        validated = False
    document = build_document(data, validate=validated)
    write_text(target, serialise(document, DFC_FORMATS.get(target.suffix.lower(), "jsonld")))

    text = _("Wrote {count} triples to {path}.").format(count=len(set(document.triples)), path=target)
    if not validated:
        text += "\n" + _("The document was not checked against the DFC profile, because LibreOffice's Python "
                         "lacks pyshacl; run “mycelium dfc exporter” to check it.")
    problems = list(document.warnings)
    if problems:
        text += "\n\n" + "\n".join(_problem_lines(problems))
    session.feedback.show("warning" if problems else "info", _("Mycélium — Export DFC data"),
                          cut_lines(text, more=_("… and {count} more lines")))


def _default_export_name(session: Session) -> Path:
    from .reading import document_path

    path = document_path(session.document)
    return path.with_name(path.stem + "-dfc.jsonld")


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
