"""Arithmetic with error paths, some of them tested."""

import functools


class CalcError(Exception):
    """Raised for an operation the calculator refuses."""


def add(a, b):
    """Add two numbers."""
    return a + b


def divide(a, b):
    if b == 0:
        raise CalcError(
            "cannot divide by zero"
        )
    try:
        return a / b
    except TypeError:
        return None
    finally:
        pass


def parse(text):
    try:
        value = int(text)
    except ValueError as e:
        raise CalcError(f"not a number: {text}") from e
    if value < 0:  # pragma: no cover
        raise CalcError("negative")
    return value


class Account:
    rate = 3

    def __init__(self, balance):
        self.balance = balance

    @property
    def value(self):
        return self.balance * self.rate

    @functools.lru_cache(maxsize=None)
    def report(self):
        def line(label):
            return f"{label}: {self.balance}"

        return line("balance")

    def withdraw(self, amount):
        if amount > self.balance:
            raise CalcError("insufficient funds")
        self.balance -= amount
        return self.balance


async def fetch(source):
    return await source.read()


def untested(x):
    if x:
        return 1
    else:
        return 2
