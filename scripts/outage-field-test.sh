#!/usr/bin/env bash
# The long versions of the outage tests, against the packaged jar copied to a folder of its own and started from
# another, as an operator runs it. Each scenario prints what the webhook got and what readiness said, then the log's
# warnings; the short versions run in the test suite (FrozenDatabaseEndToEndTest, H2FileAlertRepositoryTest,
# the outbox and history contracts, JavalinHttpServerTest).
#   full-disk   H2 on a 24 MB tmpfs, filled while a disk rule watches it (needs root for the mount): the FIRING
#               reaches the webhook while the disk is full; after the space returns the agent is UP and leading,
#               the history holds each transition once and the webhook got each once (~45 s)
#   frozen-pg   PostgreSQL behind a proxy that stops forwarding for 18 s (needs a local PostgreSQL reachable as the
#               postgres user, as scripts/test-postgres.sh sets up): FIRING during the freeze, once, and one history
#               row after (~50 s)
#   answers     under the launcher's heap (-Xmx96m, exit on OOM): 10,000 history rows of 4 KB and 1,000 silences of
#               4 KB, four concurrent readers of every list endpoint, three rounds: every answer, cut ones say so,
#               and the agent is still alive (~10 min)
#   lists       under the launcher's heap: 1,000 firing alerts with 4 KB descriptions (1,000 protocol keys, the most a
#               push takes) and 1,000 dead letters (a receiver that refuses; copied in the database to 1,000): every
#               list endpoint and the status page's reads answer, cut ones say so, the agent stays up (~3 min)
#   growth      50 rules flapping every 2 s for 5 minutes (each transition notified to a webhook), with a SIGKILL and
#               restart every 25 s (10 in all): the H2 file's largest size against its compacted size at the end, and whether
#               every notified transition is in the history (~6 min; COMPACT_ABOVE_MB=1 for the smallest floor)
# Usage: scripts/outage-field-test.sh full-disk|frozen-pg|answers|lists|growth      (build first: mvn -DskipTests install)
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh >/dev/null
JAR=${JAR:-$PWD/bootstrap/target/airdrops-monitoring.jar}
[ -f "$JAR" ] || { echo "error: build first (mvn -DskipTests install)" >&2; exit 1; }
scenario=${1:-}
B=$(mktemp -d /tmp/outage-XXXXXX)
mkdir -p "$B/app" "$B/run" "$B/home/config" "$B/disk"
cp "$JAR" "$B/app/agent.jar"
PORT=18140 HOOK=18141
export MONITORING_HOME=$B/home MONITORING_API_TOKEN=t METRICS_HTTP_PORT=$PORT METRICS_HTTP_HOST=127.0.0.1 \
  METRICS_COLLECTION_INTERVAL=1 ALERT_EVALUATION_INTERVAL=1

receiver() { # a webhook receiver writing each body to $B/hooks.jsonl
  python3 - "$B/hooks.jsonl" "$HOOK" <<'PY' &
import http.server, sys
out, port = sys.argv[1], int(sys.argv[2])
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get('Content-Length', 0)))
        open(out, 'ab').write(body + b'\n'); self.send_response(200); self.end_headers()
    def log_message(self, *a): pass
http.server.HTTPServer(('127.0.0.1', port), H).serve_forever()
PY
  RECEIVER=$!
}
received() { python3 - "$B/hooks.jsonl" <<'PY'
import json, sys
try:
    for line in open(sys.argv[1]):
        if line.strip():
            for a in json.loads(line).get('alerts', []):
                print('    ', a.get('status'), a.get('labels', {}).get('alertname'), a.get('fingerprint', '')[:16])
except FileNotFoundError:
    print('     (nothing)')
PY
}
start() { (cd "$B/run" && exec java $HEAP -jar "$B/app/agent.jar" > "$B/agent.log" 2>&1) & AGENT=$!
  for _ in $(seq 1 60); do curl -sf "localhost:$PORT/health/live" >/dev/null && return; sleep 0.5; done; }
