"""Importing a DFC document into the farmer's sheets, with a report of what changed.

Products, customers, stock and order lines of the document become rows of
the "Produits", "Clients", "Stock" and "Commandes" sheets, and the farm's own
enterprise fills the empty fields of the "Ferme" sheet. A row already in the
workbook is found by its IRI, then by its SKU (products) or name. Its cells
are updated only where the document gives another value, and everything
else is appended. What cannot be imported is listed with the reason.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..errors import Location, SemanticDataError
from ..i18n import _, format_number, get_language, ngettext
from ..model.farm_data import FarmData
from ..model.units import UNITS, Unit, normalise_label
from ..schema.columns import SheetSpec
from ..schema.standard import sheet_spec
from . import vocabulary as v
from .iris import enterprise_base
from .kinds import object_kind
from .mapping import offer_quantity
from .product_types import find_product_type, product_type
from .reader import Node, ParsedDocument, Reference, read_document
from .uncarried import UNCARRIED_COLUMNS

_UNITS_BY_DFC = {unit.dfc_iri: unit for unit in UNITS}
_SALE_SESSION_TEXT = re.compile(r"^\w{3} (\w{3}) (\d{1,2}) (\d{4}) (\d{2}):(\d{2}):(\d{2})")


@dataclass
class ImportReport:
    """The rows an import added and updated and the objects it ignored, each entry naming its object."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # One entry per sheet that got new rows: the sheet and the columns the document could not fill.
    not_carried: list[str] = field(default_factory=list)
    output: Path | None = None
    added_by_sheet: dict[str, int] = field(default_factory=dict)
    updated_by_sheet: dict[str, int] = field(default_factory=dict)

    def add(self, sheet: str, entry: str) -> None:
        self.added.append(_("{sheet}: {object}").format(sheet=sheet, object=entry))
        self.added_by_sheet[sheet] = self.added_by_sheet.get(sheet, 0) + 1

    def update(self, sheet: str, entry: str) -> None:
        self.updated.append(_("{sheet}: {object}").format(sheet=sheet, object=entry))
        self.updated_by_sheet[sheet] = self.updated_by_sheet.get(sheet, 0) + 1

    def summary(self, verbose: bool = False) -> str:
        """Return the counts, one line per sheet, then every ignored object and warning.

        The added and updated rows are listed one by one only when
        ``verbose`` is true, since a whole catalogue gives hundreds of them.
        Ignored objects are always listed, because the farmer must act on them.
        """
        lines = [
            ngettext("{count} row added", "{count} rows added", len(self.added)).format(count=len(self.added)),
            ngettext("{count} row updated", "{count} rows updated", len(self.updated)).format(count=len(self.updated)),
            ngettext("{count} object ignored", "{count} objects ignored", len(self.ignored)).format(count=len(self.ignored)),
        ]
        text = ", ".join(lines) + "."

        for sheet in list(dict.fromkeys([*self.added_by_sheet, *self.updated_by_sheet])):
            text += "\n  " + _("{sheet}: {added} added, {updated} updated").format(
                sheet=sheet, added=self.added_by_sheet.get(sheet, 0), updated=self.updated_by_sheet.get(sheet, 0))

        sections = [(_("Ignored:"), self.ignored), (_("Warnings:"), self.warnings),
                    (_("Columns a DFC document does not carry, to fill in by hand:"), self.not_carried)]
        if verbose:
            sections = [(_("Added:"), self.added), (_("Updated:"), self.updated), *sections]
        for title, entries in sections:
            if entries:
                text += "\n" + title + "\n" + "\n".join("  - " + entry for entry in entries)
        return text


# Values read from the document


def literal(value) -> str | None:
    if value is None or isinstance(value, (Reference, list, dict)):
        return None
    text = str(value).strip()
    return text or None


def decimal(value) -> Decimal | None:
    text = literal(value)
    if text is None:
        return None
    try:
        number = Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def reference(value) -> str | None:
    if isinstance(value, Reference):
        return value.id
    return None


def parse_date(value) -> dt.date | None:
    """Read a date from ISO 8601 ("2027-06-10", "2027-06-10T17:00:00+02:00") or the JavaScript form OFN writes."""
    text = literal(value)
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    match = _SALE_SESSION_TEXT.match(text)
    if match:
        try:
            return email.utils.parsedate_to_datetime(
                f"{match.group(2)} {match.group(1)} {match.group(3)} {match.group(4)}:{match.group(5)}:{match.group(6)} +0000"
            ).date()
        except (TypeError, ValueError):
            return None
    return None


