from app import a


def g():
    return a.f()
