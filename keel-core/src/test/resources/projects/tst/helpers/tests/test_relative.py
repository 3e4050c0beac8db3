from .helpers import same_total


def test_total():
    same_total([2, 2], 4)


class TestCart:
    def test_total(self):
        self._compare([3], 3)

    def _compare(self, items, expected):
        same_total(items, expected)
