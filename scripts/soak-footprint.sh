#!/usr/bin/env bash
# Long footprint run (about 31 minutes): the agent through its launcher (tuned profile + AOT cache) with 50 pushed
# components and 20 alert rules firing, collecting every second. Every 30 s it samples resident memory (VmRSS) beside
# the JVM's own figures from /metrics: the committed heap, the heap in use and the metaspace in use.
# Prints the samples, the agent's CPU time, RSS at 10 minutes and its spread from 5 to 10 minutes, then RSS at the
# end, the spread and the trend (least squares, MiB per minute) of RSS and of the committed heap over the last half,
# and a verdict: a plateau (both trends under 0.2 MiB/min; "flat" when RSS also stays within 5 MiB) or still growing.
# Needs: a built jar (mvn package) and curl.
# Usage: scripts/soak-footprint.sh [MINUTES]      (default 30)
# SOAK_JAVA_OPTS is added to the agent's JVM options, e.g. SOAK_JAVA_OPTS="-Xlog:gc*:file=/tmp/gc.log:uptime" to see
# what each collection promoted (BENCHMARKS.md, footprint, eighth step).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh >/dev/null
minutes=${1:-30}
[ -f bootstrap/target/airdrops-monitoring.jar ] || { echo "error: build the jar first (mvn -DskipTests package)" >&2; exit 1; }
work=$(mktemp -d)
source scripts/stop-jobs.sh
trap 'stop_jobs_and_remove "$work"' EXIT
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
    MONITORING_API_TOKEN=soak JAVA_OPTS="${SOAK_JAVA_OPTS:-}" bin/airdrops-monitoring >>"$home/log" 2>&1 &
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

# cpu_seconds PID: the CPU time the process has used (user + system), in seconds.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{sub(/.*\) /, ""); printf "%.2f", ($12 + $13) / hz}' "/proc/$1/stat"; }

# jvm_mib: committed heap, heap in use and metaspace in use (MiB), from the agent's own /metrics.
jvm_mib() {
  curl -sf "http://127.0.0.1:$port/metrics" | awk '
    /^jvm_memory_committed_bytes\{.*area="heap"/ {committed += $NF}
    /^jvm_memory_used_bytes\{.*area="heap"/ {used += $NF}
    /^jvm_memory_used_bytes\{.*id="Metaspace"/ {meta += $NF}
    /^monitoring_alerts\{.*state="firing"/ {firing += $NF}
    END {printf "%.1f %.1f %.1f %d", committed / 1048576, used / 1048576, meta / 1048576, firing}'
}

echo "machine: $(nproc) cores; JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
# As on a fresh installation: the first start creates the database, the second records the AOT cache (a run that
# created the schema does not keep its cache); both short, not measured.
for run in 1 2; do
  launch
  sleep 5
  kill -TERM "$pid"; wait "$pid" || true
done
launch
start=$(date +%s)
cpu_start=$(cpu_seconds "$pid")
samples=()
next=30
while :; do
  push
  elapsed=$(($(date +%s) - start))
  if [ "$elapsed" -ge "$next" ]; then
    rss=$(rss_mib "$pid")
    read -r committed used meta firing <<<"$(jvm_mib)"
    samples+=("$elapsed $rss $committed")
    echo "t=${elapsed}s RSS $rss MiB; heap committed $committed MiB, used $used MiB; metaspace $meta MiB; firing $firing"
    next=$((next + 30))
  fi
  [ "$elapsed" -ge $((minutes * 60)) ] && break
  sleep 5
done
cpu_used=$(echo "$(cpu_seconds "$pid") - $cpu_start" | bc -l)
kill -TERM "$pid"; wait "$pid" || true
echo "CPU: $cpu_used s over $((minutes * 60)) s, $(echo "scale=2; 100 * $cpu_used / ($minutes * 60)" | bc -l) % of one core (the agent, not the pushing script)"
# The issue's figure: RSS at 10 minutes, and whether the 5 minutes before it were flat.
printf '%s\n' "${samples[@]}" | awk '
  $1 <= 600 {at10 = $2}
  $1 > 600 {reached = 1}
  $1 >= 300 && $1 <= 600 {if (min == "" || $2 < min) min = $2; if ($2 > max) max = $2}
  END {if (reached) printf "RSS at 10 min: %s MiB; from 5 to 10 min: min %s, max %s MiB (spread %.1f MiB)\n", at10, min, max, max - min}'
half=$((minutes * 30))
printf '%s\n' "${samples[@]}" | awk -v half="$half" '
  function slope(sxy, sx, sy, sxx, n) { return n > 1 ? (n * sxy - sx * sy) / (n * sxx - sx * sx) : 0 }
  {last = $2}
  $1 >= half {
    if (min == "" || $2 < min) min = $2; if ($2 > max) max = $2
    x = $1 / 60; n++; sx += x; sxx += x * x; sr += $2; sxr += x * $2; sh += $3; sxh += x * $3
  }
  END {
    rs = slope(sxr, sx, sr, sxx, n); hs = slope(sxh, sx, sh, sxx, n)
    printf "RSS at the end: %s MiB; over the last half: min %s, max %s MiB (spread %.1f MiB)\n", last, min, max, max - min
    printf "trend over the last half: RSS %+.2f MiB/min, committed heap %+.2f MiB/min\n", rs, hs
    if (rs < 0.2 && hs < 0.2) print (max - min <= 5 ? "verdict: plateau, flat" : "verdict: plateau (no growth; the spread is the heap being trimmed)")
    else print "verdict: still growing (not a plateau over the last half)"
  }'
