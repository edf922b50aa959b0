"""Every deliveries sheet fits across the A4 page it is printed on."""

import pytest

from mycelium_sheets.orders import deliveries_layouts, prepare_deliveries
from mycelium_sheets.orders.summary_layouts import LANDSCAPE_WIDTH_CM, PORTRAIT_WIDTH_CM

from conftest import EXAMPLES


@pytest.mark.parametrize("when", [{"date": "2027-06-10"}, {"week": "2027-W24"}])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_columns_fit_the_page(when, language):
    # A4 is 21 × 29.7 cm; inside 2 cm margins a row has 17 cm in portrait
    # and 25.7 cm in landscape. A wider sheet prints its last columns (the
    # tick boxes) on a separate page.
    deliveries = prepare_deliveries(EXAMPLES / "ferme-exemple.ods", language=language, **when)
    for layout in deliveries_layouts(deliveries, language):
        width = sum(column.width_cm for column in layout.columns)
        limit = LANDSCAPE_WIDTH_CM if layout.landscape else PORTRAIT_WIDTH_CM
        assert width <= limit, f"{layout.name}: {width} cm > {limit} cm"
