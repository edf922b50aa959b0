"""The farm's workbook as DFC triples: enterprise, catalogue, customers and orders.

Standard library only, because the LibreOffice extension runs it in the
Python that LibreOffice bundles. Numbers and dates are written as plain
strings, as the official connectors write them ("2.50", "5.5"), so the
JSON-LD, Turtle and N-Triples exports are one and the same graph.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections import defaultdict
from decimal import Decimal

from ..errors import Location, Problem, SemanticDataError
from ..i18n import _, format_number, get_language
from ..model.catalogue import Customer, Product
from ..model.farm_data import FarmData
from ..model.money import to_cents, to_quantity
from ..model.orders import OrderLine
from ..model.units import convert
from . import vocabulary as v
from .headers import column_header
from .iris import IriMinter, check_base_uri
from .product_types import product_type, suggest_product_types
from .terms import IRI, BNode, Document, Literal

# Predicate and class IRIs are made once, because a million order lines use them ten million times.
B = functools.lru_cache(maxsize=None)(lambda name: IRI(v.business(name)))
_TIME = re.compile(r"(\d{1,2})\s*(?:h|:)\s*(\d{2})?")


@functools.lru_cache(maxsize=65536)
def number(value: Decimal) -> str:
    """Return a number's shortest plain lexical form: 5.50 gives "5.5", 10 gives "10"."""
    text = format(Decimal(value).normalize(), "f")
    return "0" if text in ("-0", "") else text


def text(value) -> Literal | None:
    if value is None or str(value).strip() == "":
        return None
    return Literal(str(value).strip())


def _location(record, key: str | None = None) -> Location:
    return record.source.location(key) if getattr(record, "source", None) else Location()


def person_names(full_name: str) -> tuple[str | None, str]:
    """Split "Marie Dupont" into ("Marie", "Dupont"): the last word is the family name.

    Joining the two with one space gives the name back, which keeps the
    import of an export unchanged.
    """
    words = full_name.split()
    if len(words) < 2:
        return None, full_name.strip()
    return " ".join(words[:-1]), words[-1]


def is_person(customer: Customer) -> bool:
    """True for a private customer, exported as dfc-b:Person rather than an Enterprise."""
    if customer.siren or customer.siret or customer.vat_number:
        return False
    return customer.type in ("individual", "amap")


