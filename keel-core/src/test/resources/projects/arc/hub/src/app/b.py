def b_one():
    return 1


def b_two():
    return 2
