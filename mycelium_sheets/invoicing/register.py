"""The register of issued invoices: an append-only journal file beside the workbook.

The journal ``registre.jsonl`` in the invoices folder is the authoritative
register. Each line is one issued document (the full invoice, so its PDF
can be rebuilt), its sequence, and a SHA-256 hash chained to the previous
line, so that a number changed or a line deleted by hand is detected. New
lines are written to a temporary file which replaces the journal in one
rename after an fsync: a run killed at any point leaves either the old
journal or the new one, never half a line. The "Registre des factures"
engine sheet in the workbook is a copy of it for reading.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import hashlib
import json
import os
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ..errors import InvoicingError, Location
from ..i18n import _
from .build import InvoicedLine
from .document import CREDIT_NOTE, Invoice

JOURNAL_NAME = "registre.jsonl"
LOCK_NAME = ".registre.lock"
FOLDER_SUFFIX = "-factures"
GENESIS = "0" * 64
# Key of ``Invoice.extra`` listing the 0-based indices of the original
# invoice's lines that a partial credit note cancels.
CREDITED_LINES = "credited_lines"


def _sequence_key(number: str) -> tuple[str, int] | None:
    """Return the prefix and the value of the trailing digits of a number (FA2027-, 3), or None without digits."""
    match = re.fullmatch(r"(.*?)(\d+)", number)
    return (match.group(1), int(match.group(2))) if match else None


def invoices_folder(workbook: str | Path) -> Path:
    """Return the folder beside the workbook that contains its register and PDFs."""
    path = Path(workbook)
    return path.with_name(path.stem + FOLDER_SUFFIX)


def _entry_hash(entry: dict) -> str:
    body = {key: value for key, value in entry.items() if key != "hash"}
    text = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Entry:
    """One line of the journal: an issued document and its place in the chain."""

    sequence: int
    invoice: Invoice
    raw: dict


class Register:
    """The issued documents of a farm, read from and appended to its journal."""

    def __init__(self, folder: Path, entries: list[Entry]):
        self.folder = folder
        self.entries = entries

    @property
    def path(self) -> Path:
        return self.folder / JOURNAL_NAME

    @classmethod
    def load(cls, folder: str | Path) -> "Register":
        """Read the journal and check its chain; raise InvoicingError at the first tampered line."""
        folder = Path(folder)
        path = folder / JOURNAL_NAME
        entries: list[Entry] = []
        if not path.exists():
            return cls(folder, entries)
        previous = GENESIS
        numbers: set[str] = set()
        for index, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            location = Location(file=str(path), cell=_("line {line}").format(line=index))
            remedy = _("Restore the journal from a backup: issued invoices can never be edited or deleted.")
            try:
                raw = json.loads(text)
                invoice = Invoice.from_dict(raw["invoice"])
            except (ValueError, KeyError, TypeError) as error:
                raise InvoicingError(_("the invoice register is damaged: {error}").format(error=error),
                                     location=location, remedy=remedy) from None
            if raw.get("sequence") != index or invoice.sequence != index:
                raise InvoicingError(_("the invoice register has a gap or a line out of order"),
                                     location=location, value=raw.get("sequence"), remedy=remedy)
            if raw.get("previous") != previous or raw.get("hash") != _entry_hash(raw):
                raise InvoicingError(_("the invoice register was edited by hand: this line does not match its checksum"),
                                     location=location, value=invoice.number, remedy=remedy)
            if invoice.number in numbers:
                raise InvoicingError(_("the invoice number appears twice in the register"),
                                     location=location, value=invoice.number, remedy=remedy)
            numbers.add(invoice.number)
            previous = raw["hash"]
            entries.append(Entry(index, invoice, raw))
        return cls(folder, entries)

    @property
    def invoices(self) -> list[Invoice]:
        return [entry.invoice for entry in self.entries]

    @property
    def next_sequence(self) -> int:
        return len(self.entries) + 1

    @property
    def last_issue_date(self) -> dt.date | None:
        return self.entries[-1].invoice.issue_date if self.entries else None

    def find(self, number: str) -> Invoice | None:
        """Return the document with this number, compared without case and surrounding spaces, or None."""
        wanted = number.strip().upper()
        for entry in self.entries:
            if entry.invoice.number.upper() == wanted:
                return entry.invoice
        return None

    def close_numbers(self, number: str, count: int = 3) -> list[str]:
        """Return up to ``count`` issued numbers closest to a mistyped one, the closest first.

        A number with the same prefix and the same sequence value comes first,
        so FA2027-0003 (a zero left out) finds FA2027-00003.
        """
        numbers = {invoice.number.upper(): invoice.number for invoice in self.invoices}
        typed = number.strip().upper()
        typed_key = _sequence_key(typed)
        same_value = [issued for issued in numbers if typed_key is not None and _sequence_key(issued) == typed_key]
        similar = difflib.get_close_matches(typed, list(numbers), n=count, cutoff=0.6)
        matches = list(dict.fromkeys(same_value + similar))[:count]
        return [numbers[match] for match in matches]

    def credited_lines(self) -> dict[str, set[int]]:
        """Return, per invoice number, the 0-based indices of the lines that credit notes cancel.

        A credit note without ``CREDITED_LINES`` in its ``extra`` cancels
        every line of its invoice.
        """
        by_number = {invoice.number: invoice for invoice in self.invoices}
        credited: dict[str, set[int]] = {}
        for document in self.invoices:
            if document.kind != CREDIT_NOTE or not document.original_number:
                continue
            indices = document.extra.get(CREDITED_LINES)
            if indices is None:
                original = by_number.get(document.original_number)
                indices = range(len(original.lines)) if original else ()
            credited.setdefault(document.original_number, set()).update(indices)
        return credited

    def credited_numbers(self) -> set[str]:
        """Return the numbers of the invoices whose every line is cancelled by credit notes."""
        by_number = {invoice.number: invoice for invoice in self.invoices}
        return {number for number, indices in self.credited_lines().items()
                if number in by_number and len(indices) >= len(by_number[number].lines)}

    def invoiced_lines(self) -> dict[str, InvoicedLine]:
        """Return the order lines covered by invoice lines that no credit note cancelled."""
        credited = self.credited_lines()
        covered: dict[str, InvoicedLine] = {}
        for invoice in self.invoices:
            if invoice.kind == CREDIT_NOTE:
                continue
            released = credited.get(invoice.number, set())
            for index, line in enumerate(invoice.lines):
                if line.order_key and index not in released:
                    covered[line.order_key] = InvoicedLine(invoice.number, line.quantity)
        return covered

    def append(self, invoices: list[Invoice]) -> None:
        """Add issued documents at the end of the journal, atomically and durably."""
        if not invoices:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        previous = self.entries[-1].raw["hash"] if self.entries else GENESIS
        new_entries = []
        for invoice in invoices:
            if invoice.sequence != len(self.entries) + len(new_entries) + 1:
                raise AssertionError(f"invoice {invoice.number} has sequence {invoice.sequence}, expected the next one")
            raw = {"sequence": invoice.sequence, "number": invoice.number, "kind": invoice.kind,
                   "issue_date": invoice.issue_date.isoformat(), "invoice": invoice.to_dict(), "previous": previous}
            raw["hash"] = _entry_hash(raw)
            previous = raw["hash"]
            new_entries.append(Entry(invoice.sequence, invoice, raw))

        lines = [json.dumps(entry.raw, ensure_ascii=False, sort_keys=True) for entry in self.entries + new_entries]
        write_atomically(self.path, ("\n".join(lines) + "\n").encode("utf-8"))
        self.entries.extend(new_entries)


def write_atomically(path: Path, content: bytes) -> None:
    """Write a file through a temporary copy, fsync and one rename, so a crash keeps the old or the new file."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(temporary, "wb") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    if hasattr(os, "O_DIRECTORY"):
        descriptor = os.open(path.parent, os.O_DIRECTORY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


@contextlib.contextmanager
def register_lock(folder: Path):
    """Hold the register's lock for one run; a second run at the same time is rejected.

    The operating system releases the lock when the process ends, even when
    it is killed, so a crash never leaves a stale lock behind. When this run
    created the folder and leaves it without a journal (it issued nothing,
    or stopped on an error), the folder is removed again.
    """
    created = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    handle = open(folder / LOCK_NAME, "a+b")
    try:
        try:
            _lock(handle)
        except OSError:
            raise InvoicingError(
                _("another invoicing run is using this register"),
                location=Location(file=str(folder / JOURNAL_NAME)),
                remedy=_("Wait for it to finish, then run the command again."),
            ) from None
        yield
    finally:
        unused = created and not (folder / JOURNAL_NAME).exists()
        if unused:
            # Removed while still locked, so no other run can hold a lock on
            # this file. Windows refuses to remove an open file: the folder then stays.
            with contextlib.suppress(OSError):
                (folder / LOCK_NAME).unlink()
        handle.close()
        if unused:
            # rmdir fails, and the folder stays, when another run put a file in it.
            with contextlib.suppress(OSError):
                folder.rmdir()


def _lock(handle) -> None:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        return
    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def totals_by_number(register: Register) -> dict[str, Decimal]:
    return {invoice.number: invoice.totals.grand_total for invoice in register.invoices}
