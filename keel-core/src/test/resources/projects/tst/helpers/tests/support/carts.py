from tests.helpers import build_cart, same_total


def add_and_compare(*items):
    cart = build_cart(*items)
    same_total(cart, sum(items))
