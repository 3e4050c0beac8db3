from calc.core import Account, CalcError, add, divide, parse
from calc.shapes import f, h


def test_add():
    assert add(1, 2) == 3


def test_divide():
    assert divide(4, 2) == 2
    assert divide(4, "x") is None


def test_parse():
    assert parse("12") == 12
    try:
        parse("x")
    except CalcError:
        pass
    else:
        raise AssertionError("parse accepted x")


def test_account():
    a = Account(10)
    assert a.value == 30
    assert a.withdraw(4) == 6


def test_shapes():
    h(1)
    assert f(1) == [1, 2]
