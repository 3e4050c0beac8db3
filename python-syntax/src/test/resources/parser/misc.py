def gen():
    return *a, *b
    yield *a, b
    for x in *a, *b: pass
    x = yield
    await (yield)
async def coro():
    result = [i async for i in aiter() if await i]
    return {k: v async for k, v in items}, (await x for x in y)
@(lambda f: f)
@x := y
def decorated(): ...
with (
    open(a) as f,
    open(b) as g,
):
    pass
with (yield):
    pass
with (a, b) as c, d:
    pass
print(f"{x!r:^{width}.{precision}}", f'{"nested"}', f"{'a' if x else 'b'}")
print(f"""{
    x
    + 1
}""")
x = [(y := f(x), y**2) for x in data] if False else None
lst[1:2, ...] = lst[::-1]
a = b if c else d if e else f
not a == b is not c
-x ** -y
(a for b in c for d in e if f)
lambda: (yield)
del a[0], b.c, (d, [e])
class C(metaclass=M, **kw): pass
i: "int" = 1
obj.attr: int
seq[0]: str = "s"
assert x, (y, z)
raise
from . import (a)
import a as b, c
try:
    pass
except* (A, B) as e:
    pass
else:
    pass
finally:
    pass
global g1, g2
while (n := n - 1):
    continue
match p:
    case Point(x=0, y=0) if p.z:
        pass
    case [1, 2, *others]:
        pass
    case {"k": v, **kw}:
        pass
    case str() | bytes():
        pass
    case (a, b, *_):
        pass
    case -1.5 | 1 - 2j | b"x" | None:
        pass
    case q.r.s:
        pass
type ListOrSet[T] = list[T] | set[T]
def f[T, *Ts, **P](x: T, *args: *Ts, **kwargs: P.kwargs) -> T: ...
class K[T: (int, str), U: int = int]: ...
x = 1 if True else 2; y = 3;
