import sqlite3

from app import settings


def connect():
    return sqlite3.connect(settings.DATABASE_URL)
