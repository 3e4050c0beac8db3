#!/usr/bin/env bash
# Whole-command parse of a Python standard library: `keel check --select SYN` (start-up, discovery,
# decoding, tokenizing, parsing, reporting) next to CPython's own ast.parse over the same files,
# in the same run. Usage: bench/parse-stdlib.sh [STDLIB_DIR] [RUNS]
# Default folder: the standard library of python3.13 (what the parser issue measures against).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
py=""
for c in python3.13 "$HOME"/.pyenv/versions/3.13*/bin/python3; do
  if "$c" -c 'import sys; assert sys.version_info >= (3, 13)' 2>/dev/null; then py=$c; break; fi
done
[ -n "$py" ] || { echo "needs a python3.13 (the parser's reference)" >&2; exit 2; }
lib=${1:-$("$py" -c "import sysconfig; print(sysconfig.get_paths()['stdlib'])")}
runs=${2:-10}
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }
# A copy without site-packages, so both tools read exactly the same files.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$lib" && find . -name '*.py' -not -path './site-packages/*' -print0 | cpio -0pdm --quiet "$work/lib")
mkdir -p "$work/lib/.git"
files=$(find "$work/lib" -name '*.py' | wc -l)
bytes=$(find "$work/lib" -name '*.py' -print0 | xargs -0 cat | wc -c)
lines=$(find "$work/lib" -name '*.py' -print0 | xargs -0 cat | wc -l)
echo "corpus: $lib: $files files, $lines lines, $bytes bytes"
cat >"$work/parse_all.py" <<'PY'
import ast, os, sys, warnings
warnings.simplefilter("ignore")
n = bad = 0
for d, _, fs in os.walk(sys.argv[1]):
    for f in fs:
        if f.endswith(".py"):
            n += 1
            try:
                with open(os.path.join(d, f), "rb") as h:
                    ast.parse(h.read())
            except (SyntaxError, ValueError):
                bad += 1
print(n, "files,", bad, "rejected", file=sys.stderr)
PY
"$here/keel" version >/dev/null
"$here/keel" check --select SYN --no-color --quiet "$work/lib" >/dev/null || true
hyperfine --warmup 2 --runs "$runs" -N --ignore-failure --export-json "$work/h.json" \
  "$here/keel check --select SYN --no-color --quiet $work/lib" \
  "$py $work/parse_all.py $work/lib"
python3 - "$work/h.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f'{r["command"].split()[0].split("/")[-1]}: median {r["median"]:.2f} s, mean {r["mean"]:.2f} s ± {r["stddev"]:.2f} s')
PY
for cmd in "$here/keel check --select SYN --no-color --quiet $work/lib" "$py $work/parse_all.py $work/lib"; do
  /usr/bin/time -f "%e s wall, %M KB peak RSS: ${cmd%% *}" $cmd >/dev/null 2>"$work/time.txt" || true
  tail -n 1 "$work/time.txt"
done
