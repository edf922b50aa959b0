"""Time the import of a crop plan and a product list, beside pandas reading the same file.

Run: python bench/bench_import.py [CROP_PLAN_CSV]. Prints a Markdown table.
Without an argument it reads the 886-series Ouvretaferme crop plan from the
samples folder beside the repository. The synthetic product list has 5,000
rows typed the way people type them ("1,50 €", "5,5 %", "Botte (8)"). The
alternative a user would pick is pandas: ``read_csv`` then ``to_excel``,
which copies the cells into a workbook but reads no value and checks none.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from mycelium_sheets.i18n import set_language
from mycelium_sheets.importer import apply_plan, plan_import

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "data" / "samples" / "crop_plan_otf_format_elzeard_export.csv"
RUNS = 3


def best(function) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return min(times)


def product_list(path: Path, rows: int) -> Path:
    lines = ["Liste de prix 2027", "", "Désignation;Réf.;Unité;PU HT;TVA;Bio"]
    units = ("Botte (8)", "kg", "pièce", "barquette")
    for index in range(rows):
        lines.append(f"Produit {index};P{index};{units[index % 4]};{index % 9 + 1},50 €;5,5 %;{'oui' if index % 2 else 'non'}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main() -> None:
    import pandas

    set_language("fr")
    crop_plan = Path(sys.argv[1]) if len(sys.argv) > 1 else SAMPLE
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        products = product_list(folder / "produits.csv", 5000)
        for label, source, separator, count in (("Crop plan (Ouvretaferme)", crop_plan, ",", 886),
                                                ("Product list, typed values", products, ";", 5000)):
            read = best(lambda: plan_import(source))
            plan = plan_import(source)

            def write_ods():
                target = folder / "ferme.ods"
                target.unlink(missing_ok=True)
                apply_plan(plan, target, skip_errors=True)

            written = best(write_ods)
            pandas_time = best(lambda: pandas.read_csv(source, sep=separator, skiprows=2 if source == products else 0)
                               .to_excel(folder / "pandas.xlsx", index=False))
            rows.append((label, count, len(plan.records), read, written, pandas_time))

    print("| Source | Source rows | Records | Read, match, convert (s) | Write into new ferme.ods (s) | pandas read_csv + to_excel (s) |")
    print("|---|---|---|---|---|---|")
    for label, count, records, read, written, pandas_time in rows:
        print(f"| {label} | {count} | {records} | {read:.3f} | {written:.3f} | {pandas_time:.3f} |")


if __name__ == "__main__":
    main()