ready() { curl -s "localhost:$PORT/health/ready" | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["status"], "|", "; ".join(c["name"] + " " + c["status"] + ": " + c.get("detail", c.get("reason", ""))[:120] for c in r["checks"]))'; }
history() { curl -s -H 'Authorization: Bearer t' "localhost:$PORT/api/v1/alerts/history?hours=1" | grep -o '"status":"[a-z]*"' | tr '\n' ' '; echo; }
finish() { kill "$AGENT" 2>/dev/null; wait "$AGENT" 2>/dev/null; [ -n "${RECEIVER:-}" ] && kill "$RECEIVER" 2>/dev/null
  echo " log (warnings and errors):"; grep -E " (WARN|ERROR) " "$B/agent.log" | sed 's/^[^ ]* //' | cut -c1-200 | head -12; }
readers() { # four concurrent readers of each path, three rounds: the first round's answers, then whether it lived
  for round in 1 2 3; do
    for path in "$@"; do
      pids=""
      for n in 1 2 3 4; do
        curl -s -m 60 -o /dev/null -D "$B/h.$n" -w '%{http_code} %{size_download} bytes %{time_total} s' "localhost:$PORT$path" > "$B/r.$n" & pids="$pids $!"
      done
      wait $pids
      [ $round = 1 ] && echo " $path: $(cat "$B/r.1")$(grep -qi '^x-truncated: true' "$B/h.1" && echo ', cut')"
    done
  done
  echo " agent alive after 3 rounds: $(kill -0 "$AGENT" 2>/dev/null && echo yes || echo NO), resident $(ps -o rss= -p "$AGENT") KiB"
}
HEAP=""

case "$scenario" in
full-disk)
  mount -t tmpfs -o size=24m tmpfs "$B/disk" || { echo "error: mounting a tmpfs needs root" >&2; exit 1; }
  receiver
  printf 'components: []\n' > "$B/home/config/components.yaml"
  printf 'rules:\n  - { name: disk_full, metric_name: system_disk_usage_percent, condition: gt, threshold: 90, severity: critical, for_duration: 0 }\n' > "$B/home/config/alert_rules.yaml"
  printf 'channels:\n  - { name: hook, type: webhook, config: { url: "http://127.0.0.1:%s/hook" } }\npolicy: { repeat_interval_seconds: 3600 }\n' $HOOK > "$B/home/config/notifications.yaml"
  export MONITORING_DB_URL=jdbc:h2:file:$B/disk/db METRICS_DISK_PATH=$B/disk
  start; sleep 2
  dd if=/dev/zero of="$B/disk/fill" bs=1M count=64 2>/dev/null; echo "disk filled at $(date +%T)"; sleep 15
  echo " ready while full: $(ready)"; echo " webhook while full:"; received
  rm -f "$B/disk/fill"; echo "space returned at $(date +%T)"; sleep 30
  echo " ready after: $(ready)"; echo " webhook after:"; received; echo " history: $(history)"
  finish; umount "$B/disk" ;;
frozen-pg)
  receiver
  su postgres -c "psql -q -d monitoring_test -c 'DROP SCHEMA IF EXISTS outage CASCADE; CREATE SCHEMA outage AUTHORIZATION monitoring'" 2>/dev/null
  python3 - 15433 "$B/frozen" <<'PY' &
import socket, threading, os, time, sys
port, flag = int(sys.argv[1]), sys.argv[2]
def pump(a, b):
    try:
        while True:
            d = a.recv(16384)
            if not d: break
            while os.path.exists(flag): time.sleep(0.1)
            b.sendall(d)
    except OSError: pass
    finally:
        for s in (a, b):
            try: s.close()
            except OSError: pass
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('127.0.0.1', port)); s.listen(50)
while True:
    c, _ = s.accept()
    def conn(c=c):
        while os.path.exists(flag): time.sleep(0.1)
        u = socket.create_connection(('127.0.0.1', 5432))
        threading.Thread(target=pump, args=(c, u), daemon=True).start(); pump(u, c)
    threading.Thread(target=conn, daemon=True).start()
