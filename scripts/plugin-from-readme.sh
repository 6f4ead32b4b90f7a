#!/usr/bin/env bash
# Builds the README's example plugin ("Writing a plugin") in an empty temporary folder from the files the README
# shows, offline, as a plugin author would after `mvn install`: its contract test must pass; then starts the agent
# jar with the plugin in plugins/ and a component of its type, and waits for the plugin's metric on /metrics.
# Needs: `mvn install` done (the agent's API and test kit in the local repository), curl.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh >/dev/null
readme=$PWD/README.md
jar=$PWD/bootstrap/target/airdrops-monitoring.jar
work=$(mktemp -d)
source scripts/stop-jobs.sh
trap 'stop_jobs_and_remove "$work"' EXIT

# Every code block preceded by "<!-- plugin-file: PATH -->" is written to PATH.
awk -v dir="$work/plugin" '
  /^<!-- plugin-file: .* -->$/ {file = dir "/" $3; next}
  file != "" && /^```/ {if (open) {close(file); file = ""; open = 0} else {open = 1; system("mkdir -p \"$(dirname \"" file "\")\""); printf "" > file}; next}
  open {print >> file}
' "$readme"
[ -f "$work/plugin/pom.xml" ] && [ "$(find "$work/plugin" -type f | wc -l)" -eq 4 ] \
  || { echo "plugin-from-readme: expected 4 files from the README, found: $(find "$work/plugin" -type f)" >&2; exit 1; }

echo "plugin-from-readme: building the README's plugin offline in $work/plugin"
(cd "$work/plugin" && mvn -B -o -q -Dstyle.color=never package) >"$work/build.log" 2>&1 \
  || { cat "$work/build.log" >&2; echo "plugin-from-readme: the README's plugin does not build" >&2; exit 1; }
grep -q "HeartbeatContractTest" <(ls "$work/plugin/target/surefire-reports") \
  || { echo "plugin-from-readme: the contract test did not run" >&2; exit 1; }

home="$work/home"
mkdir -p "$home/plugins" "$home/config"
cp "$work/plugin/target/heartbeat-plugin-1.0.jar" "$home/plugins/"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$home/config/components.yaml" <<YAML
components:
  - { name: self, type: heartbeat, config: { url: "http://127.0.0.1:$port/health/live" } }
YAML
(cd "$work" && exec env -i PATH="$PATH" HOME="$work" MONITORING_HOME="$home" METRICS_HTTP_HOST=127.0.0.1 \
  METRICS_HTTP_PORT="$port" METRICS_COLLECTION_INTERVAL=1 "$JAVA_HOME/bin/java" -jar "$jar" >"$home/log" 2>&1) &
for ((i = 0; i < 300; i++)); do
  if curl -sf "http://127.0.0.1:$port/metrics" 2>/dev/null | grep -q '^heartbeat_ok{component="self".*} 1'; then
    echo "plugin-from-readme: ok: the contract passed and the agent reports heartbeat_ok{component=\"self\"} 1"
    exit 0
  fi
  sleep 0.1
done
cat "$home/log" >&2
echo "plugin-from-readme: the agent did not report heartbeat_ok{component=\"self\"} 1 within 30 s" >&2
exit 1
