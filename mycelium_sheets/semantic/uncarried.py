"""Workbook columns that a DFC import leaves empty, because the DFC document has no place for them.

The exporter (``mapping.py``) writes only what the DFC 1.16 business
ontology can describe: names, addresses, contacts, VAT numbers, product
types, units, prices, VAT rates, stock and orders. The columns below have
no DFC property, so a workbook rebuilt from a DFC document lacks them and
the import report names them for the farmer to fill in.
"""

from __future__ import annotations

UNCARRIED_COLUMNS: dict[str, tuple[str, ...]] = {
    "farm": ("legal_form", "siren", "siret", "vat_regime", "registration", "share_capital", "iban", "bic",
             "invoice_prefix", "payment_days", "late_penalty_rate", "logo", "organic_certifier",
             "harvest_margin", "season_start", "language"),
    # NOTE: dfc:hasQuantity carries the quantity of one sale unit, so a product
    # sold by the piece with an average weight comes back with that weight only
    # when another platform exported it that way, never from this exporter.
    "products": ("price_unit", "average_weight", "pieces_per_unit", "harvest_unit", "crop", "group", "category",
                 "active"),
    # DFC tells a person from an enterprise only, so the customer type comes back as one of those two.
    "customers": ("code", "type", "siren", "siret", "billing_frequency", "payment_days", "priority", "notes"),
    "delivery_points": ("weekday", "round_order", "notes"),
}
