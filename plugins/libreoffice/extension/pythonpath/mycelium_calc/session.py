"""The context of a menu action: the document, its window, the languages and the feedback."""

from __future__ import annotations

from dataclasses import dataclass

from mycelium_sheets.i18n import detect_language
from mycelium_sheets.model.units import normalise_label
from mycelium_sheets.schema import sheet_spec

SPREADSHEET_SERVICE = "com.sun.star.sheet.SpreadsheetDocument"


@dataclass
class Session:
    """One run of a menu action."""

    context: object
    document: object
    frame: object
    feedback: object
    ui_language: str


def ui_language(context) -> str:
    """Return "fr" when LibreOffice's user interface is French, "en" otherwise.

    The interface locale (Tools ▸ Options ▸ Language Settings) is read from
    the configuration. When it is empty, LibreOffice follows the system
    locale, and so does this function.
    """
    import uno

    try:
        provider = context.ServiceManager.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", context)
        argument = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
        argument.Name, argument.Value = "nodepath", "/org.openoffice.Setup/L10N"
        access = provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess", (argument,))
        locale = access.getByName("ooLocale") or ""
    except Exception:  # an unreadable configuration falls back to the system locale
        locale = ""
    if locale:
        return "fr" if locale.lower().startswith("fr") else "en"
    return detect_language()


def current_document(context):
    """Return the spreadsheet the menu was used in and its frame, or (None, None).

    This is the desktop's current component: the document of the active
    window. A document loaded hidden becomes current once its frame is
    activated.
    """
    desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
    document = desktop.getCurrentComponent()
    if document is None or not document.supportsService(SPREADSHEET_SERVICE):
        return None, None
    controller = document.getCurrentController()
    return document, controller.getFrame() if controller is not None else None


def workbook_language(data, fallback: str) -> str:
    """Return the language of the workbook's sheet names, for naming the engine sheets.

    The "Langue"/"Language" field of the farm sheet wins. Otherwise the
    language of most input sheet names decides ("Produits" is French,
    "Products" English), and a tie leaves ``fallback``, the interface language.
    """
    farm = getattr(data, "farm", None)
    declared = (getattr(farm, "language", None) or "").strip().lower()
    if declared.startswith("fr"):
        return "fr"
    if declared.startswith("en"):
        return "en"

    french = english = 0
    for key, name in data.sheet_names.items():
        spec = sheet_spec(key)
        label = normalise_label(name)
        french += label == normalise_label(spec.name_fr)
        english += label == normalise_label(spec.name_en)
    if french != english:
        return "fr" if french > english else "en"
    return fallback
