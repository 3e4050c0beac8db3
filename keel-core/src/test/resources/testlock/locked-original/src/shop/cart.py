class Cart:
    def __init__(self, prices):
        self.prices = list(prices)

    def total(self):
        return sum(self.prices)

    def count(self):
        return len(self.prices)
