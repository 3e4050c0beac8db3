from app.domain.orders import Order


def get():
    return Order()
