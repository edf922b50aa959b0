"""Invoices: legal French invoices, credit notes, Factur-X and the sales journal.

The computation (drafting, totals, VAT regimes, numbering, register) runs
on the standard library. PDFs use fpdf2 and Factur-X embedding uses the
factur-x package, both imported only when a document is written.
"""

from .build import Drafts, draft_invoices
from .document import CREDIT_NOTE, INVOICE, Invoice, InvoiceLine, Party, Totals
from .periods import Selection, month_selection, week_selection
from .register import Register, invoices_folder
from .service import IssueResult, export_journal, issue_credit_note, issue_invoices, load_register
from .totals import compute_totals

__all__ = [
    "CREDIT_NOTE", "INVOICE", "Drafts", "Invoice", "InvoiceLine", "IssueResult", "Party", "Register", "Selection",
    "Totals", "compute_totals", "draft_invoices", "export_journal", "invoices_folder", "issue_credit_note",
    "issue_invoices", "load_register", "month_selection", "week_selection",
]
