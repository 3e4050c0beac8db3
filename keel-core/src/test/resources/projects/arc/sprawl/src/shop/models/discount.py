class Discount:
    pass
