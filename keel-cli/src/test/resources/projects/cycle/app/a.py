from app import b


def f():
    return b.g()
