"""Factur-X: the invoice as UN/CEFACT CII XML, and its embedding into the PDF.

The XML is built with the standard library only. Embedding it into a PDF/A-3
and checking it against the Factur-X schemas uses the ``factur-x`` package,
imported only when needed. Profiles: EN 16931 (full lines, the default) and
BASIC WL (header totals without lines).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from decimal import Decimal

from .document import CREDIT_NOTE, Invoice, Party
from .vat import OUTSIDE_SCOPE

PROFILES = {
    "en16931": "urn:cen.eu:en16931:2017",
    "basicwl": "urn:factur-x.eu:1p0:basicwl",
}
# The level names the factur-x package uses for these profiles.
FACTURX_LEVELS = {"en16931": "en16931", "basicwl": "basicwl"}

RSM = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
UDT = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"
QDT = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100"
for _prefix, _uri in (("rsm", RSM), ("ram", RAM), ("udt", UDT), ("qdt", QDT)):
    ET.register_namespace(_prefix, _uri)

# UN/ECE recommendation 20 and 21 codes of the engine's units.
UNIT_CODES = {
    "kg": "KGM", "g": "GRM", "t": "TNE", "l": "LTR", "cl": "CLT", "ml": "MLT",
    "piece": "H87", "bunch": "H87", "punnet": "XPJ", "crate": "XCR", "bag": "XBG", "jar": "XJR",
    "dozen": "DZN", "half_dozen": "C62", "basket": "XBK",
}

INVOICE_TYPE = "380"
CREDIT_NOTE_TYPE = "381"
SIREN_SCHEME = "0002"


def _ram(parent: ET.Element, tag: str, text: str | None = None, **attributes) -> ET.Element:
    element = ET.SubElement(parent, f"{{{RAM}}}{tag}", attributes)
    if text is not None:
        element.text = text
    return element


def _date(parent: ET.Element, tag: str, day, namespace: str = UDT) -> None:
    holder = _ram(parent, tag)
    element = ET.SubElement(holder, f"{{{namespace}}}DateTimeString", {"format": "102"})
    element.text = day.strftime("%Y%m%d")


def _amount(value: Decimal) -> str:
    return f"{value:.2f}"


def _percent(rate: Decimal) -> str:
    return f"{rate * 100:.2f}"


def _party(parent: ET.Element, tag: str, party: Party, with_contact: bool, with_vat_number: bool = True) -> None:
    element = _ram(parent, tag)
    _ram(element, "Name", party.name)
    if party.siren:
        legal = _ram(element, "SpecifiedLegalOrganization")
        _ram(legal, "ID", party.siren, schemeID=SIREN_SCHEME)
    address = _ram(element, "PostalTradeAddress")
    if party.postcode:
        _ram(address, "PostcodeCode", party.postcode)
    lines = [line.strip() for line in (party.address or "").splitlines() if line.strip()]
    for tag_name, line in zip(("LineOne", "LineTwo", "LineThree"), lines):
        _ram(address, tag_name, line)
    if party.city:
        _ram(address, "CityName", party.city)
    _ram(address, "CountryID", party.country or "FR")
    if with_contact and party.email:
        uri = _ram(element, "URIUniversalCommunication")
        _ram(uri, "URIID", party.email, schemeID="EM")
    if with_vat_number and party.vat_number:
        registration = _ram(element, "SpecifiedTaxRegistration")
        _ram(registration, "ID", party.vat_number.replace(" ", ""), schemeID="VA")


def _line_item(parent: ET.Element, index: int, line, invoice: Invoice) -> None:
    item = _ram(parent, "IncludedSupplyChainTradeLineItem")
    document = _ram(item, "AssociatedDocumentLineDocument")
    _ram(document, "LineID", str(index))
    product = _ram(item, "SpecifiedTradeProduct")
    if line.product_reference:
        _ram(product, "SellerAssignedID", line.product_reference)
    _ram(product, "Name", line.description)
    agreement = _ram(item, "SpecifiedLineTradeAgreement")
    net = _ram(agreement, "NetPriceProductTradePrice")
    _ram(net, "ChargeAmount", f"{line.unit_price:.4f}")
    delivery = _ram(item, "SpecifiedLineTradeDelivery")
    _ram(delivery, "BilledQuantity", f"{line.quantity:.4f}", unitCode=UNIT_CODES.get(line.unit, "C62"))
    settlement = _ram(item, "SpecifiedLineTradeSettlement")
    tax = _ram(settlement, "ApplicableTradeTax")
    _ram(tax, "TypeCode", "VAT")
    _ram(tax, "CategoryCode", line.vat_category)
    if line.vat_category != "O":
        _ram(tax, "RateApplicablePercent", _percent(line.vat_rate))
    if line.delivery_date:
        period = _ram(settlement, "BillingSpecifiedPeriod")
        _date(period, "StartDateTime", line.delivery_date)
        _date(period, "EndDateTime", line.last_delivery_date or line.delivery_date)
    summation = _ram(settlement, "SpecifiedTradeSettlementLineMonetarySummation")
    _ram(summation, "LineTotalAmount", _amount(line.amount))


def _has_outside_scope(invoice: Invoice) -> bool:
    """Tell whether a line or a VAT breakdown (which includes the refund charge) is of category O."""
    categories = {line.vat_category for line in invoice.lines}
    categories.update(subtotal.category for subtotal in invoice.totals.tax_subtotals)
    return OUTSIDE_SCOPE in categories


def build_cii_xml(invoice: Invoice, profile: str = "en16931") -> bytes:
    """Return the Factur-X CII XML of an invoice or credit note in a profile ("en16931" or "basicwl")."""
    if profile not in PROFILES:
        raise ValueError(f"unknown Factur-X profile {profile!r}, expected one of {sorted(PROFILES)}")
    root = ET.Element(f"{{{RSM}}}CrossIndustryInvoice")

    context = ET.SubElement(root, f"{{{RSM}}}ExchangedDocumentContext")
    guideline = _ram(context, "GuidelineSpecifiedDocumentContextParameter")
    _ram(guideline, "ID", PROFILES[profile])

    document = ET.SubElement(root, f"{{{RSM}}}ExchangedDocument")
    _ram(document, "ID", invoice.number)
    _ram(document, "TypeCode", CREDIT_NOTE_TYPE if invoice.kind == CREDIT_NOTE else INVOICE_TYPE)
    _date(document, "IssueDateTime", invoice.issue_date)
    for text in invoice.mentions:
        note = _ram(document, "IncludedNote")
        _ram(note, "Content", text)

    transaction = ET.SubElement(root, f"{{{RSM}}}SupplyChainTradeTransaction")
    if profile == "en16931":
        for index, line in enumerate(invoice.lines, start=1):
            _line_item(transaction, index, line, invoice)

    # EN 16931 BR-O-02 to BR-O-04: a document with a line, charge or allowance of category O
    # ("not subject to VAT", the flat-rate refund regime) carries neither party's VAT identifier.
    # NOTE: the PDF still prints the farm's VAT number when the farm sheet gives one. CGI annex II
    # art. 242 nonies A, I 2° asks for the number under which the seller made the sale, and the
    # farm sheet already warns that a farm under the flat-rate refund usually has none.
    with_vat_numbers = not _has_outside_scope(invoice)
    agreement = _ram(transaction, "ApplicableHeaderTradeAgreement")
    _party(agreement, "SellerTradeParty", invoice.seller, with_contact=True, with_vat_number=with_vat_numbers)
    _party(agreement, "BuyerTradeParty", invoice.buyer, with_contact=True, with_vat_number=with_vat_numbers)

    delivery = _ram(transaction, "ApplicableHeaderTradeDelivery")
    if invoice.delivery_address:
        ship_to = _ram(delivery, "ShipToTradeParty")
        _ram(ship_to, "Name", invoice.delivery_address[0])
        address = _ram(ship_to, "PostalTradeAddress")
        if len(invoice.delivery_address) > 1:
            _ram(address, "LineOne", invoice.delivery_address[1])
        _ram(address, "CountryID", invoice.buyer.country or "FR")
    dates = invoice.delivery_dates
    if dates:
        event = _ram(delivery, "ActualDeliverySupplyChainEvent")
        _date(event, "OccurrenceDateTime", dates[-1])

    settlement = _ram(transaction, "ApplicableHeaderTradeSettlement")
    _ram(settlement, "InvoiceCurrencyCode", invoice.currency)
    if invoice.seller.iban:
        means = _ram(settlement, "SpecifiedTradeSettlementPaymentMeans")
        _ram(means, "TypeCode", "58")  # SEPA credit transfer
        account = _ram(means, "PayeePartyCreditorFinancialAccount")
        _ram(account, "IBANID", invoice.seller.iban.replace(" ", ""))
    for subtotal in invoice.totals.tax_subtotals:
        tax = _ram(settlement, "ApplicableTradeTax")
        _ram(tax, "CalculatedAmount", _amount(subtotal.tax))
        _ram(tax, "TypeCode", "VAT")
        if subtotal.exemption_reason:
            _ram(tax, "ExemptionReason", subtotal.exemption_reason)
        _ram(tax, "BasisAmount", _amount(subtotal.base))
        _ram(tax, "CategoryCode", subtotal.category)
        if subtotal.exemption_code:
            _ram(tax, "ExemptionReasonCode", subtotal.exemption_code)
        if subtotal.category != "O":
            _ram(tax, "RateApplicablePercent", _percent(subtotal.rate))
    period = _ram(settlement, "BillingSpecifiedPeriod")
    _date(period, "StartDateTime", invoice.period_start)
    _date(period, "EndDateTime", invoice.period_end)
    for refund in invoice.totals.refunds:
        # The flat-rate refund is a document-level charge outside the scope of VAT.
        charge = _ram(settlement, "SpecifiedTradeAllowanceCharge")
        indicator = _ram(charge, "ChargeIndicator")
        ET.SubElement(indicator, f"{{{UDT}}}Indicator").text = "true"
        _ram(charge, "CalculationPercent", _percent(refund.rate))
        _ram(charge, "BasisAmount", _amount(refund.base))
        _ram(charge, "ActualAmount", _amount(refund.amount))
        _ram(charge, "Reason", "Remboursement forfaitaire agricole")
        category = _ram(charge, "CategoryTradeTax")
        _ram(category, "TypeCode", "VAT")
        _ram(category, "CategoryCode", "O")
    terms = _ram(settlement, "SpecifiedTradePaymentTerms")
    _date(terms, "DueDateDateTime", invoice.due_date)

    totals = invoice.totals
    summation = _ram(settlement, "SpecifiedTradeSettlementHeaderMonetarySummation")
    _ram(summation, "LineTotalAmount", _amount(totals.lines_total))
    if totals.charges_total:
        _ram(summation, "ChargeTotalAmount", _amount(totals.charges_total))
    _ram(summation, "TaxBasisTotalAmount", _amount(totals.tax_basis))
    _ram(summation, "TaxTotalAmount", _amount(totals.tax_total), currencyID=invoice.currency)
    _ram(summation, "GrandTotalAmount", _amount(totals.grand_total))
    _ram(summation, "DuePayableAmount", _amount(totals.grand_total))
    if invoice.original_number:
        reference = _ram(settlement, "InvoiceReferencedDocument")
        _ram(reference, "IssuerAssignedID", invoice.original_number)
        if invoice.original_date:
            _date(reference, "FormattedIssueDateTime", invoice.original_date, namespace=QDT)

    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def check_xml(xml: bytes, profile: str = "en16931") -> None:
    """Validate the XML against the Factur-X schemas of the profile; raises on an invalid document."""
    import facturx

    facturx.xml_check_xsd(xml, flavor="factur-x", level=FACTURX_LEVELS[profile])


def embed(pdf: bytes, xml: bytes, profile: str, invoice: Invoice) -> bytes:
    """Return the PDF/A-3 with the XML attached as factur-x.xml, checked against the schemas."""
    import io

    import facturx

    metadata = {
        "author": invoice.seller.name,
        "keywords": "Factur-X",
        "title": f"{invoice.seller.name}: {invoice.number}",
        "subject": f"Factur-X {invoice.number}",
    }
    output = io.BytesIO(pdf)
    result = facturx.generate_from_binary(output.getvalue(), xml, flavor="factur-x", level=FACTURX_LEVELS[profile],
                                          check_xsd=True, pdf_metadata=metadata, lang=invoice.language)
    return result
