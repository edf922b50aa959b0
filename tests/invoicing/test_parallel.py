import datetime as dt
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from mycelium_sheets.i18n import set_language
from mycelium_sheets.invoicing import invoices_folder, issue_invoices, load_register, month_selection
from mycelium_sheets.invoicing.parallel import MIN_DOCUMENTS_PER_WORKER, worker_count

from .conftest import ORDER_HEADER, write_workbook

REPO = Path(__file__).parents[2]
ISSUED = dt.date(2027, 6, 30)
# Enough monthly customers for two worker processes.
CUSTOMER_COUNT = 2 * MIN_DOCUMENTS_PER_WORKER + 5

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def english():
    set_language("en")


@pytest.fixture
def many_customers(tmp_path):
    """A workbook where each of CUSTOMER_COUNT private customers bought n bunches of carrots on 8 June 2027."""
    customers = [("Client", "Type", "Adresse", "Code postal", "Commune", "SIREN", "Facturation")]
    orders = []
    for number in range(1, CUSTOMER_COUNT + 1):
        name = f"Client {number:02d}"
        customers.append((name, "Particulier", f"{number} rue des Lilas", "35000", "Rennes", None, "Mensuelle"))
        orders.append((dt.datetime(2027, 6, 8), name, "Carotte botte", number, None, None))
    assert ORDER_HEADER[:4] == ("Date de livraison", "Client", "Produit", "Quantité")
    return write_workbook(tmp_path / "ferme.xlsx", customers=customers, orders=orders)


@pytest.mark.parametrize("requested, documents, expected", [
    (2, 2 * MIN_DOCUMENTS_PER_WORKER, 2),
    (2, 2 * MIN_DOCUMENTS_PER_WORKER - 1, 1),  # too few documents for a second worker
    (4, 3 * MIN_DOCUMENTS_PER_WORKER, 3),
    (1, 1000, 1),
    (2, 0, 1),
])
def test_worker_count(requested, documents, expected):
    assert worker_count(requested, documents) == expected


def test_pool_writes_each_number_once(many_customers):
    import facturx
    from lxml import etree

    result = issue_invoices(many_customers, month_selection("2027-06"), issue_date=ISSUED, profile="en16931",
                            language="fr", workers=2)

    numbers = [invoice.number for invoice in result.issued]
    assert numbers == [f"FT-{sequence:05d}" for sequence in range(1, CUSTOMER_COUNT + 1)]
    assert [path.name for path in result.pdfs] == [f"{number}.pdf" for number in numbers]
    namespace = {"ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
                 "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"}
    by_customer = {invoice.buyer.name: invoice for invoice in result.issued}
    for number in (1, 13, CUSTOMER_COUNT):
        invoice = by_customer[f"Client {number:02d}"]
        _name, xml = facturx.get_facturx_xml_from_pdf((invoices_folder(many_customers) / f"{invoice.number}.pdf").read_bytes())
        root = etree.fromstring(xml)
        # Each file contains its own document: the number in the XML is the file's.
        assert root.findtext("rsm:ExchangedDocument/ram:ID", namespaces=namespace) == invoice.number
        # n bunches × 2.20 € plus 5.5 % VAT, rounded once: n = 13 gives 28.60 + 1.573 → 1.57 = 30.17.
        if number == 13:
            assert root.findtext(".//ram:GrandTotalAmount", namespaces=namespace) == "30.17"


def _processes_with(marker: str) -> list[int]:
    """Return the ids of the running processes whose environment contains the marker."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environment = (entry / "environ").read_bytes()
        except OSError:
            continue
        if marker.encode() in environment:
            found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="lists processes through /proc")
def test_killed_pool_run_leaves_no_worker(many_customers):
    marker = f"MYCELIUM_TEST_RUN={uuid.uuid4().hex}"
    name, value = marker.split("=")
    environment = dict(os.environ, PYTHONPATH=str(REPO), **{name: value})
    command = [sys.executable, "-c", "from mycelium_sheets.cli import main; main()", "--lang", "en", "invoices",
               str(many_customers), "--period", "2027-06", "--date", ISSUED.isoformat(), "--profile", "none",
               "--jobs", "2"]

    # No pipes: a worker left running would hold them open and block this call.
    killed = subprocess.run(command, env=dict(environment, MYCELIUM_INVOICING_KILL_AT="pdf-3"),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    assert killed.returncode == -9
    # The workers notice their parent is gone within a poll interval of a second.
    deadline = time.monotonic() + 15
    while _processes_with(marker) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _processes_with(marker) == []
    assert len(list(invoices_folder(many_customers).glob("*.pdf"))) == 3

    finished = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr
    numbers = [invoice.number for invoice in load_register(many_customers).invoices]
    assert numbers == [f"FT-{sequence:05d}" for sequence in range(1, CUSTOMER_COUNT + 1)]
    pdfs = sorted(path.name for path in invoices_folder(many_customers).glob("*.pdf"))
    assert pdfs == [f"{number}.pdf" for number in numbers]


def test_cli_progress_bar_counts_pdfs():
    import io

    import click

    from mycelium_sheets.cli.invoicing_commands import _bar_step

    with click.progressbar(length=0, label="Invoices", file=io.StringIO()) as bar:
        step = _bar_step(bar)
        step(1, 45)
        step(2, 45)
        assert bar.length == 45
        assert bar.pos == 2
    assert _bar_step([]) is None  # no bar when stderr is not a terminal