class _Sheet:
    """One input sheet being edited: its columns, new rows and set cells."""

    def __init__(self, key: str, data: FarmData, language: str):
        from ..schema.records import read_table
        from ..workbook.edits import SheetEdits

        self.key = key
        self.spec: SheetSpec = sheet_spec(key)
        self.name = data.sheet_names.get(key)
        self.language = language
        self.edits = SheetEdits()
        self.columns: dict[str, int] = {}
        self.header_row = 0
        if self.name is not None and data.workbook is not None:
            sheet = data.workbook.sheets[self.name]
            table = read_table(self.spec, sheet, str(data.workbook.path))
            self.columns = dict(table.columns)
            self.header_row = table.header_row
            self.width = max(sheet.width, max(self.columns.values(), default=-1) + 1)

    @property
    def exists(self) -> bool:
        return self.name is not None

    def column(self, key: str) -> int:
        if key not in self.columns:
            # A column the farmer's sheet lacks (such as IRI) is added at its right.
            index = self.width
            self.width += 1
            self.columns[key] = index
            self.edits.set_cells[(self.header_row, index)] = self.spec.column(key).header(self.language)
        return self.columns[key]

    def append(self, values: dict) -> list:
        row: list = []
        for key, value in values.items():
            if value is None:
                continue
            index = self.column(key)
            row.extend([None] * (index + 1 - len(row)))
            row[index] = self.cell(key, value)
        self.edits.append.append(row)
        return row

    def set(self, row: int, key: str, value) -> None:
        self.edits.set_cells[(row, self.column(key))] = self.cell(key, value)

    def set_in_new(self, row: list, key: str, value) -> None:
        index = self.column(key)
        row.extend([None] * (index + 1 - len(row)))
        row[index] = self.cell(key, value)

    def header(self, key: str, rows: list) -> str:
        """Return a column's header as the sheet writes it, else the standard header in the workbook's language."""
        index = self.columns.get(key)
        header_row = rows[self.header_row] if self.header_row < len(rows) else []
        if index is not None and index < len(header_row) and str(header_row[index] or "").strip():
            return str(header_row[index]).strip()
        return self.spec.column(key).header(self.language)

    def cell(self, key: str, value):
        column = self.spec.column(key)
        if isinstance(value, Unit):
            return value.label(self.language)
        if column.type == "choice":
            choice = next((choice for choice in column.choices if choice.code == value), None)
            return choice.label(self.language) if choice else value
        return value


def _same(old, new) -> bool:
    if isinstance(old, Decimal) or isinstance(new, Decimal):
        try:
            return Decimal(str(old)) == Decimal(str(new))
        except (InvalidOperation, TypeError):
            return False
    if isinstance(old, str) and isinstance(new, str):
        return old.strip() == new.strip()
    return old == new


