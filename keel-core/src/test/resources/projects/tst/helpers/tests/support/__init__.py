from .carts import add_and_compare
