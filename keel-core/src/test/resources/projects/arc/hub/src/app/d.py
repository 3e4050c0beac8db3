def d_one():
    return 1


def d_two():
    return 2
