x = "é" + "日本" + f"{'😀'}{y}"
(a).b
(a)[0]
(a)(1)
((a, b))
a, b,
x[a, b,]
f(x for x in y)
if x: pass; pass;
for é in ö:
    pass
class A: x = 1;
def f(): return 1
while 1: break
try: pass
finally: pass
print(1,
      2)
with a: b
s = ('a'
     'b')
