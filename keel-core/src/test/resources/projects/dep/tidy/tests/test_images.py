import pytest

from app.images import load


def test_load():
    with pytest.raises(Exception):
        load(None)
