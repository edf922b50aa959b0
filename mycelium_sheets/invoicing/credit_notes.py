"""Credit notes: the only way to correct an issued invoice.

A credit note cancels a whole invoice. It takes the next number of the same
series, repeats the invoice's lines with the same amounts, and names the
invoice it refers to (number and date). Once an invoice is credited, its
order lines can be invoiced again with the corrected quantities.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from ..errors import InvoicingError
from ..i18n import _
from . import mentions
from .document import CREDIT_NOTE, Invoice
from .register import Register


def draft_credit_note(register: Register, number: str, issue_date: dt.date, language: str) -> Invoice:
    """Return the credit note cancelling invoice ``number``, without its own number yet."""
    original = register.find(number)
    if original is None:
        known = ", ".join(invoice.number for invoice in register.invoices[-3:]) or _("none")
        raise InvoicingError(
            _("no invoice with this number in the register"), value=number,
            remedy=_("Give the number of an issued invoice (the last ones are {numbers}).").format(numbers=known),
        )
    if original.kind == CREDIT_NOTE:
        raise InvoicingError(_("this number is a credit note, not an invoice"), value=number,
                             remedy=_("Give the number of the invoice to cancel."))
    if number in register.credited_numbers():
        raise InvoicingError(_("this invoice already has a credit note"), value=number,
                             remedy=_("An invoice can be cancelled only once."))

    texts = (mentions.credit_note_mention(original.number, original.issue_date, language),) + tuple(
        text for text in original.mentions if text != mentions.discount_mention(original.language))
    return dataclasses.replace(
        original,
        kind=CREDIT_NOTE,
        number="",
        sequence=0,
        issue_date=issue_date,
        due_date=issue_date,
        language=language,
        mentions=texts,
        original_number=original.number,
        original_date=original.issue_date,
        # The credited lines are released, so they no longer hold their order keys.
        lines=tuple(dataclasses.replace(line, order_key=None) for line in original.lines),
    )
