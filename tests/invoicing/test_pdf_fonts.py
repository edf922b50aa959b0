import datetime as dt
from decimal import Decimal

import pytest

from mycelium_sheets.invoicing.document import INVOICE, Invoice, InvoiceLine, Party
from mycelium_sheets.invoicing.pdf_fonts import FONT_FOLDER, FULL_FILES, SUBSET_FILES, font_files
from mycelium_sheets.invoicing.totals import compute_totals

# Characters French invoices print beyond Latin-1.
FRENCH_EXTRAS = "€œŒ’“”–—…Ÿ\u202f"


def _invoice(buyer_name: str) -> Invoice:
    line = InvoiceLine("Carotte botte", Decimal(3), "bunch", Decimal("2.20"), "S", Decimal("0.055"), Decimal("6.60"),
                       dt.date(2027, 6, 8))
    seller = Party("Ferme des Essais", "1 rue du Potager", "35000", "Rennes", siren="842173908")
    buyer = Party(buyer_name, "2 place du Marché", "35000", "Rennes")
    return Invoice(INVOICE, "FT-00001", 1, dt.date(2027, 6, 30), dt.date(2027, 6, 30), seller, buyer, False, "real",
                   (line,), compute_totals([line], "fr"), dt.date(2027, 6, 1), dt.date(2027, 6, 30), "B", "fr")


@pytest.mark.parametrize("style", sorted(SUBSET_FILES))
def test_subset_maps_latin1_and_extras(style):
    from fontTools.ttLib import TTFont

    cmap = TTFont(FONT_FOLDER / SUBSET_FILES[style])["cmap"].getBestCmap()
    wanted = [chr(point) for point in range(0x20, 0x7F)] + [chr(point) for point in range(0xA0, 0x100)]
    missing = [character for character in wanted + list(FRENCH_EXTRAS) if ord(character) not in cmap]
    assert missing == []


@pytest.mark.parametrize("texts, files", [
    (["Légumes d'été", "1\u202f234,50 €", "Œufs « bio » – n° 3…"], SUBSET_FILES),
    (["Łódź", "Ÿ"], SUBSET_FILES),
    (["Ресторан"], FULL_FILES),  # Cyrillic is not in the subset
    (["Tomate", "茄子"], FULL_FILES),
])
def test_font_files_choice(texts, files):
    chosen = font_files(texts)
    assert {style: path.name for style, path in chosen.items()} == files


def test_non_latin_name_prints_with_full_font(tmp_path):
    from pypdf import PdfReader

    from mycelium_sheets.invoicing.pdf import render_pdf

    path = tmp_path / "facture.pdf"
    path.write_bytes(render_pdf(_invoice("Ресторан Ёлка")))
    text = PdfReader(str(path)).pages[0].extract_text()
    assert "Ресторан Ёлка" in text
    assert "Carotte botte" in text


def test_latin_invoice_prints_accents_and_euro(tmp_path):
    from pypdf import PdfReader

    from mycelium_sheets.invoicing.pdf import render_pdf

    path = tmp_path / "facture.pdf"
    path.write_bytes(render_pdf(_invoice("Bistrot Œnologue")))
    text = PdfReader(str(path)).pages[0].extract_text()
    assert "Bistrot Œnologue" in text
    # 3 × 2.20 = 6.60 excluding VAT; VAT 6.60 × 5.5 % = 0.363 → 0.36; 6.96 in all.
    assert "6,96 €" in text
