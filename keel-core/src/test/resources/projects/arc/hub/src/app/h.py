from app import core


def h_one():
    return core


def h_two():
    return 2
