"""Writing engine sheets (``SheetLayout``) into the open document.

Values go in with one ``setDataArray`` call per sheet; formats, styles,
column widths, page breaks, frozen rows and the print range follow. The
sheets the engine wrote are listed in the document's user-defined property
``MyceliumEngineSheets``: only those are ever rewritten, and a farmer's sheet
that has the name of an engine sheet stops the action before anything is
written.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from mycelium_sheets.errors import Location, SheetNameConflictError
from mycelium_sheets.i18n import _
from mycelium_sheets.workbook.layout import SheetLayout
from mycelium_sheets.workbook.marks import PROPERTY, join_names

from .formats import STYLE_NAMES, NumberFormatKeys, ensure_styles, sheet_locale
from .reading import DEFAULT_NULL_DATE, read_marks

# com.sun.star.sheet.CellFlags: values, dates, strings, notes, formulas,
# hard formats, styles, objects, edit attributes and formatted text.
CLEAR_EVERYTHING = 1023
# com.sun.star.beans.PropertyAttribute.REMOVEABLE
REMOVEABLE = 128
TICK_BOX_BORDER = 20
LANDSCAPE_PAGE_STYLE = "Mycélium paysage"


def cell_value(value, null_date: dt.date = DEFAULT_NULL_DATE):
    """Convert a layout value to what ``setDataArray`` takes: a string or a float."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, (int, float, Decimal)):
        return float(value)
    if isinstance(value, dt.datetime):
        delta = value - dt.datetime.combine(null_date, dt.time())
        return delta.days + delta.seconds / 86400
    if isinstance(value, dt.date):
        return float((value - null_date).days)
    return str(value)


def layout_array(layout: SheetLayout, null_date: dt.date = DEFAULT_NULL_DATE) -> tuple[tuple, ...]:
    """Return the layout's rows as a rectangular tuple of tuples for ``setDataArray``."""
    width = max(layout.width, 1)
    return tuple(
        tuple(cell_value(row[column], null_date) if column < len(row) else "" for column in range(width))
        for row in layout.rows
    )


def format_runs(layout: SheetLayout) -> list[tuple[str, int, int, int]]:
    """Return (format, column, first row, last row) runs covering every cell of the layout.

    Consecutive cells of a column with the same format share one run, so a
    column is formatted with a few range calls, not one call per cell.
    """
    runs: list[tuple[str, int, int, int]] = []
    for column in range(layout.width):
        start = 0
        current = None
        for row in range(len(layout.rows)):
            kind = layout.format_of(row, column)
            if kind != current:
                if current is not None:
                    runs.append((current, column, start, row - 1))
                current, start = kind, row
        if current is not None:
            runs.append((current, column, start, len(layout.rows) - 1))
    return runs


def style_runs(layout: SheetLayout) -> list[tuple[str, int, int]]:
    """Return (row kind, first row, last row) runs of consecutive rows of the same styled kind."""
    runs: list[tuple[str, int, int]] = []
    for row in sorted(layout.row_kinds):
        kind = layout.row_kinds[row]
        if kind not in STYLE_NAMES:
            continue
        if runs and runs[-1][0] == kind and runs[-1][2] == row - 1:
            runs[-1] = (kind, runs[-1][1], row)
        else:
            runs.append((kind, row, row))
    return runs


def find_conflicts(existing: list[str], marks: list[str], layouts: list[SheetLayout]) -> list[str]:
    """Return the names of farmer's sheets that an engine sheet would overwrite.

    LibreOffice compares sheet names without regard to case, so "récolte"
    made by the farmer blocks the engine's "Récolte" too.
    """
    marked = {name.casefold() for name in marks}
    by_folded = {name.casefold(): name for name in existing}
    conflicts = []
    for layout in layouts:
        found = by_folded.get(layout.name.casefold())
        if found is not None and found.casefold() not in marked:
            conflicts.append(found)
    return conflicts


def check_conflicts(document, layouts: list[SheetLayout], path) -> None:
    """Raise ``SheetNameConflictError`` when an engine sheet would overwrite a farmer's sheet."""
    existing = list(document.getSheets().getElementNames())
    conflicts = find_conflicts(existing, read_marks(document), layouts)
    if conflicts:
        raise SheetNameConflictError(
            _("the sheet “{sheet}” was not made by Mycélium, so it is not overwritten").format(sheet=conflicts[0]),
            location=Location(file=str(path), sheet=conflicts[0]),
            remedy=_("Rename your sheet “{sheet}” (right-click its tab, Rename Sheet) and run the action again.").format(
                sheet=conflicts[0]),
            details=[_("also: sheet “{sheet}”").format(sheet=name) for name in conflicts[1:]],
        )


