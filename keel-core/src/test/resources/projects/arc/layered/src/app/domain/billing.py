from app.api import routes
from app.domain import orders

BILL = (routes, orders)
