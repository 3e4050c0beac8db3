def c_one():
    return 1


def c_two():
    return 2
