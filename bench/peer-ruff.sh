#!/usr/bin/env bash
# Keel against a peer in the same run: times `keel check` (every rule) and Ruff's WebAssembly build
# (@astral-sh/ruff-wasm-nodejs under node, E and F rules, one thread) alternately on the same
# folders, and prints the median wall time of each and Keel's time as a ratio of Ruff's.
#
# Keel is timed cold (--no-cache) with 1 and 2 threads, and warm (a primed --cache-dir, nothing
# changed) with 2 threads. Every time is a whole command, JVM or node start-up included.
#
# Usage: bench/peer-ruff.sh [-n RUNS] FOLDER...
#   e.g. bench/peer-ruff.sh -n 5 /tmp/std/lib /work/repos/httpx /work/repos/healthchecks
# Needs: node and npm (Ruff's wasm build is installed into $KEEL_BENCH_DIR, default
# /tmp/keel-bench, at the version below), a JDK 21+ in JAVA_HOME (or java on PATH); builds
# keel-cli/target/keel.jar when it is missing.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
runs=5
if [[ ${1:-} == -n ]]; then runs=$2; shift 2; fi
[[ $# -gt 0 ]] || { echo "usage: bench/peer-ruff.sh [-n RUNS] FOLDER..." >&2; exit 2; }
ruff_version=0.17.3
bench=${KEEL_BENCH_DIR:-/tmp/keel-bench}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
jar=$here/keel-cli/target/keel.jar
mkdir -p "$bench/ruff-wasm"
if [[ ! -f $bench/ruff-wasm/node_modules/@astral-sh/ruff-wasm-nodejs/ruff_wasm.js ]]; then
  (cd "$bench/ruff-wasm" && npm install --silent --no-audit --no-fund \
    "@astral-sh/ruff-wasm-nodejs@$ruff_version" >/dev/null)
fi
if [[ ! -f $jar ]]; then
  (cd "$here" && ./mvnw -q -o -pl keel-cli -am package -DskipTests)
fi

now() { date +%s%N; }
# Runs a command once, printing its wall time in milliseconds; its output goes to $bench/last.out.
timed() {
  local t0 t1
  t0=$(now)
  "$@" >"$bench/last.out" 2>"$bench/last.err" || true
  t1=$(now)
  echo $(((t1 - t0) / 1000000))
}
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "load $(cut -d' ' -f1-3 /proc/loadavg); $("$java" -version 2>&1 | head -1); node $(node --version)"
echo "# $runs runs each, alternating; median wall ms; ratio = keel / ruff-wasm"
printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' corpus files ruff-wasm "keel cold 1t" "keel cold 2t" \
  "keel warm 2t" "ratio cold 1t" "ratio cold 2t" "ratio warm 2t"
printf '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n'
for folder in "$@"; do
  cache="$bench/cache-$(basename "$folder")"
  rm -rf "$cache"
  "$java" -Xss16m -jar "$jar" check --format json --cache-dir "$cache" "$folder" >/dev/null 2>&1 || true
  r="" c1="" c2="" w2=""
  for ((i = 0; i < runs; i++)); do
    r+=" $(timed node "$here/bench/peer-ruff.mjs" "$bench/ruff-wasm" "$folder")"
    files=$(cut -d' ' -f1 "$bench/last.out")
    c1+=" $(timed "$java" -Xss16m -jar "$jar" check --format json --no-cache --threads 1 "$folder")"
    c2+=" $(timed "$java" -Xss16m -jar "$jar" check --format json --no-cache --threads 2 "$folder")"
    w2+=" $(timed "$java" -Xss16m -jar "$jar" check --format json --cache-dir "$cache" --threads 2 "$folder")"
  done
  mr=$(echo "$r" | median) m1=$(echo "$c1" | median) m2=$(echo "$c2" | median) mw=$(echo "$w2" | median)
  ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$(basename "$folder")" "$files" "$mr" "$m1" "$m2" "$mw" \
    "$(ratio "$m1" "$mr")" "$(ratio "$m2" "$mr")" "$(ratio "$mw" "$mr")"
done
