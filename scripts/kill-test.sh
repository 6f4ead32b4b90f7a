#!/usr/bin/env bash
# The long SIGKILL test: 100 kills of the real agent at random moments while an alert flips, on the default H2 file,
# then the checks of KillLoopEndToEndTest (no committed transition lost, nothing announced FIRING twice, every start
# succeeds). ./test.sh runs the same test with 10 kills. Usage: scripts/kill-test.sh [rounds] (about 6 s a round).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh
rounds="${1:-100}"
mvn -B -q -Dstyle.color=never install -DskipTests -Dspotless.check.skip=true
mvn -B -Dstyle.color=never verify -Dspotless.check.skip=true -pl bootstrap -Dtest=KillLoopEndToEndTest \
  -Dsurefire.failIfNoSpecifiedTests=false -Dchaos.kill.rounds="$rounds" -Dchaos.dump="${CHAOS_DUMP:-target/kill-test}"
