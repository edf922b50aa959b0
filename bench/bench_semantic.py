"""Export order lines as DFC N-Triples/Turtle: streaming writer against rdflib.

Usage: python bench/bench_semantic.py [LINES] [RDFLIB_LINES]

Each measurement runs in its own Python process so that its peak memory
(ru_maxrss) is its own. The streaming writer runs on LINES order lines
(1,000,000 by default) and on a tenth of them, to show whether memory grows
with the number of lines. rdflib (build a Graph, then serialise) runs on
RDFLIB_LINES (100,000 by default), because a million lines would need
several gigabytes. The time includes making the OrderLine objects. Prints a
Markdown table.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))

from tests.semantic.farm import make_farm  # noqa: E402


def order_lines(data, count: int):
    """Yield ``count`` order lines of the test farm, ten per order, one order per customer and delivery day."""
    from mycelium_sheets.model.orders import OrderLine

    products, customers = data.products, data.customers
    start = dt.date(2027, 1, 5)
    for index in range(count):
        order = index // 10
        day = start + dt.timedelta(days=(order // len(customers)) % 700)
        customer = customers[order % len(customers)]
        yield OrderLine(delivery_date=day, customer=customer, product=products[index % len(products)],
                        quantity=Decimal(1 + index % 7), order_number=f"N{order}")


def child(mode: str, count: int, output: str) -> None:
    from mycelium_sheets.semantic.stream import stream_orders

    data = make_farm()
    started = time.perf_counter()
    with open(output, "w", encoding="utf-8") as out:
        if mode in ("ntriples", "turtle"):
            triples = stream_orders(data, order_lines(data, count), out, format=mode)
        else:
            from mycelium_sheets.semantic.export_graph import to_graph
            from mycelium_sheets.semantic.mapping import farm_document

            graph = to_graph(farm_document(data, order_lines=list(order_lines(data, count))))
            triples = len(graph)
            out.write(graph.serialize(format="nt" if mode == "rdflib-nt" else "turtle"))
    elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": elapsed, "triples": triples, "peak_mb": peak_mb}))


def measure(mode: str, count: int) -> dict:
    output = os.devnull
    result = subprocess.run([sys.executable, __file__, "--child", mode, str(count), output],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def main() -> None:
    lines = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    rdflib_lines = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    runs = [
        ("streaming N-Triples", "ntriples", lines // 10),
        ("streaming N-Triples", "ntriples", lines),
        ("streaming Turtle", "turtle", lines),
        ("rdflib Graph → N-Triples", "rdflib-nt", rdflib_lines),
        ("rdflib Graph → Turtle", "rdflib-ttl", rdflib_lines // 4),
    ]
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs\n")
    print("| Writer | Order lines | Triples | Seconds | µs per line | Peak memory (MB) |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, mode, count in runs:
        result = measure(mode, count)
        per_line = result["seconds"] / count * 1e6
        print(f"| {label} | {count:,} | {result['triples']:,} | {result['seconds']:.1f} | {per_line:.1f} | "
              f"{result['peak_mb']:.0f} |")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    else:
        main()
