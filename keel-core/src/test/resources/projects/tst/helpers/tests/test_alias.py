import tests.helpers as h
from tests import helpers


def test_total():
    h.same_total([1, 2], 3)


def test_total_through_module():
    helpers.same_total([4], 4)
