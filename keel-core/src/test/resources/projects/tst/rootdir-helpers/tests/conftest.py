import pytest


@pytest.fixture
def client():
    c = {"status": 200}
    assert c["status"] == 200
    return c
