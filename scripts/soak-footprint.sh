#!/usr/bin/env bash
# Long footprint run (about 11 minutes): the agent through its launcher (tuned profile + AOT cache) with 50 pushed
# components and 20 alert rules firing, collecting every second; resident memory (VmRSS) is sampled every 30 s.
# Prints the samples, then RSS at 10 minutes and the spread over the last 5 minutes (flat = small spread).
# Needs: a built jar (mvn package) and curl.
# Usage: scripts/soak-footprint.sh [MINUTES]      (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh >/dev/null
minutes=${1:-10}
[ -f bootstrap/target/airdrops-monitoring.jar ] || { echo "error: build the jar first (mvn -DskipTests package)" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
port=18432
home="$work/home"
mkdir -p "$home/config"
{
  echo "components:"
  for ((c = 0; c < 50; c++)); do echo "  - { name: c$c, type: generic, source: push, stale_after_seconds: 3600 }"; done
} >"$home/config/components.yaml"
{
  echo "rules:"
  for ((r = 0; r < 20; r++)); do
    printf '  - { name: soak_%d, metric_name: soak_m%d, condition: gte, threshold: 0, severity: low, for_duration: 0, matchers: { component: c%d }, description: "soak rule %d" }\n' "$r" "$r" "$r" "$r"
  done
} >"$home/config/alert_rules.yaml"

launch() {
  env -i PATH="$PATH" HOME="$work" JAVA_HOME="$JAVA_HOME" MONITORING_HOME="$home" MONITORING_AOT_CACHE_DIR="$work/aot" \
    METRICS_HTTP_HOST=127.0.0.1 METRICS_HTTP_PORT=$port METRICS_COLLECTION_INTERVAL=1 MONITORING_INSTANCE=soak \
    MONITORING_API_TOKEN=soak bin/airdrops-monitoring >>"$home/log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/metrics"; do sleep 0.05; done
}

# push: every component sends 25 gauges (soak_m0..soak_m19 and five more) with fresh values.
push() {
  local c i body
  for ((c = 0; c < 50; c++)); do
    body="{\"metrics\": {"
    for ((i = 0; i < 25; i++)); do
      [ "$i" -gt 0 ] && body+=", "
      body+="\"soak_m$i\": $((RANDOM % 100))"
    done
    body+="}}"
    curl -sf -o /dev/null -H "Authorization: Bearer soak" -H "Content-Type: application/json" -d "$body" \
      "http://127.0.0.1:$port/api/v1/components/c$c"
  done
}

rss_mib() { awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }

echo "machine: $(nproc) cores; JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
# A first short run records the AOT cache, as the first start of an installation does.
launch
sleep 5
kill -TERM "$pid"; wait "$pid" || true
launch
start=$(date +%s)
samples=()
next=30
while :; do
  push
  elapsed=$(($(date +%s) - start))
  if [ "$elapsed" -ge "$next" ]; then
    samples+=("$elapsed $(rss_mib "$pid")")
    echo "t=${elapsed}s RSS $(rss_mib "$pid") MiB, firing $(curl -sf "http://127.0.0.1:$port/metrics" | awk '/^monitoring_alerts\{.*state="firing"/ {s += $2} END {print s + 0}')"
    next=$((next + 30))
  fi
  [ "$elapsed" -ge $((minutes * 60)) ] && break
  sleep 5
done
kill -TERM "$pid"; wait "$pid" || true
half=$((minutes * 30))
printf '%s\n' "${samples[@]}" | awk -v half="$half" '
  {last = $2} $1 >= half {if (min == "" || $2 < min) min = $2; if ($2 > max) max = $2}
  END {printf "RSS at the end: %s MiB; over the last half: min %s, max %s MiB (spread %.1f MiB)\n", last, min, max, max - min}'
