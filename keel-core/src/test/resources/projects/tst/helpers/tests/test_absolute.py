from tests.helpers import same_total, totals_match


def test_total():
    same_total([1, 2], 3)


def test_totals():
    totals_match([([1], 1), ([], 0)])
