def price(item):
    if item < 0:
        raise ValueError(item)
    return item
