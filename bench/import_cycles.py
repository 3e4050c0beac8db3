"""Independent computation of import cycles, to cross-check Keel's ARC006 (bench/cycles.sh).

For a folder (a project root or a copy of the standard library): every .py file's dotted module
name (relative to the folder, src/ first if present), the imports that run at import time
(module level and class bodies, under if/try/for/while/with too, but not inside functions and
not under `if TYPE_CHECKING:`), resolved to the longest prefix that is a module of the folder
(`from pkg import sub` reaches pkg.sub when it is a module), then Tarjan's strongly connected
components. Prints one line per component of more than one module: its modules, sorted.
Written with the standard library only, sharing no code with Keel.
"""
import ast
import os
import sys
import warnings

warnings.simplefilter("ignore")
root = sys.argv[1]
base = os.path.join(root, "src") if os.path.isdir(os.path.join(root, "src")) else root
modules = {}
for d, dirs, files in os.walk(base):
    dirs[:] = [x for x in dirs if x not in (".git", "__pycache__", "site-packages")]
    for f in files:
        if f.endswith(".py"):
            rel = os.path.relpath(os.path.join(d, f), base)[:-3].split(os.sep)
            if rel[-1] == "__init__":
                rel = rel[:-1]
            if rel and all(p.isidentifier() for p in rel):
                modules[".".join(rel)] = os.path.join(d, f)


def project_module(name):
    while name:
        if name in modules:
            return name
        name = name.rpartition(".")[0]
    return None


def is_type_checking(test):
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


edges = {}
for name, path in modules.items():
    try:
        tree = ast.parse(open(path, "rb").read())
    except (SyntaxError, ValueError):
        continue
    is_pkg = path.endswith("__init__.py")
    out = set()

    def visit(body):
        for s in body:
            if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            if isinstance(s, ast.If) and is_type_checking(s.test):
                visit(s.orelse)
                continue
            if isinstance(s, ast.Import):
                for a in s.names:
                    t = project_module(a.name)
                    if t:
                        out.add(t)
            elif isinstance(s, ast.ImportFrom):
                if s.level:
                    pkg = name if is_pkg else name.rpartition(".")[0]
                    for _ in range(s.level - 1):
                        pkg = pkg.rpartition(".")[0]
                    mod = pkg + ("." + s.module if s.module else "") if pkg else (s.module or "")
                else:
                    mod = s.module or ""
                for a in s.names:
                    sub = mod + "." + a.name
                    t = sub if a.name != "*" and sub in modules else project_module(mod)
                    if t:
                        out.add(t)
            for field in ("body", "orelse", "finalbody", "handlers"):
                inner = getattr(s, field, None)
                if isinstance(inner, list):
                    visit([x for x in inner if isinstance(x, ast.stmt)] +
                          [y for h in inner if isinstance(h, ast.ExceptHandler) for y in h.body])
            if isinstance(s, ast.Match):
                for c in s.cases:
                    visit(c.body)

    visit(tree.body)
    out.discard(name)
    edges[name] = sorted(out)

sys.setrecursionlimit(100000)
index, low, stack, on, comps = {}, {}, [], set(), []


def strong(v):
    index[v] = low[v] = len(index)
    stack.append(v)
    on.add(v)
    for w in edges.get(v, []):
        if w not in index:
            strong(w)
            low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop()
            on.discard(w)
            comp.append(w)
            if w == v:
                break
        if len(comp) > 1:
            comps.append(sorted(comp))


for v in sorted(edges):
    if v not in index:
        strong(v)
for c in sorted(comps):
    print(" ".join(c))
print("%d modules, %d edges, %d cycles" % (len(modules), sum(len(v) for v in edges.values()), len(comps)),
      file=sys.stderr)
