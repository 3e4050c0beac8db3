def connect():
    from app.api.routes import get

    return get
