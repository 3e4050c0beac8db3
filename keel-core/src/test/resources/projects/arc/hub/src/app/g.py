from app import core


def g_one():
    return core


def g_two():
    return 2
