"""Loading a farm workbook into ``FarmData``: sheets found, rows typed, references resolved."""

from __future__ import annotations

from pathlib import Path

from ..errors import Location, Problem
from ..i18n import _
from ..model import catalogue, crops, orders
from ..model.farm import Farm
from ..model.farm_data import FarmData
from ..model.units import normalise_label
from ..workbook.table import Workbook
from .records import Record, SheetRecords, garbage_collection_paused, read_fields, read_table
from .names import NameIndex
from .standard import INPUT_SHEETS, find_sheet_spec


def load_farm(source: Workbook | str | Path, *, sheets=None) -> FarmData:
    """Read a farm workbook (a path or an already read ``Workbook``) into FarmData.

    Problems are collected in ``FarmData.problems`` rather than raised, so
    that ``mycelium check`` can list them all; call ``raise_for_errors`` to
    stop on them.
    """
    if not isinstance(source, Workbook):
        from ..workbook import read_workbook

        source = read_workbook(source)
    with garbage_collection_paused():
        return _load(source)


def _load(source: Workbook) -> FarmData:
    data = FarmData(workbook=source)
    data.problems.extend(source.warnings)
    file = str(source.path)

    found: dict[str, str] = {}
    for name in source.sheets:
        if name in source.engine_sheets:
            continue
        spec = find_sheet_spec(name)
        if spec is None:
            data.other_sheets.append(name)
        elif spec.key in found:
            data.problems.append(Problem(
                "warning", _("two sheets stand for “{sheet}”: “{first}” is read and “{second}” is ignored").format(
                    sheet=spec.name_fr, first=found[spec.key], second=name),
                Location(file=file, sheet=name), None, _("Rename or delete one of them."),
            ))
        else:
            found[spec.key] = name
    data.sheet_names = dict(found)

    for spec in INPUT_SHEETS:
        if spec.required and spec.key not in found:
            data.problems.append(Problem(
                "error", _("the sheet “{sheet}” is missing").format(sheet=spec.name_fr + " / " + spec.name_en),
                Location(file=file), None,
                _("Add it with “mycelium init” or copy it from the template."),
            ))

    read: dict[str, SheetRecords] = {}
    if "farm" in found:
        read["farm"] = read_fields(INPUT_SHEETS[0], source.sheets[found["farm"]], file)
        data.problems.extend(read["farm"].problems)
    default_year = None
    farm_values = read["farm"].records[0].values if "farm" in read else {}
    if farm_values.get("season_start") is not None:
        default_year = farm_values["season_start"].year
    for spec in INPUT_SHEETS[1:]:
        if spec.key in found:
            read[spec.key] = read_table(spec, source.sheets[found[spec.key]], file, default_year=default_year)
            data.problems.extend(read[spec.key].problems)
            data.row_counts[spec.key] = len(read[spec.key].records)

    _build(data, read, file)
    return data


def _records(read: dict[str, SheetRecords], key: str) -> list[Record]:
    return read[key].records if key in read else []


def _complete(record: Record, required: tuple[str, ...]) -> bool:
    values = record.values
    for key in required:
        if values.get(key) is None:
            return False
    return True


def left_out_names(records: list[Record], keys) -> set[str]:
    """Return the normalised names (and codes) of records left out for their errors."""
    return {normalise_label(record.values[key]) for record in records for key in keys
            if isinstance(record.values.get(key), str) and record.values[key]}


def _resolve(index: NameIndex, name: str, record: Record, key: str, what: str, data: FarmData):
    item = index.get(name)
    if item is None and index.is_left_out(name):
        return None
    if item is None:
        suggestions = index.suggest(name)
        remedy = (_("Did you mean: {names}?").format(names=", ".join(suggestions)) if suggestions
                  else _("Add it to the sheet “{sheet}” or correct the name.").format(sheet=what))
        data.problems.append(Problem(
            "error", _("unknown name, not found in the sheet “{sheet}”").format(sheet=what),
            record.source.location(key), name, remedy,
        ))
    return item


