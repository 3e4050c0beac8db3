#!/usr/bin/env bash
# The hostile inputs of issue 10, generated, each audited alone by two Keel jars (before, after):
# wall time (capped), exit code, findings in the file and peak RSS. Usage:
#   bench/hostile/run.sh OLD.jar NEW.jar [CAP_SECONDS]
# Needs python3 (to generate the inputs) and GNU time. Writes nothing outside a temporary folder.
set -uo pipefail
old=$1; new=$2; cap=${3:-60}
java=${JAVA:-java}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import os, sys
w = sys.argv[1]
cases = {
  "parens-100k-nested": "x = " + "(" * 100_000 + ")" * 100_000 + "\n",
  "parens-100k-unclosed": "x = " + "(" * 100_000 + "\n",
  "brackets-50k-nested": "x = " + "[" * 50_000 + "]" * 50_000 + "\n",
  "dict-40k-nested": "x = " + "{1:" * 40_000 + "1" + "}" * 40_000 + "\n",
  "call-40k-args": "f(" + ", ".join("a%d" % i for i in range(40_000)) + ")\n",
  "compare-40k": "a" + " < a" * 40_000 + "\n",
  "with-100k-items": "with " + ", ".join("a%d" % i for i in range(100_000)) + ":\n    pass\n",
  "nul-1mb": "\0" * 1_000_000,
  "dollar-64kb": "$" * 65_536 + "\n",
  "plus-1m-terms": "x = 1" + "+1" * 1_000_000 + "\n",
  "attr-500k": "a" + ".b" * 500_000 + "\n",
  "calls-300k": "f" + "()" * 300_000 + "\n",
  "subscripts-300k": "a" + "[0]" * 300_000 + "\n",
  "lines-3m": "x = 1\n" * 3_000_000,
  "binder-try-36k": "def f(name):\n    try:\n" + "        found = getattr:\n" * 36_333,
  "lambdas-1553": "x = " + "lambda: " * 1553 + "0\n",
}
for name, text in cases.items():
    d = os.path.join(w, name); os.makedirs(os.path.join(d, ".git"))
    with open(os.path.join(d, "x.py"), "w", encoding="utf-8", newline="") as f:
        f.write(text)
PY
printf '| input | before | after |\n| --- | --- | --- |\n'
for d in "$work"/*/; do
  name=$(basename "$d")
  row="| $name"
  for jar in "$old" "$new"; do
    extra=()
    [ "$jar" = "$new" ] && extra=(--max-file-size 100MB)
    /usr/bin/time -f '%e %M' -o "$work/t" timeout "$cap" "$java" -Xss16m -jar "$jar" check \
      --format json "${extra[@]}" "$d" >"$work/out" 2>"$work/err"
    rc=$?
    read -r secs kb < <(tail -n 1 "$work/t" 2>/dev/null) || { secs=$cap; kb=0; }
    n=$(python3 -c "import json,sys; print(sum(1 for f in json.load(open(sys.argv[1]))['findings'] if f['path'] == 'x.py'))" "$work/out" 2>/dev/null || echo -)
    if [ $rc -eq 124 ]; then cell="> ${cap} s (killed)"; else cell="${secs} s, exit $rc, $n findings in x.py, $((kb / 1024)) MB"; fi
    [ $rc -ne 124 ] && [ $rc -gt 2 ] && cell="$cell, $(head -c 80 "$work/err" | tr '\n' ' ')"
    row="$row | $cell"
  done
  echo "$row |"
done
