#!/usr/bin/env bash
# The status page's first render with data, over several runs of the browser test (about 25 s a run):
# StatusPageBrowserTest starts the packaged jar with a polled component, a firing alert and a dead letter, opens the
# page in a headless Chromium and writes the page's own figure (navigation start -> first frame painted with the host,
# components and alerts) for a first load, a reload and a second browser to acceptance/target/screenshots/.
# This prints each run's three figures and their medians.
# With --busy it runs the busy-agent test instead (61 pushed components, 300 firing alerts): RUNS first loads, each
# from a new browser, and their median.
# Needs: `mvn install` done once (the jar and the acceptance tests built), Debian's chromium and chromium-driver.
# Usage: scripts/first-render.sh [RUNS]           (default 10)
#        scripts/first-render.sh --busy [RUNS]    (default 12)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh >/dev/null
busy=false
if [ "${1:-}" = --busy ]; then busy=true; shift; fi
runs=${1:-$($busy && echo 12 || echo 10)}
[ -f bootstrap/target/airdrops-monitoring.jar ] || { echo "error: build first (mvn -DskipTests install)" >&2; exit 1; }
[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] \
  || { echo "error: install Debian's chromium and chromium-driver" >&2; exit 1; }
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
sorted() { printf '%s\n' "$@" | sort -n | paste -sd, - | sed 's/,/, /g'; }
if $busy; then
  out=acceptance/target/screenshots/first-render-busy.txt
  rm -f "$out"
  if ! (cd acceptance && mvn -B -q surefire:test -Dtest='StatusPageBrowserTest#aBusyAgent*' \
      -Dfirst-render.busy-runs="$runs" -Dsurefire.failIfNoSpecifiedTests=false >"$PWD/target/first-render-run.log" 2>&1); then
    echo "error: the busy run failed; see acceptance/target/first-render-run.log" >&2
    exit 1
  fi
  read -ra busy_runs <<<"$(sed -n 's/^first render with data, .*: \(.*\) ms$/\1/p' "$out" | tr -d ,)"
  echo "busy agent, first loads: $(sorted "${busy_runs[@]}") ms; median $(median "${busy_runs[@]}") ms"
  echo "(target: under 500 ms; $(chromium --version 2>/dev/null | head -1), $(nproc) cores)"
  exit 0
fi
out=acceptance/target/screenshots/first-render.txt
first=() reload=() other=()
for i in $(seq 1 "$runs"); do
  rm -f "$out"
  if ! (cd acceptance && mvn -B -q surefire:test -Dtest='StatusPageBrowserTest#thePageShows*' \
      -Dsurefire.failIfNoSpecifiedTests=false >"$PWD/target/first-render-run.log" 2>&1); then
    echo "error: run $i failed; see acceptance/target/first-render-run.log" >&2
    exit 1
  fi
  f=$(sed -n 's/^first render with data: \([0-9]*\) ms after navigation.*/\1/p' "$out")
  r=$(sed -n 's/^first render with data: [0-9]* ms after navigation[^,]*, \([0-9]*\) ms (reload).*/\1/p' "$out")
  o=$(sed -n 's/^first render with data: \([0-9]*\) ms (a new browser.*/\1/p' "$out")
  first+=("$f") reload+=("$r") other+=("$o")
  echo "run $i: first load $f ms, reload $r ms, second browser $o ms"
done
echo "first load:     $(sorted "${first[@]}") ms; median $(median "${first[@]}") ms"
echo "reload:         $(sorted "${reload[@]}") ms; median $(median "${reload[@]}") ms"
echo "second browser: $(sorted "${other[@]}") ms; median $(median "${other[@]}") ms"
echo "(target: under 500 ms; $(chromium --version 2>/dev/null | head -1), $(nproc) cores)"
