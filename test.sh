#!/usr/bin/env bash
# Runs the whole test suite (unit, integration, architecture) with `mvn install`, then builds the README's example
# plugin outside the repository and runs it in the agent (scripts/plugin-from-readme.sh), then the Python client's
# checks: mypy, its wheel in a fresh venv, its pytest suite against the jar, and the README's Python bot commands
# (scripts/python-client-tests.sh, which installs Debian's python3-pytest, -mypy, -venv, -hatchling, -build and
# -jsonschema, and npm's standardwebhooks, when missing).
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
source scripts/debian-packages.sh
debian_install "the integration tests run the real promtool, Prometheus, Alertmanager and Chromium" ${missing[@]+"${missing[@]}"}

source scripts/test-postgres.sh

echo "Using JDK at $JAVA_HOME"
# install, not only verify: the README's example plugin is then built outside the repository against the installed
# API and test kit, as a plugin author would, and run in the agent.
mvn -B -Dstyle.color=never install "$@"
scripts/plugin-from-readme.sh
scripts/python-client-tests.sh
