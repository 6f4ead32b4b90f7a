#!/usr/bin/env bash
# Sourced by run.sh and test.sh: points JAVA_HOME at a JDK 21 or newer (one with javac, to build).
source "$(dirname "${BASH_SOURCE[0]}")/../bin/java-lookup.sh"
if ! JAVA_HOME=$(find_java_home javac); then
  echo "error: $JAVA_HOME" >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
# Maven's own bundled Guava uses sun.misc.Unsafe, which JDK 24+ warns about on every build; the flag only exists there.
if [ "$(java_major "$JAVA_HOME")" -ge 24 ]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
