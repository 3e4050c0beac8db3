"""Statement shapes whose lines coverage.py counts in its own way."""
import functools

def deco(f):
    return f


@deco
@deco
def f(a,
      b=1):
    x = [
        1,
        2]
    """not a docstring"""
    ...
    return x


class C:
    """Doc."""

    x = 1

    @staticmethod
    def g():
        "doc"
        pass


def h(v):
    while v:
        v -= 1
    else:
        pass
    for i in range(2):
        continue
    with open(__file__) as fh, \
            open(__file__) as g:
        pass
    match v:
        case 0:
            pass
        case _:
            pass
    try:
        pass
    except (ValueError,
            TypeError) as e:
        raise
    if v: pass
    a = 1; b = 2
    if v:
        pass
    elif not v:
        pass
    lambda: 1
    assert v == 0, "x"
    del a
    global G
    return (
        1)


async def k():
    async with source:
        pass
    async for i in source:
        await i




