"""Publishing to the embedded store and to a real Oxigraph server on 127.0.0.1."""

import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request
import json

import pytest

from mycelium_sheets.errors import SemanticDataError
from mycelium_sheets.semantic.export_graph import build_document
from mycelium_sheets.semantic.store import publish, publish_local, store_path

from .conftest import require
from .farm import BASE, make_farm

GRAPH = BASE + "enterprise"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    binary = shutil.which("oxigraph")
    require(binary is not None, "the oxigraph server (PyPI package oxigraph) is not installed")
    port = free_port()
    process = subprocess.Popen([binary, "serve", "--location", str(tmp_path / "server"), "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            time.sleep(0.1)
    else:
        process.kill()
        pytest.fail("oxigraph did not start: " + process.stderr.read().decode())
    yield url
    process.terminate()
    process.wait(timeout=10)


def select(url: str, query: str) -> list[dict]:
    request = urllib.request.Request(url + "/query?" + urllib.parse.urlencode({"query": query}),
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)["results"]["bindings"]


def count(url: str, where: str) -> int:
    rows = select(url, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH}> {{ {where} }} }}")
    return int(rows[0]["n"]["value"])


def test_publish_twice_to_server(server, tmp_path):
    workbook = tmp_path / "ferme.ods"
    data = make_farm()
    triples = len(set(build_document(data).triples))

    first = publish(data, workbook, endpoint=server + "/store")
    second = publish(data, workbook, endpoint=server + "/store")

    assert first.triples == second.triples == triples
    assert count(server, "?s ?p ?o") == triples  # replaced, not added twice
    prefix = "https://github.com/datafoodconsortium/ontology/releases/latest/download/DFC_BusinessOntology.owl#"
    assert count(server, f"?s a <{prefix}SuppliedProduct>") == 4
    assert count(server, f"?s a <{prefix}OrderLine>") == 3
    rows = select(server, f"SELECT ?v WHERE {{ GRAPH <{GRAPH}> {{ <{BASE}products/car-b/offer> "
                          f"<{prefix}hasPrice> ?p . ?p <{prefix}value> ?v }} }}")
    assert [row["v"]["value"] for row in rows] == ["2.20"]


def test_unreachable_endpoint_keeps_local_copy(tmp_path):
    workbook = tmp_path / "ferme.ods"
    with pytest.raises(SemanticDataError) as raised:
        publish(make_farm(), workbook, endpoint=f"http://127.0.0.1:{free_port()}/store", timeout=2)
    assert "cannot be reached" in raised.value.message
    assert store_path(workbook).is_dir()


def test_refusing_endpoint_is_error(server, tmp_path):
    with pytest.raises(SemanticDataError) as raised:
        publish(make_farm(), tmp_path / "ferme.ods", endpoint=server + "/no-such-service")
    assert "HTTP" in raised.value.message


def test_local_store_replaced_not_duplicated(tmp_path):
    import pyoxigraph

    document = build_document(make_farm())
    folder = tmp_path / "ferme.ods.dfc-store"
    assert publish_local(document, folder) == publish_local(document, folder) == len(set(document.triples))
    store = pyoxigraph.Store(str(folder))
    assert len(list(store.quads_for_pattern(None, None, None, pyoxigraph.NamedNode(GRAPH)))) == len(set(document.triples))


def test_ods_and_xlsx_get_own_stores(tmp_path):
    data = make_farm()
    first = publish(data, tmp_path / "d.ods")
    second = publish(data, tmp_path / "d.xlsx")

    assert first.store == tmp_path / "d.ods.dfc-store"
    assert second.store == tmp_path / "d.xlsx.dfc-store"
    assert first.store.is_dir()
    assert second.store.is_dir()


def test_old_store_renamed_when_alone(tmp_path):
    old = tmp_path / "ferme.dfc-store"
    publish_local(build_document(make_farm()), old)
    (tmp_path / "ferme.ods").write_bytes(b"")

    publication = publish(make_farm(), tmp_path / "ferme.ods")

    assert publication.store == tmp_path / "ferme.ods.dfc-store"
    assert not old.exists()


def test_old_store_kept_beside_twin_workbook(tmp_path):
    old = tmp_path / "ferme.dfc-store"
    publish_local(build_document(make_farm()), old)
    (tmp_path / "ferme.ods").write_bytes(b"")
    (tmp_path / "ferme.xlsx").write_bytes(b"")

    publish(make_farm(), tmp_path / "ferme.ods")

    # the old store could be either workbook's, so it stays for the farmer to sort out
    assert old.is_dir()
    assert (tmp_path / "ferme.ods.dfc-store").is_dir()
