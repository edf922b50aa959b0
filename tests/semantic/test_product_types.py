import pytest

from mycelium_sheets.semantic.product_types import find_product_type, product_type


@pytest.mark.parametrize(("name", "expected"), [
    ("Carottes nouvelles", "carrot"),            # "carotte" with the plural reduced
    ("Tomates cerises", "cherry-tomato"),        # two-word label beats "tomate"
    ("Pommes de terre", "potato"),               # three-word label beats "pomme"
    ("Chou-fleur", "cauliflower"),               # hyphen read as a space
    ("Choux de Bruxelles", "brussels-sprouts"),
    ("Oeufs", "egg"),                            # "œuf" spelled with oe
    ("Cherry tomatoes", "cherry-tomato"),        # English label, -oes plural
    ("Strawberries", "strawberry"),              # English -ies plural
    ("Betterave botte", "beetroot"),             # head noun of "betterave rouge" only
    ("Potimarron", "uchiki-kuri-squash"),
])
def test_find_product_type_from_name(name, expected):
    concept = find_product_type(name)
    assert concept is not None
    assert concept.name == expected


@pytest.mark.parametrize("name", ["Batavia", "Sac cabas en toile", ""])
def test_find_product_type_none(name):
    assert find_product_type(name) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("carrot", "carrot"),
    ("dfc-pt:cherry-tomato", "cherry-tomato"),
    ("https://github.com/datafoodconsortium/taxonomies/releases/latest/download/productTypes.rdf#leek", "leek"),
    ("carotte", "carrot"),
    ("Corn salad/lambs lettuce", "corn-salad"),
])
def test_product_type_override(text, expected):
    assert product_type(text).name == expected


def test_product_type_unknown():
    assert product_type("pomme de pin") is None
