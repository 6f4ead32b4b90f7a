#!/usr/bin/env bash
# Start-up and footprint benchmark, side by side in one run (about 6 minutes):
#   launch -> first /metrics 200 (median of RUNS, polled every 5 ms without starting a process) for the launcher (tuned
#   profile + AOT cache), plain `java -jar` and node_exporter; resident memory (VmRSS) and classes loaded after 20 s of
#   1 s collection for each; scrape throughput with `wrk -t2 -c16 -d10s` (after 5 s of warm-up) against both agents (the
#   launcher's and plain) and node_exporter, then against the agents again with 5,000 more series (ten pushed
#   components of 500 gauges each; also with 4 connections); last, the launcher's start polled as before 2026-12-06
#   (a curl every 5 ms).
# Needs: a built jar (mvn package), curl, wrk and prometheus-node-exporter (Debian packages).
# Usage: scripts/startup-footprint.sh [RUNS]      (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh >/dev/null
runs=${1:-5}
jar=$PWD/bootstrap/target/airdrops-monitoring.jar
[ -f "$jar" ] || { echo "error: build the jar first (mvn -DskipTests package)" >&2; exit 1; }
for tool in curl wrk prometheus-node-exporter; do
  command -v "$tool" >/dev/null || { echo "error: $tool is missing (apt-get install wrk prometheus-node-exporter)" >&2; exit 1; }
done
work=$(mktemp -d)
source scripts/stop-jobs.sh
trap 'stop_jobs_and_remove "$work"' EXIT
port=18431

# start VARIANT: runs it in the background on $port; sets pid.
start() {
  local home="$work/home-$1"
  mkdir -p "$home/config"
  {
    echo "components:"
    for c in 0 1 2 3 4 5 6 7 8 9; do echo "  - { name: bulk$c, type: generic, source: push, stale_after_seconds: 3600 }"; done
  } >"$home/config/components.yaml"
  case $1 in
    launcher)
      env -i PATH="$PATH" HOME="$work" JAVA_HOME="$JAVA_HOME" MONITORING_HOME="$home" MONITORING_AOT_CACHE_DIR="$work/aot" \
        METRICS_HTTP_HOST=127.0.0.1 METRICS_HTTP_PORT=$port METRICS_COLLECTION_INTERVAL=1 MONITORING_INSTANCE=bench MONITORING_API_TOKEN=bench \
        bin/airdrops-monitoring >"$home/log" 2>&1 & ;;
    plain)
      env -i PATH="$PATH" HOME="$work" MONITORING_HOME="$home" \
        METRICS_HTTP_HOST=127.0.0.1 METRICS_HTTP_PORT=$port METRICS_COLLECTION_INTERVAL=1 MONITORING_INSTANCE=bench MONITORING_API_TOKEN=bench \
        "$JAVA_HOME/bin/java" -jar "$jar" >"$home/log" 2>&1 & ;;
    node_exporter)
      prometheus-node-exporter --web.listen-address=127.0.0.1:$port >"$home/log" 2>&1 & ;;
  esac
  pid=$!
}

