"""For TokenizerDifferentialTest: reads hex-encoded UTF-8 sources from stdin, one a line, and
prints for each either "OK" or "ERR<TAB>type<TAB>message<TAB>line<TAB>offset" from ast.parse."""
import ast
import sys
import warnings

for line in sys.stdin:
    src = bytes.fromhex(line.strip())
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(src)
        print("OK")
    except SyntaxError as e:
        print("ERR\t%s\t%s\t%s\t%s" % (type(e).__name__, e.msg.replace("\n", " "), e.lineno, e.offset))
    except Exception as e:  # e.g. a decoding error outside any token
        print("ERR\t%s\t%s\t0\t-1" % (type(e).__name__, str(e).replace("\n", " ")))
    sys.stdout.flush()
