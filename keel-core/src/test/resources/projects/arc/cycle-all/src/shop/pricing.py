from shop.cart import Cart


def price(c: Cart):
    return 0
