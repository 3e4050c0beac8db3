def daily(rows):
    return sum(rows)
