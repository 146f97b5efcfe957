#!/usr/bin/env bash
# Benchmarks the local stack over loopback and prints, per scenario, throughput, latency p50/p95/p99 and the CPU-ms
# per operation of each process of the stack (read from /proc; the launcher lists them in data/pids) and summed, then
# each process's resident memory. Scenarios: login, sso, refresh, client_credentials, introspection, validation, jwks.
#   infra/bench.sh [seconds-per-scenario] [workers] [scenario...]
#       against a running stack (start it first with infra/run-local.sh in another terminal); defaults 15 and 8,
#       5 s of warm-up per scenario (VERIFIER_BENCH_WARMUP)
#   infra/bench.sh --start [--postgres] [--no-peer] [seconds-per-scenario] [workers] [scenario...]
#       starts infra/run-local.sh itself (on PostgreSQL with --postgres; ports 9000-9003, 9092 and 9532 must be free)
#       with the password cost lowered (Argon2id m=1024 KiB, t=1) so that the login measures the protocol, not the
#       hash, runs the scenarios and stops the stack; then, unless --no-peer, measures node-oidc-provider
#       (infra/peer/node-oidc-provider, installed with npm the first time; port 3000) the same way in the same run
#   infra/bench.sh --password-costs [seconds-per-scenario] [workers]
#       starts infra/run-local.sh itself twice and measures only the login, with the password cost lowered and at
#       the default cost (m=19456 KiB, t=2, p=1), stopping the stack after each
# Traffic goes to localhost only; every scenario is bounded in time and count.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [ ! -d infra/stack/target/classes/dev/verifier/infra/bench ] \
    || [ -n "$(find infra/stack/src/main/java/dev/verifier/infra/bench -newer infra/stack/target/classes/dev/verifier/infra/bench -print -quit)" ]; then
  mvn -B -q -pl infra/stack -am -DskipTests compile
fi
bench() { java -cp infra/stack/target/classes dev.verifier.infra.bench.Benchmark "$@"; }

case "${1:-}" in
  --start|--password-costs) ;;
  *) bench "$@"; exit $? ;;
esac

STACK_PID=""
stop_stack() {
  if [ -n "$STACK_PID" ]; then
    kill -TERM "$STACK_PID" 2>/dev/null || true
    wait "$STACK_PID" 2>/dev/null || true
    STACK_PID=""
  fi
}
trap stop_stack EXIT INT TERM

start_stack() { # start_stack MEMORY_KIB ITERATIONS [run-local options...]
  local memory=$1 iterations=$2 log="$ROOT/data/logs/bench-stack.log"
  shift 2
  mkdir -p "$ROOT/data/logs"
  VERIFIER_PASSWORDS_MEMORY_KIB=$memory VERIFIER_PASSWORDS_ITERATIONS=$iterations \
    infra/run-local.sh "$@" > "$log" 2>&1 &
  STACK_PID=$!
  until grep -q "Verifier is ready" "$log" 2>/dev/null; do
    kill -0 "$STACK_PID" 2>/dev/null || { echo "the stack did not start; see $log" >&2; tail -n 20 "$log" >&2; exit 1; }
    sleep 1
  done
  grep "Verifier is ready" "$log"
}

PEER_PID=""
stop_peer() {
  if [ -n "$PEER_PID" ]; then kill -TERM "$PEER_PID" 2>/dev/null || true; wait "$PEER_PID" 2>/dev/null || true; fi
  PEER_PID=""
}
trap 'stop_stack; stop_peer' EXIT INT TERM

bench_peer() { # the same scenarios against node-oidc-provider, alone on the machine
  local dir="$ROOT/infra/peer/node-oidc-provider" pids="$ROOT/data/peer-pids" log="$ROOT/data/logs/bench-peer.log"
  command -v node >/dev/null 2>&1 || { echo "(node is missing: node-oidc-provider not measured)"; return 0; }
  [ -d "$dir/node_modules" ] || (cd "$dir" && npm ci --no-audit --no-fund --silent)
  local password; password=$(head -c 12 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
  node "$dir/server.mjs" 3000 "$password" > "$log" 2>&1 &
  PEER_PID=$!
  for _ in $(seq 1 60); do grep -q "peer ready" "$log" 2>/dev/null && break; sleep 0.5; done
  grep -q "peer ready" "$log" || { echo "node-oidc-provider did not start; see $log" >&2; return 1; }
  rm -rf "$pids" && mkdir -p "$pids" && echo "$PEER_PID" > "$pids/node-oidc-provider.pid"
  echo
  echo "== peer: node-oidc-provider $(node -p "require('$dir/node_modules/oidc-provider/package.json').version") on node $(node --version), in-memory store"
  VERIFIER_BENCH_PEER_PORT=3000 VERIFIER_BENCH_PEER_PASSWORD="$password" VERIFIER_BENCH_PIDS="$pids" bench "$@"
  stop_peer
}

if [ "$1" = "--start" ]; then
  shift
  options=()
  peer=true
  while [[ "${1:-}" == --* ]]; do
    case "$1" in
      --postgres) options+=(--postgres) ;;
      --no-peer) peer=false ;;
      *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
    shift
  done
  echo "== Verifier: local stack (${options[*]:-H2}), password cost lowered (Argon2id m=1024 KiB, t=1, p=1), JVM options: ${VERIFIER_JVM_OPTS:-run-local.sh defaults}"
  start_stack 1024 1 "${options[@]}"
  bench "$@"
  stop_stack
  if $peer; then bench_peer "$@"; fi
  exit 0
fi

shift
SECONDS_PER_SCENARIO="${1:-10}"
WORKERS="${2:-4}"
for cost in "lowered 1024 1" "default 19456 2"; do
  set -- $cost
  echo
  echo "== password cost: $1 (Argon2id m=$2 KiB, t=$3, p=1)"
  start_stack "$2" "$3"
  bench "$SECONDS_PER_SCENARIO" "$WORKERS" login
  stop_stack
done