class _Builder:
    def __init__(self, data: FarmData, *, track_origins: bool = True):
        self.data = data
        self.document = Document()
        self.track_origins = track_origins
        farm = data.farm
        if farm is None:
            raise SemanticDataError(
                _("the workbook has no farm sheet, so there is no enterprise to publish"),
                remedy=_("Add the sheet “Ferme” with the farm's name, address and data base URI."),
            )
        self.farm = farm
        self.minter = IriMinter(check_base_uri(farm.base_uri, _location(farm, "base_uri")))
        self.enterprise = IRI(self.minter.enterprise())
        self.product_iris: dict[int, IRI] = {}
        self.sessions: dict[str, tuple] = {}
        self.places: set[str] = set()
        self.offer_iris: dict[int, IRI] = {}
        self.customer_iris: dict[int, IRI] = {}
        self.dfc_type_header: str | None = None  # read once, at the first product without a type

    def node(self, subject: str, class_name: str, origin: tuple | Location | None, record=None) -> None:
        """Add a subject's type and remember the cell it comes from; ``origin`` is a Location or (record, field)."""
        self.document.add(subject, v.RDF_TYPE, B(class_name))
        if self.track_origins and origin is not None and subject not in self.document.origins:
            self.document.origins[subject] = _location(*origin) if isinstance(origin, tuple) else origin
            if record is not None:
                self.document.records[subject] = record

    # The enterprise

    def add_enterprise(self) -> None:
        farm, add, subject = self.farm, self.document.add, self.enterprise
        self.node(subject, "Enterprise", (farm, "name"), farm)
        add(subject, B("name"), text(farm.name))
        add(subject, B("VATnumber"), text(farm.vat_number))
        add(subject, B("email"), text(farm.email))
        add(subject, B("websitePage"), text(farm.website))
        self.add_address(subject, farm.address, farm.postcode, farm.city, farm.country_code, _location(farm, "address"))
        self.add_phone(subject, farm.phone)

    def add_address(self, owner: str, street, postcode, city, country: str | None, origin: Location) -> None:
        if not any((street, postcode, city)):
            return
        address = IRI(owner + "/address")
        add = self.document.add
        self.node(address, "Address", origin)
        add(owner, B("hasAddress"), address)
        add(address, B("hasStreet"), text(street))
        add(address, B("hasPostalCode"), text(postcode))
        add(address, B("hasCity"), text(city))
        alpha3 = v.ALPHA3.get((country or "").upper())
        if alpha3:
            add(address, B("hasCountry"), IRI(v.COUNTRY_AUTHORITY + alpha3))

    def add_phone(self, owner: str, phone) -> None:
        if not phone or not str(phone).strip():
            return
        node = BNode(_blank_label("phone", owner))
        self.document.add(node, v.RDF_TYPE, B("PhoneNumber"))
        self.document.add(node, B("phoneNumber"), text(phone))
        self.document.add(owner, B("hasPhoneNumber"), node)

    # The catalogue

    def add_products(self, products: list[Product], stock: dict[int, Decimal]) -> None:
        for product in products:
            iri = IRI(product.iri) if product.iri else IRI(self.minter.product(product.key))
            self.product_iris[id(product)] = iri
            self.add_product(product, iri, stock.get(id(product)))

    def add_product(self, product: Product, iri: IRI, stock: Decimal | None) -> None:
        add, origin = self.document.add, _location(product, "name")
        item, offer = IRI(iri + "/catalog-item"), IRI(iri + "/offer")

        self.node(iri, "SuppliedProduct", origin, product)
        add(iri, B("name"), text(product.name))
        add(iri, B("description"), text(product.description))
        concept = self.product_type(product)
        if concept is not None:
            add(iri, B("hasType"), IRI(concept))
        quantity = BNode(_blank_label("quantity", iri))
        add(iri, B("hasQuantity"), quantity)
        add(quantity, v.RDF_TYPE, B("QuantitativeValue"))
        add(quantity, B("hasUnit"), IRI(offer_unit(product).dfc_iri))
        add(quantity, B("value"), Literal("1"))
        if product.organic:
            add(iri, B("hasCertification"), IRI(v.ORGANIC_CERTIFICATION))
        if stock is not None:
            add(iri, B("totalTheoreticalStock"), Literal(number(stock)))
        add(iri, B("referencedBy"), item)
        add(self.enterprise, B("supplies"), iri)

        self.node(item, "CatalogItem", origin, product)
        add(item, B("sku"), text(product.reference))
        add(item, B("references"), iri)
        add(item, B("offeredThrough"), offer)
        if stock is not None:
            add(item, B("stockLimitation"), Literal(number(stock)))
        add(self.enterprise, B("manages"), item)

        self.node(offer, "Offer", (product, "price"), product)
        add(offer, B("offeredItem"), iri)
        price = BNode(_blank_label("price", iri))
        add(offer, B("hasPrice"), price)
        self.add_price(price, product.price, product.vat_rate)
        if stock is not None:
            add(offer, B("stockLimitation"), Literal(number(stock)))

    def add_price(self, node: BNode, amount: Decimal, vat_rate: Decimal | None) -> None:
        add = self.document.add
        value, rate = price_literals(amount, vat_rate)
        add(node, v.RDF_TYPE, B("Price"))
        add(node, B("value"), value)
        add(node, B("VATrate"), rate)
        add(node, B("hasUnit"), _EURO)

    def product_type(self, product: Product) -> str | None:
        if product.dfc_type:
            concept = product_type(product.dfc_type)
            if concept is None:
                suggestions = suggest_product_types(product.dfc_type)
                raise SemanticDataError(
                    _("unknown DFC product type"), location=_location(product, "dfc_type"), value=product.dfc_type,
                    remedy=(_("Did you mean: {names}?").format(names=", ".join(suggestions)) if suggestions else
                            _("Enter a product type of the DFC taxonomy, such as carrot or carotte, or leave the cell empty.")),
                )
            return concept.iri
        from .product_types import find_product_type

        concept = find_product_type(product.name)
        if concept is None:
            if self.dfc_type_header is None:
                self.dfc_type_header = column_header(self.data, "products", "dfc_type", get_language())
            self.document.warnings.append(Problem(
                "warning", _("no DFC product type found for this name, so the product is published without a type"),
                _location(product, "name"), product.name,
                _("Enter its type in the column “{column}”, such as carrot or carotte.").format(
                    column=self.dfc_type_header),
            ))
            return None
        return concept.iri

    # Customers

    def add_customers(self, customers: list[Customer]) -> None:
        for customer in customers:
            key = customer.code or customer.name
            iri = IRI(customer.iri) if customer.iri else IRI(self.minter.customer(key))
            self.customer_iris[id(customer)] = iri
            self.add_customer(customer, iri)

    def add_customer(self, customer: Customer, iri: IRI) -> None:
        add, origin = self.document.add, _location(customer, "name")
        if is_person(customer):
            self.node(iri, "Person", origin, customer)
            first, family = person_names(customer.name)
            add(iri, B("firstName"), text(first))
            add(iri, B("familyName"), text(family))
        else:
            self.node(iri, "Enterprise", origin, customer)
            add(iri, B("name"), text(customer.name))
            add(iri, B("VATnumber"), text(customer.vat_number))
        add(iri, B("email"), text(customer.email))
        self.add_address(iri, customer.address, customer.postcode, customer.city, None, _location(customer, "address"))
        self.add_phone(iri, customer.phone)

    # Orders

    def add_orders(self, lines: list[OrderLine]) -> None:
        orders: dict[tuple, list[OrderLine]] = defaultdict(list)
        for line in lines:
            orders[order_key(line)].append(line)
        for order_lines in orders.values():
            self.add_order_group(order_lines)
        self.add_sale_sessions()

    def add_order_group(self, order_lines: list[OrderLine]) -> None:
        """Add one order from its lines; a fully cancelled order keeps its lines, others drop the cancelled ones."""
        first = order_lines[0]
        kept = [line for line in order_lines if not line.cancelled] or order_lines
        iri = IRI(self.minter.order(first.order_number, first.delivery_date, self.customer_key(first.customer)))
        point = first.customer.delivery_point
        session = IRI(self.minter.sale_session(first.delivery_date, point.name if point else None))
        if session not in self.sessions:
            self.sessions[session] = (first, point, set())
        self.sessions[session][2].update(self.offer_iri(line.product) for line in kept)
        self.add_order(iri, session, first, kept)

    def customer_key(self, customer) -> str:
        """Return the key naming a customer in order IRIs: its IRI's last part when this farm minted it.

        A customer imported from an earlier export keeps that export's IRI
        but not always its code, so the key comes from the IRI to give the
        same order IRIs again.
        """
        customer_iri = str(self.customer_iris.get(id(customer), ""))
        prefix = self.minter.base + "customers/"
        if customer_iri.startswith(prefix) and "/" not in customer_iri[len(prefix):]:
            return customer_iri[len(prefix):]
        return customer.code or customer.name

    def add_sale_sessions(self) -> None:
        for session, (first, point, offers) in sorted(self.sessions.items()):
            self.add_sale_session(session, first, point, offers)

    def add_order(self, iri: IRI, session: IRI, first: OrderLine, lines: list[OrderLine]) -> None:
        add = self.document.add
        self.node(iri, "Order", (first, "delivery_date"), first)
        add(iri, B("orderNumber"), text(first.order_number))
        add(iri, B("belongsTo"), session)
        add(iri, B("orderedBy"), self.customer_iris[id(first.customer)])
        add(iri, B("soldBy"), self.enterprise)
        point = first.customer.delivery_point
        if point is not None:
            add(iri, B("selects"), self.add_pickup_option(point))

        statuses = {line.status or "confirmed" for line in lines}
        if statuses == {"cancelled"}:
            status = "cancelled"
        elif "pending" in statuses:
            status = "pending"
        elif statuses == {"delivered"}:
            status = "delivered"
        else:
            status = "confirmed"
        add(iri, B("hasOrderStatus"), IRI(v.DFC_VOCABULARY + v.ORDER_STATUS_TO_DFC[status]))
        add(iri, B("hasFulfilmentStatus"), IRI(v.DFC_VOCABULARY + v.FULFILMENT_STATUS[status]))
        payments = [line.payment_status for line in lines]
        if any(payments):
            paid = all(payment == "paid" for payment in payments)
            add(iri, B("hasPaymentStatus"), IRI(v.DFC_VOCABULARY + ("Paid" if paid else "Unpaid")))

        taken: set[str] = set()
        for line in lines:
            line_iri = IRI(line.iri) if line.iri else IRI(self.minter.order_line(iri, line.product.key, taken))
            self.add_order_line(line_iri, iri, line)

    def offer_iri(self, product: Product) -> IRI:
        key = id(product)
        if key not in self.offer_iris:
            self.offer_iris[key] = IRI(self.product_iris[key] + "/offer")
        return self.offer_iris[key]

    def add_pickup_option(self, point) -> IRI:
        """Add the delivery point as a PickupOption at a PhysicalPlace, once; return the option's IRI."""
        place = IRI(self.minter.place(point.name))
        option = IRI(place + "/pickup-option")
        if place not in self.places:
            self.places.add(place)
            add = self.document.add
            self.node(place, "PhysicalPlace", (point, "name"), point)
            add(place, B("name"), text(point.name))
            self.add_address(place, point.address, point.postcode, point.city, None, _location(point, "address"))
            self.node(option, "PickupOption", (point, "name"), point)
            add(option, B("pickedUpAt"), place)
        return option

    def add_order_line(self, iri: IRI, order: IRI, line: OrderLine) -> None:
        add, product = self.document.add, line.product
        self.node(iri, "OrderLine", (line, "product"), line)
        add(order, B("hasPart"), iri)
        add(iri, B("partOf"), order)
        add(iri, B("concerns"), self.offer_iri(product))
        add(iri, B("quantity"), Literal(number(self.line_quantity(line))))
        add(iri, B("description"), text(line.comment or basket_description(line)))
        price = BNode(_blank_label("price", iri))
        add(iri, B("hasPrice"), price)
        self.add_price(price, line.effective_price, product.vat_rate)

    def line_quantity(self, line: OrderLine) -> Decimal:
        quantity = offer_quantity(line)
        if quantity is None:
            raise SemanticDataError(
                _("the quantity cannot be converted to the unit the product is offered in ({unit})").format(
                    unit=offer_unit(line.product).code),
                location=_location(line, "unit"), value=line.effective_unit.code,
                remedy=_("Order in the product's unit, or fill in its average weight in the products sheet."),
            )
        return quantity

    def add_sale_session(self, iri: IRI, first: OrderLine, point, offers: set[str]) -> None:
        add = self.document.add
        self.node(iri, "SaleSession", (first, "delivery_date"), first)
        begin, end = session_times(first.delivery_date, point.time if point else None)
        add(iri, B("beginDate"), Literal(begin))
        add(iri, B("endDate"), Literal(end))
        for offer in sorted(offers):
            add(iri, B("lists"), IRI(offer))


