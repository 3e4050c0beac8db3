import os


def secret_key():
    return os.environ["SECRET_KEY"]
