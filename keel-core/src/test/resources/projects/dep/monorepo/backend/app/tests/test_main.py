import pytest

from app.main import index


def test_index() -> None:
    with pytest.raises(TypeError):
        index(1)
