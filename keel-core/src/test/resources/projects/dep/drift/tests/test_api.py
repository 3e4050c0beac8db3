import pytest

from app.api import fetch


def test_fetch():
    with pytest.raises(Exception):
        fetch(None)
