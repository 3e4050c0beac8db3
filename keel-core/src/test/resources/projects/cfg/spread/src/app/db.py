import sqlite3


def open_db(url):
    return sqlite3.connect(url)


def setup():
    return open_db(":memory:")
