import pytest

from mycelium_sheets.i18n import set_language


@pytest.fixture(autouse=True)
def english_messages():
    """Run each planning test with English messages; CLI tests choose their language with --lang."""
    set_language("en")
    yield
    set_language("en")
