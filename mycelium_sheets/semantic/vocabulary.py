"""DFC namespaces, class and property IRIs, and the connectors' property names.

The official connectors (TypeScript 1.0.0-beta.2, Ruby 1.3.0) emit some
property names that differ from the DFC ontology 1.16.0. The exporter writes
the connector names, because those are what Open Food Network and the other
platforms read; the importer accepts both spellings.
"""

from __future__ import annotations

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"
SKOS = "http://www.w3.org/2004/02/skos/core#"

DFC_BUSINESS = "https://github.com/datafoodconsortium/ontology/releases/latest/download/DFC_BusinessOntology.owl#"
DFC_MEASURES = "https://github.com/datafoodconsortium/taxonomies/releases/latest/download/measures.rdf#"
DFC_PRODUCT_TYPES = "https://github.com/datafoodconsortium/taxonomies/releases/latest/download/productTypes.rdf#"
DFC_FACETS = "https://github.com/datafoodconsortium/taxonomies/releases/latest/download/facets.rdf#"
DFC_VOCABULARY = "https://github.com/datafoodconsortium/taxonomies/releases/latest/download/vocabulary.rdf#"

# Prefixes of the DFC 1.16.0 context, used to compact IRIs in JSON-LD and Turtle.
PREFIXES = {
    "dfc-b": DFC_BUSINESS,
    "dfc-m": DFC_MEASURES,
    "dfc-pt": DFC_PRODUCT_TYPES,
    "dfc-f": DFC_FACETS,
    "dfc-v": DFC_VOCABULARY,
}

# The context URL that the TypeScript connector 1.0.0-beta.2 writes and
# preloads, so that it resolves the document without a network.
CONNECTOR_CONTEXT_URL = (
    "https://www.datafoodconsortium.org/wp-content/plugins/wordpress-context-jsonld/context_1.16.0.jsonld"
)

# Context URLs found in DFC documents, all read with the shipped 1.16.0
# context. The Ruby connector 1.3.0 writes the w3id one, Open Food Network
# fixtures the bare site address; LiteFarm writes the 2.0.0 context, whose
# terms used here keep the 1.16.0 names apart from Organization.
KNOWN_CONTEXT_URLS = frozenset({
    CONNECTOR_CONTEXT_URL,
    "https://w3id.org/dfc/ontology/context/context_1.16.0.json",
    "https://www.datafoodconsortium.org",
    "https://www.datafoodconsortium.org/",
    "http://static.datafoodconsortium.org/ontologies/context.json",
    "https://www.datafoodconsortium.org/wp-content/plugins/wordpress-context-jsonld/context_2.0.0.jsonld",
    "https://github.com/datafoodconsortium/ontology/releases/latest/download/context.json",
})

# Other namespaces that DFC documents use for the business ontology; their
# terms are read as the 1.16.0 ones.
BUSINESS_NAMESPACE_ALIASES = (
    "http://w3id.org/dfc/ontology/v2.0.0/src/DFC_BusinessOntology.owl#",
    "https://w3id.org/dfc/ontology/v2.0.0/src/DFC_BusinessOntology.owl#",
    "http://static.datafoodconsortium.org/ontologies/DFC_BusinessOntology.owl#",
)


def business(name: str) -> str:
    """Return the IRI of a term of the DFC business ontology."""
    return DFC_BUSINESS + name


# Connector spelling → ontology 1.16.0 spelling. The exporter writes the
# left-hand names; the importer reads both.
CONNECTOR_TO_ONTOLOGY = {
    "hasStreet": "street",
    "hasPostalCode": "postcode",
    "hasCity": "city",
    "beginDate": "startDate",
    "offeredItem": "offers",
    "offeredTo": "offersTo",
    "totalTheoreticalStock": "totalTheoriticalStock",
}
ONTOLOGY_TO_CONNECTOR = {ontology: connector for connector, ontology in CONNECTOR_TO_ONTOLOGY.items()}

# DFC 2.0.0 renames Enterprise to Organization; other spellings seen in real
# documents are read as the class they stand for.
CLASS_ALIASES = {
    "Organization": "Enterprise",
    "Organisation": "Enterprise",
    "Entreprise": "Enterprise",
    "QuantitiveValue": "QuantitativeValue",
    "PickUpOption": "PickupOption",
}

# Order statuses of the orders sheet → DFC vocabulary concepts.
ORDER_STATUS_TO_DFC = {
    "pending": "Draft",
    "confirmed": "Held",
    "delivered": "Complete",
    "cancelled": "Cancelled",
}
DFC_TO_ORDER_STATUS = {
    "Draft": "pending",
    "Held": "confirmed",
    "Complete": "delivered",
    "Cancelled": "cancelled",
}
FULFILMENT_STATUS = {
    "pending": "Unfulfilled",
    "confirmed": "Unfulfilled",
    "delivered": "Fulfilled",
    "cancelled": "Cancelled",
}
PAYMENT_STATUS_TO_DFC = {"unpaid": "Unpaid", "paid": "Paid"}
DFC_TO_PAYMENT_STATUS = {"Unpaid": "unpaid", "Paid": "paid"}

ORGANIC_CERTIFICATION = DFC_FACETS + "Organic-AB"
EURO = DFC_MEASURES + "Euro"

# ISO 3166 alpha-2 → alpha-3 codes for the countries a French farm trades
# with, for the EU Publications Office country authority IRIs that DFC 2.0.0
# documents use in hasCountry.
COUNTRY_AUTHORITY = "http://publications.europa.eu/resource/authority/country/"
ALPHA3 = {
    "FR": "FRA", "BE": "BEL", "LU": "LUX", "CH": "CHE", "DE": "DEU", "ES": "ESP", "IT": "ITA",
    "NL": "NLD", "PT": "PRT", "AT": "AUT", "IE": "IRL", "GB": "GBR", "DK": "DNK", "SE": "SWE",
    "FI": "FIN", "PL": "POL", "CZ": "CZE", "GR": "GRC", "MC": "MCO", "AD": "AND", "CA": "CAN",
    "US": "USA", "AU": "AUS",
}
ALPHA2 = {alpha3: alpha2 for alpha2, alpha3 in ALPHA3.items()}
