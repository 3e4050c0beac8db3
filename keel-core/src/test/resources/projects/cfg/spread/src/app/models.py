from app.db import setup

CONNECTION = setup()


def lazy():
    return setup()
