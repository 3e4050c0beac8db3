from tests.conftest import cart_of, make_cart
from tests.helpers import build_cart, same_total


def test_build():
    build_cart(1, 2)


def test_fixture_called():
    make_cart()


def test_conftest_helper():
    cart_of(1)


def test_build_and_compare():
    same_total(build_cart(1), 1)


def test_uses_fixture(make_cart):
    make_cart.append(3)
