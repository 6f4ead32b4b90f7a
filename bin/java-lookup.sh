# Sourced by bin/airdrops-monitoring and scripts/java-env.sh: finds a Java 21 or newer.
#   java_release DIR      the JAVA_VERSION of DIR/release, if any
#   java_major DIR        the major version of DIR/bin/java
#   find_java_home TOOL   prints a Java home with an executable bin/TOOL (java to run, javac to build) of version 21+:
#                         JAVA_HOME when it qualifies, else the java on PATH, else the newest under /usr/lib/jvm,
#                         /opt/java and /usr/local/java; else fails (status 1) and prints, instead of a Java home,
#                         what to install (the caller shows it: the launcher as a log line).

# java_release DIR: the JAVA_VERSION of DIR/release ("25.0.3"), empty when it has none; read without starting a
# process (the launcher runs this on every start).
java_release() {
  local line=""
  [ -f "$1/release" ] && [ -r "$1/release" ] || return 0
  while IFS= read -r line || [ -n "$line" ]; do
    line=${line%$'\r'}
    case $line in
      JAVA_VERSION=*) line=${line#JAVA_VERSION=}; line=${line#\"}; echo "${line%\"}"; return 0 ;;
    esac
  done <"$1/release"
}

java_major() {
  local version
  # The JDK's release file answers without starting a JVM (about 0.1 s saved on every start); else ask java.
  version=$(java_release "$1")
  if [ -z "$version" ]; then
    version=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  fi
  version=${version#1.}
  echo "${version%%.*}"
}

find_java_home() {
  local tool=$1 candidate major best="" best_major=0 on_path
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/$tool" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    echo "$JAVA_HOME"
    return 0
  fi
  on_path=$(command -v "$tool" 2>/dev/null || true)
  if [ -n "$on_path" ]; then
    candidate=$(dirname "$(dirname "$(readlink -f "$on_path")")")
    if [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/* /opt/java/* /usr/local/java/*; do
    [ -x "$candidate/bin/$tool" ] || continue
    major=$(java_major "$candidate") || continue
    if [ "${major:-0}" -ge 21 ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then
      best=$candidate
      best_major=$major
    fi
  done
  if [ -z "$best" ]; then
    echo "Airdrops Monitoring needs Java 21 or newer ($tool); none found in JAVA_HOME, on PATH or in /usr/lib/jvm."
    echo "Install one (e.g. apt-get install openjdk-21-jdk-headless) or export JAVA_HOME=/path/to/java-21+."
    return 1
  fi
  echo "$best"
}
