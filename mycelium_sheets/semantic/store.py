"""Publishing the farm's DFC graph: an embedded Oxigraph store beside the workbook, and SPARQL endpoints.

The farm's triples live in one named graph, named by the farm enterprise's
IRI, and each publication replaces that graph whole, so publishing twice
never duplicates anything. The local store is written first, so a remote
endpoint that is down or refuses still leaves an up-to-date local copy.
"""

from __future__ import annotations

import io
import logging
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from glob import escape as glob_escape
from pathlib import Path

from ..errors import Location, SemanticDataError
from ..i18n import _
from .terms import Document

logger = logging.getLogger(__name__)

STORE_SUFFIX = ".dfc-store"
TIMEOUT_SECONDS = 30


@dataclass
class Publication:
    """The place a graph was published to and its number of triples."""

    graph: str
    triples: int
    store: Path
    endpoint: str | None = None


def store_path(workbook: str | Path) -> Path:
    """Return the folder of the embedded store: ``ferme.ods`` gives ``ferme.ods.dfc-store`` beside it.

    The whole file name is kept so that ``ferme.ods`` and ``ferme.xlsx`` in
    one folder never share a store.
    """
    workbook = Path(workbook)
    return workbook.with_name(workbook.name + STORE_SUFFIX)


def adopt_old_store(workbook: str | Path) -> Path | None:
    """Rename a store named after the workbook's stem (``ferme.dfc-store``) to its current name.

    Earlier versions named the store without the suffix. It is renamed only
    when the new store does not exist yet and no other workbook of the same
    stem sits beside this one, because the old store could then be either
    workbook's. Returns the new folder when a store was renamed.
    """
    workbook = Path(workbook)
    old, new = workbook.with_name(workbook.stem + STORE_SUFFIX), store_path(workbook)
    if new.exists() or not old.is_dir():
        return None
    siblings = [path for path in workbook.parent.glob(glob_escape(workbook.stem) + ".*")
                if path.suffix.lower() in (".ods", ".xlsx", ".xls", ".csv") and path.name != workbook.name]
    if siblings:
        logger.info("old store %s left as it is, because %s could also own it", old, siblings[0].name)
        return None
    old.rename(new)
    logger.info("renamed the store %s to %s", old, new)
    return new


def ntriples(document: Document) -> str:
    from .stream import sorted_triples, write_ntriples

    out = io.StringIO()
    write_ntriples(sorted_triples(document.triples), out)
    return out.getvalue()


def graph_name(document: Document) -> str:
    """Return the named graph of a farm document: its enterprise's IRI."""
    from . import vocabulary as v

    for subject, predicate, term in document.triples:
        if predicate == v.RDF_TYPE and term == v.business("Enterprise") and subject.endswith("/enterprise"):
            return str(subject)
    raise SemanticDataError(_("the document has no farm enterprise to name its graph"))


def publish_local(document: Document, folder: Path) -> int:
    """Replace the farm's named graph in the embedded store at ``folder``; return the triples stored."""
    import pyoxigraph

    graph = pyoxigraph.NamedNode(graph_name(document))
    try:
        store = pyoxigraph.Store(str(folder))
    except OSError as error:
        raise SemanticDataError(
            _("the local DFC store cannot be opened: {reason}").format(reason=error),
            location=Location(file=str(folder)),
            remedy=_("Close any other program that uses this folder, or delete the folder to start afresh."),
        ) from None
    try:
        # NOTE: the removal and the load are two operations, so a reader
        # opening the store between them finds an empty graph.
        store.remove_graph(graph)
        store.load(ntriples(document), format=pyoxigraph.RdfFormat.N_TRIPLES, to_graph=graph)
        store.flush()
        count = sum(1 for _ in store.quads_for_pattern(None, None, None, graph))
    finally:
        del store
    logger.info("published %d triples in graph %s of the local store %s", count, graph.value, folder)
    return count


def publish_sparql(document: Document, endpoint: str, *, timeout: float = TIMEOUT_SECONDS) -> None:
    """Replace the farm's named graph on a SPARQL 1.1 Graph Store endpoint with an HTTP PUT.

    ``endpoint`` is the Graph Store URL (``http://127.0.0.1:7878/store`` for
    Oxigraph). Raises SemanticDataError when the endpoint cannot be reached,
    times out or returns an error status.
    """
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise SemanticDataError(
            _("the SPARQL endpoint is not an http(s) URL"), value=endpoint,
            remedy=_("Give the Graph Store address, for example http://127.0.0.1:7878/store."),
        )
    separator = "&" if parts.query else "?"
    url = endpoint + separator + urllib.parse.urlencode({"graph": graph_name(document)})
    request = urllib.request.Request(
        url, data=ntriples(document).encode("utf-8"), method="PUT",
        headers={"Content-Type": "application/n-triples; charset=utf-8"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            logger.info("published graph to %s: HTTP %s", endpoint, response.status)
    except urllib.error.HTTPError as error:
        detail = error.read(500).decode("utf-8", "replace").strip()
        raise SemanticDataError(
            _("the SPARQL endpoint refused the graph: HTTP {status} {reason}").format(
                status=error.code, reason=error.reason),
            value=endpoint, details=[detail] if detail else None,
            remedy=_("Check the endpoint's address and that it accepts Graph Store PUT requests; "
                     "the local copy was written."),
        ) from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise SemanticDataError(
            _("the SPARQL endpoint cannot be reached: {reason}").format(reason=reason), value=endpoint,
            remedy=_("Check that the server is running and the address is right; the local copy was written."),
        ) from None


def publish(data, workbook: str | Path, *, endpoint: str | None = None, timeout: float = TIMEOUT_SECONDS) -> Publication:
    """Validate the farm's DFC document, store it beside the workbook and, with ``endpoint``, send it there."""
    from .export_graph import build_document

    document = build_document(data)
    adopt_old_store(workbook)
    folder = store_path(workbook)
    count = publish_local(document, folder)
    publication = Publication(graph=graph_name(document), triples=count, store=folder)
    if endpoint:
        publish_sparql(document, endpoint, timeout=timeout)
        publication.endpoint = endpoint
    return publication
