"""The entries of the "Mycélium" menu: action names, labels and dispatch URLs.

``build.py`` renders Addons.xcu from this table, so the menu, the dispatch
URLs the component understands and the labels checked by the tests come from
one place.
"""

from __future__ import annotations

from dataclasses import dataclass

# Implementation name of the Python UNO component in mycelium_menu.py. A menu
# URL "service:NAME?ARGUMENT" makes LibreOffice create the component and call
# its trigger(ARGUMENT).
IMPLEMENTATION_NAME = "org.mycelium_sheets.CalcMenu"
SPREADSHEET_CONTEXT = "com.sun.star.sheet.SpreadsheetDocument"
MENU_TITLE = "~Mycélium"


@dataclass(frozen=True)
class MenuEntry:
    """One menu item: the action it triggers and its French and English labels."""

    action: str
    label_fr: str
    label_en: str
    separator_before: bool = False

    @property
    def url(self) -> str:
        return menu_url(self.action)


MENU_ENTRIES: tuple[MenuEntry, ...] = (
    MenuEntry("check", "Vérifier le classeur", "Check workbook"),
    MenuEntry("add_sheets", "Ajouter les feuilles manquantes", "Add missing sheets"),
    MenuEntry("deliveries", "Préparer les livraisons…", "Prepare deliveries…", separator_before=True),
    MenuEntry("plan", "Calculer le plan de culture", "Compute the crop plan"),
    MenuEntry("invoices", "Générer les factures…", "Generate invoices…"),
    MenuEntry("dfc", "Exporter en données DFC…", "Export DFC data…"),
    MenuEntry("about", "À propos de Mycélium", "About Mycélium", separator_before=True),
)


def menu_url(action: str) -> str:
    """Return the dispatch URL of an action, such as ``service:…CalcMenu?check``."""
    return f"service:{IMPLEMENTATION_NAME}?{action}"


def parse_argument(argument: str) -> tuple[str, dict[str, str]]:
    """Split a trigger argument "action&key=value&…" into the action and its options.

    The menu passes the bare action. A macro or a toolbar button may add
    options such as ``deliveries&date=2027-06-10``, which skip the dialog.
    """
    action, _separator, rest = argument.partition("&")
    options: dict[str, str] = {}
    for part in rest.split("&"):
        if not part:
            continue
        key, _equals, value = part.partition("=")
        options[key.strip()] = value.strip()
    return action.strip(), options
