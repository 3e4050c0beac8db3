import os


def region():
    return os.getenv("AWS_REGION", "eu-west-1")
