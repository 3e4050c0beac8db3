def a_one():
    return 1


def a_two():
    return 2
