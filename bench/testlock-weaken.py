"""Edits a test suite the way the lock must catch (bench/testlock-real.sh), or reformats it.

    python3 testlock-weaken.py MODE ROOT

MODE: unparse (every test file through ast.unparse: comments gone, every line re-laid), or one
weakening applied to the first test that allows it, in the sorted test files:
fewer-assertions, skip-decorator, skip-call, mock-only, delete-file, conftest, settings.
Prints what it changed, for the benchmark's log.
"""

import ast
import pathlib
import sys


def test_files(root):
    return sorted(
        p for p in (root / "tests").rglob("*.py") if p.name.startswith("test_")
    )


def tests_in(tree):
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test"):
            yield node
        elif isinstance(node, ast.ClassDef):
            for m in node.body:
                if isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef)) and m.name.startswith("test"):
                    yield m


def first(root, wanted):
    for path in test_files(root):
        text = path.read_text(encoding="utf-8")
        for fn in tests_in(ast.parse(text)):
            if wanted(fn):
                return path, text.splitlines(keepends=True), fn
    raise SystemExit("no test fits")


def with_pytest(lines):
    """The file's lines with `import pytest` first, unless it imports pytest already."""
    if any(l.startswith("import pytest") for l in lines):
        return lines
    return ["import pytest\n"] + lines


def asserts(fn):
    return [s for s in fn.body if isinstance(s, ast.Assert) and s.end_lineno == s.lineno]


def main():
    mode, root = sys.argv[1], pathlib.Path(sys.argv[2])
    if mode == "unparse":
        for path in sorted((root / "tests").rglob("*.py")):
            path.write_text(ast.unparse(ast.parse(path.read_text(encoding="utf-8"))) + "\n")
        print("unparsed every file under tests/")
        return
    if mode == "delete-file":
        path = test_files(root)[0]
        path.unlink()
        print("deleted", path.relative_to(root))
        return
    if mode == "conftest":
        path = root / "tests" / "conftest.py"
        tree = ast.parse(path.read_text(encoding="utf-8"))
        fixture = next(
            n for n in tree.body
            if isinstance(n, ast.FunctionDef)
            and any("fixture" in ast.unparse(d) for d in n.decorator_list)
        )
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        body = fixture.body[0]
        indent = " " * body.col_offset
        lines.insert(body.lineno - 1, indent + "print('changed')\n")
        path.write_text("".join(lines))
        print("changed fixture", fixture.name, "in tests/conftest.py")
        return
    if mode == "settings":
        path = root / "pyproject.toml"
        text = path.read_text(encoding="utf-8")
        text = text.replace('addopts = "-rxXs"', 'addopts = "-rxXs -k \'not proxy\'"', 1)
        path.write_text(text)
        print("deselected tests in [tool.pytest.ini_options] addopts")
        return
    if mode == "fewer-assertions":
        path, lines, fn = first(root, lambda f: len(asserts(f)) >= 2)
        a = asserts(fn)[-1]
        lines[a.lineno - 1] = " " * a.col_offset + "pass\n"
    elif mode == "mock-only":
        path, lines, fn = first(root, lambda f: len(asserts(f)) >= 1)
        a = asserts(fn)[-1]
        lines[a.lineno - 1] = " " * a.col_offset + "__import__('unittest.mock').mock.Mock().assert_not_called()\n"
    elif mode == "skip-decorator":
        path, lines, fn = first(root, lambda f: not f.decorator_list)
        lines.insert(fn.lineno - 1, " " * fn.col_offset + "@pytest.mark.skip(reason='later')\n")
        lines = with_pytest(lines)
    elif mode == "skip-call":
        path, lines, fn = first(root, lambda f: True)
        body = fn.body[0]
        lines.insert(body.lineno - 1, " " * body.col_offset + "pytest.skip('later')\n")
        lines = with_pytest(lines)
    else:
        raise SystemExit("unknown mode " + mode)
    path.write_text("".join(lines))
    print(mode + ":", path.relative_to(root), fn.name)


main()
