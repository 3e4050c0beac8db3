from shop.pricing import price


class Cart:
    total = price
