#!/usr/bin/env bash
# Runs the whole test suite (unit, integration, architecture) with `mvn install`, then builds the README's example
# plugin outside the repository and runs it in the agent (scripts/plugin-from-readme.sh).
# The integration tests use real promtool, Prometheus and Alertmanager binaries, a real PostgreSQL and a real
# headless Chromium: when they are missing and this runs as root on Debian, it installs the 'prometheus',
# 'prometheus-alertmanager', 'chromium', 'chromium-driver' and 'postgresql' packages first.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/java-env.sh

missing=()
command -v promtool >/dev/null 2>&1 && command -v prometheus >/dev/null 2>&1 || missing+=(prometheus)
command -v prometheus-alertmanager >/dev/null 2>&1 || command -v alertmanager >/dev/null 2>&1 || missing+=(prometheus-alertmanager)
# The status page's tests drive a real headless Chromium through its driver.
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's ${missing[*]} (the integration tests run the real promtool, Prometheus, Alertmanager and Chromium)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "error: the tests need promtool, prometheus, alertmanager, chromium and chromedriver: install Debian's ${missing[*]}." >&2
    exit 1
  fi
fi

source scripts/test-postgres.sh

echo "Using JDK at $JAVA_HOME"
# install, not only verify: the README's example plugin is then built outside the repository against the installed
# API and test kit, as a plugin author would, and run in the agent.
mvn -B -Dstyle.color=never install "$@"
scripts/plugin-from-readme.sh
