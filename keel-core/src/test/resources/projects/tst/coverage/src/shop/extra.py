"""Never imported by the tests: coverage.py does not list it, so TST004 still guesses."""


def refund(amount):
    if amount < 0:
        raise ValueError(amount)
    return amount
