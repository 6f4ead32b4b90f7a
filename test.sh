#!/usr/bin/env bash
# Runs the whole test suite (unit, integration, architecture) with `mvn verify`.
# The integration tests use real promtool and Prometheus binaries and a real PostgreSQL: when they are missing and
# this runs as root on Debian, it installs the 'prometheus' and 'postgresql' packages first.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/java-env.sh

if ! command -v promtool >/dev/null 2>&1 || ! command -v prometheus >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's prometheus package (promtool and prometheus are needed by the integration tests)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
  else
    echo "error: the tests need 'promtool' and 'prometheus' on PATH: install Debian's 'prometheus' package." >&2
    exit 1
  fi
fi

source scripts/test-postgres.sh

echo "Using JDK at $JAVA_HOME"
mvn -B -Dstyle.color=never verify "$@"
