def price(item):
    if item < 0:
        raise ValueError(item)
    return item


def discount(item):
    if item > 100:
        raise ValueError(item)
    return 0


class Cart:
    def add(self, item):
        if item is None:
            raise TypeError("item")

    def remove(self, item):
        raise KeyError(item)

    def total(self):
        raise NotImplementedError


def _private(x):
    raise ValueError(x)
