"""The fonts embedded in invoice PDFs: a small Latin subset of DejaVu Sans, or the full font.

fpdf2 parses the whole TrueType file each time a document adds a font, and
subsets it again when the document is written. With the full DejaVu Sans
(about 6,000 glyphs) this took most of the 200 ms an invoice cost. The
shipped ``DejaVuSans-Latin.ttf`` files hold only the characters French and
European invoices use, so each document parses a few hundred glyphs. An
invoice containing any character outside the subset (a customer name in
Greek or Cyrillic, say) uses the full font, so no character is lost.

Rebuild the subsets after changing ``SUBSET_CODEPOINTS`` with
``python -m mycelium_sheets.invoicing.pdf_fonts``; it needs fontTools,
which fpdf2 depends on. The subsets keep the fonts' name table, with its
copyright notices, and fall under the same licence (``fonts/DejaVu-LICENSE.txt``).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

FONT_FOLDER = Path(__file__).parent / "fonts"

# fpdf2 style ("" regular, "B" bold) to font file.
FULL_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
SUBSET_FILES = {"": "DejaVuSans-Latin.ttf", "B": "DejaVuSans-Bold-Latin.ttf"}


def _codepoints() -> frozenset[int]:
    points = set(range(0x20, 0x7F))  # ASCII
    points.update(range(0xA0, 0x100))  # Latin-1: é, à, ç, «», °, no-break space...
    points.update(range(0x100, 0x180))  # Latin Extended-A: Œ œ Ÿ and European names (ł, ş, ő...)
    # The Windows-1252 additions, which farmers type from French keyboards and office software.
    points.update(ord(character) for character in "€‚ƒ„…†‡ˆ‰‹‘’“”•–—˜™›")
    # Spaces and dashes the invoice itself prints: the narrow no-break space of
    # French amounts ("1 234,50 €"), thin space, hyphens, minus sign.
    points.update((0x2009, 0x202F, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x2026))
    return frozenset(points)


SUBSET_CODEPOINTS = _codepoints()


def font_files(texts: Iterable[str], folder: Path = FONT_FOLDER) -> dict[str, Path]:
    """Return the font file of each style for a document printing these texts.

    The Latin subset is returned when it covers every character of the
    texts (line breaks and tabs aside) and its files exist, else the full font.
    """
    subset_paths = {style: folder / name for style, name in SUBSET_FILES.items()}
    covered = all(path.exists() for path in subset_paths.values())
    if covered:
        for text in texts:
            if any(ord(character) not in SUBSET_CODEPOINTS and character not in "\n\r\t" for character in text):
                covered = False
                break
    if covered:
        return subset_paths
    return {style: folder / name for style, name in FULL_FILES.items()}


def build_subsets(folder: Path = FONT_FOLDER) -> list[Path]:
    """Write the Latin subsets of the full fonts of ``folder`` and return their paths."""
    from fontTools import subset

    options = subset.Options()
    options.name_IDs = ["*"]  # keep every name record, copyright and licence notices included
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.recalc_timestamp = False  # the same input gives byte-identical files
    written = []
    for style, full_name in FULL_FILES.items():
        font = subset.load_font(str(folder / full_name), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(SUBSET_CODEPOINTS))
        subsetter.subset(font)
        path = folder / SUBSET_FILES[style]
        subset.save_font(font, str(path), options)
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in build_subsets():
        print(written_path)
