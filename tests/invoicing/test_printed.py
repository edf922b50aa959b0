import datetime as dt
from decimal import Decimal

import pytest

from mycelium_sheets.invoicing.document import InvoiceLine
from mycelium_sheets.invoicing.printed import line_texts


@pytest.mark.parametrize("quantity, language, expected", [
    ("9.900", "fr", "9,9"),
    ("6.85", "fr", "6,85"),
    ("1.5", "fr", "1,5"),
    ("1.5", "en", "1.5"),
    ("10.000", "fr", "10"),
])
def test_line_quantity_decimal_separator(quantity, language, expected):
    # 1.5 kg of tomatoes at 2.40 €/kg: 1.5 × 2.40 = 3.60 €, printed "3,60 €" in French.
    line = InvoiceLine("Tomate", Decimal(quantity), "kg", Decimal("2.40"), "S", Decimal("0.055"),
                       Decimal("3.60"), delivery_date=dt.date(2027, 6, 10))

    texts = line_texts(line, language)

    assert texts[2] == expected
    assert texts[3] == "kg"
