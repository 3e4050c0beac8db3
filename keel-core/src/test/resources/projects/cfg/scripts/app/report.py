import logging


def report(rows):
    print(len(rows))
