#!/usr/bin/env bash
# Runs the README's "Monitoring a Python bot" commands (the code block after "<!-- python-bot-commands -->") from the
# repository's root, as a reader would, and checks that what they print is what the README shows (the "# " lines,
# in any order). Needs the agent jar built, Debian's python3 with python3-build, python3-hatchling and python3-venv,
# curl, and the ports 8000 and 9099 free. About 90 s.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh >/dev/null
export PATH="$JAVA_HOME/bin:/usr/bin:$PATH"  # java is the selected JDK, python3 Debian's
block=$(awk '/^<!-- python-bot-commands -->$/ {want = 1; next} want && /^```/ {if (open) exit; open = 1; next} open {print}' README.md)
[ -n "$block" ] || { echo "python-bot-from-readme: no python-bot-commands block in README.md" >&2; exit 1; }
expected=$(printf '%s\n' "$block" | sed -n 's/^# //p' | sort)
rm -rf /tmp/pybot
out=$(mktemp)
echo "python-bot-from-readme: running the README's commands (about 90 s)"
# In a process group of its own, so that whatever the commands left running (the agent, the receiver, the bot) is
# stopped with them, however they end.
setsid bash -euo pipefail -c "$block
kill \$(jobs -p) 2>/dev/null || true" > "$out" &
group=$!
trap 'kill -- -$group 2>/dev/null || true' EXIT
for ((i = 0; i < 300 && $(kill -0 "$group" 2>/dev/null && echo 1 || echo 0); i++)); do sleep 1; done
if kill -0 "$group" 2>/dev/null || ! wait "$group"; then
  echo "python-bot-from-readme: the commands failed or hung" >&2
  tail -20 /tmp/pybot/agent.log >&2
  exit 1
fi
actual=$(sort "$out")
if [ "$actual" != "$expected" ]; then
  echo "python-bot-from-readme: the commands printed what the README does not show" >&2
  diff <(printf '%s\n' "$expected") <(printf '%s\n' "$actual") >&2 || true
  tail -20 /tmp/pybot/agent.log >&2
  exit 1
fi
echo "python-bot-from-readme: ok: metrics, the critical page and component_down for each component, nothing resolved"
