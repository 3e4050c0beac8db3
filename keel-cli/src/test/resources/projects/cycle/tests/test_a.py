from app.a import f


def test_f():
    assert f() is None
