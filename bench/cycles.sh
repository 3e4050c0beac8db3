#!/usr/bin/env bash
# Cross-checks Keel's import cycles (ARC006) with bench/import_cycles.py, an independent
# computation with Python's ast, on a folder (default: a copy of python3's standard library).
# Usage: bench/cycles.sh [FOLDER]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-}
if [ -z "$dir" ]; then
  dir=$(mktemp -d)
  trap 'rm -rf "$dir"' EXIT
  lib=$(python3 -c "import sysconfig; print(sysconfig.get_paths()['stdlib'])")
  (cd "$lib" && find . -name '*.py' -not -path './site-packages/*' -print0 | cpio -0pdm --quiet "$dir")
  mkdir -p "$dir/.git"
fi
python3 "$here/bench/import_cycles.py" "$dir" >"$dir.py-cycles.txt"
"$here/keel" check --select ARC006 --format json "$dir" >"$dir.keel.json" || true
python3 - "$dir.keel.json" "$dir.py-cycles.txt" <<'PY'
import json, re, sys
keel = [f for f in json.load(open(sys.argv[1]))["findings"] if f["code"] == "ARC006"]
py = [set(l.split()) for l in open(sys.argv[2]) if l.strip()]
matched, missing = set(), 0
for f in keel:
    path = re.search(r"import cycle (.*?)(?: \(|:)", f["message"]).group(1).split(" → ")
    hits = [i for i, c in enumerate(py) if set(path) <= c]
    matched.update(hits)
    missing += not hits
    print(("agrees " if hits else "KEEL ONLY"), " → ".join(path))
for i, c in enumerate(py):
    if i not in matched:
        print("PYTHON ONLY", " ".join(sorted(c)))
print(f"Keel: {len(keel)} cycles; ast script: {len(py)} cycles; "
      f"{len(keel) - missing} of Keel's within one of the script's, {len(py) - len(matched)} of the script's unmatched")
PY
rm -f "$dir.py-cycles.txt" "$dir.keel.json"
