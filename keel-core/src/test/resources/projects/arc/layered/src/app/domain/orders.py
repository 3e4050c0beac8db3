from typing import TYPE_CHECKING

from app.infra import db

if TYPE_CHECKING:
    from app.api.routes import get


class Order:
    store = db
