"""Drafting the invoices of a period from the farm's data, before they get a number.

This is a pure function of the workbook's data and of what the register
already holds: it issues nothing and writes nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from dataclasses import dataclass, field
from decimal import Decimal

from ..errors import InvoicingError, Location, MyceliumError, Problem
from ..i18n import _, get_language, ngettext
from ..model.catalogue import Customer
from ..model.farm_data import FarmData
from ..model.orders import OrderLine
from . import mentions
from .document import INVOICE, Invoice, InvoiceLine, Party
from .legal_rate import check_penalty_rate
from .lines import contract_dates, contract_invoice_line, invoiced_quantity, order_invoice_line
from .parties import buyer_party, delivery_address, seller_party
from .periods import Selection, billing_period, perishable_due_limit
from .totals import compute_totals
from .vat import FLAT_RATE, FRANCHISE

logger = logging.getLogger(__name__)

# Payment terms when neither the customer nor the farm gives any: 30 days
# for businesses, payment on receipt for private persons.
DEFAULT_BUSINESS_PAYMENT_DAYS = 30

# Input sheets whose errors stop invoicing.
INVOICING_SHEETS = {"farm", "products", "customers", "delivery_points", "orders", "subscriptions", "baskets"}


@dataclass
class InvoicedLine:
    """The register's record of an order line already invoiced."""

    number: str
    quantity: Decimal


@dataclass
class Drafts:
    """The invoices to issue for a selection, and what was noticed while drafting them."""

    invoices: list[Invoice] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # Order lines of the selection that were left out: delivered after the
    # issue date, or already on an invoice no credit note cancelled.
    later_lines: int = 0
    already_invoiced: int = 0

    @property
    def warnings(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity == "warning"]


def customer_key(customer: Customer) -> str:
    return customer.code or customer.name


def delivered_lines(data: FarmData) -> list[OrderLine]:
    """Return the delivered order lines of every order sheet, without cancelled ones."""
    try:
        from ..orders import collect_order_lines
    except ImportError:  # NOTE: only while the orders engine is absent; it reads list and grid sheets.
        return [line for line in data.orders if not line.cancelled]
    return collect_order_lines(data)


def order_keys(lines: list[OrderLine]) -> list[str]:
    """Return a stable identity per order line: customer, date, product, order number and occurrence.

    Row numbers are not used, because inserting a row must not make a line
    look new. Two identical lines get occurrences #1 and #2.
    """
    seen: dict[str, int] = {}
    keys = []
    for line in lines:
        base = "|".join((customer_key(line.customer), line.delivery_date.isoformat(), line.product.key,
                         line.order_number or ""))
        seen[base] = seen.get(base, 0) + 1
        keys.append(f"{base}#{seen[base]}")
    return keys


def _payment_days(customer: Customer, data: FarmData) -> int:
    if customer.payment_days is not None:
        return customer.payment_days
    if data.farm and data.farm.payment_days is not None:
        return data.farm.payment_days
    return DEFAULT_BUSINESS_PAYMENT_DAYS if customer.is_business else 0


def _due_date(issue_date: dt.date, days: int, customer: Customer, deliveries: list[dt.date], periodic: bool,
              problems: list[Problem]) -> dt.date:
    due = issue_date + dt.timedelta(days=days)
    if customer.is_business:
        # Fresh vegetables are perishable: L441-11 caps the term whatever the contract states.
        due = min(due, perishable_due_limit(deliveries, periodic))
    if due < issue_date:
        problems.append(Problem(
            "warning", _("the invoice of “{customer}” is issued after the legal payment limit for perishable products").format(
                customer=customer.name), customer.source.location("payment_days") if customer.source else Location(),
            None, _("Invoice perishable deliveries within 30 days."),
        ))
        due = issue_date
    return due


