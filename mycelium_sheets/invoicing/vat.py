"""VAT regimes of the farm and what each one puts on an invoice line.

- Real regime ("real"): VAT at the product's rate, category S (Z for 0 %).
- Franchise ("franchise", CGI art. 293 B): no VAT, category E with the
  exemption mention "TVA non applicable, art. 293 B du CGI".
- Flat-rate refund ("flat_rate", CGI art. 298 quater): the farmer is not
  liable to VAT (category O). On sales to VAT-registered buyers the invoice
  adds the flat-rate refund, 4.43 % or 5.59 % of the price depending on the
  product; sales to private persons carry no refund.
"""

from __future__ import annotations

from decimal import Decimal

from ..errors import InvoicingError
from ..i18n import _
from ..model.catalogue import Product
from ..model.units import normalise_label
from . import mentions

REAL = "real"
FRANCHISE = "franchise"
FLAT_RATE = "flat_rate"
REGIMES = (REAL, FRANCHISE, FLAT_RATE)

# Rates in force in metropolitan France (CGI art. 278 to 281 nonies).
FRENCH_RATES = frozenset(Decimal(rate) for rate in ("0", "0.021", "0.055", "0.1", "0.2"))

# UNTDID 5305 categories and the VATEX exemption codes used in Factur-X.
STANDARD = "S"
ZERO = "Z"
EXEMPT = "E"
OUTSIDE_SCOPE = "O"
FRANCHISE_EXEMPTION_CODE = "VATEX-FR-FRANCHISE"
OUTSIDE_SCOPE_CODE = "VATEX-EU-O"

# Words that put a product in the 5.59 % refund list of CGI art. 298 quater, I bis 1°.
_HIGH_REFUND_WORDS = (
    "lait", "milk", "oeuf", "oeufs", "egg", "eggs", "volaille", "volailles", "poultry", "poulet", "poulets",
    "chicken", "canard", "duck", "pintade", "lapin", "lapins", "rabbit", "cereale", "cereales", "cereal",
    "cereals", "ble", "wheat", "orge", "barley", "avoine", "oats", "mais", "seigle", "rye", "oleagineux",
    "oilseed", "oilseeds", "colza", "tournesol", "sunflower", "proteagineux", "feverole", "lupin",
)


def refund_rate(product: Product) -> Decimal:
    """Return the flat-rate refund rate of a product: 5.59 % for the listed products, else 4.43 %.

    The list (milk, poultry and rabbits, eggs, livestock, cereals, oilseeds
    and protein crops) is matched on the words of the product's category and
    name, since the workbook has no column for it.
    """
    # NOTE: matching on words can miss a product named unusually; the rate is printed on the invoice for review.
    words = set()
    for text in (product.category, product.name, product.dfc_type):
        if text:
            words.update(normalise_label(text).replace("-", " ").replace("'", " ").split())
    if words & set(_HIGH_REFUND_WORDS):
        return mentions.FLAT_RATE_HIGH
    return mentions.FLAT_RATE_LOW


def line_tax(regime: str, product: Product, buyer_is_business: bool) -> tuple[str, Decimal, Decimal | None]:
    """Return the VAT category, VAT rate and refund rate of a line of this product."""
    if regime == REAL:
        rate = product.vat_rate
        if rate not in FRENCH_RATES:
            raise InvoicingError(
                _("the VAT rate is not a French rate"),
                location=product.source.location("vat_rate") if product.source else None,
                value=mentions.percent_text(rate, "fr"),
                remedy=_("Enter 5.5 % for vegetables and food, or 0 %, 2.1 %, 10 % or 20 %."),
            )
        return (STANDARD if rate > 0 else ZERO), rate, None
    if regime == FRANCHISE:
        return EXEMPT, Decimal(0), None
    if regime == FLAT_RATE:
        # Art. 298 quater, I: the refund is due on sales to VAT-registered buyers only.
        return OUTSIDE_SCOPE, Decimal(0), (refund_rate(product) if buyer_is_business else None)
    raise AssertionError(regime)


def exemption(category: str, language: str) -> tuple[str | None, str | None]:
    """Return the exemption reason text and VATEX code printed for a VAT category."""
    if category == EXEMPT:
        return mentions.franchise_mention(language), FRANCHISE_EXEMPTION_CODE
    if category == OUTSIDE_SCOPE:
        return mentions.flat_rate_mention(language), OUTSIDE_SCOPE_CODE
    return None, None
