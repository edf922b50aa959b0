"""Make the pictures of docs/libreoffice.md from a headless LibreOffice.

The extension is built and installed into a throwaway profile with a French
interface, and the menu actions run on a copy of the example workbook.
LibreOffice exports the sheets they write to PDF, and ``pdftoppm`` (Debian
package poppler-utils) turns each first page into a PNG file.

Usage: ``python plugins/libreoffice/make_screenshots.py`` (needs soffice,
python3-uno, libreoffice-l10n-fr and pdftoppm).

The open menu needs a window, so its pictures come from
``make_menu_screenshot.sh`` beside this file.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPOSITORY = HERE.parents[1]
OUTPUT = REPOSITORY / "docs" / "images" / "libreoffice"
RESOLUTION = 70  # dots per inch: readable, and a few tens of kilobytes per picture

sys.path.insert(0, str(REPOSITORY))
from tests.libreoffice.office import install_and_start  # noqa: E402

# Sheet of the example workbook after the actions, and the picture made of it.
PICTURES = {
    "Récolte": "recolte.png",
    "Préparation": "preparation.png",
    "Tournée": "tournee.png",
    "Plan": "plan.png",
    "Facture": "facture.png",
}


def main() -> None:
    if shutil.which("pdftoppm") is None:
        raise SystemExit("pdftoppm is missing (Debian package poppler-utils)")
    build = subprocess.run([sys.executable, str(HERE / "build.py")], check=True, capture_output=True, text=True)
    oxt = Path(build.stdout.strip().splitlines()[-1])
    OUTPUT.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        office = install_and_start(work / "profile", oxt, locale="fr-FR")
        try:
            workbook = work / "ferme-exemple.ods"
            shutil.copyfile(REPOSITORY / "examples" / "ferme-exemple.ods", workbook)
            saved = work / "apres.ods"
            office.call("run", str(workbook), str(saved), "deliveries&date=2027-06-10", "plan&season=2027",
                        "invoices&period=2027-06&date=2027-06-30")
            for sheet, picture in PICTURES.items():
                pdf = work / (Path(picture).stem + ".pdf")
                office.call("export", str(saved), sheet, "pdf", str(pdf))
                subprocess.run(["pdftoppm", "-png", "-r", str(RESOLUTION), "-f", "1", "-l", "1", "-singlefile",
                                str(pdf), str(OUTPUT / Path(picture).stem)], check=True)
                print(OUTPUT / picture)
        finally:
            office.stop()


if __name__ == "__main__":
    main()