def write_marks(document, names: list[str]) -> None:
    """Set the ``MyceliumEngineSheets`` property to the names, joined by "/"."""
    properties = document.getDocumentProperties().getUserDefinedProperties()
    value = join_names(names)
    if properties.getPropertySetInfo().hasPropertyByName(PROPERTY):
        properties.setPropertyValue(PROPERTY, value)
    else:
        properties.addProperty(PROPERTY, REMOVEABLE, value)


def _cell_range_address(sheet, first_row: int, first_column: int, last_row: int, last_column: int):
    return sheet.getCellRangeByPosition(first_column, first_row, last_column, last_row).getRangeAddress()


def _landscape_page_style(document) -> str:
    styles = document.getStyleFamilies().getByName("PageStyles")
    if not styles.hasByName(LANDSCAPE_PAGE_STYLE):
        style = document.createInstance("com.sun.star.style.PageStyle")
        styles.insertByName(LANDSCAPE_PAGE_STYLE, style)
        default = styles.getByName("Default")
        width, height = default.Width, default.Height
        style.IsLandscape = True
        style.Width, style.Height = max(width, height), min(width, height)
    return LANDSCAPE_PAGE_STYLE


def _prepare_sheet(document, name: str, position: int | None):
    """Return an empty engine sheet: the existing one cleared, or a new one at the end."""
    sheets = document.getSheets()
    if sheets.hasByName(name):
        sheet = sheets.getByName(name)
        # Cleared, not deleted: a farmer's formula that refers to this sheet
        # keeps its reference instead of turning into #REF!.
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        end = cursor.getRangeAddress()
        used = sheet.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow)
        used.merge(False)
        used.clearContents(CLEAR_EVERYTHING)
        sheet.getRows().OptimalHeight = True
        sheet.removeAllManualPageBreaks()
        draw_page = sheet.getDrawPage()
        while draw_page.getCount():
            draw_page.remove(draw_page.getByIndex(0))
        return sheet
    sheets.insertNewByName(name, position if position is not None else sheets.getCount())
    return sheets.getByName(name)


def _insert_image(document, sheet, image) -> None:
    import uno

    provider = document  # the shape is created by the document
    shape = provider.createInstance("com.sun.star.drawing.GraphicObjectShape")
    graphic_provider = uno.getComponentContext().ServiceManager.createInstanceWithContext(
        "com.sun.star.graphic.GraphicProvider", uno.getComponentContext())
    url = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
    url.Name, url.Value = "URL", uno.systemPathToFileUrl(str(image.path))
    shape.Graphic = graphic_provider.queryGraphic((url,))
    sheet.getDrawPage().add(shape)
    cell = sheet.getCellByPosition(image.column, image.row)
    size = uno.createUnoStruct("com.sun.star.awt.Size")
    size.Width, size.Height = int(image.width_cm * 1000), int(image.height_cm * 1000)
    shape.setSize(size)
    shape.setPosition(cell.Position)
    shape.Anchor = cell


def render_layout(document, layout: SheetLayout, keys: NumberFormatKeys) -> None:
    """Write one layout into its sheet: values, styles, formats, widths, breaks, print range."""
    sheet = _prepare_sheet(document, layout.name, None)
    width = max(layout.width, 1)
    null_date = document.NullDate
    day_zero = dt.date(null_date.Year, null_date.Month, null_date.Day)

    if layout.rows:
        target = sheet.getCellRangeByPosition(0, 0, width - 1, len(layout.rows) - 1)
        target.setDataArray(layout_array(layout, day_zero))

    for kind, first, last in style_runs(layout):
        sheet.getCellRangeByPosition(0, first, width - 1, last).CellStyle = STYLE_NAMES[kind]
    locale = sheet_locale(layout, document)
    for layout_format, column, first, last in format_runs(layout):
        cells = sheet.getCellRangeByPosition(column, first, column, last)
        cells.NumberFormat = keys.key(layout_format, locale)
        if layout_format == "tick":
            _draw_tick_boxes(sheet, layout, column, first, last)

    _wrap_notes(sheet, layout, width)

    columns = sheet.getColumns()
    for index, column in enumerate(layout.columns):
        columns.getByIndex(index).Width = int(column.width_cm * 1000)

    rows = sheet.getRows()
    for row in layout.page_breaks:
        if 0 < row < len(layout.rows):
            rows.getByIndex(row).IsStartOfNewPage = True

    first_row, first_column, last_row, last_column = layout.full_print_range()
    sheet.setPrintAreas((_cell_range_address(sheet, first_row, first_column, last_row, last_column),))
    sheet.PageStyle = _landscape_page_style(document) if layout.landscape else "Default"

    for image in layout.images:
        _insert_image(document, sheet, image)


