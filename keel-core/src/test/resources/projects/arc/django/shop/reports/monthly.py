def monthly(rows):
    return sum(rows)
