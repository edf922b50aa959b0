"""UNO side of the LibreOffice tests, run with the system Python that has ``uno``.

Usage: ``python3 uno_client.py --port PORT COMMAND [ARGUMENTS…]``. Each
command prints one JSON object on its last output line, with "ok": true
when it succeeded. Commands:

- ``ping``: connect and return.
- ``terminate``: ask the office to quit.
- ``install OXT``: add the extension to the user profile.
- ``extensions``: list the installed extensions' identifiers.
- ``run DOCUMENT SAVE_AS ACTION…``: open the document hidden, dispatch each
  menu URL argument (such as ``check`` or ``deliveries&date=2027-06-10``)
  through the document's frame, save a copy as SAVE_AS ("-" for none), and
  return every sheet's values, the engine sheet marks and the seconds
  each dispatch took.
- ``ui-locale``: return the interface locale in force (ooLocale).
- ``labels LOCALE``: return the menu titles and URLs of the merged
  Addons configuration in a locale such as "fr" or "en-US".
- ``export DOCUMENT SHEET FILTER OUTPUT``: export one sheet of a document
  to PDF or PNG, for the screenshots of the user guide.
- ``read DOCUMENT PYTHONPATH``: read the document with the extension's own
  ``mycelium_calc.reading`` (imported from PYTHONPATH, the unpacked
  extension's folder) and return the rows with typed values.
- ``add-sheet DOCUMENT NAME OUTPUT``: add an empty sheet with one value in
  A1 and save the document as OUTPUT, to make a farmer's sheet.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import uno
import unohelper
from com.sun.star.beans import PropertyValue
from com.sun.star.task import XInteractionHandler
from com.sun.star.ucb import XCommandEnvironment
from com.sun.star.connection import NoConnectException

IMPLEMENTATION_NAME = "org.mycelium_sheets.CalcMenu"


def properties(**values) -> tuple:
    result = []
    for name, value in values.items():
        item = PropertyValue()
        item.Name, item.Value = name, value
        result.append(item)
    return tuple(result)


def connect(port: int):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + 30
    while True:
        try:
            return resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
        except NoConnectException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def desktop_of(context):
    return context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)


class ApproveEverything(unohelper.Base, XInteractionHandler):
    """Answers the extension manager's questions ("install this extension?") with yes.

    The request itself is not read: pyuno 7.4 under Python 3.11 cannot
    convert exceptions that carry a ``Cause`` and fails on them.
    """

    def handle(self, request):
        approve = uno.getTypeByName("com.sun.star.task.XInteractionApprove")
        for continuation in request.getContinuations():
            if continuation.queryInterface(approve):
                continuation.select()
                return


class CommandEnvironment(unohelper.Base, XCommandEnvironment):
    def getInteractionHandler(self):
        return ApproveEverything()

    def getProgressHandler(self):
        return None


def install(context, oxt: str) -> dict:
    manager = context.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
    url = uno.systemPathToFileUrl(str(Path(oxt).resolve()))
    package = manager.addExtension(url, (), "user", manager.createAbortChannel(), CommandEnvironment())
    return {"identifier": package.getIdentifier().Value}


def extensions(context) -> dict:
    manager = context.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
    found = manager.getDeployedExtensions("user", None, None)
    return {"identifiers": [package.getIdentifier().Value for package in found]}


def sheet_values(document) -> dict:
    sheets = document.getSheets()
    result = {}
    for name in sheets.getElementNames():
        sheet = sheets.getByName(name)
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        end = cursor.getRangeAddress()
        data = sheet.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow).getDataArray()
        result[name] = [list(row) for row in data]
    return result


def marks(document) -> str | None:
    user = document.getDocumentProperties().getUserDefinedProperties()
    if not user.getPropertySetInfo().hasPropertyByName("MyceliumEngineSheets"):
        return None
    return user.getPropertyValue("MyceliumEngineSheets")


def load_hidden(context, path: str):
    desktop = desktop_of(context)
    url = uno.systemPathToFileUrl(str(Path(path).resolve()))
    return desktop.loadComponentFromURL(url, "_blank", 0, properties(Hidden=True))


def run(context, document_path: str, save_as: str, actions: list[str]) -> dict:
    document = load_hidden(context, document_path)
    frame = document.getCurrentController().getFrame()
    # A hidden document is not the desktop's current component until its
    # frame is activated; the extension works on the current component.
    frame.activate()
    current = desktop_of(context).getCurrentComponent()
    helper = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
    try:
        timings = []
        for action in actions:
            started = time.perf_counter()
            helper.executeDispatch(frame, f"service:{IMPLEMENTATION_NAME}?{action}", "", 0, ())
            timings.append(time.perf_counter() - started)
        result = {"sheets": sheet_values(document), "marks": marks(document), "timings": timings,
                  "current_is_document": current is not None and current == document}
        if save_as != "-":
            filter_name = "Calc MS Excel 2007 XML" if save_as.endswith(".xlsx") else "calc8"
            document.storeToURL(uno.systemPathToFileUrl(str(Path(save_as).resolve())), properties(FilterName=filter_name))
        return result
    finally:
        document.close(True)


def ui_locale(context) -> dict:
    provider = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", context)
    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationAccess", properties(nodepath="/org.openoffice.Setup/L10N"))
    return {"locale": access.getByName("ooLocale")}


def labels(context, locale: str) -> dict:
    provider = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", context)
    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationAccess",
        properties(nodepath="/org.openoffice.Office.Addons/AddonUI/OfficeMenuBar", Locale=locale),
    )
    menus = {}
    for name in access.getElementNames():
        menu = access.getByName(name)
        submenu = menu.getByName("Submenu")
        items = []
        for item_name in sorted(submenu.getElementNames()):
            item = submenu.getByName(item_name)
            items.append({"url": item.getByName("URL"), "title": item.getByName("Title")})
        menus[name] = {"title": menu.getByName("Title"), "items": items}
    return {"menus": menus}


def export(context, document_path: str, sheet_name: str, filter_name: str, output: str) -> dict:
    document = load_hidden(context, document_path)
    try:
        sheets = document.getSheets()
        sheet = sheets.getByName(sheet_name)
        controller = document.getCurrentController()
        controller.setActiveSheet(sheet)
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        end = cursor.getRangeAddress()
        selection = sheet.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow)
        url = uno.systemPathToFileUrl(str(Path(output).resolve()))
        if filter_name == "png":
            controller.select(selection)
            document.storeToURL(url, properties(FilterName="calc_png_Export", SelectionOnly=True))
        else:
            document.storeToURL(url, properties(
                FilterName="calc_pdf_Export", FilterData=uno.Any("[]com.sun.star.beans.PropertyValue",
                                                                 properties(Selection=selection))))
        return {"output": output}
    finally:
        document.close(True)


def typed(value):
    """Return a JSON form of a cell value that keeps dates and booleans apart from numbers."""
    import datetime as dt

    if isinstance(value, bool):
        return {"bool": value}
    if isinstance(value, dt.datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    if isinstance(value, dt.time):
        return {"time": value.isoformat()}
    return value


def read(context, document_path: str, pythonpath: str) -> dict:
    sys.path.insert(0, pythonpath)
    from mycelium_calc.reading import read_document

    document = load_hidden(context, document_path)
    try:
        workbook = read_document(document)
        return {
            "sheets": {name: {"hidden": sheet.hidden, "rows": [[typed(value) for value in row] for row in sheet.rows]}
                       for name, sheet in workbook.sheets.items()},
            "engine_sheets": sorted(workbook.engine_sheets),
        }
    finally:
        document.close(True)


def add_sheet(context, document_path: str, name: str, output: str) -> dict:
    document = load_hidden(context, document_path)
    try:
        sheets = document.getSheets()
        sheets.insertNewByName(name, sheets.getCount())
        sheets.getByName(name).getCellByPosition(0, 0).setString("Mes notes de récolte")
        document.storeToURL(uno.systemPathToFileUrl(str(Path(output).resolve())), properties(FilterName="calc8"))
        return {}
    finally:
        document.close(True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("command")
    parser.add_argument("arguments", nargs="*")
    arguments = parser.parse_args()
    context = connect(arguments.port)

    if arguments.command == "ping":
        result = {}
    elif arguments.command == "terminate":
        try:
            desktop_of(context).terminate()
        except Exception:  # the bridge closes while the office quits
            pass
        result = {}
    elif arguments.command == "install":
        result = install(context, arguments.arguments[0])
    elif arguments.command == "extensions":
        result = extensions(context)
    elif arguments.command == "run":
        result = run(context, arguments.arguments[0], arguments.arguments[1], arguments.arguments[2:])
    elif arguments.command == "ui-locale":
        result = ui_locale(context)
    elif arguments.command == "labels":
        result = labels(context, arguments.arguments[0])
    elif arguments.command == "read":
        result = read(context, *arguments.arguments[:2])
    elif arguments.command == "add-sheet":
        result = add_sheet(context, *arguments.arguments[:3])
    elif arguments.command == "export":
        result = export(context, *arguments.arguments[:4])
    else:
        raise SystemExit(f"unknown command {arguments.command!r}")
    result["ok"] = True
    print(json.dumps(result, ensure_ascii=False, default=str))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