# Characters of 10-point text per centimetre of cell width, and the height
# of one wrapped line: estimates for sizing the rows of merged notes.
CHARACTERS_PER_CM = 5.5
LINE_HEIGHT = 420  # 1/100 mm


def note_lines(text: str, width_cm: float) -> int:
    """Return an estimate of the lines a note takes when wrapped across a width."""
    per_line = max(int(width_cm * CHARACTERS_PER_CM), 1)
    return max(1, -(-len(text) // per_line))


def _wrap_notes(sheet, layout: SheetLayout, width: int) -> None:
    """Spread each note row holding only its first cell across the sheet's width, wrapped.

    LibreOffice does not fit a row's height to the text of merged cells, so
    the height is set from an estimate of the number of wrapped lines.
    """
    total_cm = sum(column.width_cm for column in layout.columns) or 3.0
    rows = sheet.getRows()
    for row, kind in layout.row_kinds.items():
        values = layout.rows[row]
        if kind != "note" or width < 2 or not values or any(value not in (None, "") for value in values[1:]):
            continue
        cells = sheet.getCellRangeByPosition(0, row, width - 1, row)
        cells.merge(True)
        cells.IsTextWrapped = True
        rows.getByIndex(row).Height = note_lines(str(values[0]), total_cm) * LINE_HEIGHT + 100


def _draw_tick_boxes(sheet, layout: SheetLayout, column: int, first: int, last: int) -> None:
    """Draw a box in each cell of a tick column, leaving blank rows empty."""
    border = _tick_border()
    start = None
    for row in range(first, last + 2):
        boxed = row <= last and layout.row_kinds.get(row) != "blank"
        if boxed and start is None:
            start = row
        elif not boxed and start is not None:
            cells = sheet.getCellRangeByPosition(column, start, column, row - 1)
            cells.TopBorder = cells.BottomBorder = cells.LeftBorder = cells.RightBorder = border
            start = None


def _tick_border():
    import uno

    line = uno.createUnoStruct("com.sun.star.table.BorderLine2")
    line.OuterLineWidth = TICK_BOX_BORDER
    line.LineWidth = TICK_BOX_BORDER
    return line


def _freeze(document, layouts: list[SheetLayout]) -> None:
    """Freeze the header rows of each sheet, then bring back the sheet the farmer was on."""
    controller = document.getCurrentController()
    if controller is None:
        return
    active = controller.getActiveSheet()
    sheets = document.getSheets()
    for layout in layouts:
        if layout.freeze_rows:
            controller.setActiveSheet(sheets.getByName(layout.name))
            controller.freezeAtPosition(0, layout.freeze_rows)
    controller.setActiveSheet(active)


def write_layouts(document, layouts: list[SheetLayout], path, progress=None) -> list[str]:
    """Write engine sheets into the document and mark them; return their names.

    Nothing is written when one of them would overwrite a farmer's sheet.
    The whole write is one undo step, so Edit ▸ Undo takes it back at once.
    """
    check_conflicts(document, layouts, path)
    names = [layout.name for layout in layouts]
    undo = document.getUndoManager()
    undo.enterUndoContext(_("Mycélium: write {count} sheets").format(count=len(layouts)))
    document.lockControllers()
    try:
        ensure_styles(document)
        keys = NumberFormatKeys(document)
        for index, layout in enumerate(layouts):
            render_layout(document, layout, keys)
            if progress is not None:
                progress(index + 1, layout.name)
        marks = read_marks(document)
        write_marks(document, marks + [name for name in names if name not in marks])
    finally:
        document.unlockControllers()
        undo.leaveUndoContext()
    _freeze(document, layouts)
    return names
