"""Rewritten after the tests were measured: the data names lines it no longer has."""


def legacy():
    return 1