# answers_200: whether one GET /metrics answers 200, asked through bash's own /dev/tcp: polling starts no process.
answers_200() {
  local status=""
  # (stderr first: bash reports a refused connection on it)
  { printf 'GET /metrics HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3 && read -r -t 5 _ status _ <&3; } \
    2>/dev/null 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  [ "$status" = 200 ]
}
mkfifo "$work/nap"
exec {nap}<>"$work/nap" # read -t on a pipe nobody writes: a 5 ms wait without starting sleep

# first_scrape VARIANT [curl]: sets elapsed to the seconds from launch to the first 200 of /metrics (and pid), polling
# every 5 ms without starting a process; with curl, by starting curl every 5 ms as this script did until 2026-12-06:
# on two cores those curls took most of one from the JVM being timed (BENCHMARKS.md, "Footprint, fifth step").
first_scrape() {
  local t0 t1
  t0=$EPOCHREALTIME
  start "$1"
  if [ "${2:-}" = curl ]; then
    until curl -sf -o /dev/null "http://127.0.0.1:$port/metrics"; do sleep 0.005; done
  else
    until answers_200; do read -r -t 0.005 -u "$nap" _ || true; done
  fi
  t1=$EPOCHREALTIME
  elapsed=$(echo "$t1 - $t0" | bc -l)
}

stop() {
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

rss_mib() { awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
# As on a fresh installation: the launcher's first run creates the database and the second records the AOT cache
# (written when it stops; a run that created the schema does not keep its cache). Training runs, not measured.
for training in 1 2; do
  start launcher
  until curl -sf -o /dev/null "http://127.0.0.1:$port/metrics"; do sleep 0.05; done
  sleep 5
  curl -sf -o /dev/null "http://127.0.0.1:$port/metrics"
  stop
done
echo "AOT cache: $(ls -s --block-size=M "$work"/aot/*.aot 2>/dev/null | awk '{print $1}')"

# push_bulk: ten components of 500 gauges each, and waits until /metrics carries them.
push_bulk() {
  local body c
  body=$(awk 'BEGIN {printf "{\"metrics\": {"; for (i = 0; i < 500; i++) printf "%s\"g%d\": %d", (i ? ", " : ""), i, i; printf "}}"}')
  for c in 0 1 2 3 4 5 6 7 8 9; do
    curl -sf -o /dev/null -H "Authorization: Bearer bench" -H "Content-Type: application/json" -d "$body" \
      "http://127.0.0.1:$port/api/v1/components/bulk$c"
  done
  until [ "$(curl -sf "http://127.0.0.1:$port/metrics" | grep -c '^g[0-9]')" -ge 5000 ]; do sleep 0.2; done
}

# metric NAME: the agent's own figure NAME from /metrics ("-" for node_exporter, which has none of these).
metric() { curl -sf "http://127.0.0.1:$port/metrics" | awk -v name="$1" '$1 == name {v = $2} END {print (v == "" ? "-" : v)}'; }

# wrk_line [CONNECTIONS]: "req/s p99 bytes-per-scrape" with 16 connections (or CONNECTIONS), the last being what the JVM
# allocated per request over the measured run (jvm_gc_memory_allocated_bytes_total, counted at each young collection:
# the whole process, Jetty included).
wrk_line() {
  local result before after requests connections=${1:-16}
  wrk -t2 -c"$connections" -d5s "http://127.0.0.1:$port/metrics" >/dev/null 2>&1 # warm-up (the JIT), not measured
  before=$(metric jvm_gc_memory_allocated_bytes_total)
  result=$(wrk -t2 -c"$connections" -d10s --latency "http://127.0.0.1:$port/metrics" 2>&1)
  sleep 1.5 # the JVM's figures are read at each collection (every second)
  after=$(metric jvm_gc_memory_allocated_bytes_total)
  requests=$(awk '/requests in/ {print $1}' <<<"$result")
  printf '%s %s %s' "$(awk '/Requests\/sec/ {print $2}' <<<"$result")" "$(awk '$1 == "99%" {print $2}' <<<"$result")" \
    "$(awk -v a="$after" -v b="$before" -v n="$requests" 'BEGIN {if (b == "-") print "-"; else printf "%.0f", (a - b) / n}')B"
}

printf '%-14s %-32s %10s %13s %8s %26s %28s %28s\n' variant "launch->first /metrics (s)" "median (s)" "RSS 20s (MiB)" \
  classes "req/s, p99, alloc/scrape" "5,000 more: req/s, p99, alloc" "the same, 4 connections"
for variant in launcher plain node_exporter; do
  times=()
  for ((i = 1; i <= runs; i++)); do
    first_scrape "$variant"
    times+=("$elapsed")
    if [ "$i" -lt "$runs" ]; then stop; fi
  done
  sleep 20
  rss=$(rss_mib "$pid")
  classes=$(metric jvm_classes_loaded_classes)
  small=$(wrk_line)
  samples=$(curl -sf "http://127.0.0.1:$port/metrics" | grep -vc '^#')
  bulk="-"
  bulk_c4="-"
  if [ "$variant" != node_exporter ]; then
    push_bulk
    bulk=$(wrk_line)
    # wrk sends as fast as it can, so with 16 connections on two cores the p99 is mostly time in the queue; also
    # measured with 4 connections (and the rate they reach).
    bulk_c4=$(wrk_line 4)
  fi
  stop
  printf '%-14s %-32s %10s %13s %8s %26s %28s %28s   (%s samples before)\n' "$variant" \
    "$(printf '%.3f ' "${times[@]}")" "$(printf '%s\n' "${times[@]}" | median | xargs printf '%.3f')" "$rss" \
    "${classes%.0}" "$small" "$bulk" "$bulk_c4" "$samples"
done
# The launcher's start as this script timed it until 2026-12-06 (a curl every 5 ms), for comparison with older figures.
times=()
for ((i = 1; i <= runs; i++)); do
  first_scrape launcher curl
  times+=("$elapsed")
  stop
done
printf '%-14s %-32s %10s   (polled by starting curl every 5 ms)\n' launcher "$(printf '%.3f ' "${times[@]}")" \
  "$(printf '%s\n' "${times[@]}" | median | xargs printf '%.3f')"
