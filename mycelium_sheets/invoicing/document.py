"""An issued invoice or credit note as stored in the register.

These records are complete snapshots: the PDF and the Factur-X XML are
rebuilt from them alone, so a document can be produced again identically
after a crash, even if the workbook changed since.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from decimal import Decimal

INVOICE = "invoice"
CREDIT_NOTE = "credit_note"


@dataclass(frozen=True)
class Party:
    """Seller or buyer: name, postal address and identifiers."""

    name: str
    address: str | None = None
    postcode: str | None = None
    city: str | None = None
    country: str = "FR"
    siren: str | None = None
    siret: str | None = None
    vat_number: str | None = None
    email: str | None = None
    phone: str | None = None
    legal_form: str | None = None
    registration: str | None = None
    share_capital: Decimal | None = None
    iban: str | None = None
    bic: str | None = None

    def address_lines(self) -> list[str]:
        lines = [line.strip() for line in (self.address or "").splitlines() if line.strip()]
        town = " ".join(part for part in (self.postcode, self.city) if part)
        if town:
            lines.append(town)
        return lines


@dataclass(frozen=True)
class InvoiceLine:
    """One invoiced line: amount = quantity × unit price, rounded half-up to the cent."""

    description: str
    quantity: Decimal
    unit: str  # a unit code of model.units
    unit_price: Decimal  # excluding VAT, per unit
    vat_category: str  # UNTDID 5305: S standard, Z zero, E exempt, O outside the scope of VAT
    vat_rate: Decimal  # a fraction, 0 outside the real regime
    amount: Decimal
    delivery_date: dt.date | None = None
    product_reference: str | None = None
    refund_rate: Decimal | None = None  # flat-rate refund rate, only for sales that carry it
    order_key: str | None = None  # identifies the order line, so it is never invoiced twice
    last_delivery_date: dt.date | None = None  # set when the line covers several deliveries (an AMAP contract)


@dataclass(frozen=True)
class TaxSubtotal:
    """The VAT breakdown of one category and rate (EN 16931 BG-23)."""

    category: str
    rate: Decimal
    base: Decimal
    tax: Decimal
    exemption_reason: str | None = None
    exemption_code: str | None = None


@dataclass(frozen=True)
class RefundSubtotal:
    """The flat-rate refund at one rate, computed on the summed base of its lines."""

    rate: Decimal
    base: Decimal
    amount: Decimal


@dataclass(frozen=True)
class Totals:
    lines_total: Decimal
    charges_total: Decimal  # the flat-rate refund, charged on top of the price
    tax_basis: Decimal
    tax_total: Decimal
    grand_total: Decimal
    tax_subtotals: tuple[TaxSubtotal, ...] = ()
    refunds: tuple[RefundSubtotal, ...] = ()


@dataclass(frozen=True)
class Invoice:
    """An invoice or a credit note, with every mention it prints."""

    kind: str  # INVOICE or CREDIT_NOTE
    number: str
    sequence: int
    issue_date: dt.date
    due_date: dt.date
    seller: Party
    buyer: Party
    buyer_is_business: bool
    vat_regime: str
    lines: tuple[InvoiceLine, ...]
    totals: Totals
    period_start: dt.date
    period_end: dt.date
    customer_key: str
    language: str
    mentions: tuple[str, ...] = ()
    delivery_address: tuple[str, ...] = ()
    original_number: str | None = None
    original_date: dt.date | None = None
    payment_days: int | None = None
    logo: str | None = None
    currency: str = "EUR"
    extra: dict = field(default_factory=dict)

    @property
    def delivery_dates(self) -> list[dt.date]:
        return sorted({line.delivery_date for line in self.lines if line.delivery_date})

    def to_dict(self) -> dict:
        return _plain(asdict(self))

    @classmethod
    def from_dict(cls, data: dict) -> "Invoice":
        values = dict(data)
        values["seller"] = _party(values["seller"])
        values["buyer"] = _party(values["buyer"])
        values["lines"] = tuple(_line(line) for line in values["lines"])
        values["totals"] = _totals(values["totals"])
        for key in ("issue_date", "due_date", "period_start", "period_end", "original_date"):
            if values.get(key):
                values[key] = dt.date.fromisoformat(values[key])
        values["mentions"] = tuple(values.get("mentions", ()))
        values["delivery_address"] = tuple(values.get("delivery_address", ()))
        return cls(**values)


def _plain(value):
    """Turn Decimals and dates into strings so the record is plain JSON."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(value)


def _party(data: dict) -> Party:
    values = dict(data)
    values["share_capital"] = _decimal(values.get("share_capital"))
    return Party(**values)


def _line(data: dict) -> InvoiceLine:
    values = dict(data)
    for key in ("quantity", "unit_price", "vat_rate", "amount", "refund_rate"):
        values[key] = _decimal(values.get(key))
    for key in ("delivery_date", "last_delivery_date"):
        if values.get(key):
            values[key] = dt.date.fromisoformat(values[key])
    return InvoiceLine(**values)


def _totals(data: dict) -> Totals:
    return Totals(
        lines_total=Decimal(data["lines_total"]),
        charges_total=Decimal(data["charges_total"]),
        tax_basis=Decimal(data["tax_basis"]),
        tax_total=Decimal(data["tax_total"]),
        grand_total=Decimal(data["grand_total"]),
        tax_subtotals=tuple(
            TaxSubtotal(item["category"], Decimal(item["rate"]), Decimal(item["base"]), Decimal(item["tax"]),
                        item.get("exemption_reason"), item.get("exemption_code"))
            for item in data["tax_subtotals"]
        ),
        refunds=tuple(RefundSubtotal(Decimal(item["rate"]), Decimal(item["base"]), Decimal(item["amount"]))
                      for item in data["refunds"]),
    )
