"""Credit notes: the only way to correct an issued invoice.

A credit note cancels a whole invoice, or chosen lines of it. It takes the
next number of the same series, repeats the credited lines with the same
amounts, and names the invoice it refers to (number and date). Once a line
is credited, its order line can be invoiced again with the corrected
quantity.

Each credit note computes its VAT per rate on its own summed base, like an
invoice, because each document must satisfy EN 16931 rule BR-CO-17 (VAT
of a rate = its base times the rate, rounded) on its own. The VAT of the
partial credit notes of an invoice may therefore add up to a little more or
less than the invoice's VAT: each note's rounding is within half a cent per
rate, so two notes differ from the invoice by at most a cent per rate.
Pushing that gap into the last credit note would make that note's VAT wrong
for its base, or even negative.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from ..errors import InvoicingError
from ..i18n import _, ngettext
from . import mentions
from .document import CREDIT_NOTE, Invoice
from .register import CREDITED_LINES, Register
from .totals import compute_totals


def _chosen_indices(original: Invoice, line_numbers: Sequence[int] | None, already: set[int],
                    credit_notes: list[str]) -> list[int]:
    """Return the 0-based indices of the lines to credit, checking the 1-based numbers given.

    ``credit_notes`` are the numbers of the credit notes already issued for the invoice.
    """
    count = len(original.lines)
    if line_numbers is None:
        chosen = [index for index in range(count) if index not in already]
        if not chosen:
            raise InvoicingError(
                ngettext("invoice {number} is already cancelled by credit note {credit_notes}",
                         "invoice {number} is already cancelled by credit notes {credit_notes}",
                         len(credit_notes)).format(number=original.number, credit_notes=", ".join(credit_notes)),
                value=original.number, remedy=_("An invoice can be cancelled only once."))
        return chosen

    chosen = []
    for number in line_numbers:
        if not 1 <= number <= count:
            raise InvoicingError(
                _("invoice {number} has no line {line}").format(number=original.number, line=number), value=number,
                remedy=_("Give line numbers from 1 to {count}, in the order the invoice prints them.").format(count=count))
        if number - 1 in already:
            raise InvoicingError(
                _("line {line} of invoice {number} is already credited").format(line=number, number=original.number),
                value=number, remedy=_("Each line can be credited only once: leave it out."))
        if number - 1 not in chosen:
            chosen.append(number - 1)
    if not chosen:
        raise InvoicingError(_("no line to credit was given"), value=original.number,
                             remedy=_("Give line numbers such as 1,3, or none to credit the whole invoice."))
    return sorted(chosen)


def _vat_mentions(original: Invoice) -> list[str]:
    """Return the mentions of the original invoice that a credit note repeats: its VAT regime and operation.

    Payment terms, late-payment penalties, the discount and the periodic
    invoice title concern the payment of the invoice, not its refund.
    """
    language = original.language
    kept = {mentions.franchise_mention(language), mentions.flat_rate_mention(language),
            mentions.flat_rate_buyer_mention(language), mentions.flat_rate_individual_mention(language),
            mentions.operation_category_mention(language)}
    return [text for text in original.mentions if text in kept]


def draft_credit_note(register: Register, number: str, issue_date: dt.date, language: str,
                      line_numbers: Sequence[int] | None = None) -> Invoice:
    """Return the credit note cancelling invoice ``number``, without its own number yet.

    ``line_numbers`` are the 1-based numbers of the lines to credit, in the
    order the invoice prints them. None credits every line not credited yet.
    """
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
    already = register.credited_lines().get(number, set())
    credit_notes = [document.number for document in register.invoices
                    if document.kind == CREDIT_NOTE and document.original_number == original.number]
    chosen = _chosen_indices(original, line_numbers, already, credit_notes)

    # The credited lines are released, so they no longer hold their order keys.
    lines = tuple(dataclasses.replace(original.lines[index], order_key=None) for index in chosen)
    whole = not already and len(chosen) == len(original.lines)
    totals = original.totals if whole else compute_totals(lines, language)

    texts = [mentions.credit_note_mention(original.number, original.issue_date, language)]
    if not whole:
        texts.append(mentions.partial_credit_note_mention([index + 1 for index in chosen], language))
    texts.extend(_vat_mentions(original))
    return dataclasses.replace(
        original,
        kind=CREDIT_NOTE,
        number="",
        sequence=0,
        issue_date=issue_date,
        due_date=issue_date,
        language=language,
        mentions=tuple(texts),
        original_number=original.number,
        original_date=original.issue_date,
        lines=lines,
        totals=totals,
        extra={**original.extra, CREDITED_LINES: chosen} if not whole else dict(original.extra),
    )
