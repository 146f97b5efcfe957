#!/usr/bin/env bash
# Benchmarks the local stack over loopback and prints figures:
#   infra/bench.sh [seconds-per-scenario] [workers]
#       against a running stack (start it first with infra/run-local.sh in another terminal); defaults 10 and 4
#   infra/bench.sh --password-costs [seconds-per-scenario] [workers]
#       starts infra/run-local.sh itself twice (ports 9000-9003 and 9092 must be free) and measures the login
#       (/authorize → /login → /token, a password check each time) with the password cost lowered
#       (Argon2id m=1024 KiB, t=1) and at the default cost (m=19456 KiB, t=2, p=1), stopping the stack after each
# Traffic goes to localhost only; every scenario is bounded in time and count.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [ ! -d infra/stack/target/classes/dev/verifier/infra/bench ] \
    || [ -n "$(find infra/stack/src/main/java/dev/verifier/infra/bench -newer infra/stack/target/classes/dev/verifier/infra/bench -print -quit)" ]; then
  mvn -B -q -pl infra/stack -am -DskipTests compile
fi
bench() { java -cp infra/stack/target/classes dev.verifier.infra.bench.Benchmark "$@"; }

if [ "${1:-}" != "--password-costs" ]; then
  exec java -cp infra/stack/target/classes dev.verifier.infra.bench.Benchmark "$@"
fi
shift
SECONDS_PER_SCENARIO="${1:-10}"
WORKERS="${2:-4}"
STACK_PID=""
stop_stack() {
  if [ -n "$STACK_PID" ]; then
    kill -TERM "$STACK_PID" 2>/dev/null || true
    wait "$STACK_PID" 2>/dev/null || true
    STACK_PID=""
  fi
}
trap stop_stack EXIT INT TERM

run_at_cost() { # run_at_cost LABEL MEMORY_KIB ITERATIONS
  local label=$1 log="$ROOT/data/logs/bench-stack.log"
  mkdir -p "$ROOT/data/logs"
  echo
  echo "== password cost: $label (Argon2id m=$2 KiB, t=$3, p=1)"
  VERIFIER_PASSWORDS_MEMORY_KIB=$2 VERIFIER_PASSWORDS_ITERATIONS=$3 infra/run-local.sh > "$log" 2>&1 &
  STACK_PID=$!
  until grep -q "Verifier is ready" "$log" 2>/dev/null; do
    kill -0 "$STACK_PID" 2>/dev/null || { echo "the stack did not start; see $log" >&2; tail -n 20 "$log" >&2; exit 1; }
    sleep 1
  done
  bench "$SECONDS_PER_SCENARIO" "$WORKERS" login
  stop_stack
}
run_at_cost "lowered" 1024 1
run_at_cost "default" 19456 2
