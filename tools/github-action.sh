#!/usr/bin/env bash
# The commands of Keel's GitHub Action (action.yml), one per step:
#   github-action.sh build-key sets the output key: a hash of Keel's sources, for the build's cache
#   github-action.sh check     runs keel check, writes SARIF; sets the outputs exit-code, sarif-file
#   github-action.sh verdict   fails the job when keel check found new findings (exit 1) or failed
# Read from the environment as the runner sets it: GITHUB_ACTION_PATH (Keel's checkout),
# GITHUB_WORKSPACE, GITHUB_OUTPUT; the inputs KEEL_PATH, KEEL_SARIF, KEEL_SINCE (a revision, empty
# for the whole project), KEEL_ARGS (split on spaces), KEEL_EXIT_CODE (for verdict).
set -uo pipefail

sources_hash() {
  (cd "$GITHUB_ACTION_PATH" &&
    find pom.xml .mvn python-syntax keel-core keel-cli -name target -prune -o -type f -print |
    LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-16)
}

case "${1:-}" in
  build-key)
    echo "key=$(sources_hash)" >>"${GITHUB_OUTPUT:-/dev/null}"
    ;;
  check)
    # A jar restored from the cache was built from these very sources (the key is their hash), but
    # is older than the files of this checkout: the launcher would rebuild it.
    jar="$GITHUB_ACTION_PATH/keel-cli/target/keel.jar"
    [ ! -f "$jar" ] || touch "$jar"
    cd "${GITHUB_WORKSPACE:-.}" || exit 2
    sarif=${KEEL_SARIF:-keel.sarif}
    since=()
    if [ -n "${KEEL_SINCE:-}" ]; then
      # actions/checkout fetches one commit: bring the base's commit (its tree is all Keel reads).
      if ! git -C "${KEEL_PATH:-.}" cat-file -e "$KEEL_SINCE^{commit}" 2>/dev/null; then
        git -C "${KEEL_PATH:-.}" fetch --no-tags --quiet --depth=1 origin "$KEEL_SINCE" ||
          echo "::warning::could not fetch $KEEL_SINCE; keel check --since will say why"
      fi
      since=(--since "$KEEL_SINCE")
    fi
    set -f
    # shellcheck disable=SC2206 # KEEL_ARGS is a list of words
    extra=(${KEEL_ARGS:-})
    set +f
    code=0
    "$GITHUB_ACTION_PATH/keel" check --format sarif --output "$sarif" "${since[@]}" "${extra[@]}" \
      "${KEEL_PATH:-.}" || code=$?
    # The same findings as workflow annotations in the job's log would double them on the pull
    # request: code scanning shows them. The log gets the counts.
    if [ -f "$sarif" ]; then
      echo "keel: $(grep -c '"ruleId"' "$sarif") results in $sarif (exit $code)"
    fi
    {
      echo "exit-code=$code"
      echo "sarif-file=$sarif"
    } >>"${GITHUB_OUTPUT:-/dev/null}"
    # Exit 2 is a usage or configuration error: nothing to upload, fail now. Findings fail later,
    # after the upload, in the verdict step.
    [ "$code" -ne 2 ] || exit 2
    exit 0
    ;;
  verdict)
    case "${KEEL_EXIT_CODE:-}" in
      0) exit 0 ;;
      1) echo "::error::keel check found new findings; they are in code scanning"; exit 1 ;;
      *) echo "::error::keel check did not run to the end (exit ${KEEL_EXIT_CODE:-none})"; exit 2 ;;
    esac
    ;;
  *)
    echo "usage: github-action.sh check|verdict" >&2
    exit 2
    ;;
esac