def _build(data: FarmData, read: dict[str, SheetRecords], file: str) -> None:
    if "farm" in read:
        record = read["farm"].records[0]
        values = dict(record.values)
        values["name"] = values.get("name") or ""
        data.farm = Farm(**values, source=record.source)

    left_out: dict[str, list[Record]] = {"products": [], "customers": []}
    for record in _records(read, "delivery_points"):
        if _complete(record, ("name",)):
            data.delivery_points.append(catalogue.DeliveryPoint(**record.values, source=record.source))
    points = NameIndex(data.delivery_points, "name")

    for record in _records(read, "products"):
        if _complete(record, ("name", "unit", "price", "vat_rate")):
            data.products.append(catalogue.Product(**record.values, source=record.source))
        else:
            left_out["products"].append(record)
    products = NameIndex(data.products, "name", "reference",
                         left_out=left_out_names(left_out["products"], ("name", "reference")))

    for record in _records(read, "customers"):
        if not _complete(record, ("name", "type")):
            left_out["customers"].append(record)
            continue
        values = dict(record.values)
        point_name = values.pop("delivery_point")
        point = None
        if point_name:
            point = _resolve(points, point_name, record, "delivery_point", data.sheet_names.get("delivery_points", "Points de livraison"), data)
        data.customers.append(catalogue.Customer(**values, delivery_point=point, source=record.source))
    customers = NameIndex(data.customers, "name", "code",
                          left_out=left_out_names(left_out["customers"], ("name", "code")))
    data.left_out_names = {"products": products.left_out, "customers": customers.left_out}

    products_sheet = data.sheet_names.get("products", "Produits")
    customers_sheet = data.sheet_names.get("customers", "Clients")

    # The records are not used after this function, so their values are
    # taken as they are rather than copied, because an order sheet may have
    # a million rows.
    append_order = data.orders.append
    for record in _records(read, "orders"):
        if not _complete(record, ("delivery_date", "customer", "product", "quantity")):
            continue
        values = record.values
        customer = _resolve(customers, values.pop("customer"), record, "customer", customers_sheet, data)
        product = _resolve(products, values.pop("product"), record, "product", products_sheet, data)
        if customer and product:
            append_order(orders.OrderLine(customer=customer, product=product, **values, source=record.source))

    for record in _records(read, "subscriptions"):
        if not _complete(record, ("customer", "basket", "count", "first_week", "last_week", "weekday")):
            continue
        values = dict(record.values)
        customer = _resolve(customers, values.pop("customer"), record, "customer", customers_sheet, data)
        if customer:
            data.subscriptions.append(orders.Subscription(customer=customer, **values, source=record.source))

    for record in _records(read, "baskets"):
        if not _complete(record, ("week", "basket", "product", "quantity")):
            continue
        values = dict(record.values)
        product = _resolve(products, values.pop("product"), record, "product", products_sheet, data)
        if product:
            data.baskets.append(orders.BasketItem(product=product, **values, source=record.source))

    for record in _records(read, "stock"):
        if not _complete(record, ("product", "quantity")):
            continue
        values = dict(record.values)
        product = _resolve(products, values.pop("product"), record, "product", products_sheet, data)
        if product:
            data.stock.append(catalogue.StockEntry(product=product, **values, source=record.source))

    simple = (
        ("crops", crops.Itinerary, data.itineraries,
         ("crop", "method", "days_to_maturity", "maturity_basis", "harvest_days", "spacing_cm", "rows_per_bed")),
        ("families", crops.Family, data.families, ("family",)),
        ("beds", crops.Bed, data.beds, ("bed", "length_m", "width_m")),
        ("targets", crops.Target, data.targets, ("crop", "first_week", "last_week", "quantity", "unit")),
        ("harvests", crops.Harvest, data.harvests, ("date", "crop", "quantity", "unit")),
        ("past_plantings", crops.PastPlanting, data.past_plantings, ("bed", "crop", "first_week", "last_week")),
    )
    for key, cls, target, required in simple:
        for record in _records(read, key):
            if _complete(record, required):
                target.append(cls(**record.values, source=record.source))

    _check_duplicates(data, data.products, "name", products_sheet)
    _check_duplicates(data, data.customers, "name", customers_sheet)
    _check_duplicates(data, data.beds, "bed", data.sheet_names.get("beds", "Planches"))


def _check_duplicates(data: FarmData, items, key: str, sheet: str) -> None:
    seen = {}
    for item in items:
        name = normalise_label(getattr(item, key))
        if name in seen:
            first = seen[name]
            data.problems.append(Problem(
                "error", _("“{name}” appears twice in the sheet “{sheet}”, also in {cell}").format(
                    name=getattr(item, key), sheet=sheet, cell=first.source.location(key).cell),
                item.source.location(key), getattr(item, key), _("Give each row its own name."),
            ))
        else:
            seen[name] = item
