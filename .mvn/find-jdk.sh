# Sourced by ./keel and ./mvnw: makes JAVA_HOME point at a JDK 21 or newer.
# Looks at JAVA_HOME, then `java` on PATH, then the usual install folders.
# Sets KEEL_JDK_ERROR to a one-line message when none is found.

keel_java_major() {
  # Prints the feature version of the JDK at $1 (a JDK home), or nothing.
  if [ -f "$1/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$1/release" 2>/dev/null)
  else
    v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  case "$v" in
    1.*) v=${v#1.} ;;
  esac
  echo "${v%%[.+-]*}"
}

keel_is_jdk21() {
  [ -n "$1" ] && [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  m=$(keel_java_major "$1")
  [ -n "$m" ] && [ "$m" -ge 21 ] 2>/dev/null
}

keel_find_jdk() {
  if keel_is_jdk21 "${JAVA_HOME:-}"; then return 0; fi
  if command -v java >/dev/null 2>&1; then
    j=$(command -v java)
    j=$(readlink -f "$j" 2>/dev/null || echo "$j")
    h=$(dirname "$(dirname "$j")")
    if keel_is_jdk21 "$h"; then JAVA_HOME=$h; export JAVA_HOME; return 0; fi
  fi
  best=""
  bestm=0
  for h in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* \
           "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* \
           /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$h" ] || continue
    if keel_is_jdk21 "$h"; then
      m=$(keel_java_major "$h")
      if [ "$m" -gt "$bestm" ]; then best=$h; bestm=$m; fi
    fi
  done
  if [ -n "$best" ]; then JAVA_HOME=$best; export JAVA_HOME; return 0; fi
  KEEL_JDK_ERROR="keel: no JDK 21 or newer found (looked at JAVA_HOME, java on PATH, /usr/lib/jvm); install one or set JAVA_HOME"
  return 1
}
