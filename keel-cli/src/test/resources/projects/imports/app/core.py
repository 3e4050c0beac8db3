import os
import sys


def load(path):
    return open(path).read()


def load_or_none(path):
    try:
        return load(path)
    except:
        return None
