#!/usr/bin/env bash
# Start-up to exit of `keel check` on an empty project (a pyproject.toml, one empty module), the
# ways a user runs it: the clone's launcher (checks whether the sources changed, then runs the jar),
# the unpacked release archive's launcher through a symlink (read-only folder), each with the
# start-up cache (AOT on JDK 24+) and without (KEEL_STARTUP_CACHE=off); `python3 -c pass` as the
# machine's reference. hyperfine medians. Usage: bench/startup-adoption.sh [RUNS]  (after ./mvnw package)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-15}
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
proj="$work/empty project"
mkdir -p "$proj"
printf '[project]\nname = "empty"\nversion = "0.1.0"\nrequires-python = ">=3.12"\n' >"$proj/pyproject.toml"
: >"$proj/empty.py"
archive=$(ls "$here"/keel-cli/target/keel-*.tar.gz | head -n 1)
mkdir -p "$work/opt dir" "$work/bin"
tar -xzf "$archive" -C "$work/opt dir"
ln -s "$work/opt dir"/keel-*/keel "$work/bin/keel"
chmod -R a-w "$work/opt dir"
export XDG_CACHE_HOME="$work/cache"
for k in "$here/keel" "$work/bin/keel"; do # warm: build, record; the AOT cache is written behind
  "$k" check --no-cache "$proj" >/dev/null || true
done
major=$("$JAVA_HOME/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
if [ "$major" -ge 24 ]; then
  for _ in $(seq 1 180); do # both jars' caches (the clone's and the archive's are the same bytes: one)
    [ -z "$(find "$XDG_CACHE_HOME/keel" -name '*.lock' 2>/dev/null)" ] && [ -n "$(find "$XDG_CACHE_HOME/keel" -name '*.aot')" ] && break
    sleep 1
  done
fi
ls "$XDG_CACHE_HOME/keel" >&2
hyperfine --warmup 3 --runs "$runs" -N --ignore-failure --export-json "$work/r.json" \
  "$here/keel check --no-cache --no-color '$proj'" \
  "$work/bin/keel check --no-cache --no-color '$proj'" \
  "env KEEL_STARTUP_CACHE=off $work/bin/keel check --no-cache --no-color '$proj'" \
  "python3 -c pass" >/dev/null
python3 - "$work/r.json" "$work" <<'PY'
import json, sys
rs = json.load(open(sys.argv[1]))["results"]
ref = rs[-1]["median"]
for r in rs:
    c = r["command"].replace(sys.argv[2], "$TMP")
    print(f'{c}: median {r["median"]*1000:.0f} ms (x{r["median"]/ref:.1f} python3 -c pass), stddev {r["stddev"]*1000:.0f} ms')
PY
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $("${JAVA_HOME:-/usr}/bin/java" -version 2>&1 | head -n 1)"
