import pytest

from shop.cart import total


@pytest.fixture(scope="module")
def make_cart():
    cart = [1, 2]
    assert total(cart) == 3
    return cart


def cart_of(*items):
    return list(items)