_EURO = IRI(v.EURO)


@functools.lru_cache(maxsize=4096)
def price_literals(amount: Decimal, vat_rate: Decimal | None) -> tuple[Literal, Literal | None]:
    """Return the price in euros to the cent and the VAT rate in percent, as the connectors write them."""
    rate = Literal(number(vat_rate * 100)) if vat_rate is not None else None
    return Literal(str(to_cents(amount))), rate


def offer_unit(product: Product):
    """Return the unit a product is offered in: its price unit when it is ordered by the piece but paid by the kg."""
    return product.price_unit if product.sold_by_weight else product.unit


def offer_quantity(line: OrderLine) -> Decimal | None:
    """Return a line's quantity in its product's offer unit (the weighed weight when known), or None."""
    product, target = line.product, offer_unit(line.product)
    if line.weighed_quantity is not None and target.dimension == "mass":
        return to_quantity(convert(line.weighed_quantity, _kilogram(), target))
    quantity = convert(line.quantity, line.effective_unit, target,
                       average_weight_kg=product.average_weight, pieces_per_unit=product.pieces_per_unit)
    return None if quantity is None else to_quantity(quantity)


def basket_description(line: OrderLine) -> str | None:
    """Name the AMAP basket a line comes from; its price of 0 is explained by the basket's contract price."""
    subscription = line.subscription
    if subscription is None:
        return None
    return _("AMAP basket “{basket}” × {count}, paid by its contract price").format(
        basket=subscription.basket, count=format_number(subscription.count))


