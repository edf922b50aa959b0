"""Time the orders engine against the pandas script a user would write.

Season S: 30,000 order lines in .ods, end to end as ``mycelium livraisons``
runs it (read, load, aggregate one week, write the five engine sheets), and
the aggregation of every line of the season.
Hub L: 1,000,000 order lines in .xlsx and .csv, totals per delivery day and
product, beside ``pandas.read_excel``/``read_csv`` then ``groupby``.

    python bench/bench_orders.py OUTDIR [S] [L] [L-csv]

"L-csv" runs only the CSV rows of L.

Prints a Markdown table. Workbooks come from ``bench/generate.py``.
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import generate  # noqa: E402

from mycelium_sheets.orders import deliveries_layouts, prepare_deliveries  # noqa: E402
from mycelium_sheets.orders.aggregate import harvest_lines  # noqa: E402
from mycelium_sheets.orders.quantities import price_line  # noqa: E402
from mycelium_sheets.orders.sources import collect_orders  # noqa: E402
from mycelium_sheets.schema.load import load_farm  # noqa: E402
from mycelium_sheets.workbook import read_workbook, write_engine_sheets  # noqa: E402

ORDERS_SHEET = "Commandes"

GROUP_BY = ["Date de livraison", "Produit"]


def timed(function):
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def engine_totals(path: Path) -> int:
    """Read a workbook, collect, price and add up every order line; return the number of harvest lines."""
    data = load_farm(path)
    collected = collect_orders(data)
    problems: list = []
    priced = [line for line in (price_line(order, problems) for order in collected.lines) if line is not None]
    return len(harvest_lines(priced, margin=0))


def pandas_totals(path: Path) -> int:
    import pandas

    if path.suffix == ".csv":
        frame = pandas_read_csv(path)
    else:
        engine = "openpyxl" if path.suffix == ".xlsx" else "odf"
        frame = pandas.read_excel(path, sheet_name=ORDERS_SHEET, engine=engine)
    return len(frame.groupby(GROUP_BY)["Quantité"].sum())


def pandas_read_csv(path: Path):
    import pandas

    return pandas.read_csv(path, sep=";", decimal=",")


def end_to_end(path: Path, outdir: Path) -> int:
    """Do what ``mycelium livraisons PATH --semaine 2027-W02 -o OUT`` does."""
    deliveries = prepare_deliveries(path, week="2027-W02", margin=None, language="fr")
    output = outdir / f"out{path.suffix}"
    write_engine_sheets(path, deliveries_layouts(deliveries), output=output, backup=False)
    return len(deliveries.lines)


def write_orders_csv(path: Path, order_lines: int) -> None:
    """Write the order sheet of a generated workbook as a French CSV (";" and decimal comma)."""
    _name, header, rows = generate.sheets(order_lines)[2]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(header)
        for row in rows:
            writer.writerow([value.strftime("%d/%m/%Y") if hasattr(value, "strftime") else
                             str(value).replace(".", ",") if isinstance(value, float) else value for value in row])


def engine_csv_totals(path: Path, catalogue: Path) -> int:
    """Read the orders CSV with the engine's reader and typed columns, with the catalogue of a workbook."""
    workbook = read_workbook(catalogue, sheets=["Produits", "Clients"])
    orders = read_workbook(path)
    sheet = next(iter(orders.sheets.values()))
    sheet.name = ORDERS_SHEET
    workbook.sheets[ORDERS_SHEET] = sheet
    data = load_farm(workbook)
    collected = collect_orders(data)
    problems: list = []
    priced = [line for line in (price_line(order, problems) for order in collected.lines) if line is not None]
    return len(harvest_lines(priced, margin=0))


def main(outdir: Path, sizes: list[str]) -> None:
    outdir = outdir / "orders"
    rows = []
    if "S" in sizes:
        ods, _xlsx = generate.generate(outdir, "S")
        seconds, lines = timed(lambda: end_to_end(ods, outdir))
        rows.append(("S", "ods", f"livraisons one week ({lines} lines), end to end", seconds, None))
        seconds, count = timed(lambda: engine_totals(ods))
        pandas_seconds, pandas_count = timed(lambda: pandas_totals(ods))
        rows.append(("S", "ods", f"totals of all 30,000 lines ({count} day × product)", seconds, pandas_seconds))
        assert count == pandas_count, (count, pandas_count)

    if "L" in sizes or "L-csv" in sizes:
        _ods, xlsx = generate.generate(outdir, "L")

    if "L" in sizes:
        seconds, count = timed(lambda: engine_totals(xlsx))
        pandas_seconds, pandas_count = timed(lambda: pandas_totals(xlsx))
        rows.append(("L", "xlsx", f"totals of 1,000,000 lines ({count} day × product)", seconds, pandas_seconds))
        assert count == pandas_count, (count, pandas_count)

    if "L" in sizes or "L-csv" in sizes:
        orders_csv = outdir / "farm-L-orders.csv"
        if not orders_csv.exists():
            write_orders_csv(orders_csv, generate.SIZES["L"])
        seconds, count = timed(lambda: len(read_workbook(orders_csv).sheets[orders_csv.stem].rows) - 1)
        pandas_seconds, pandas_count = timed(lambda: len(pandas_read_csv(orders_csv)))
        rows.append(("L", "csv", f"read only ({count} lines typed)", seconds, pandas_seconds))
        assert count == pandas_count, (count, pandas_count)

        seconds, count = timed(lambda: engine_csv_totals(orders_csv, xlsx))
        pandas_seconds, pandas_count = timed(lambda: pandas_totals(orders_csv))
        rows.append(("L", "csv", f"totals of 1,000,000 lines ({count} day × product)", seconds, pandas_seconds))
        assert count == pandas_count, (count, pandas_count)

    print("| Size | Format | Operation | Mycélium (s) | pandas (s) | Ratio |")
    print("|---|---|---|---:|---:|---:|")
    for size, fmt, operation, seconds, pandas_seconds in rows:
        if pandas_seconds is None:
            print(f"| {size} | {fmt} | {operation} | {seconds:.2f} | — | — |")
        else:
            ratio = pandas_seconds / seconds
            ratio_text = f"{ratio:.1f}× faster" if ratio >= 1 else f"{1 / ratio:.1f}× slower"
            print(f"| {size} | {fmt} | {operation} | {seconds:.2f} | {pandas_seconds:.2f} | {ratio_text} |")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), sys.argv[2:] or ["S"])
