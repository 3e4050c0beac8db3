from shop.cart import total


def same_total(items, expected):
    assert total(items) == expected


def totals_match(pairs):
    for items, expected in pairs:
        same_total(items, expected)


def build_cart(*items):
    return list(items)
