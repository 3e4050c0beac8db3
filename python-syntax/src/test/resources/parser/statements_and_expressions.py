import os, sys as system
from . import x
from ..a.b import (c as d, e,)
x = 1 + 2 * 3 ** -4
a, *b = c = [1, 2.5, 3j, 'x', b"y", None, True, ...]
y: int = 5
(z): int
d[1:2, ::3] += 1
print(f"a{x!r:>{w}}b" "c", *args, k=1, **kw)
lambda a, /, b=1, *c, d, e=2, **f: a
def f(a, b: int = 1, *args: str, c, d=2, **kw) -> None:
    """doc"""
    global q
    return a if b else c
async def g():
    async for x in y:
        await z
    async with a as b, c:
        pass
    return [x async for x in y if x]
class C(B, metaclass=M):
    @dec
    @dec2(1)
    def m(self): ...
try:
    pass
except (A, B) as e:
    raise X from e
except C:
    pass
else:
    pass
finally:
    del a, b[0], c.d
while not a and b or c:
    break
else:
    continue
for i, (j, k) in enumerate(z): pass
with (open(a) as f, open(b) as g):
    pass
if a < b <= c is not d not in e:
    pass
elif x:
    pass
else:
    pass
match command.split():
    case [action, *rest] if action:
        pass
    case {"x": 1, **rest}:
        pass
    case Point(x=0, y=_) | None:
        pass
    case -1 + 2j | "s" | a.b as q:
        pass
    case (1, 2) | [] | ():
        pass
type Alias[T: int = str, *Ts, **P] = list[T]
def h[T](x: T) -> T: pass
x = {1: 2, **d}
s = {1, 2}
g = (x for x in y)
dc = {k: v for k, v in z}
sc = {x for x in y}
print((yield), (yield x))
if (n := 10) > 5: pass
a[b, *c]
x = 1_000_000 + 0xFF + 0o17 + 0b11 + 1e16 + 1.5e-7 + 123456789012345678901234567890
s = 'it\'s' + "a\"b" + '\n\t\x00\u1234\U0001F600\N{BULLET}' + r'\n' + u'u'
s2 = """multi
line""" 
assert x, "msg"
nonlocal_ = 1
