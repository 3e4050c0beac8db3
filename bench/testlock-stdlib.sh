#!/bin/sh
# Issue 16: how long keel tests lock and keel tests verify take on the standard library's own tests
# (CPython's Lib/test: 989 .py files, all test modules of the lock since they sit under test/).
#
#   bench/testlock-stdlib.sh [-n RUNS] [LIB_TEST]
#
# Copies LIB_TEST (default: the pyenv CPython 3.12 Lib/test) into a temporary project (a
# pyproject.toml beside it marks the root; the real tree is never written), then runs lock and
# verify RUNS times each (default 7) with the jar, and prints each median and the spread, with
# `keel version` (the JVM start-up alone) for scale. The first lock run writes the lock; the later
# ones also read the one before (as a relock does).
set -eu
runs=7
if [ "${1:-}" = "-n" ]; then runs=$2; shift 2; fi
here=$(cd "$(dirname "$0")" && pwd)
src=${1:-$(ls -d /root/.pyenv/versions/3.12.*/lib/python3.12/test | head -1)}
jar="$here/../keel-cli/target/keel.jar"
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lib"
cp -r "$src" "$work/lib/test"
printf '[project]\nname = "cpython-tests"\n' > "$work/lib/pyproject.toml"
echo "tree: $src ($(find "$work/lib/test" -name '*.py' | wc -l) .py files)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -sr)"
echo "java: $("$java" -version 2>&1 | head -1)"

time_runs() { # label, command...
  label=$1
  shift
  python3 - "$runs" "$label" "$@" <<'PY'
import statistics, subprocess, sys, time
runs, label, cmd = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
times = []
for _ in range(runs):
    t = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    times.append(time.perf_counter() - t)
    if r.returncode not in (0, 1):
        sys.exit(label + ": exit " + str(r.returncode) + ": " + r.stderr.decode())
last = r.stdout.decode().strip().splitlines()
print(f"{label}: median {statistics.median(times):.2f} s over {runs} runs"
      f" (min {min(times):.2f}, max {max(times):.2f}); exit {r.returncode}; {last[-1] if last else ''}")
PY
}

time_runs "keel version" "$java" -jar "$jar" version
time_runs "keel tests lock" "$java" -jar "$jar" tests lock "$work/lib"
echo "lock: $(wc -c < "$work/lib/keel-tests.lock") bytes, $(grep -c '"hash"' "$work/lib/keel-tests.lock") entries"
time_runs "keel tests verify" "$java" -jar "$jar" tests verify "$work/lib"
