#!/usr/bin/env bash
# A commit touching one file of netbox with Keel's pre-commit hook on a warm result cache:
# netbox (the tree of bench/precision/repos.txt, under /work/repos/netbox or $NETBOX) is copied
# into a scratch git repository with a .pre-commit-config.yaml naming this Keel checkout at its
# HEAD commit (so commit first); pre-commit clones and builds Keel once, one run warms the cache;
# then each round edits one module, stages it and times `git commit` (the hook runs on it) and
# `pre-commit run` on the staged file. Medians over ROUNDS (default 9). Needs Debian's pre-commit.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
src=${NETBOX:-/work/repos/netbox}
rounds=${1:-9}
file=${FILE:-netbox/dcim/models/devices.py}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/pre-commit-home"
rev=$(git -C "$here" rev-parse HEAD)

cp -r "$src" "$work/netbox"
cd "$work/netbox"
git init -q -b main
git config user.email bench@example.com
git config user.name bench
printf '.keel_cache/\n' >>.gitignore
cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $here
    rev: $rev
    hooks:
      - id: keel
YAML
git add -A >/dev/null
git commit -qm "netbox at $(awk '$1 == "netbox" {print $3}' "$here/bench/precision/repos.txt")" --no-verify
# Accept the debt already there, as a team adopting Keel does; the hook then fails only on new findings.
"$here/keel" baseline . >/dev/null 2>&1
git add .keel-baseline.json && git commit -qm baseline --no-verify
pre-commit install >/dev/null
echo "building Keel in pre-commit's clone and warming the cache..." >&2
start=$(date +%s.%N)
pre-commit run keel --all-files >/dev/null 2>&1 || true
echo "first run (clone + build + cold cache): $(echo "$(date +%s.%N) - $start" | bc) s" >&2

commit_times=()
run_times=()
for i in $(seq 1 "$rounds"); do
  printf '\n# bench edit %s\n' "$i" >>"$file"
  git add "$file"
  t0=$(date +%s%N)
  pre-commit run >/dev/null 2>&1 || { echo "pre-commit run failed on round $i" >&2; exit 1; }
  t1=$(date +%s%N)
  git commit -qm "edit $i" || { echo "the hook stopped commit $i" >&2; exit 1; }
  t2=$(date +%s%N)
  run_times+=($(((t1 - t0) / 1000000)))
  commit_times+=($(((t2 - t1) / 1000000)))
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
echo "files: $(find . -name '*.py' -not -path './.git/*' | wc -l) Python files; edited $file"
echo "pre-commit run (staged: 1 file), warm cache: median $(median "${run_times[@]}") ms over $rounds (${run_times[*]})"
echo "git commit with the hook, warm cache:        median $(median "${commit_times[@]}") ms over $rounds (${commit_times[*]})"
