class Cart:
    def total(self):
        return 0
