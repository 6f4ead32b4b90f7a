#!/usr/bin/env bash
# Builds the service jar and starts it with bin/airdrops-monitoring: http://localhost:8000/metrics.
# Environment variables (see README) change the defaults; arguments are passed to the agent.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/java-env.sh
mvn -B -q -Dstyle.color=never package -DskipTests
exec bin/airdrops-monitoring "$@"
