from app import core


def e_one():
    return core


def e_two():
    return 2
