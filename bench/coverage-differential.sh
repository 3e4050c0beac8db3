#!/usr/bin/env bash
# Issue 16: Keel's per-callable coverage against an independent computation from coverage.py's own
# line data (bench/coverage-percallable.py: coverage's Python API + ast), on real test suites.
#
#   bench/coverage-differential.sh [PROJECT_DIR]
#
# Without an argument: a copy of CPython 3.11.7's json, email and argparse packages with their
# own tests (Lib/test/test_json, test_email, test_argparse, test/support) in
# /work/repos/stdlib311-coverage, measured by Debian's python3-coverage (6.5, /usr/bin/python3
# 3.11) with --source=json,email,argparse; and the calc fixture project of keel-core's tests.
# For each project: coverage run, then coverage json and coverage xml; Keel's `keel metrics
# --format json --coverage F` for F in coverage.json, coverage.xml, .coverage must give, for every
# function the independent script lists, the same statements, executed count and missing lines,
# and no other callable with figures. Prints the counts and timings; exits 1 on any difference.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
keel=("$JAVA_HOME/bin/java" -jar "$here/keel-cli/target/keel.jar")
py=/usr/bin/python3
command -v python3-coverage >/dev/null || { echo "python3-coverage is missing (apt-get install python3-coverage)"; exit 2; }

stdlib_copy() {
  local d=/work/repos/stdlib311-coverage src
  src="$(ls -d /root/.pyenv/versions/3.11.*/lib/python3.11 2>/dev/null | head -1)"
  if [ ! -f "$d/argparse.py" ]; then
    [ -d "$src/test/test_json" ] || { echo "no CPython 3.11 Lib/test found"; exit 2; }
    mkdir -p "$d/test"
    cp -r "$src/json" "$src/email" "$src/argparse.py" "$d/"
    cp -r "$src/test/__init__.py" "$src/test/support" "$src/test/test_json" "$src/test/test_email" \
      "$src/test/test_argparse.py" "$d/test/"
    find "$d" -name __pycache__ -prune -exec rm -rf {} +
  fi
  echo "$d"
}

measure_stdlib() {
  (cd "$1" && rm -f .coverage coverage.json coverage.xml &&
    PYTHONPATH="$1" python3-coverage run --source=json,email,argparse \
      -m unittest test.test_json test.test_email test.test_argparse 2>&1 | tail -1 &&
    python3-coverage json -q -o coverage.json && python3-coverage xml -q -o coverage.xml)
}

measure_calc() {
  rm -rf "$1" && cp -r "$here/keel-core/src/test/resources/projects/coverage/calc" "$1"
  (cd "$1" && python3-coverage run run_tests.py && python3-coverage json -q -o coverage.json &&
    python3-coverage xml -q -o coverage.xml)
}

compare() {
  local dir="$1" status=0
  (cd "$dir" && "$py" "$here/bench/coverage-percallable.py" .coverage . > /tmp/keel-cov-expected.tsv)
  for f in coverage.json coverage.xml .coverage; do
    local t0 t1
    t0=$(date +%s%N)
    "${keel[@]}" metrics --format json --coverage "$dir/$f" "$dir" > /tmp/keel-cov-actual.json
    t1=$(date +%s%N)
    "$py" - "$f" $(( (t1 - t0) / 1000000 )) <<'PY' || status=1
import json, sys
fmt, ms = sys.argv[1], sys.argv[2]
expected = {}
for line in open("/tmp/keel-cov-expected.tsv"):
    path, name, defline, n, ran, missing = line.rstrip("\n").split("\t")
    expected[(path, name, int(defline))] = (int(n), int(ran), [int(x) for x in missing.split(",") if x])
actual = {}
for c in json.load(open("/tmp/keel-cov-actual.json"))["callables"]:
    cov = c.get("coverage")
    if cov is not None:
        actual[(c["path"], c["name"], c["line"])] = (cov["statements"], cov["executed"], cov["missing_lines"])
diff = [k for k in expected.keys() | actual.keys() if expected.get(k) != actual.get(k)]
statements = sum(v[0] for v in expected.values())
print(f"  {fmt:14} {len(expected):5} functions ({statements} statements): "
      f"{len(expected) - len([k for k in diff if k in expected])} agree, {len(diff)} differ; keel metrics {ms} ms")
for k in sorted(diff)[:20]:
    print("    ", k, "independent:", expected.get(k), "keel:", actual.get(k))
sys.exit(1 if diff else 0)
PY
  done
  return $status
}

status=0
if [ $# -gt 0 ]; then
  compare "$1" || status=1
else
  std="$(stdlib_copy)"
  echo "stdlib json/email/argparse with their tests ($std):"
  measure_stdlib "$std"
  compare "$std" || status=1
  echo "calc fixture project:"
  measure_calc /tmp/keel-cov-calc
  compare /tmp/keel-cov-calc || status=1
fi
exit $status
