from shop.cart import Cart


def test_old():
    assert Cart([1]).count() == 1
