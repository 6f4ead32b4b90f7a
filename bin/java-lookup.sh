# Sourced by bin/airdrops-monitoring and scripts/java-env.sh: finds a Java 21 or newer.
#   locate_java TOOL      sets JAVA_FOUND to a Java home with an executable bin/TOOL (java to run, javac to build) of
#                         version 21+, and JAVA_MAJOR and JAVA_RELEASE to its major version and release ("25.0.3",
#                         empty when it has no release file): JAVA_HOME when it qualifies, else the java on PATH, else
#                         the newest under /usr/lib/jvm, /opt/java and /usr/local/java; else fails (status 1) with
#                         JAVA_FOUND saying what to install (the caller shows it: the launcher as a log line).
#   find_java_home TOOL   the same, printed (JAVA_FOUND on stdout)
#   java_release DIR      prints the JAVA_VERSION of DIR/release, if any
#   java_major DIR        prints the major version of DIR/bin/java
# The launcher runs these on every start: they set variables instead of printing where they can, and read files with
# bash itself, so that they start no process (each costs a few milliseconds).

# read_release DIR: sets JAVA_RELEASE to the JAVA_VERSION of DIR/release, empty when it has none.
read_release() {
  local line=""
  JAVA_RELEASE=""
  [ -f "$1/release" ] && [ -r "$1/release" ] || return 0
  while IFS= read -r line || [ -n "$line" ]; do
    line=${line%$'\r'}
    case $line in
      JAVA_VERSION=*) line=${line#JAVA_VERSION=}; line=${line#\"}; JAVA_RELEASE=${line%\"}; return 0 ;;
    esac
  done <"$1/release"
}

# read_major DIR: sets JAVA_RELEASE (above) and JAVA_MAJOR, from the release file, else by asking DIR/bin/java.
read_major() {
  local version
  read_release "$1"
  version=$JAVA_RELEASE
  if [ -z "$version" ]; then
    version=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  fi
  version=${version#1.}
  JAVA_MAJOR=${version%%.*}
}

java_release() {
  read_release "$1"
  [ -z "$JAVA_RELEASE" ] || echo "$JAVA_RELEASE"
}

java_major() {
  read_major "$1"
  echo "$JAVA_MAJOR"
}

locate_java() {
  local tool=$1 candidate on_path best="" best_major=0 best_release=""
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/$tool" ] && read_major "$JAVA_HOME" \
      && [ "$JAVA_MAJOR" -ge 21 ] 2>/dev/null; then
    JAVA_FOUND=$JAVA_HOME
    return 0
  fi
  on_path=$(command -v "$tool" 2>/dev/null || true)
  if [ -n "$on_path" ]; then
    candidate=$(readlink -f "$on_path")
    candidate=${candidate%/*}
    candidate=${candidate%/*}
    if read_major "$candidate" && [ "$JAVA_MAJOR" -ge 21 ] 2>/dev/null; then
      JAVA_FOUND=$candidate
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/* /opt/java/* /usr/local/java/*; do
    [ -x "$candidate/bin/$tool" ] || continue
    read_major "$candidate" || continue
    if [ "${JAVA_MAJOR:-0}" -ge 21 ] 2>/dev/null && [ "$JAVA_MAJOR" -gt "$best_major" ]; then
      best=$candidate
      best_major=$JAVA_MAJOR
      best_release=$JAVA_RELEASE
    fi
  done
  if [ -z "$best" ]; then
    JAVA_FOUND="Airdrops Monitoring needs Java 21 or newer ($tool); none found in JAVA_HOME, on PATH or in /usr/lib/jvm.
Install one (e.g. apt-get install openjdk-21-jdk-headless) or export JAVA_HOME=/path/to/java-21+."
    return 1
  fi
  JAVA_FOUND=$best
  JAVA_MAJOR=$best_major
  JAVA_RELEASE=$best_release
}

find_java_home() {
  local status=0
  locate_java "$1" || status=1
  echo "$JAVA_FOUND"
  return $status
}
