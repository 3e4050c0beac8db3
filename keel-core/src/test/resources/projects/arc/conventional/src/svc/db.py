CONN = None