class _Importer:
    def __init__(self, document: ParsedDocument, data: FarmData, language: str):
        self.document = document
        self.data = data
        self.language = language
        self.report = ImportReport(warnings=list(document.warnings))
        self.sheets = {key: _Sheet(key, data, language)
                       for key in ("products", "customers", "orders", "stock", "delivery_points")}
        self.pending_customers: dict[str, _Pending] = {}  # customer node id → row appended by this import
        self.point_names = {normalise_label(point.name): point.name for point in data.delivery_points}
        self.product_names: dict[str, str] = {}  # product node id → name in the workbook
        self.customer_names: dict[str, str] = {}
        self.farm_edits: dict = {}
        self.foreign_suppliers: dict[str, str] = {}  # product node id → name of the other enterprise supplying it
        self.handled_lines: set[str] = set()
        self.elsewhere: set[tuple] = set()  # keys of the lines read from grids and baskets

    def node(self, value) -> Node | None:
        return self.document.get(value)

    def typed(self, node_id: str | None, class_name: str) -> Node | None:
        node = self.document.nodes.get(node_id) if node_id else None
        return node if node is not None and class_name in node.types else None

    def describe(self, node: Node, name: str | None = None) -> str:
        """Name a node for the farmer: its kind in their words, its name and its IRI."""
        kind = object_kind(node.types)
        if name:
            return _("{kind} “{name}” ({id})").format(kind=kind, name=name, id=node.id)
        return f"{kind} {node.id}"

    # The farm

    def farm_node(self) -> Node | None:
        enterprises = self.document.of_type("Enterprise")
        for node in enterprises:
            if self.data.farm and self.data.farm.base_uri and node.id == self.data.farm.base_uri.rstrip("/#") + "/enterprise":
                return node
        sellers = {reference(value) for order in self.document.of_type("Order") for value in order.values("soldBy")}
        suppliers = [node for node in enterprises if node.values("supplies") or node.values("manages") or node.id in sellers]
        return suppliers[0] if len(suppliers) == 1 else None

    def import_farm(self, farm: Node) -> None:
        current = self.data.farm
        values = {
            "name": literal(farm.first("name")),
            "vat_number": literal(farm.first("VATnumber")),
            "email": literal(farm.first("email")),
            "website": literal(farm.first("websitePage")),
        }
        values.update(self.address_values(farm))
        phone = self.phone(farm)
        if phone:
            values["phone"] = phone
        base = enterprise_base(farm.id)
        if base:
            values["base_uri"] = base
        for key, value in values.items():
            if value is not None and (current is None or getattr(current, key, None) in (None, "")):
                self.farm_edits[key] = value
        if self.farm_edits:
            self.report.update(self.data.sheet_names.get("farm") or _("farm sheet"), ", ".join(sorted(self.farm_edits)))

    def address_values(self, node: Node) -> dict:
        address = self.typed(reference(node.first("hasAddress")), "Address")
        if address is None:
            return {}
        values = {"address": literal(address.first("street")), "postcode": literal(address.first("postcode")),
                  "city": literal(address.first("city"))}
        country = reference(address.first("hasCountry")) or ""
        if country.startswith(v.COUNTRY_AUTHORITY) and country[len(v.COUNTRY_AUTHORITY):] in v.ALPHA2:
            values["country"] = v.ALPHA2[country[len(v.COUNTRY_AUTHORITY):]]
        return {key: value for key, value in values.items() if value is not None}

    def phone(self, node: Node) -> str | None:
        phone = self.typed(reference(node.first("hasPhoneNumber")), "PhoneNumber")
        return literal(phone.first("phoneNumber")) if phone else None

    # Products

    def offer_of(self, product: Node) -> tuple[Node | None, Node | None]:
        items = [self.typed(reference(value), "CatalogItem") for value in product.values("referencedBy")]
        items += [node for node in self.document.of_type("CatalogItem")
                  if any(reference(value) == product.id for value in node.values("references"))]
        item = next((item for item in items if item is not None), None)
        offers = [node for node in self.document.of_type("Offer")
                  if any(reference(value) == product.id for value in node.values("offers"))]
        if item is not None:
            offers += [self.typed(reference(value), "Offer") for value in item.values("offeredThrough")]
        return item, next((offer for offer in offers if offer is not None), None)

    def product_values(self, product: Node) -> tuple[dict, list[str]]:
        notes: list[str] = []
        concept = product_type(reference(product.first("hasType")) or "") if product.first("hasType") else None
        name = literal(product.first("name"))
        if name is None and concept is not None:
            name = concept.label(self.language).capitalize()
        if name is None:
            name = literal(product.first("description"))
        values: dict = {"name": name, "description": literal(product.first("description")) if name != literal(
            product.first("description")) else None, "iri": None if product.id.startswith("_:") else product.id}
        if concept is not None:
            guessed = find_product_type(name or "")
            values["dfc_type"] = None if guessed == concept else concept.name
        if any(str(reference(value) or "").startswith(v.DFC_FACETS + "Organic") for value in product.values("hasCertification")):
            values["organic"] = True

        quantity = self.typed(reference(product.first("hasQuantity")), "QuantitativeValue")
        unit = _UNITS_BY_DFC.get(reference(quantity.first("hasUnit")) or "") if quantity else None
        amount = decimal(quantity.first("value")) if quantity else None
        if unit is None:
            notes.append(_("no unit of a known measure; fill in its unit"))
        elif amount is None or amount == 1:
            values["unit"] = unit
        elif unit.dimension == "mass" and amount > 0:
            values["unit"] = _unit("piece")
            values["average_weight"] = amount * unit.factor
        else:
            values["unit"] = _unit("piece")
            notes.append(_("sold as {amount} {unit}, imported as a piece").format(
                amount=format_number(amount), unit=unit.label(get_language())))

        item, offer = self.offer_of(product)
        if item is not None:
            values["reference"] = literal(item.first("sku"))
        price = self.typed(reference(offer.first("hasPrice")), "Price") if offer else None
        values.update(self.price_values(price, notes))
        return values, notes

    def price_values(self, price: Node | None, notes: list[str]) -> dict:
        if price is None:
            notes.append(_("no price; fill in its price"))
            return {}
        values = {}
        currency = reference(price.first("hasUnit"))
        amount = decimal(price.first("value"))
        if currency not in (None, v.EURO):
            notes.append(_("price in {currency}, not in euros; fill in its price").format(
                currency=currency.rsplit("#", 1)[-1]))
        elif amount is not None:
            values["price"] = amount
        rate = decimal(price.first("VATrate"))
        if rate is not None:
            values["vat_rate"] = rate / 100
        return values

    def import_products(self) -> None:
        sheet = self.sheets["products"]
        existing = self.data.products
        by_iri = {product.iri: product for product in existing if product.iri}
        by_reference = {normalise_label(product.reference): product for product in existing if product.reference}
        by_name = {normalise_label(product.name): product for product in existing}
        stock = self.stock_by_product()

        for node in sorted(self.document.of_type("SuppliedProduct"), key=lambda node: node.id):
            supplier = self.foreign_suppliers.get(node.id)
            if supplier is not None:
                self.report.ignored.append(_("{object}: supplied by another enterprise, {supplier}").format(
                    object=self.describe(node, literal(node.first("name"))), supplier=supplier))
                continue
            values, notes = self.product_values(node)
            if not values.get("name"):
                self.report.ignored.append(_("{object}: no name, type or description").format(object=self.describe(node)))
                continue
            if not sheet.exists:
                self.report.ignored.append(_("{object}: the workbook has no products sheet").format(
                    object=self.describe(node, values["name"])))
                continue
            match = (by_iri.get(values.get("iri")) or by_reference.get(normalise_label(values.get("reference") or "\0"))
                     or by_name.get(normalise_label(values["name"])))
            label = self.describe(node, values["name"])
            for note in notes:
                self.report.warnings.append(f"{label}: {note}")
            if match is None:
                values = {key: value for key, value in values.items() if value is not None}
                sheet.append(values)
                self.report.add(sheet.name, label)
                self.product_names[node.id] = values["name"]
                by_name[normalise_label(values["name"])] = _Pending(values)
            else:
                self.product_names[node.id] = match.name
                if isinstance(match, _Pending):
                    continue
                if match.sold_by_weight and values.get("unit") == match.price_unit:
                    # Offered by the kg in DFC, this product is still ordered by the piece here.
                    values["unit"] = match.unit
                    values.pop("average_weight", None)
                changed = [key for key, value in values.items()
                           if value is not None and key != "name" and not _same(getattr(match, key, None), value)
                           and not (key == "iri" and self.is_own_iri(value))]
                for key in changed:
                    sheet.set(match.source.row, key, values[key])
                if changed:
                    self.report.update(sheet.name, f"{label} ({', '.join(changed)})")
            self.import_stock(node, stock)

    def stock_by_product(self) -> dict[str, Decimal]:
        from .mapping import latest_stock

        totals = latest_stock(self.data)
        return {product.name: totals[id(product)] for product in self.data.products if id(product) in totals}

    def import_stock(self, node: Node, current: dict[str, Decimal]) -> None:
        item, offer = self.offer_of(node)
        quantity = None
        for source in (node.first("totalTheoriticalStock"), item.first("stockLimitation") if item else None):
            quantity = decimal(source) if quantity is None else quantity
        if quantity is None or quantity < 0:
            # OFN writes -1 for "no limit"; that is not a stock.
            return
        name = self.product_names[node.id]
        sheet = self.sheets["stock"]
        if not sheet.exists:
            self.report.warnings.append(_("{name}: stock not imported, the workbook has no stock sheet").format(name=name))
            return
        if name in current and _same(current[name], quantity):
            return
        values = {"product": name, "quantity": quantity}
        if name in current:
            values["date"] = dt.date.today()
        sheet.append(values)
        self.report.add(sheet.name, f"{name} {format_number(quantity)}")

    # Customers

    def customer_nodes(self, farm: Node | None) -> list[Node]:
        contacts = {reference(value) for node in self.document.nodes.values() for value in node.values("hasMainContact")}
        agents = []
        for node in self.document.nodes.values():
            if node is farm or not ({"Person", "Enterprise"} & node.types):
                continue
            if node.id in contacts:
                continue
            if "Enterprise" in node.types and (node.values("supplies") or node.values("manages")):
                self.report.ignored.append(_("{object}: another enterprise that supplies products, not a customer").format(
                    object=self.describe(node, literal(node.first("name")))))
                continue
            agents.append(node)
        return sorted(agents, key=lambda node: node.id)

    def customer_values(self, node: Node) -> dict:
        if "Person" in node.types:
            name = " ".join(filter(None, (literal(node.first("firstName")), literal(node.first("familyName")))))
            values = {"name": name or literal(node.first("name")), "type": "individual"}
        else:
            values = {"name": literal(node.first("name")), "type": "shop",
                      "vat_number": literal(node.first("VATnumber"))}
            contact = self.typed(reference(node.first("hasMainContact")), "Person")
            if contact is not None:
                values["contact"] = " ".join(filter(None, (literal(contact.first("firstName")),
                                                           literal(contact.first("familyName"))))) or None
        values["email"] = literal(node.first("email"))
        values["phone"] = self.phone(node)
        address = self.address_values(node)
        address.pop("country", None)
        values.update(address)
        values["iri"] = None if node.id.startswith("_:") else node.id
        return values

    def import_customers(self, farm: Node | None) -> None:
        sheet = self.sheets["customers"]
        existing = self.data.customers
        by_iri = {customer.iri: customer for customer in existing if customer.iri}
        by_name = {normalise_label(customer.name): customer for customer in existing}
        for node in self.customer_nodes(farm):
            values = self.customer_values(node)
            if not values.get("name"):
                self.report.ignored.append(_("{object}: no name").format(object=self.describe(node)))
                continue
            label = self.describe(node, values["name"])
            if not sheet.exists:
                self.report.ignored.append(_("{object}: the workbook has no customers sheet").format(object=label))
                continue
            match = by_iri.get(values["iri"]) or by_name.get(normalise_label(values["name"]))
            if match is None:
                row = sheet.append({key: value for key, value in values.items() if value is not None})
                self.report.add(sheet.name, label)
                by_name[normalise_label(values["name"])] = self.pending_customers[node.id] = _Pending(values, row)
                self.customer_names[node.id] = values["name"]
                continue
            self.customer_names[node.id] = match.name
            if isinstance(match, _Pending):
                continue
            # The type is kept, because DFC only distinguishes a person from an enterprise.
            changed = [key for key, value in values.items()
                       if value is not None and key not in ("name", "type") and not _same(getattr(match, key, None), value)
                       and not (key == "iri" and self.is_own_iri(value))]
            for key in changed:
                sheet.set(match.source.row, key, values[key])
            if changed:
                self.report.update(sheet.name, f"{label} ({', '.join(changed)})")

    # Orders

    def import_orders(self) -> None:
        sheet = self.sheets["orders"]
        existing: dict = {line.iri: line for line in self.data.orders if line.iri}
        for line in self.data.orders:
            existing.setdefault(_line_key({"delivery_date": line.delivery_date, "customer": line.customer.name,
                                           "product": line.product.name, "order_number": line.order_number}), line)
        self.elsewhere = {_line_key({"delivery_date": line.delivery_date, "customer": line.customer.name,
                                     "product": line.product.name, "order_number": line.order_number})
                          for line in _grid_and_basket_lines(self.data)}
        for order in sorted(self.document.of_type("Order"), key=lambda node: node.id):
            lines = {reference(value) for value in order.values("hasPart")}
            lines |= {node.id for node in self.document.of_type("OrderLine")
                      if any(reference(value) == order.id for value in node.values("partOf"))}
            lines.discard(None)
            reason = self.order_problem(order, sheet)
            if reason:
                self.report.ignored.append(f"{self.describe(order)}: {reason}")
                self.handled_lines |= lines
                continue
            customer = self.customer_names[reference(order.first("orderedBy"))]
            day = self.order_date(order)
            status = v.DFC_TO_ORDER_STATUS.get((reference(order.first("hasOrderStatus")) or "").rsplit("#", 1)[-1])
            payment = v.DFC_TO_PAYMENT_STATUS.get((reference(order.first("hasPaymentStatus")) or "").rsplit("#", 1)[-1])
            self.import_delivery_point(order, reference(order.first("orderedBy")))
            for line_id in sorted(lines):
                self.import_line(line_id, order, customer, day, status, payment, existing)

    def import_delivery_point(self, order: Node, customer_id: str) -> None:
        """Add the order's pickup place to the delivery points and give it to a customer who has none."""
        option = self.node(order.first("selects"))
        place = self.node(option.first("pickedUpAt") or option.first("deliveredAt")) if option else None
        name = literal(place.first("name")) if place else None
        if name is None:
            return
        sheet = self.sheets["delivery_points"]
        if normalise_label(name) not in self.point_names and sheet.exists:
            values = {"name": name, **self.address_values(place)}
            values.pop("country", None)
            values["time"] = self.session_hours(order)
            sheet.append(values)
            self.point_names[normalise_label(name)] = name
            self.report.add(sheet.name, name)
        name = self.point_names.get(normalise_label(name), name)

        pending = self.pending_customers.get(customer_id)
        if pending is not None:
            if pending.delivery_point is None:
                pending.delivery_point = name
                self.sheets["customers"].set_in_new(pending.row, "delivery_point", name)
            return
        for customer in self.data.customers:
            if customer.name == self.customer_names.get(customer_id) and customer.delivery_point is None:
                self.sheets["customers"].set(customer.source.row, "delivery_point", name)
                customer.delivery_point = next((point for point in self.data.delivery_points if point.name == name), None)
                self.report.update(self.sheets["customers"].name, f"{customer.name} (delivery_point)")

    def session_hours(self, order: Node) -> str | None:
        """Return "17:00-19:00" from the order's sale session, or None when it lasts the whole day."""
        session = self.typed(reference(order.first("belongsTo")), "SaleSession")
        if session is None:
            return None
        begin, end = literal(session.first("startDate")) or "", literal(session.first("endDate")) or ""
        begin_time, end_time = begin[11:16], end[11:16]
        if len(begin_time) != 5 or len(end_time) != 5 or (begin_time == "00:00" and end[11:19] == "23:59:59"):
            return None
        return f"{begin_time}-{end_time}"

    def order_problem(self, order: Node, sheet: _Sheet) -> str | None:
        if not sheet.exists:
            return _("the workbook has no orders sheet")
        customer = reference(order.first("orderedBy"))
        if customer not in self.customer_names:
            known = self.known_customer(customer)
            if known is None:
                return _("its customer {customer} is neither described in the document nor in the workbook").format(
                    customer=customer)
            self.customer_names[customer] = known
        if self.order_date(order) is None:
            return _("no delivery date (sale session start) or order date")
        return None

    def known_customer(self, iri: str | None) -> str | None:
        for customer in self.data.customers:
            if iri and customer.iri == iri:
                return customer.name
        return None

    def order_date(self, order: Node) -> dt.date | None:
        session = self.typed(reference(order.first("belongsTo")), "SaleSession")
        if session is not None:
            day = parse_date(session.first("startDate"))
            if day is not None:
                return day
        return parse_date(order.first("date"))

    def import_line(self, line_id, order, customer, day, status, payment, existing) -> None:
        sheet = self.sheets["orders"]
        self.handled_lines.add(line_id)

        line = self.typed(line_id, "OrderLine")
        if line is None:
            self.report.ignored.append(_("order line {line}: not described in the document").format(line=line_id))
            return
        offer = self.typed(reference(line.first("concerns")), "Offer")
        product_id = reference(offer.first("offers")) if offer else None
        if product_id is None and offer is not None:
            items = [node for node in self.document.of_type("CatalogItem")
                     if any(reference(value) == offer.id for value in node.values("offeredThrough"))]
            product_id = reference(items[0].first("references")) if items else None
        product = self.product_names.get(product_id) or self.known_product(product_id)
        quantity = decimal(line.first("quantity"))
        if quantity is None:
            amount = self.typed(reference(line.first("hasQuantity")), "QuantitativeValue")
            quantity = decimal(amount.first("value")) if amount else None
        if product is None or quantity is None:
            reason = _("its product is unknown") if product is None else _("no quantity")
            self.report.ignored.append(f"{self.describe(line)}: {reason}")
            return

        values = {"delivery_date": day, "customer": customer, "product": product, "quantity": quantity,
                  "status": status, "order_number": literal(order.first("orderNumber")),
                  "payment_status": payment, "comment": literal(line.first("description")),
                  "iri": None if line.id.startswith("_:") else line.id}
        price = self.typed(reference(line.first("hasPrice")), "Price")
        if price is not None:
            values["price"] = self.price_values(price, []).get("price")
        label = _("order line {product} for {customer} on {day}").format(product=product, customer=customer, day=day)

        match = existing.get(values["iri"]) or existing.get(_line_key(values))
        if match is None and _line_key(values) in self.elsewhere:
            # The line is already in an order grid or an AMAP basket, which the import does not edit.
            # NOTE: a grid line and an orders-sheet row for the same customer, day and product
            # share one key, so the grid line's quantity is compared with the row.
            return
        if match is None:
            sheet.append(values)
            self.report.add(sheet.name, label)
            return

        changed = []
        for key in ("quantity", "status", "payment_status", "comment", "price", "iri"):
            if key == "iri" and self.is_own_iri(values.get("iri")):
                continue
            current = match.effective_price if key == "price" else getattr(match, key, None)
            if key == "quantity":
                # The document states the quantity in the offer unit (kg for
                # a product paid by weight), so the row is compared in it.
                current = offer_quantity(match)
            if key == "status" and current is None:
                current = "confirmed"
            if values.get(key) is not None and not _same(current, values[key]):
                changed.append(key)
                sheet.set(match.source.row, key, values[key])
        if changed:
            self.report.update(sheet.name, f"{label} ({', '.join(changed)})")

    def report_leftovers(self) -> None:
        """List the offers and order lines that no imported product or order took."""
        for offer in sorted(self.document.of_type("Offer"), key=lambda node: node.id):
            product = reference(offer.first("offers"))
            items = [node for node in self.document.of_type("CatalogItem")
                     if any(reference(value) == offer.id for value in node.values("offeredThrough"))]
            if product not in self.product_names and not any(
                    reference(item.first("references")) in self.product_names for item in items) and not any(
                    reference(value) in self.product_names for item in items
                    for value in self.referencing_products(item)):
                self.report.ignored.append(_("{object}: its product is not in the document").format(
                    object=self.describe(offer)))
        for line in sorted(self.document.of_type("OrderLine"), key=lambda node: node.id):
            if line.id not in self.handled_lines:
                self.report.ignored.append(_("{object}: not part of an order of the document").format(
                    object=self.describe(line)))

    def referencing_products(self, item: Node) -> list:
        return [Reference(node.id) for node in self.document.of_type("SuppliedProduct")
                if any(reference(value) == item.id for value in node.values("referencedBy"))]

    def is_own_iri(self, iri: str | None) -> bool:
        """True for an IRI under the farm's base URI, which the exporter builds again by itself."""
        base = self.data.farm.base_uri if self.data.farm else None
        return bool(iri and base and iri.startswith(base.strip()))

    def known_product(self, iri: str | None) -> str | None:
        for product in self.data.products:
            if iri and product.iri == iri:
                return product.name
        return None

    def run(self) -> None:
        farm = self.farm_node()
        if farm is not None:
            self.import_farm(farm)
        self.foreign_suppliers = {
            reference(value): literal(node.first("name")) or node.id
            for node in self.document.of_type("Enterprise") if node is not farm
            for value in node.values("supplies")
        }
        self.import_products()
        self.import_customers(farm)
        self.import_orders()
        self.report_leftovers()
        for node in self.document.nodes.values():
            if not node.types and not node.id.startswith("_:") and node.properties:
                self.report.ignored.append(_("{object}: no type").format(object=node.id))
        self.report_not_carried()

    def report_not_carried(self) -> None:
        """Name the columns left empty in the farm sheet and in the sheets that got new rows."""
        workbook = self.data.workbook
        for key in ("farm", "products", "customers", "delivery_points"):
            if key == "farm":
                name = self.data.sheet_names.get("farm") if self.farm_edits else None
                headers = [sheet_spec("farm").column(column).header(self.language) for column in UNCARRIED_COLUMNS[key]]
            else:
                sheet = self.sheets[key]
                name = sheet.name if sheet.name in self.report.added_by_sheet else None
                rows = workbook.sheets[sheet.name].rows if name and workbook is not None else []
                headers = [sheet.header(column, rows) for column in UNCARRIED_COLUMNS[key]]
            if name is None:
                continue
            self.report.not_carried.append(_("{sheet}: {columns}").format(sheet=name, columns=", ".join(headers)))
            if key == "delivery_points":
                self.report.not_carried.append(_("{sheet}: {column} comes from the sale session times, "
                                                 "written as 17:00-19:00 rather than as the farm wrote it").format(
                    sheet=name, column=self.sheets[key].header("time", rows)))


