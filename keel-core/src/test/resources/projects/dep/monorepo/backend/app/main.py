import acme_client
import acme_core
from fastapi import FastAPI
from starlette.responses import RedirectResponse

from app import models

app = FastAPI()


@app.get("/")
def index() -> RedirectResponse:
    return RedirectResponse(acme_client.url(acme_core.VERSION, models.NAME))
