from shop.cart import total


def same_total(items, expected):
    # The code under audit's own comparison: it asserts nothing for a test.
    return total(items) == expected


def validated(items):
    # An internal invariant of the code, not a check a test makes.
    assert items is not None
    return list(items)
