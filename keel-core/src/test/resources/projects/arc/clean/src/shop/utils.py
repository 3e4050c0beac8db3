def parse_date(s):
    return s


def format_date(d):
    return d


def date_range(a, b):
    return [a, b]


def is_weekend_date(d):
    return False


def next_date(d):
    return d


class DateSpan:
    pass
