#!/usr/bin/env bash
# The cost of the walk and every file rule against parsing, on one thread, phase by phase in CPU
# time (dev.keel.bench.PipelineCost), over a copy of the standard library that
# bench/real-projects.sh makes (or DIR, a folder with a .git marker).
# Usage: bench/file-rules.sh [DIR] [RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-/tmp/keel-real/stdlib}
runs=${2:-3}
. "$here/.mvn/find-jdk.sh"
keel_find_jdk || { echo "$KEEL_JDK_ERROR" >&2; exit 2; }
[ -d "$dir" ] || { echo "no $dir: run bench/real-projects.sh first" >&2; exit 2; }
"$here/mvnw" -B -q -f "$here/pom.xml" -pl bench/jmh -am package -DskipTests \
  -Dspotless.check.skip=true -Djacoco.skip=true >/dev/null
for i in $(seq "$runs"); do
  echo "run $i:"
  "$JAVA_HOME/bin/java" -Xss16m -Xmx4g -XX:+UseSerialGC -Xmn1g \
    -cp "$here/bench/jmh/target/benchmarks.jar" dev.keel.bench.PipelineCost "$dir"
done