def _mentions(regime: str, customer: Customer, penalty_rate, deliveries: list[dt.date], periodic: bool,
              language: str) -> tuple[str, ...]:
    texts = []
    if regime == FRANCHISE:
        texts.append(mentions.franchise_mention(language))
    elif regime == FLAT_RATE:
        texts.append(mentions.flat_rate_mention(language))
        texts.append(mentions.flat_rate_buyer_mention(language) if customer.is_business
                     else mentions.flat_rate_individual_mention(language))
    if len(deliveries) > 1:
        texts.append(mentions.periodic_invoice_mention(deliveries[0], deliveries[-1], language))
    texts.append(mentions.operation_category_mention(language))
    if customer.is_business:
        texts.append(mentions.perishable_mention(language, periodic))
        texts.append(mentions.late_payment_mention(penalty_rate, language))
        texts.append(mentions.discount_mention(language))
    return tuple(texts)


def _draft(seller: Party, customer: Customer, buyer: Party, lines: list[InvoiceLine], period: tuple[dt.date, dt.date],
           data: FarmData, issue_date: dt.date, language: str, periodic: bool, problems: list[Problem]) -> Invoice:
    farm = data.farm
    deliveries = sorted({line.delivery_date for line in lines if line.delivery_date})
    days = _payment_days(customer, data)
    return Invoice(
        kind=INVOICE,
        number="",
        sequence=0,
        issue_date=issue_date,
        due_date=_due_date(issue_date, days, customer, deliveries, periodic, problems),
        seller=seller,
        buyer=buyer,
        buyer_is_business=customer.is_business,
        vat_regime=farm.vat_regime,
        lines=tuple(lines),
        totals=compute_totals(lines, language),
        period_start=period[0],
        period_end=period[1],
        customer_key=customer_key(customer),
        language=language,
        mentions=_mentions(farm.vat_regime, customer, farm.late_penalty_rate, deliveries, periodic, language),
        delivery_address=delivery_address(customer),
        payment_days=days,
        logo=farm.logo,
    )


