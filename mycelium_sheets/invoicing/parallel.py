"""Rendering many invoice PDFs over several processes.

A PDF costs tens of milliseconds of pure Python in fpdf2, so a run of
hundreds of invoices is bound by one CPU core. Worker processes render the
bytes and the calling process writes every file itself, in number order,
so crash safety stays as with one process: a file is either complete or
absent, and the next run writes the missing ones.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat
from pathlib import Path

from .document import Invoice

logger = logging.getLogger(__name__)

# Starting a worker process (it imports fpdf2, fontTools, pypdf and
# factur-x) costs about as much CPU as rendering 15 invoices, so a worker
# is started only for at least this many documents.
MIN_DOCUMENTS_PER_WORKER = 20

# Documents sent to a worker at a time, to cut inter-process round trips.
CHUNK_SIZE = 4

PARENT_POLL_SECONDS = 1.0


def usable_cpu_count() -> int:
    """Return the number of CPU cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS and Windows have no affinity call
        return os.cpu_count() or 1


def worker_count(requested: int | None, documents: int) -> int:
    """Return how many worker processes to start for a number of documents; 1 means render in-process."""
    workers = usable_cpu_count() if requested is None else requested
    return max(1, min(workers, documents // MIN_DOCUMENTS_PER_WORKER))


def _exit_with_parent(parent_pid: int) -> None:
    # A worker whose parent was killed (out of memory, kill -9) would wait
    # for work forever, so each worker leaves once its parent is gone.
    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(PARENT_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _render(invoice: Invoice, profile: str | None, workbook_folder: Path) -> bytes:
    from .service import render_document

    return render_document(invoice, profile, workbook_folder)


def render_documents(invoices: Sequence[Invoice], profile: str | None, workbook_folder: Path,
                     workers: int | None = 1) -> Iterator[bytes]:
    """Yield the PDF of each document, in order, rendered by up to ``workers`` processes.

    ``workers`` None uses every usable core. An error raised while rendering
    a document is raised here, at that document, after the earlier ones were
    yielded. Close the generator (``contextlib.closing``) when stopping
    early, so the worker processes end at once.
    """
    count = worker_count(workers, len(invoices))
    if count <= 1:
        for invoice in invoices:
            yield _render(invoice, profile, workbook_folder)
        return

    import multiprocessing

    # "spawn" because forking a process that may hold threads (a progress
    # bar, LibreOffice) can deadlock, and it is the only method on Windows.
    context = multiprocessing.get_context("spawn")
    logger.info("rendering %d documents over %d processes", len(invoices), count)
    executor = ProcessPoolExecutor(count, mp_context=context, initializer=_exit_with_parent, initargs=(os.getpid(),))
    try:
        yield from executor.map(_render, invoices, repeat(profile), repeat(workbook_folder), chunksize=CHUNK_SIZE)
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
