"""Prints CPython's token stream for many files, for TokenizerDifferentialTest.

Reads file paths from stdin, one a line. For each file prints "F <path>", then one line per
token "<TYPE> <start line> <start col> <end line> <end col>" (ENCODING, COMMENT and NL left
out, OP replaced by its exact type), then "E <message>" if tokenize stopped with an error,
"P <message>" if ast.parse rejects the file, and finally ".".
Columns are what the tokenize module reports (code points).
"""
import ast
import sys
import token
import tokenize
import warnings

SKIP = {token.ENCODING, token.COMMENT, token.NL}
NAMES = token.tok_name


def one(path, out):
    out.append("F " + path)
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        out.append("E unreadable: %s" % e)
        out.append(".")
        return
    lines = iter(data.splitlines(keepends=True))
    ok = True
    warnings.simplefilter("ignore")  # invalid escape sequences and the like
    try:
        for t in tokenize.tokenize(lambda: next(lines, b"")):
            if t.type in SKIP:
                continue
            (sl, sc), (el, ec) = t.start, t.end
            # The C tokenizer gives NOTEQUAL for "<>" (the parser rejects it); tokenize's table
            # of exact types does not know that spelling and says OP.
            kind = "NOTEQUAL" if t.type == token.OP and t.string == "<>" else NAMES[t.exact_type]
            out.append("%s %d %d %d %d" % (kind, sl, sc, el, ec))
    except (SyntaxError, tokenize.TokenError) as e:
        msg = e.msg if isinstance(e, SyntaxError) else str(e.args[0])
        out.append("E " + type(e).__name__ + ": " + msg.replace("\n", " "))
        ok = False
    except Exception as e:  # decoding problems surface as other exceptions
        out.append("E " + type(e).__name__ + ": " + str(e).replace("\n", " "))
        ok = False
    if True:  # ast.parse's verdict too: its tokenizer is stricter than tokenize's
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                ast.parse(data, path)
        except SyntaxError as e:
            out.append("P " + type(e).__name__ + ": " + str(e.msg).replace("\n", " "))
        except Exception as e:
            out.append("P " + type(e).__name__ + ": " + str(e).replace("\n", " "))
    out.append(".")


def main():
    out = []
    for line in sys.stdin:
        path = line.rstrip("\n")
        if path:
            one(path, out)
            if len(out) > 100000:
                sys.stdout.write("\n".join(out) + "\n")
                out.clear()
    sys.stdout.write("\n".join(out) + "\n")
    sys.stdout.flush()


main()
