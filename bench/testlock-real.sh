#!/bin/sh
# Issue 16, the locked test suite on a real project: encode/httpx at the commit of
# bench/precision/repos.txt (ae1b9f66238f75ced3ced5e4485408435de10768; the tree extracted at
# /work/repos/httpx with `git --git-dir=... archive HEAD | tar -x`).
#
#   bench/testlock-real.sh [HTTPX_TREE] [BLACK]
#
# On a copy: keel tests lock; then the whole suite reformatted (black --line-length 40 when BLACK or
# `black` is found, and ast.unparse, which drops every comment and re-lays every line) must verify
# clean (exit 0); then each weakening of bench/testlock-weaken.py, on a fresh copy, must fail
# verify (exit 1) naming the test. Prints one line per case and exits 1 if any case is wrong.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tree=${1:-/work/repos/httpx}
black=${2:-$(command -v black || true)}
jar="$here/../keel-cli/target/keel.jar"
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
keel() { "$java" -jar "$jar" "$@"; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
wrong=0

fresh() {
  rm -rf "$work/p"
  cp -r "$tree" "$work/p"
  cp "$work/keel-tests.lock" "$work/p/keel-tests.lock"
}

cp -r "$tree" "$work/p"
keel tests lock "$work/p" | head -1
cp "$work/p/keel-tests.lock" "$work/keel-tests.lock"

expect() { # expected-code label
  set +e
  out=$(keel tests verify "$work/p" 2>&1)
  code=$?
  set -e
  if [ "$code" -eq "$1" ]; then verdict=ok; else verdict=WRONG; wrong=1; fi
  echo "$verdict $2: exit $code"
  echo "$out" | grep -E 'TST010|\[new\]' | head -3 | sed 's/^/    /'
}

if [ -n "$black" ]; then
  fresh
  "$black" -q --line-length 40 "$work/p/tests"
  changed=$(cd "$tree" && diff -r -q tests "$work/p/tests" | wc -l)
  expect 0 "black --line-length 40 ($changed files reformatted)"
fi
fresh
python3 "$here/testlock-weaken.py" unparse "$work/p" >/dev/null
expect 0 "ast.unparse of every test file (comments dropped, lines re-laid)"
for mode in fewer-assertions skip-decorator skip-call mock-only delete-file conftest settings; do
  fresh
  what=$(python3 "$here/testlock-weaken.py" "$mode" "$work/p")
  expect 1 "$what"
done
exit $wrong
