import pytest

from shop.pricing import Cart, discount, price


def test_negative_price():
    with pytest.raises(ValueError):
        price(-1)


def test_discount():
    assert discount(3) == 0


def test_cart_add():
    cart = Cart()
    pytest.raises(TypeError, cart.add, None)