PY
  PROXY=$!
  printf 'components:\n  - { name: scheduler, type: scheduler, source: push, stale_after_seconds: 600 }\n' > "$B/home/config/components.yaml"
  printf 'rules:\n  - { name: sched_down, metric_name: scheduler_running, condition: eq, threshold: 0, severity: high, for_duration: 0 }\n' > "$B/home/config/alert_rules.yaml"
  printf 'channels:\n  - { name: hook, type: webhook, config: { url: "http://127.0.0.1:%s/hook" } }\n' $HOOK > "$B/home/config/notifications.yaml"
  export MONITORING_DB_TIMEOUT_SECONDS=1
  export MONITORING_DB_URL='jdbc:postgresql://127.0.0.1:15433/monitoring_test?user=monitoring&password=monitoring&currentSchema=outage'
  start
  curl -s -X POST -H 'Authorization: Bearer t' -d '{"running": true}' "localhost:$PORT/api/v1/components/scheduler" >/dev/null; sleep 2
  touch "$B/frozen"; echo "frozen at $(date +%T)"
  curl -s -X POST -H 'Authorization: Bearer t' -d '{"running": false}' "localhost:$PORT/api/v1/components/scheduler" >/dev/null
  for i in 1 2 3; do sleep 6; echo " t+$((i * 6)) s: $(grep -c firing "$B/hooks.jsonl" 2>/dev/null || echo 0) FIRING received"; done
  echo " ready while frozen: $(ready)"
  rm -f "$B/frozen"; echo "thawed at $(date +%T)"; sleep 20
  echo " ready after: $(ready)"; echo " webhook after:"; received; echo " history: $(history)"
  kill $PROXY; finish ;;
answers)
  HEAP="-XX:+UseSerialGC -Xms16m -Xmx96m -Xss512k -XX:+ExitOnOutOfMemoryError"
  printf 'rules:\n  - { name: cpu_high, metric_name: system_cpu_usage_percent, condition: gt, threshold: 1000, severity: low }\n' > "$B/home/config/alert_rules.yaml"
  start; kill "$AGENT"; wait "$AGENT" 2>/dev/null
  H2=$(ls ~/.m2/repository/com/h2database/h2/2.5.252/h2-2.5.252.jar)
  DB=$(ls "$B"/home/data/*.mv.db | sed 's/.mv.db$//'); NOW=$(date +%s)000
  java -cp "$H2" org.h2.tools.Shell -url "jdbc:h2:file:$DB" -sql "INSERT INTO alert_history (fingerprint, rule_name, metric_name, labels, severity, status, current_value, threshold, description, occurred_at, firing_since, instance, summary) SELECT RPAD('f', 64, 'f'), 'cpu_high', 'system_cpu_usage_percent', '{}', 'LOW', 'FIRING', 5, 1, REPEAT('d', 4000), $NOW - X * 1000, $NOW - X * 1000, (SELECT MAX(instance) FROM agent_lease), '' FROM SYSTEM_RANGE(1, 10000)" >/dev/null
  start
  M=$(python3 -c "print('x' * 1020)"); C=$(python3 -c "print('c' * 990)")
  for _ in $(seq 1 1000); do
    curl -s -o /dev/null -w '%{http_code}\n' -X POST -H 'Authorization: Bearer t' -H 'Content-Type: application/json' \
      -d "{\"matchers\": {\"l1\": \"$M\", \"l2\": \"$M\", \"l3\": \"$M\", \"l4\": \"x\"}, \"duration\": \"1h\", \"created_by\": \"ops\", \"comment\": \"$C\"}" \
      "localhost:$PORT/api/v1/silences"
  done | sort | uniq -c | sed 's/^ */ silences created: /'
  readers "/api/v1/alerts/history?hours=24" "/api/v1/alerts/history?hours=24&limit=10000" "/api/v1/silences" \
    "/api/v1/notifications/dead" "/api/v1/alerts" "/api/v1/alerts/quarantine" "/api/v1/aggregates?name=system_&limit=10000" "/"
  finish ;;
lists)
  HEAP="-XX:+UseSerialGC -Xms16m -Xmx96m -Xss512k -XX:+ExitOnOutOfMemoryError"
  python3 - 18142 <<'PY' &
