import pytest

from shop.pricing import price


def test_price():
    assert price(2) == 2


def check_price(p):
    assert price(p) == p


def test_price_helper():
    check_price(3)
