"""Every message a farmer can read has a French translation, and only one."""

import importlib.util

from mycelium_sheets.i18n import parse_po

from conftest import ROOT


def load_extractor():
    spec = importlib.util.spec_from_file_location("extract_messages", ROOT / "scripts" / "extract_messages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_message_has_a_french_translation():
    missing = load_extractor().missing_translations("fr")
    assert missing == [], "add these to a .po file in mycelium_sheets/locale/fr/: " + repr(missing[:10])


def test_catalogues_do_not_contradict_each_other():
    seen: dict[str, tuple[str, str]] = {}
    conflicts = []
    for po_file in sorted((ROOT / "mycelium_sheets" / "locale" / "fr").glob("*.po")):
        for message, translation in parse_po(po_file.read_text(encoding="utf-8")).items():
            if message in seen and seen[message][0] != translation:
                conflicts.append((message, seen[message][1], po_file.name))
            seen.setdefault(message, (translation, po_file.name))
    assert conflicts == []


def test_po_parser_reads_multiline_and_skips_fuzzy():
    text = '''
msgid ""
msgstr "Content-Type: text/plain; charset=UTF-8\\n"

msgid "Harvest list"
msgstr "Liste de récolte"

msgid "long "
"message"
msgstr "message "
"long"

#, fuzzy
msgid "Unsure"
msgstr "Pas sûr"
'''
    assert parse_po(text) == {"Harvest list": "Liste de récolte", "long message": "message long"}


def test_french_plural_starts_above_one():
    from mycelium_sheets.i18n import is_plural

    # French writes "0 erreur", "1 erreur", "2 erreurs"; English "0 errors".
    assert [is_plural(count, "fr") for count in (0, 1, 2)] == [False, False, True]
    assert [is_plural(count, "en") for count in (0, 1, 2)] == [True, False, True]