import http.server, sys
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get('Content-Length', 0))); self.send_response(400); self.end_headers()
    def log_message(self, *a): pass
http.server.HTTPServer(('127.0.0.1', int(sys.argv[1])), H).serve_forever()
PY
  REFUSER=$!
  D=$(python3 -c "print('d' * 4000)")
  printf 'components:\n  - { name: capital, type: capital_allocator, source: push, stale_after_seconds: 3600 }\n' > "$B/home/config/components.yaml"
  printf 'rules:\n  - { name: allocated, metric_name: protocol_allocation_percent, condition: gte, threshold: 0, severity: high, for_duration: 0, description: "{{ $labels.protocol }} %s" }\n' "$D" > "$B/home/config/alert_rules.yaml"
  printf 'channels:\n  - { name: hook, type: webhook, config: { url: "http://127.0.0.1:18142/hook" } }\n' > "$B/home/config/notifications.yaml"
  start  # first one alert, whose notification the receiver refuses: a dead letter of one 4 KB alert, copied below
  curl -s -o /dev/null -X POST -H 'Authorization: Bearer t' -d '{"protocol_allocations": {"first": 0.1}}' "localhost:$PORT/api/v1/components/capital"
  python3 -c "import json; print(json.dumps({'protocol_allocations': {'protocol%04d' % i: 0.1 for i in range(1000)}}))" > "$B/push.json"
  for _ in $(seq 1 60); do [ "$(curl -s -H 'Authorization: Bearer t' "localhost:$PORT/api/v1/notifications/dead?limit=1" | grep -c event_id)" -gt 0 ] && break; sleep 1; done
  kill "$AGENT"; wait "$AGENT" 2>/dev/null
  H2=$(ls ~/.m2/repository/com/h2database/h2/2.5.252/h2-2.5.252.jar)
  DB=$(ls "$B"/home/data/*.mv.db | sed 's/.mv.db$//')
  java -cp "$H2" org.h2.tools.Shell -url "jdbc:h2:file:$DB" -sql "INSERT INTO notification_log (event_id, channel, payload, folded_messages, status, attempts, last_error, next_attempt_at, created_at, updated_at, instance, claimed_until) SELECT RANDOM_UUID(), channel, payload, folded_messages, status, attempts, last_error, next_attempt_at, created_at + X, updated_at + X, instance, claimed_until FROM notification_log CROSS JOIN SYSTEM_RANGE(1, 1000) WHERE status = 'DEAD' AND id = (SELECT MIN(id) FROM notification_log WHERE status = 'DEAD') LIMIT (1000 - (SELECT COUNT(*) FROM notification_log WHERE status = 'DEAD'))" >/dev/null
  echo " dead letters in the database: $(java -cp "$H2" org.h2.tools.Shell -url "jdbc:h2:file:$DB" -sql "SELECT COUNT(*) FROM notification_log WHERE status = 'DEAD'" | sed -n 2p)"
  start
  curl -s -o /dev/null -w ' push of 1,000 keys: %{http_code}\n' -X POST -H 'Authorization: Bearer t' --data-binary @"$B/push.json" "localhost:$PORT/api/v1/components/capital"
  firing() { curl -s "localhost:$PORT/metrics" | sed -n 's/^monitoring_alerts{severity="high",state="firing"} \([0-9]*\).*/\1/p'; }
  for _ in $(seq 1 60); do [ "$(firing)" -ge 1000 ] 2>/dev/null && break; sleep 1; done
  readers "/api/v1/alerts" "/api/v1/alerts?limit=10000" "/api/v1/notifications/dead?limit=1000" \
    "/api/v1/alerts/history?hours=24" "/api/v1/alerts/quarantine" "/api/v1/metrics/latest" "/"
  echo " firing alerts: $(firing)"
  kill $REFUSER; finish ;;
growth)
  receiver
  printf 'components:\n  - { name: scheduler, type: scheduler, source: push, stale_after_seconds: 600 }\n' > "$B/home/config/components.yaml"
  { echo 'rules:'; for i in $(seq 1 50); do echo "  - { name: flap_$i, metric_name: scheduler_running, condition: eq, threshold: 0, severity: high, for_duration: 0 }"; done; } > "$B/home/config/alert_rules.yaml"
  printf 'channels:\n  - { name: hook, type: webhook, config: { url: "http://127.0.0.1:%s/hook" } }\n' $HOOK > "$B/home/config/notifications.yaml"
  export MONITORING_DB_URL=jdbc:h2:file:$B/home/data/db MONITORING_DB_COMPACT_ABOVE_MB=${COMPACT_ABOVE_MB:-16}
  start; end=$(( $(date +%s) + 300 )); next_kill=$(( $(date +%s) + 25 )); largest=0; kills=0; running=true
  while [ "$(date +%s)" -lt $end ]; do
    running=$([ $running = true ] && echo false || echo true)
    curl -s -m 2 -X POST -H 'Authorization: Bearer t' -d "{\"running\": $running}" "localhost:$PORT/api/v1/components/scheduler" >/dev/null
    size=$(stat -c %s "$B/home/data/db.mv.db" 2>/dev/null || echo 0); [ "$size" -gt "$largest" ] && largest=$size
    if [ "$(date +%s)" -ge $next_kill ] && [ $kills -lt 10 ]; then
      kill -9 "$AGENT"; wait "$AGENT" 2>/dev/null; kills=$((kills + 1)); start; next_kill=$(( $(date +%s) + 25 ))
    fi
    sleep 2
  done
  curl -s -X POST -H 'Authorization: Bearer t' -d '{"running": true}' "localhost:$PORT/api/v1/components/scheduler" >/dev/null; sleep 8
  notified=$(python3 -c "
import json, sys
seen = set()
for l in open(sys.argv[1]):
    if l.strip():
        for a in json.loads(l)['alerts']:
            seen.add((a['labels']['alertname'], a['status'], a['startsAt'] if a['status'] == 'firing' else a['endsAt']))
print(len(seen))" "$B/hooks.jsonl")
  echo " $kills SIGKILLs; compactions logged in the last run: $(grep -c 'Compacted the database file' "$B/agent.log")"
  kill "$AGENT"; wait "$AGENT" 2>/dev/null; compacted=$(stat -c %s "$B/home/data/db.mv.db")
  H2=$(ls ~/.m2/repository/com/h2database/h2/2.5.252/h2-2.5.252.jar)
  rows=$(java -cp "$H2" org.h2.tools.Shell -url "jdbc:h2:file:$B/home/data/db" -sql "SELECT COUNT(*) FROM alert_history WHERE status <> 'PENDING'" | sed -n 2p)
  echo " H2 file: largest $largest bytes, compacted at the end $compacted bytes: ratio $(python3 -c "print(round($largest / $compacted, 1))")"
  echo " firing/resolved rows in the history: $rows; distinct transitions notified to the webhook: $notified"
  RECEIVER_ONLY=1; kill "$RECEIVER" 2>/dev/null; grep -E " (WARN|ERROR) " "$B/agent.log" | sed 's/^[^ ]* //' | cut -c1-200 | sort | uniq -c | head -12 ;;
*) echo "usage: $0 full-disk|frozen-pg|answers|lists|growth" >&2; exit 2 ;;
esac
