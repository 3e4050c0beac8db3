#!/usr/bin/env bash
# SARIF of real projects checked against the SARIF 2.1.0 schema and GitHub code scanning's field
# list and limits (bench/sarif_github_check.py, python3 with jsonschema). The trees are those of
# bench/precision/repos.txt, extracted under /work/repos (or $REPOS).
# Usage: bench/sarif-real.sh [NAME...]   (default: httpx healthchecks netbox)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
repos=${REPOS:-/work/repos}
out=${OUT:-$(mktemp -d)}
[ $# -gt 0 ] || set -- httpx healthchecks netbox
"$here/keel" version >/dev/null
status=0
for name in "$@"; do
  commit=$(awk -v n="$name" '$1 == n {print $3}' "$here/bench/precision/repos.txt")
  echo "$name at ${commit:-?}"
  code=0
  "$here/keel" check --no-cache --format sarif --output "$out/$name.sarif" "$repos/$name" 2>"$out/$name.err" || code=$?
  if [ "$code" -gt 1 ]; then
    echo "  keel exited $code: $(head -c 300 "$out/$name.err")"
    status=1
    continue
  fi
  python3 "$here/bench/sarif_github_check.py" "$here/keel-cli/src/test/resources/sarif/sarif-schema-2.1.0.json" \
    "$out/$name.sarif" "$repos/$name" || status=1
done
exit $status
