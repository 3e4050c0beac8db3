#!/usr/bin/env bash
# Start-up to exit of `keel check` on an empty project (one empty module, a pyproject.toml),
# median of repeated runs with hyperfine. Usage: bench/startup.sh [RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-20}
proj=$(mktemp -d)
trap 'rm -rf "$proj"' EXIT
printf '[project]\nname = "empty"\nversion = "0.1.0"\nrequires-python = ">=3.12"\n' >"$proj/pyproject.toml"
: >"$proj/empty.py"
"$here/keel" version >/dev/null # build on first use, outside the measurement
"$here/keel" check "$proj" >/dev/null || true # creates the class-data archive
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }
hyperfine --warmup 3 --runs "$runs" -N --ignore-failure --export-json /tmp/keel-startup.json \
  "$here/keel check --no-color $proj" \
  "python3 -c pass"
python3 - <<'PY'
import json
for r in json.load(open("/tmp/keel-startup.json"))["results"]:
    print(f'{r["command"]}: median {r["median"]*1000:.0f} ms, mean {r["mean"]*1000:.0f} ms ± {r["stddev"]*1000:.0f} ms')
PY
