from testbook import testbook


@testbook("notebooks/tested.ipynb", execute=True)
def test_value(tb):
    assert tb.ref("value") == 42
