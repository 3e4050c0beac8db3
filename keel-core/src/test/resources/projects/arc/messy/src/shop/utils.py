def parse_date(s):
    return s


def send_email(to):
    return to


def slugify(t):
    return t


def retry(f):
    return f


def load_config():
    return {}


class Money:
    pass
