from unittest import mock

import pytest

from shop.cart import Cart


def test_unchanged():
    """Moved to the top, given a docstring and reformatted: still the locked test."""
    assert Cart(
        [5],
    ).total() == 5  # a comment


def test_total(cart):
    assert cart.total() == 7


@pytest.mark.skip(reason="flaky")
def test_empty():
    assert Cart([]).total() == 0


def test_notifies():
    notify = mock.Mock()
    cart = Cart([1])
    notify(cart.total())
    notify.assert_called_with(1)
    notify.assert_called_once_with(1)


def test_count():
    assert Cart([1, 2, 3, 4]).count() == 4


def test_new():
    assert Cart([9]).count() == 1
