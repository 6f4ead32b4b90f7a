#!/usr/bin/env bash
# The Python client's checks, as ./test.sh runs them after the jar is built: mypy --strict on the package, a wheel
# and an sdist built with Debian's python3-build and hatchling (no package index here), the wheel installed in a fresh
# venv with nothing else, the pytest suite against the real agent jar (npm's standardwebhooks verifies the agent's
# webhooks), and the README's "Monitoring a Python bot" commands (scripts/python-bot-from-readme.sh).
# Uses Debian's /usr/bin/python3; installs python3-pytest, python3-mypy, python3-venv, python3-hatchling,
# python3-build and python3-jsonschema (tests only) when missing and run as root.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh >/dev/null
PY=/usr/bin/python3
client=clients/python

missing=()
for module in pytest:python3-pytest mypy:python3-mypy hatchling:python3-hatchling build:python3-build \
  jsonschema:python3-jsonschema ensurepip:python3-venv; do
  "$PY" -c "import ${module%%:*}" 2>/dev/null || missing+=("${module##*:}")
done
source scripts/debian-packages.sh
debian_install "the Python client's checks need them" ${missing[@]+"${missing[@]}"}
if [ ! -d "$client/.node/node_modules/standardwebhooks" ]; then
  command -v npm >/dev/null || { echo "error: the webhook test needs node and npm" >&2; exit 1; }
  echo "python-client: installing npm's standardwebhooks into $client/.node"
  mkdir -p "$client/.node"
  (cd "$client/.node" && npm install --no-audit --no-fund --silent standardwebhooks@1.3.0 >/dev/null)
fi

echo "python-client: mypy --strict"
"$PY" -m mypy --strict "$client/src"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "python-client: building the wheel and the sdist"
"$PY" -m build --no-isolation --skip-dependency-check --outdir "$work/dist" "$client" >"$work/build.log" 2>&1 \
  || { cat "$work/build.log" >&2; exit 1; }
"$PY" -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --no-index "$work"/dist/airdrops_monitoring_client-*.whl
installed=$("$work/venv/bin/pip" list --format=freeze | grep -v -E '^(pip|setuptools)==' | tr '\n' ' ')
[ "$installed" = "airdrops-monitoring-client==0.1.0 " ] \
  || { echo "python-client: the fresh venv holds more than the client: $installed" >&2; exit 1; }
"$work/venv/bin/python" -c 'from airdrops_monitoring import Reporter, verify_webhook; print("python-client: the wheel installs alone and imports")'

echo "python-client: pytest against $PWD/bootstrap/target/airdrops-monitoring.jar"
PYTHONPATH="$client/src" AIRDROPS_AGENT_JAR="$PWD/bootstrap/target/airdrops-monitoring.jar" \
  "$PY" -m pytest -q -p no:cacheprovider "$client/tests"

scripts/python-bot-from-readme.sh
