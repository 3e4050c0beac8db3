from shop import old
from shop.pricing import Cart, PriceError, discount, parse, price


def test_price():
    assert price(3) == 3
    try:
        price(-1)
    except PriceError:
        pass
    else:
        raise AssertionError("price accepted -1")


def test_discount_and_parse():
    assert discount(10, 50) == 5
    assert parse("4") == 4


def test_cart():
    c = Cart()
    assert c.add(2)
    assert c.checked() == 2


def test_old():
    assert old.legacy() == 1
