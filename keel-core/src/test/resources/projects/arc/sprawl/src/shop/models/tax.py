class Tax:
    pass
