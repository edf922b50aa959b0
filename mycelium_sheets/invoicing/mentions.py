"""Every legal text printed on invoices, in French and English, kept in one place.

The French tax code (CGI) articles cited here are those in force in 2025.
The VAT articles of the CGI are due to move into a new code on 1 September
2026; when that happens only the article references below change.

Sources opened for these texts:

- CGI art. 242 nonies A of annex II: the mandatory mentions of an invoice
  (parties, numbers, dates, lines, totals per rate, exemption ground), with
  the mentions added by décret n° 2022-1299 of 7 October 2022 for the
  e-invoicing reform (buyer's SIREN, delivery address when it differs,
  category of operation, option for VAT on debits).
- CGI art. 293 B: franchise in base (no VAT charged, fixed mention).
- CGI art. 298 quater and 298 quinquies: agricultural flat-rate refund. The
  refund is computed on sales of farm products to VAT-registered buyers, at
  5.59 % for milk, poultry and rabbits, eggs, livestock, cereals, oilseeds
  and protein crops and 4.43 % for every other product (sales since
  1 January 2014); the buyer pays it with the price and deducts it.
- Code de commerce L441-9 (invoice mentions: due date, early-payment
  discount, late-payment penalties, recovery indemnity), L441-10 (penalty
  rate, at least three times the legal interest rate, and the recovery
  indemnity), D441-5 (indemnity fixed at 40 €), L441-11 II 1° (perishable
  farm and food products: paid at most 30 days after delivery, or 30 days
  after the end of the ten-day period of delivery for a periodic invoice).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ..i18n import pick

# NOTE: the VAT articles below are the CGI numbering before 1 September 2026.
FRANCHISE_ARTICLE = "art. 293 B du CGI"
FLAT_RATE_ARTICLE = "art. 298 quater du CGI"
PERIODIC_INVOICE_ARTICLE = "art. 289, I-3 du CGI"

# The mention the franchise regime requires word for word (CGI art. 293 B, III).
FRANCHISE_MENTION_FR = "TVA non applicable, art. 293 B du CGI"

# Refund rates of the agricultural flat-rate regime (CGI art. 298 quater, I bis).
FLAT_RATE_HIGH = Decimal("0.0559")
FLAT_RATE_LOW = Decimal("0.0443")

# Recovery indemnity due by a business customer paying late (Code de commerce D441-5).
RECOVERY_INDEMNITY = Decimal("40")

# Category of operation required from the e-invoicing reform (the farm sells goods).
OPERATION_CATEGORY_GOODS = ("Livraison de biens", "Supply of goods")


def percent_text(rate: Decimal, language: str) -> str:
    """Format a fraction as a percentage: 0.055 → "5,5 %" in French, "5.5 %" in English."""
    value = (rate * 100).normalize()
    text = format(value, "f")
    if language == "fr":
        text = text.replace(".", ",")
    return f"{text} %"


def money_text(amount: Decimal, language: str) -> str:
    """Format an amount in euros: "1 234,50 €" in French, "€1,234.50" in English."""
    amount = amount.quantize(Decimal("0.01"))
    text = f"{amount:,.2f}"
    if language == "fr":
        return text.replace(",", "\u202f").replace(".", ",") + " €"
    return "€" + text if amount >= 0 else "-€" + text[1:]


def date_text(day: dt.date, language: str) -> str:
    return day.strftime("%d/%m/%Y") if language == "fr" else day.isoformat()


def franchise_mention(language: str) -> str:
    # The French wording is the legal one; the English form adds a translation.
    if language == "fr":
        return FRANCHISE_MENTION_FR
    return FRANCHISE_MENTION_FR + " (VAT not applicable, article 293 B of the French tax code)"


def flat_rate_mention(language: str) -> str:
    return pick(
        "Exploitant agricole placé sous le régime du remboursement forfaitaire agricole "
        f"({FLAT_RATE_ARTICLE}) : pas de TVA facturée.",
        "Farmer under the agricultural flat-rate refund scheme "
        f"({FLAT_RATE_ARTICLE}, French tax code): no VAT is charged.",
        language,
    )


def flat_rate_refund_label(rate: Decimal, language: str) -> str:
    return pick(
        f"Remboursement forfaitaire agricole à {percent_text(rate, 'fr')} ({FLAT_RATE_ARTICLE})",
        f"Agricultural flat-rate refund at {percent_text(rate, 'en')} ({FLAT_RATE_ARTICLE})",
        language,
    )


def flat_rate_buyer_mention(language: str) -> str:
    return pick(
        "Le remboursement forfaitaire est payé par l'acheteur avec le prix et déductible "
        "par lui comme une TVA (art. 298 quinquies du CGI).",
        "The buyer pays the flat-rate refund with the price and may deduct it as VAT "
        "(art. 298 quinquies of the French tax code).",
        language,
    )


def flat_rate_individual_mention(language: str) -> str:
    return pick(
        "Vente à un non-assujetti : pas de remboursement forfaitaire (art. 298 quater, I du CGI).",
        "Sale to a person not registered for VAT: no flat-rate refund (art. 298 quater, I of the French tax code).",
        language,
    )


def late_payment_mention(penalty_rate: Decimal | None, language: str) -> str:
    """Return the penalty and indemnity mention owed to business customers (L441-9, L441-10, D441-5)."""
    if penalty_rate is None:
        # Without a rate in the contract, L441-10 sets the ECB refinancing rate plus 10 points.
        rate_fr = "taux de refinancement de la BCE majoré de 10 points"
        rate_en = "the ECB refinancing rate plus 10 percentage points"
    else:
        rate_fr = percent_text(penalty_rate, "fr") + " par an"
        rate_en = percent_text(penalty_rate, "en") + " a year"
    return pick(
        f"En cas de retard de paiement : pénalités au {rate_fr} (art. L441-10 du Code de commerce) "
        f"et indemnité forfaitaire pour frais de recouvrement de {money_text(RECOVERY_INDEMNITY, 'fr')} "
        "(art. D441-5 du Code de commerce).",
        f"Late payment: penalties at {rate_en} (art. L441-10 of the French commercial code) "
        f"and a fixed recovery indemnity of {money_text(RECOVERY_INDEMNITY, 'en')} "
        "(art. D441-5 of the French commercial code).",
        language,
    )


def discount_mention(language: str) -> str:
    # L441-9 requires the early-payment discount terms, even when there is none.
    return pick("Pas d'escompte pour paiement anticipé.", "No discount for early payment.", language)


def perishable_mention(language: str, periodic: bool = False) -> str:
    """Return the perishable-food payment term, worded as ``perishable_due_limit`` computes the due date.

    L441-11 II 1° counts 30 days from the delivery, or for a periodic invoice
    from the end of the ten-day period (décade) of delivery.
    """
    if periodic:
        return pick(
            "Denrées périssables : paiement au plus tard 30 jours après la fin de la décade "
            "de la première livraison (art. L441-11 du Code de commerce).",
            "Perishable food: payment at most 30 days after the end of the ten-day period "
            "of the first delivery (art. L441-11 of the French commercial code).",
            language,
        )
    return pick(
        "Denrées périssables : paiement au plus tard 30 jours après la livraison "
        "(art. L441-11 du Code de commerce).",
        "Perishable food: payment at most 30 days after delivery "
        "(art. L441-11 of the French commercial code).",
        language,
    )


def operation_category_mention(language: str) -> str:
    french, english = OPERATION_CATEGORY_GOODS
    return pick(f"Catégorie d'opération : {french}", f"Category of operation: {english}", language)


def credit_note_mention(original_number: str, original_date: dt.date, language: str) -> str:
    return pick(
        f"Avoir se rapportant à la facture n° {original_number} du {date_text(original_date, 'fr')}.",
        f"Credit note for invoice {original_number} of {date_text(original_date, 'en')}.",
        language,
    )


def partial_credit_note_mention(line_numbers: list[int], language: str) -> str:
    listed = ", ".join(str(number) for number in line_numbers)
    plural = "s" if len(line_numbers) > 1 else ""
    return pick(f"Avoir partiel : ligne{plural} {listed} de la facture.",
                f"Partial credit note: line{plural} {listed} of the invoice.", language)


def periodic_invoice_mention(first: dt.date, last: dt.date, language: str) -> str:
    return pick(
        f"Facture récapitulative des livraisons du {date_text(first, 'fr')} au {date_text(last, 'fr')} "
        f"({PERIODIC_INVOICE_ARTICLE}).",
        f"Periodic invoice for the deliveries from {date_text(first, 'en')} to {date_text(last, 'en')} "
        f"({PERIODIC_INVOICE_ARTICLE}, French tax code).",
        language,
    )
