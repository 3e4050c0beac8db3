def build():
    from shop.summary import summary

    return summary