def _grid_and_basket_lines(data: FarmData) -> list:
    """Return the workbook's order lines that come from grid sheets and AMAP subscriptions."""
    from ..orders.sources import collect_orders

    listed = {id(line) for line in data.orders}
    return [line for line in collect_orders(data).lines if id(line) not in listed]


def _line_key(values: dict) -> tuple:
    return ("line", values.get("delivery_date"), normalise_label(values.get("customer") or ""),
            normalise_label(values.get("product") or ""), values.get("order_number") or "")


class _Pending:
    """A row appended by this import, found again by a later object of the same name."""

    def __init__(self, values: dict, row: list | None = None):
        self.name = values["name"]
        self.iri = values.get("iri")
        self.row = row
        self.delivery_point = None


def _unit(code: str) -> Unit:
    from ..model.units import get_unit

    return get_unit(code)


def workbook_language(data: FarmData) -> str:
    """Return "fr" or "en": the language of the workbook's sheet names, else the user's."""
    for key, name in data.sheet_names.items():
        spec = sheet_spec(key)
        if normalise_label(name) == normalise_label(spec.name_fr) != normalise_label(spec.name_en):
            return "fr"
        if normalise_label(name) == normalise_label(spec.name_en) != normalise_label(spec.name_fr):
            return "en"
    return get_language()


