from app import a, b, c, d


def everything():
    return a, b, c, d


def more():
    return 0
