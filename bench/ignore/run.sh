#!/bin/sh
# Times .gitignore matching on issue 10's pathological patterns, for the current IgnoreRules and
# for the one of an older commit (default: the last commit before the rewrite), in the same run.
# Usage: bench/ignore/run.sh [OLD_COMMIT] [LIMIT_SECONDS]
set -e
here=$(cd "$(dirname "$0")/../.." && pwd)
old=${1:-1d19fbb}
limit=${2:-30}
. "$here/.mvn/find-jdk.sh"
keel_find_jdk || { echo "$KEEL_JDK_ERROR" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$here/mvnw" -q -B -f "$here/pom.xml" -pl keel-core -am compile -Dspotless.check.skip=true >/dev/null
mkdir -p "$work/old/src/dev/keel/project" "$work/old/classes"
git -C "$here" show "$old:keel-core/src/main/java/dev/keel/project/IgnoreRules.java" \
  >"$work/old/src/dev/keel/project/IgnoreRules.java"
"$JAVA_HOME/bin/javac" -d "$work/old/classes" "$work/old/src/dev/keel/project/IgnoreRules.java"
echo "before ($old):"
"$JAVA_HOME/bin/java" -cp "$work/old/classes" "$here/bench/ignore/IgnoreBench.java" "$limit"
echo "after (working tree):"
"$JAVA_HOME/bin/java" -cp "$here/keel-core/target/classes" "$here/bench/ignore/IgnoreBench.java" "$limit"
