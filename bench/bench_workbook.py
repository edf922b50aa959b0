"""Benchmark workbook reading and writing against pandas and openpyxl.

Prints a Markdown table. Run from the repository root:

    python bench/bench_workbook.py [WORKDIR]

pandas on the L workbook would take many minutes, so its L time is
extrapolated linearly from reading the 30,000 order lines of S, and the
table marks that figure as an extrapolation.
"""

from __future__ import annotations

import datetime
import json
import platform
import shutil
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from generate import SIZES, generate  # noqa: E402

from mycelium_sheets.workbook import Column, SheetLayout, read_workbook, write_engine_sheets  # noqa: E402

ENGINE_ROWS = 50_000


def best_of(function, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def read_in_subprocess(path: Path) -> tuple[float, float]:
    """Return (seconds, peak resident memory in MiB) of read_workbook in a fresh process."""
    code = (
        "import json, resource, sys, time\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from mycelium_sheets.workbook import read_workbook\n"
        "start = time.perf_counter()\n"
        f"workbook = read_workbook({str(path)!r})\n"
        "seconds = time.perf_counter() - start\n"
        "rows = sum(len(sheet.rows) for sheet in workbook.sheets.values())\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "print(json.dumps([seconds, peak, rows]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    seconds, peak, _rows = json.loads(result.stdout)
    return seconds, peak


def engine_layout() -> SheetLayout:
    layout = SheetLayout(
        key="harvest",
        name="Récolte",
        columns=[Column("date", 3), Column("text", 5), Column("text", 5), Column("quantity", 2.5), Column("money", 3)],
        freeze_rows=1,
    )
    layout.add_row(["Date", "Client", "Produit", "Quantité", "Montant"], "header")
    day = datetime.date(2027, 5, 3)
    for line in range(ENGINE_ROWS):
        layout.add_row([day, f"Client {line % 200:03d}", f"Légume {line % 300:03d}", 1.25 + line % 7, Decimal("12.50")])
    return layout


def main() -> int:
    workdir = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/mycelium-bench")
    small = dict(zip(("ods", "xlsx"), generate(workdir, "S")))
    large = dict(zip(("ods", "xlsx"), generate(workdir, "L")))

    import openpyxl
    import pandas

    rows = []
    factor = SIZES["L"] / SIZES["S"]
    for fmt, engine in (("ods", "odf"), ("xlsx", "openpyxl")):
        ours_small = best_of(lambda: read_workbook(small[fmt]))
        pandas_small = best_of(lambda: pandas.read_excel(small[fmt], sheet_name=None, engine=engine), repeat=1)
        pandas_orders = best_of(lambda: pandas.read_excel(small[fmt], sheet_name="Commandes", engine=engine), repeat=1)
        rows.append((f"Read S ({fmt}, 30,000 order lines)", f"{ours_small:.2f} s", f"{pandas_small:.1f} s (pandas, {engine})", f"{pandas_small / ours_small:.0f}×"))

        ours_large, peak = read_in_subprocess(large[fmt])
        pandas_large = pandas_orders * factor
        rows.append(
            (
                f"Read L ({fmt}, 1,000,000 order lines)",
                f"{ours_large:.1f} s, peak {peak:.0f} MiB",
                f"≈ {pandas_large / 60:.0f} min (pandas, {engine}), extrapolated ×{factor:.1f} from the 30,000 lines of S ({pandas_orders:.1f} s)",
                f"≈ {pandas_large / ours_large:.0f}×",
            )
        )

    layout = engine_layout()
    frame = pandas.DataFrame(layout.rows[1:], columns=layout.rows[0])
    for fmt in ("ods", "xlsx"):
        target = workdir / f"write-target.{fmt}"

        def ours():
            shutil.copy(small[fmt], target)
            write_engine_sheets(target, [layout], backup=False)

        ours_write = best_of(ours)
        copy_time = best_of(lambda: shutil.copy(small[fmt], target))
        ours_write -= copy_time

        if fmt == "ods":
            other_name = "pandas to_excel (odf), new file with only this sheet"
            other = best_of(lambda: frame.to_excel(workdir / "pandas.ods", sheet_name="Récolte", engine="odf", index=False), repeat=1)
        else:
            other_name = "openpyxl: load S, add the sheet, save"

            def with_openpyxl():
                workbook = openpyxl.load_workbook(small[fmt])
                sheet = workbook.create_sheet("Récolte")
                for row in layout.rows:
                    sheet.append(row)
                workbook.save(workdir / "openpyxl.xlsx")

            other = best_of(with_openpyxl, repeat=1)
        rows.append((f"Write a {ENGINE_ROWS:,}-row engine sheet into S ({fmt})", f"{ours_write:.2f} s", f"{other:.1f} s ({other_name})", f"{other / ours_write:.0f}×"))

    print(f"Machine: {platform.processor() or platform.machine()}, {platform.system()} {platform.release()}, Python {platform.python_version()}")
    import python_calamine  # noqa: F401
    from importlib.metadata import version

    print(f"python-calamine {version('python-calamine')}, pandas {pandas.__version__}, openpyxl {openpyxl.__version__}, odfpy {version('odfpy')}")
    print()
    print("| Measure | Mycélium | Reference | Ratio |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
