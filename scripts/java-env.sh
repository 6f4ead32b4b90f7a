#!/usr/bin/env bash
# Sourced by run.sh and test.sh: points JAVA_HOME at a JDK 21 or newer.
# Keeps a JAVA_HOME that is already 21+, else picks the newest JDK 21+ under /usr/lib/jvm.

java_major() {
  local version
  version=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  version=${version#1.}
  echo "${version%%.*}"
}

select_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  local best="" best_major=0 candidate major
  for candidate in /usr/lib/jvm/* /opt/java/* /usr/local/java/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate") || continue
    if [ "${major:-0}" -ge 21 ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then
      best=$candidate
      best_major=$major
    fi
  done
  if [ -z "$best" ]; then
    echo "error: Airdrops Monitoring needs a JDK 21 or newer; none found in JAVA_HOME or /usr/lib/jvm." >&2
    echo "       Install one (e.g. apt-get install openjdk-21-jdk) or export JAVA_HOME=/path/to/jdk-21+." >&2
    return 1
  fi
  export JAVA_HOME=$best
}

select_jdk || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
# Maven's own bundled Guava uses sun.misc.Unsafe, which JDK 24+ warns about on every build; the flag only exists there.
if [ "$(java_major "$JAVA_HOME")" -ge 24 ]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
