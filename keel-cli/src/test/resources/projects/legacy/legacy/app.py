import os


def database_url():
    return os.environ["DATABASE_URL"]
