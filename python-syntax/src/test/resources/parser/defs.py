@a.b(c)
@x[0] or y
async def f[T: (int, str) = int, *Ts = *tuple[int], **P = [int]](a, /, b: "s" = 1, *, c, d=2, **e) -> T:
    yield
    yield from g()
    x = yield a, b
    await z
    nonlocal q
class C[T](A, *bases, metaclass=M, **kw):
    type X[U] = list[U]
    def g(self, *args: *Ts): ...
type Y = int
lambda: 0
lambda *a, **k: 0
lambda a=1, /, b=2: 0
with (a, b):
    pass
with (a as b, c as (d, e),):
    pass
with (a, b) as c:
    pass
try:
    pass
except* ValueError as e:
    pass
except* (TypeError, KeyError):
    pass
for x, in y: pass
x = *a, *b
del (a), [b]
a = b = c
x[::], x[a:b:c], x[1:], x[:2]
i = not a if b else -c ** ~d // e @ f % g << h >> i & j ^ k | l
print(*a, *b, c=1, **d, **e)
f(x for x in y if z if w for a in b)
[*a, *b]
{**a, 'b': 1, **c}
(a := 1, b := 2)
x = [y := f(x), y**2]
global a, b
import a.b.c, d as e
from .... import z
from ...a import (b, c as d)
from __future__ import annotations
assert (yield)
