#!/usr/bin/env bash
# Benchmarks a running local stack (start it first with infra/run-local.sh in another terminal) and prints figures:
#   infra/bench.sh [seconds-per-scenario] [workers]      (defaults 10 and 4)
# Traffic goes to localhost only; every scenario is bounded in time and count.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [ ! -d infra/stack/target/classes/dev/verifier/infra/bench ]; then
  mvn -B -q -pl infra/stack -am -DskipTests compile
fi
exec java -cp infra/stack/target/classes dev.verifier.infra.bench.Benchmark "$@"