def draft_invoices(data: FarmData, selection: Selection, issue_date: dt.date, language: str,
                   invoiced: dict[str, InvoicedLine] | None = None,
                   legal_interest_rate: Decimal | None = None) -> Drafts:
    """Draft the invoices of the delivered lines of a selection that no issued invoice covers yet.

    Raises an ``InvoicingError`` listing every missing mention or bad value
    (each naming its cell) when any invoice cannot be issued lawfully, so
    that nothing is issued at all. ``legal_interest_rate`` (a fraction)
    replaces the stored legal rate in the check of the farm's penalty rate.
    """
    data.raise_for_errors(INVOICING_SHEETS)
    invoiced = invoiced or {}
    drafts = Drafts()
    problems = drafts.problems
    seller = seller_party(data.farm, problems)
    if seller is None or any(problem.severity == "error" for problem in problems):
        _raise(problems)
    if selection.customer and data.customer(selection.customer) is None:
        raise InvoicingError(_("unknown customer"), value=selection.customer,
                             remedy=_("Give the name or the code of a customer of the customers sheet."))

    all_lines = delivered_lines(data)
    groups: dict[tuple[str, dt.date, dt.date], list[InvoiceLine]] = {}
    customers: dict[str, Customer] = {}
    periodic: dict[tuple[str, dt.date, dt.date], bool] = {}
    unbilled: dict[str, Customer] = {}  # customers with deliveries but no billing frequency
    for line, key in zip(all_lines, order_keys(all_lines)):
        customer = line.customer
        if getattr(line, "subscription", None) is not None:
            continue  # basket contents are paid by the contract price, invoiced below
        if not selection.start <= line.delivery_date <= selection.end:
            continue
        if selection.customer and selection.customer not in (customer.name, customer.code):
            continue
        if line.status == "pending":
            problems.append(Problem("warning", _("a pending order line is not invoiced"),
                                    line.source.location("status") if line.source else Location(), line.product.name,
                                    _("Confirm it or mark it delivered, then invoice again.")))
            continue
        if line.delivery_date > issue_date:
            drafts.later_lines += 1  # not delivered yet on the issue date
            continue
        if key in invoiced:
            drafts.already_invoiced += 1
            _warn_changed(line, key, invoiced[key], problems, data)
            continue
        if not customer.billing_frequency:
            unbilled[customer_key(customer)] = customer
            continue
        period = billing_period(customer.billing_frequency, line.delivery_date, selection)
        if period is None:
            continue
        try:
            invoice_line = order_invoice_line(line, key, data.farm.vat_regime, customer.is_business, problems)
        except MyceliumError as error:
            problems.append(Problem("error", error.message, error.location, error.value, error.remedy))
            continue
        group = (customer_key(customer), period[0], period[1])
        groups.setdefault(group, []).append(invoice_line)
        customers[group[0]] = customer
        periodic[group] = customer.billing_frequency != "delivery"

    for subscription in data.subscriptions:
        customer = subscription.customer
        if selection.customer and selection.customer not in (customer.name, customer.code):
            continue
        dates = contract_dates(subscription)
        if subscription.count <= 0 or not dates or not selection.start <= dates[0] <= selection.end:
            continue
        try:
            invoice_line = contract_invoice_line(subscription, data.farm.vat_regime, customer.is_business, language)
        except MyceliumError as error:
            problems.append(Problem("error", error.message, error.location, error.value, error.remedy))
            continue
        if invoice_line.order_key in invoiced:
            drafts.already_invoiced += 1
            continue
        group = (customer_key(customer), dates[0], dates[-1])
        groups.setdefault(group, []).append(invoice_line)
        customers[group[0]] = customer
        periodic[group] = False

    if any(customer.is_business for customer in customers.values()):
        # Only business invoices state the penalty rate (Code de commerce L441-9).
        penalty_problem = check_penalty_rate(data.farm, issue_date, legal_interest_rate)
        if penalty_problem is not None:
            problems.append(penalty_problem)
    for customer in unbilled.values():
        buyer_party(customer, issue_date, problems)  # reports the empty billing frequency
    buyers = {key: buyer_party(customer, issue_date, problems) for key, customer in customers.items()}
    if any(problem.severity == "error" for problem in problems):
        _raise(problems)

    for group in sorted(groups, key=lambda item: (item[2], item[1], customers[item[0]].name)):
        customer = customers[group[0]]
        lines = sorted(groups[group], key=lambda line: (line.delivery_date or group[1], line.description))
        invoice = _draft(seller, customer, buyers[group[0]], lines, (group[1], group[2]), data, issue_date,
                         language, periodic[group], problems)
        if invoice.totals.grand_total < 0:
            problems.append(Problem(
                "error", _("the invoice of “{customer}” for {start} to {end} has a negative total").format(
                    customer=customer.name, start=mentions.date_text(group[1], get_language()),
                    end=mentions.date_text(group[2], get_language())),
                customer.source.location("name") if customer.source else Location(),
                mentions.money_text(invoice.totals.grand_total, "en"),
                _("Correct the quantities, or issue a credit note for a refund."),
            ))
        elif invoice.totals.grand_total == 0:
            problems.append(Problem("warning", _("nothing to pay for “{customer}”, no invoice is issued").format(
                customer=customer.name), Location(), None, None))
        else:
            drafts.invoices.append(invoice)
    if any(problem.severity == "error" for problem in problems):
        _raise(problems)
    logger.info("drafted %d invoices for %s", len(drafts.invoices), selection.label)
    return drafts


def _warn_changed(line: OrderLine, key: str, record: InvoicedLine, problems: list[Problem], data: FarmData) -> None:
    try:
        quantity, _unit = invoiced_quantity(line, [])
    except MyceliumError:
        return
    if quantity != record.quantity:
        problems.append(Problem(
            "warning", _("this line changed after it was invoiced on {number} ({old} then, {new} now)").format(
                number=record.number, old=record.quantity, new=quantity),
            line.source.location("quantity") if line.source else Location(), None,
            _("Issued invoices never change: issue a credit note for {number}, then invoice again.").format(number=record.number),
        ))


def _raise(problems: list[Problem]) -> None:
    errors = [problem for problem in problems if problem.severity == "error"]
    raise InvoicingError(
        ngettext("No invoice was issued because of {count} error:", "No invoice was issued because of {count} errors:",
                 len(errors)).format(count=len(errors)),
        details=[str(problem) for problem in errors],
        remedy=_("Correct these cells and run the command again."),
    )


def with_number(invoice: Invoice, number: str, sequence: int) -> Invoice:
    return dataclasses.replace(invoice, number=number, sequence=sequence)
