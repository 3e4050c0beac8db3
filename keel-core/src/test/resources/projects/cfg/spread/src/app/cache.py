import os


def redis_url():
    return os.environ.get("REDIS_URL", "redis://localhost")
