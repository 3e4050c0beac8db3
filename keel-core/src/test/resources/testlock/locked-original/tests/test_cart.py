from unittest import mock

import pytest

from shop.cart import Cart


def test_total(cart):
    assert cart.total() == 7
    assert cart.count() == 2


def test_empty():
    assert Cart([]).total() == 0


def test_notifies():
    notify = mock.Mock()
    cart = Cart([1])
    notify(cart.total())
    assert cart.total() == 1
    notify.assert_called_once_with(1)


def test_count():
    assert Cart([1, 2, 3]).count() == 3


def test_unchanged():
    assert Cart([5]).total() == 5


def test_gone():
    assert Cart([2]).count() == 1
