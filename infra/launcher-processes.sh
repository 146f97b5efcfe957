#!/usr/bin/env bash
# Sourced by infra/run-local.sh and infra/run-local-ha.sh: the processes a launcher started and how it stops them.
# PIDS are stopped first (services, HAProxy), BACKEND_PIDS last (brokers, PostgreSQL), each with SIGTERM, then
# SIGKILL for what is still there 45 s later (a service ends itself 6 s after SIGTERM, or 40 s when it records a
# class-data-sharing archive: launcher-jvm.sh); Ctrl-C, SIGTERM and any exit of the launcher stop everything.

PIDS=()
BACKEND_PIDS=()
stopping=false
terminate() { # terminate PID...: SIGTERM to all, then wait until 45 s after it, SIGKILL what is left
  local deadline=$(( SECONDS + 45 ))
  for pid in "$@"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "$@"; do
    while kill -0 "$pid" 2>/dev/null && (( SECONDS < deadline )); do sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
}
stop_all() {
  $stopping && return
  stopping=true
  echo
  echo "Stopping Verifier..."
  if (( ${#PIDS[@]} > 0 )); then terminate "${PIDS[@]}"; fi
  if (( ${#BACKEND_PIDS[@]} > 0 )); then terminate "${BACKEND_PIDS[@]}"; fi
  wait 2>/dev/null || true
  echo "Stopped."
}
trap 'stop_all; exit 0' INT TERM
trap 'stop_all' EXIT

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Exits (stopping everything) when any started process is gone.
exit_if_any_died() {
  for pid in "${PIDS[@]}" "${BACKEND_PIDS[@]}"; do
    kill -0 "$pid" 2>/dev/null || { echo "A Verifier process ($pid) exited; stopping the rest (see ${LOGS:-the logs})." >&2; exit 1; }
  done
}
