from app import core


def f_one():
    return core


def f_two():
    return 2
