"""Prints CPython's AST dump for each path read from stdin, in the format of `keel ast`.

For each path: a line `== PATH`, then one line holding
`ast.dump(ast.parse(source), include_attributes=True, show_empty=True)`, or
`SyntaxError: LINE:COL: MESSAGE` when CPython rejects the file. Needs Python >= 3.13.
"""
import ast
import sys
import warnings

warnings.simplefilter("ignore")
sys.setrecursionlimit(100000)
out = sys.stdout
for line in sys.stdin:
    path = line.rstrip("\n")
    if not path:
        continue
    out.write("== " + path + "\n")
    try:
        with open(path, "rb") as f:
            source = f.read()
        tree = ast.parse(source)
        out.write(ast.dump(tree, include_attributes=True, show_empty=True))
    except SyntaxError as e:
        out.write("SyntaxError: %s:%s: %s" % (e.lineno, e.offset, e.msg))
    except (ValueError, RecursionError, MemoryError) as e:
        out.write("SyntaxError: 0:0: %s" % (e,))
    out.write("\n")
    out.flush()
