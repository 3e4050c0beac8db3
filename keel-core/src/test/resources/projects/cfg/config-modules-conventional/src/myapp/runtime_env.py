import os

DEBUG = os.getenv("DEBUG") == "1"


def database_url():
    return os.environ.get("DATABASE_URL", "sqlite://")
