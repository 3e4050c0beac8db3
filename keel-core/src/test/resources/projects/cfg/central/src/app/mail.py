from app import settings


def send(to):
    return settings.SMTP_HOST, to
