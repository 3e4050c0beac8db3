def invoice(total):
    return total