def plan_import(document: ParsedDocument, data: FarmData) -> tuple[dict, ImportReport]:
    """Compute the sheet edits that import a document, without writing; return (edits, report)."""
    importer = _Importer(document, data, workbook_language(data))
    importer.run()
    edits = {sheet.name: sheet.edits for sheet in importer.sheets.values()
             if sheet.exists and (sheet.edits.append or sheet.edits.set_cells)}
    if importer.farm_edits:
        edits.update(_farm_edits(data, importer.farm_edits, importer.language))
    return edits, importer.report


def _farm_edits(data: FarmData, values: dict, language: str) -> dict:
    from ..workbook.edits import SheetEdits

    name = data.sheet_names.get("farm")
    if name is None:
        return {}
    spec = sheet_spec("farm")
    rows = data.farm.source.field_rows if data.farm and data.farm.source else {}
    edits = SheetEdits()
    for key, value in values.items():
        if key in rows:
            edits.set_cells[(rows[key], 1)] = value
        else:
            edits.append.append([spec.column(key).header(language), value])
    return {name: edits}


def import_document(document_path: str | Path, workbook_path: str | Path, *, output: str | Path | None = None) -> ImportReport:
    """Import a DFC document into a workbook's sheets and save it (to ``output`` when given).

    The workbook is read first and written once, atomically, so a document
    that cannot be read leaves it untouched.
    """
    from ..schema.load import load_farm
    from ..workbook.edits import write_sheet_edits

    document = read_document(document_path)
    data = load_farm(workbook_path)
    if data.workbook is not None and data.workbook.format not in ("ods", "xlsx", "xlsm"):
        raise SemanticDataError(
            _("a DFC document can only be imported into an .ods or .xlsx workbook"),
            location=Location(file=str(workbook_path)), value=data.workbook.format,
            remedy=_("Save the workbook as .ods or .xlsx first."),
        )
    edits, report = plan_import(document, data)
    if edits:
        report.output = write_sheet_edits(workbook_path, edits, output=output)
    return report
