// Reads a DFC JSON-LD document with the official TypeScript connector and
// prints what it understood, as JSON, for tests/semantic/test_connector.py.
//
// Usage: node judge.mjs TAXONOMY_DIR DOCUMENT.jsonld
// TAXONOMY_DIR holds measures.json, productTypes.json, facets.json and
// vocabulary.json. The connector preloads the 1.16.0 context, so nothing is
// fetched from the network.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Connector } from "@datafoodconsortium/connector";

const [taxonomyDir, documentPath] = process.argv.slice(2);
const connector = new Connector();
const read = (name) => readFileSync(join(taxonomyDir, name), "utf8");
await connector.loadMeasures(read("measures.json"));
await connector.loadProductTypes(read("productTypes.json"));
await connector.loadFacets(read("facets.json"));
await connector.loadVocabulary(read("vocabulary.json"));

const objects = await connector.import(readFileSync(documentPath, "utf8"));
const property = (object, name) => object.getSemanticProperty(name);
const result = { count: objects.length, types: {}, objects: {} };

for (const object of objects) {
  const type = object.getSemanticType();
  result.types[type] = (result.types[type] || 0) + 1;
  const entry = { type };
  switch (type) {
    case "dfc-b:Enterprise":
      entry.name = object.getName();
      entry.vatNumber = object.getVatNumber();
      entry.supplies = object.getSemanticPropertyAll("dfc-b:supplies").length;
      break;
    case "dfc-b:Person":
      entry.firstName = object.getFirstName();
      entry.lastName = object.getLastName();
      break;
    case "dfc-b:Address":
      entry.street = object.getStreet();
      entry.postalCode = object.getPostalCode();
      entry.city = object.getCity();
      break;
    case "dfc-b:SuppliedProduct": {
      entry.name = object.getName();
      entry.productType = property(object, "dfc-b:hasType");
      const quantity = object.getQuantity();
      entry.quantityValue = quantity ? quantity.getQuantityValue() : null;
      entry.quantityUnit = quantity ? quantity.getSemanticProperty("dfc-b:hasUnit") : null;
      entry.certifications = object.getSemanticPropertyAll("dfc-b:hasCertification");
      entry.totalTheoreticalStock = object.getTotalTheoreticalStock() ?? null;
      break;
    }
    case "dfc-b:CatalogItem":
      entry.sku = object.getSku() ?? null;
      entry.offeredThrough = object.getSemanticPropertyAll("dfc-b:offeredThrough");
      break;
    case "dfc-b:Offer": {
      const price = object.getPrice();
      entry.price = price ? price.getQuantityValue() : null;
      entry.vatRate = price ? price.getVatRate() : null;
      entry.priceUnit = price ? price.getSemanticProperty("dfc-b:hasUnit") : null;
      entry.offeredItem = property(object, "dfc-b:offeredItem");
      break;
    }
    case "dfc-b:Order":
      entry.number = object.getNumber() ?? null;
      entry.orderStatus = property(object, "dfc-b:hasOrderStatus");
      entry.paymentStatus = property(object, "dfc-b:hasPaymentStatus") ?? null;
      entry.client = property(object, "dfc-b:orderedBy");
      entry.saleSession = property(object, "dfc-b:belongsTo");
      entry.lines = object.getSemanticPropertyAll("dfc-b:hasPart").length;
      break;
    case "dfc-b:OrderLine": {
      entry.quantity = object.getQuantity();
      const price = object.getPrice();
      entry.price = price ? price.getQuantityValue() : null;
      entry.offer = property(object, "dfc-b:concerns");
      entry.order = property(object, "dfc-b:partOf");
      break;
    }
    case "dfc-b:SaleSession":
      entry.beginDate = object.getBeginDate();
      entry.endDate = object.getEndDate();
      entry.offers = object.getSemanticPropertyAll("dfc-b:lists").length;
      break;
  }
  result.objects[object.getSemanticId()] = entry;
}
process.stdout.write(JSON.stringify(result, null, 1) + "\n");
