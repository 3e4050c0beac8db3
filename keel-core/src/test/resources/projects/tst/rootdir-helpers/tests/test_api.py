import helpers
from helpers import same_status


def test_index():
    helpers.same_status(helpers.send("/"), 200)


def test_about():
    same_status(helpers.send("/about"), 200)


def test_send_only():
    helpers.send("/")


def test_client(client):
    client.get("/")
