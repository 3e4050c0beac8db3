"""Per-function coverage computed independently of Keel, from coverage.py's own analysis.

    python3 bench/coverage-percallable.py DATA_FILE ROOT            # one TSV line per function
    python3 bench/coverage-percallable.py DATA_FILE ROOT --regions OUT.json

Run it in the folder where coverage.py ran (its configuration: .coveragerc, exclusions). For each
file of ROOT that the data measured, coverage.py's API (Coverage.analysis2) gives its statements
and the ones that did not run; Python's own `ast` gives every function and method with its
__qualname__ (Class.method, outer.<locals>.inner), its `def` line and its last line. A statement
belongs to the innermost function whose body holds it (after the `def` line, up to its last
line): so a nested function's `def` line is the enclosing function's, and its body its own.

TSV columns: path relative to ROOT, qualname, def line, statements, executed, missing lines.

With --regions, writes what coverage.py 7.6+ `coverage json` writes (format 3 with `functions`
and `classes` regions, each with executed_lines, missing_lines, excluded_lines and a summary;
the "" region for code outside any function or class) from the same figures: a fixture of that
shape made from real data. Written with coverage.py's public API and the standard library only,
sharing no code with Keel.
"""
import ast
import json
import os
import sys

import coverage


def functions(tree):
    """(qualname, kind, def line, last line) for every function and class, as __qualname__ has it."""
    out = []

    def walk(body, prefix):
        for node in body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                name = prefix + node.name
                out.append((name, "function", node.lineno, node.end_lineno))
                walk(node.body, name + ".<locals>.")
            elif isinstance(node, ast.ClassDef):
                name = prefix + node.name
                out.append((name, "class", node.lineno, node.end_lineno))
                walk(node.body, name + ".")
            else:
                for field in ("body", "orelse", "finalbody", "handlers", "cases"):
                    inner = getattr(node, field, None)
                    if isinstance(inner, list):
                        walk([n for n in inner if isinstance(n, ast.AST)], prefix)

    walk(tree.body, "")
    return out


def owner(line, spans):
    """The innermost span whose body (after its first line) holds the line, or None."""
    best = None
    for s in spans:
        if s[2] < line <= s[3] and (best is None or s[2] > best[2]):
            best = s
    return best


def summary(executed, missing):
    n = len(executed) + len(missing)
    pct = 100.0 * len(executed) / n if n else 100.0
    return {
        "covered_lines": len(executed),
        "num_statements": n,
        "percent_covered": pct,
        "percent_covered_display": str(int(round(pct))),
        "missing_lines": len(missing),
        "excluded_lines": 0,
    }


def region(executed, missing):
    return {
        "executed_lines": sorted(executed),
        "missing_lines": sorted(missing),
        "excluded_lines": [],
        "summary": summary(executed, missing),
    }


def main():
    data_file, root = sys.argv[1], os.path.abspath(sys.argv[2])
    regions_out = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == "--regions" else None
    cov = coverage.Coverage(data_file=data_file)
    cov.load()
    rows = []
    files = {}
    for path in sorted(cov.get_data().measured_files()):
        full = os.path.abspath(path)
        if not full.startswith(root + os.sep) or not full.endswith(".py"):
            continue
        rel = os.path.relpath(full, root).replace(os.sep, "/")
        _, statements, excluded, missing, _ = cov.analysis2(full)
        with open(full, "rb") as f:
            tree = ast.parse(f.read(), full)
        spans = functions(tree)
        defs = [s for s in spans if s[1] == "function"]
        statements, missing = set(statements), set(missing)
        executed = statements - missing
        by_function = {}
        for line in statements:
            o = owner(line, defs)
            if o is not None:
                by_function.setdefault(o, set()).add(line)
        for s in defs:
            own = by_function.get(s, set())
            ran = own & executed
            rows.append((rel, s[0], s[2], len(own), len(ran), sorted(own - ran)))
        if regions_out:
            fn_regions = {}
            outside = {line for line in statements if owner(line, defs) is None}
            for s in defs:
                own = by_function.get(s, set())
                fn_regions[s[0].replace(".<locals>.", ".")] = region(own & executed, own - executed)
            fn_regions[""] = region(outside & executed, outside - executed)
            class_regions = {}
            classes = [s for s in spans if s[1] == "class"]
            in_class = set()
            for c in classes:
                lines = {line for line in statements if c[2] < line <= c[3]}
                in_class |= lines
                class_regions[c[0].replace(".<locals>.", ".")] = region(
                    lines & executed, lines - executed
                )
            rest = statements - in_class
            class_regions[""] = region(rest & executed, rest - executed)
            entry = region(executed, missing)
            entry["excluded_lines"] = sorted(excluded)
            entry["functions"] = fn_regions
            entry["classes"] = class_regions
            files[rel] = entry
    if regions_out:
        doc = {
            "meta": {
                "format": 3,
                "version": "7.6.1",
                "branch_coverage": False,
                "show_contexts": False,
            },
            "files": files,
            "totals": {},
        }
        with open(regions_out, "w") as f:
            json.dump(doc, f, indent=1)
            f.write("\n")
    for r in rows:
        print("\t".join([r[0], r[1], str(r[2]), str(r[3]), str(r[4]), ",".join(map(str, r[5]))]))


main()