def order_key(line: OrderLine) -> tuple:
    """Return what makes lines one order: the order number, or the delivery day and the customer."""
    if line.order_number:
        return ("number", line.order_number)
    return ("day", line.delivery_date, id(line.customer))


def _kilogram():
    from ..model.units import get_unit

    return get_unit("kg")


_LABEL_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def _blank_label(kind: str, owner: str) -> str:
    # A label made from the owner's IRI is the same at every export, which
    # keeps the JSON-LD output byte-identical for an unchanged workbook.
    tail = owner.split("://", 1)[-1]
    if not _LABEL_CHARACTERS.issuperset(tail.replace("/", "").replace("-", "").replace(".", "")):
        return kind + "-" + re.sub(r"[^A-Za-z0-9]+", "-", tail).strip("-")
    return kind + "-" + tail.replace("/", "-").replace(".", "-")


def session_times(day: dt.date, time_text: str | None) -> tuple[str, str]:
    """Return the start and end of a sale session as xsd:dateTime strings in local time.

    A delivery point's time such as "17h-19h" or "9:30" sets the hours; the
    whole day is used when it is empty or unreadable.
    """
    begin, end = dt.time(0, 0), dt.time(23, 59, 59)
    if time_text:
        found = _TIME.findall(str(time_text))
        hours = [dt.time(int(hour), int(minute or 0)) for hour, minute in found if int(hour) < 24 and int(minute or 0) < 60]
        if hours:
            begin = hours[0]
            end = hours[1] if len(hours) > 1 and hours[1] > hours[0] else end
    return (dt.datetime.combine(day, begin).isoformat(), dt.datetime.combine(day, end).isoformat())


