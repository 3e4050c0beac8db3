"""Prices, with error paths some tests take and some do not."""


class PriceError(ValueError):
    pass


def price(amount):
    if amount < 0:
        raise PriceError(amount)
    return amount


def discount(amount, percent):
    if percent > 100:
        raise PriceError(percent)
    return amount * (100 - percent) / 100


def parse(text):
    try:
        return int(text)
    except ValueError:
        return None


def untested(amount):
    if amount:
        raise PriceError(amount)
    return 0


def _private(amount):
    return amount * 2


class Cart:
    def __init__(self):
        self.items = []

    def add(self, item, count=1):
        if count < 1:
            raise PriceError(count)
        if item in self.items:
            return False
        for _ in range(count):
            self.items.append(item)
        if len(self.items) > 100:
            self.items = self.items[:100]
        return True

    def total(self):
        raise NotImplementedError

    def checked(self):
        try:
            return sum(self.items)
        except TypeError:
            raise
