#!/usr/bin/env bash
# Sourced by the scripts that start the agent in the background. stop_jobs_and_remove DIR: asks the script's
# background jobs to stop (SIGTERM), waits up to 30 s for each to end, kills what is left, then removes DIR.
# Waiting matters: an agent that is stopping still closes its H2 file (and a JVM recording an AOT cache writes it)
# inside DIR, and a removal racing those writes fails with "Directory not empty".
stop_jobs_and_remove() {
  local dir=$1 pid i
  for pid in $(jobs -p); do
    kill "$pid" 2>/dev/null || continue
    for ((i = 0; i < 300; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$dir"
}