def latest_stock(data: FarmData) -> dict[int, Decimal]:
    """Return each product's stock on its latest date, in the product's offer unit.

    Entries without a date count as the latest. An entry whose unit cannot
    be converted is left out of the total.
    """
    by_product: dict[int, list] = defaultdict(list)
    for entry in data.stock:
        by_product[id(entry.product)].append(entry)
    totals: dict[int, Decimal] = {}
    for entries in by_product.values():
        dates = [entry.date for entry in entries if entry.date is not None]
        latest = max(dates) if dates else None
        total = Decimal(0)
        for entry in entries:
            if entry.date is not None and entry.date != latest:
                continue
            product = entry.product
            target = product.price_unit if product.sold_by_weight else product.unit
            quantity = convert(entry.quantity, entry.unit or product.unit, target,
                               average_weight_kg=product.average_weight, pieces_per_unit=product.pieces_per_unit)
            if quantity is None:
                continue
            total += quantity
        totals[id(entries[0].product)] = to_quantity(total)
    return totals


def _catalogue_products(data: FarmData, ordered: set[int]) -> list[Product]:
    return [product for product in data.products if product.active is not False or id(product) in ordered]


def all_order_lines(data: FarmData) -> list[OrderLine]:
    """Return every order line to publish: the orders sheet's rows, then grid lines, then basket lines.

    The orders sheet's rows come from ``data.orders`` so that cancelled rows
    stay, and the others from ``collect_orders``. Lines without an order
    number are grouped into one Order per customer and delivery day, so a
    grid or basket line has the stable IRI orders/DAY/CUSTOMER/lines/PRODUCT.
    """
    from ..orders.sources import collect_orders, raise_for_problems

    collected = collect_orders(data)
    # The orders sheet's rows are published as they are and checked by the
    # SHACL profile, so only the problems of grids and baskets stop here.
    orders_sheet = data.sheet_names.get("orders")
    raise_for_problems([problem for problem in collected.problems if problem.location.sheet != orders_sheet])
    listed = {id(line) for line in data.orders}
    return list(data.orders) + [line for line in collected.lines if id(line) not in listed]


def farm_document(data: FarmData, *, order_lines: list[OrderLine] | None = None) -> Document:
    """Map a farm's records to DFC triples.

    ``order_lines`` defaults to ``all_order_lines(data)``: the orders sheet
    with its cancelled rows (a fully cancelled order is published as
    Cancelled), the order grids and the AMAP basket lines. Raises
    ``SemanticDataError`` naming the cell at fault when the base URI is
    missing, a DFC type is unknown or a quantity cannot be converted, and
    ``MyceliumError`` listing the errors of the grid sheets.
    """
    builder = _Builder(data)
    lines = all_order_lines(data) if order_lines is None else list(order_lines)

    products = _catalogue_products(data, {id(line.product) for line in lines})

    builder.add_enterprise()
    builder.add_products(products, latest_stock(data))
    builder.add_customers(data.customers)
    builder.add_orders(lines)
    return builder.document


class StreamingBuilder(_Builder):
    """Yields the triples of an export order by order instead of keeping them all.

    Every product is published, inactive ones included, because the lines
    are not known in advance. Subjects get no origin, so the stream is not
    validated with SHACL.
    """

    def __init__(self, data: FarmData):
        super().__init__(data, track_origins=False)

    def _flush(self):
        triples = self.document.triples
        self.document.triples = []
        return triples

    def triples(self, lines):
        self.add_enterprise()
        self.add_products(list(self.data.products), latest_stock(self.data))
        self.add_customers(self.data.customers)
        yield from self._flush()

        for _order, group in itertools.groupby(lines, key=order_key):
            self.add_order_group(list(group))
            yield from self._flush()

        self.add_sale_sessions()
        yield from self._flush()
