from tests.support import add_and_compare
from tests.support.carts import add_and_compare as compare_directly


def test_add():
    add_and_compare(1, 2)


def test_add_directly():
    compare_directly(3)
