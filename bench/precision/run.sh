#!/usr/bin/env bash
# Runs Keel over real repositories at fixed commits and prints findings per rule and severity.
#
#   bench/precision/run.sh [--jar KEEL_JAR] [--repos DIR] [--out DIR] [--list FILE] [--select CODES] [--fetch] [NAME...]
#
# DIR (default bench/precision/checkouts, or $KEEL_PRECISION_REPOS) holds one folder per line of
# repos.txt, named like the line's first field. --fetch clones what is missing (git, network) and
# checks out the line's commit; none of their code is committed here. Each repository's JSON report
# goes to OUT (default bench/precision/out) as NAME.json, and the counts are printed as one table
# per repository: rule, severity, findings. Compare two runs (a jar before and after a change)
# with `diff`. --list reads another list of the same shape (repos-issue18.txt); --select passes
# rule codes or families to keel check (CI,SEC012,REL010).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
top="$(cd "$here/../.." && pwd)"
jar="$top/keel-cli/target/keel.jar"
repos="${KEEL_PRECISION_REPOS:-$here/checkouts}"
out="$here/out"
fetch=0
list="$here/repos.txt"
select=()
names=()
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) jar="$2"; shift 2 ;;
    --repos) repos="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --fetch) fetch=1; shift ;;
    --list) list="$2"; shift 2 ;;
    --select) select=(--select "$2"); shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) names+=("$1"); shift ;;
  esac
done
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
[ -f "$jar" ] || { echo "no jar at $jar: build it with ./mvnw -o -q -pl keel-cli -am package -DskipTests" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 is needed to count findings" >&2; exit 2; }
mkdir -p "$out"
grep -v '^#' "$list" | while read -r name url commit; do
  [ -n "$name" ] || continue
  if [ ${#names[@]} -gt 0 ] && [[ ! " ${names[*]} " =~ " $name " ]]; then continue; fi
  dir="$repos/$name"
  if [ ! -d "$dir" ]; then
    if [ "$fetch" = 1 ]; then
      git clone --quiet --filter=blob:none "$url" "$dir"
      git -C "$dir" checkout --quiet "$commit"
    else
      echo "== $name: missing $dir (run with --fetch, or put a checkout of $url at $commit there)" >&2
      continue
    fi
  fi
  start=$(date +%s.%N)
  set +e
  "$java" -Xss16m -jar "$jar" check --format json ${select[@]+"${select[@]}"} "$dir" > "$out/$name.json" 2> "$out/$name.err"
  rc=$?
  set -e
  secs=$(python3 -c "import time;print(f'{time.time()-$start:.1f}')")
  echo "== $name ($commit) exit $rc, ${secs}s"
  python3 - "$out/$name.json" <<'PY'
import collections, json, sys
d = json.load(open(sys.argv[1]))
by = collections.Counter((f["code"], f["severity"]) for f in d["findings"])
sev = collections.Counter(f["severity"] for f in d["findings"])
print("total", len(d["findings"]), " ".join(f"{k}={v}" for k, v in sorted(sev.items())))
for (code, s), n in sorted(by.items()):
    print(f"{code}\t{s}\t{n}")
PY
done
