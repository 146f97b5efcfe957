#!/usr/bin/env bash
# Runs the whole Verifier stack locally: a real Kafka broker (KRaft) and the four services, each in its own JVM,
# on H2 files under ./data/, in the `local` environment. Ctrl-C or SIGTERM stops everything it started.
#
#   infra/run-local.sh            start (builds the jars first when they are missing)
#   infra/run-local.sh --fresh    wipe ./data/ first (databases, broker log, generated secrets)
#   infra/run-local.sh --build    rebuild the jars even if present
#   infra/run-local.sh --postgres one copy of each service as above, on PostgreSQL (embedded, started here) instead of H2
#   infra/run-local.sh --copies 2 --brokers 3
#                                 the high-availability stack: 2 copies of every service behind HAProxy on the same
#                                 ports, a 3-broker KRaft cluster, PostgreSQL (see infra/run-local-ha.sh)
#
# Secrets come from the environment (VERIFIER_SECRETS_KEY, VERIFIER_ADMIN_CLIENT_ID, VERIFIER_ADMIN_CLIENT_SECRET,
# VERIFIER_AUTHORIZE_CLIENT_ID, VERIFIER_AUTHORIZE_CLIENT_SECRET, VERIFIER_EVENT_KEYS)
# or are generated once into ./data/secrets.env (mode 600) and printed.
set -euo pipefail
launched_ms=$(( $(date +%s%N) / 1000000 ))

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DATA="$ROOT/data"
LOGS="$DATA/logs"
VERSION=0.1.0
KAFKA_PORT="${VERIFIER_KAFKA_PORT:-9092}"
SERVICES=(client-registry token-service authorize-service resource-api)
declare -A PORTS=([authorize-service]=9000 [token-service]=9001 [client-registry]=9002 [resource-api]=9003)
# shellcheck source=infra/launcher-jvm.sh
source "$ROOT/infra/launcher-jvm.sh"
JVM_OPTS=(${VERIFIER_JVM_OPTS:-$LAUNCHER_JVM_OPTS})
READY_TIMEOUT="${VERIFIER_READY_TIMEOUT:-120}"

fresh=false
build=false
postgres=false
copies=1
brokers=1
while (( $# > 0 )); do
  case "$1" in
    --fresh) fresh=true ;;
    --build) build=true ;;
    --postgres) postgres=true ;;
    --copies) copies="${2:-}"; shift ;;
    --brokers) brokers="${2:-}"; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done
[[ "$copies" =~ ^[1-9]$ && "$brokers" =~ ^[1-9]$ ]] || { echo "--copies and --brokers take 1..9" >&2; exit 2; }
if (( copies > 1 || brokers > 1 )); then
  $postgres && echo "(--copies/--brokers always run on PostgreSQL)"
  exec "$ROOT/infra/run-local-ha.sh" "$copies" "$brokers" "$fresh" "$build"
fi

# shellcheck source=infra/launcher-processes.sh
source "$ROOT/infra/launcher-processes.sh"

PG_PORT="${VERIFIER_POSTGRES_PORT:-9532}"
ports=("$KAFKA_PORT" 9000 9001 9002 9003)
$postgres && ports+=("$PG_PORT")
for port in "${ports[@]}"; do
  if port_busy "$port"; then
    echo "Port $port is already in use: is another Verifier (or something else) running? Stop it first." >&2
    trap - EXIT; exit 1
  fi
done

if $fresh; then
  echo "--fresh: wiping $DATA"
  rm -rf "$DATA"
fi
mkdir -p "$DATA" "$LOGS"
rm -rf "$DATA/pids" && mkdir -p "$DATA/pids" # one file per process (name → PID), read by infra/bench.sh
remember_pid() { echo "$2" > "$DATA/pids/$1.pid"; }


# ---- build what is missing
# a jar is missing, or older than a source or pom it is built from
missing=false
for s in "${SERVICES[@]}"; do
  jar="$s/target/$s-$VERSION.jar"
  if [ ! -f "$jar" ] || [ -n "$(find "$s/src" "$s/pom.xml" shared-model/src pom.xml -newer "$jar" -print -quit)" ]; then
    missing=true
  fi
done
BROKER_JAR=infra/kafka-broker/target/kafka-broker-$VERSION.jar
if [ ! -f infra/kafka-broker/target/classpath.txt ] || [ ! -f "$BROKER_JAR" ] \
    || [ -n "$(find infra/kafka-broker/src infra/kafka-broker/pom.xml -newer "$BROKER_JAR" -print -quit)" ]; then
  missing=true
fi
$postgres && { [ -f infra/local-postgres/target/classpath.txt ] || missing=true; }
if $build || $missing; then
  echo "Building the jars (mvn -B -q -DskipTests package)..."
  mvn -B -q -DskipTests package
fi

# ---- secrets: environment first, else generated once and kept under ./data
SECRETS_FILE="$DATA/secrets.env"
# shellcheck source=/dev/null
. "$ROOT/infra/local-secrets.sh"
load_local_secrets "$SECRETS_FILE"

# ---- broker
# from its jar (not target/classes), so that class-data sharing can archive its classes like the services'
BROKER_CP="$ROOT/$BROKER_JAR:$(cat infra/kafka-broker/target/classpath.txt)"
echo "Starting Kafka broker on 127.0.0.1:$KAFKA_PORT (log: $LOGS/kafka-broker.log)"
# shellcheck disable=SC2046
java "${JVM_OPTS[@]}" $(jit_options kafka-broker) $(heap_options kafka-broker) $(cds_options kafka-broker "$BROKER_JAR") \
  -Dlogback.configurationFile=kafka-broker-logback.xml -cp "$BROKER_CP" \
  dev.verifier.infra.kafka.KafkaBrokerMain "$KAFKA_PORT" "$DATA/kafka" > "$LOGS/kafka-broker.log" 2>&1 &
BACKEND_PIDS+=($!)
remember_pid kafka-broker $!
for _ in $(seq 1 300); do port_busy "$KAFKA_PORT" && break; sleep 0.1; done
port_busy "$KAFKA_PORT" || { echo "The broker did not start; see $LOGS/kafka-broker.log" >&2; exit 1; }

# ---- PostgreSQL (--postgres): one embedded server, one database per service
declare -A DATASOURCE_ENV=()
if $postgres; then
  declare -A DATABASES=([authorize-service]=authorize_service [token-service]=token_service
                        [client-registry]=client_registry [resource-api]=resource_api)
  PG_CP="$ROOT/infra/local-postgres/target/classes:$(cat infra/local-postgres/target/classpath.txt)"
  echo "Starting PostgreSQL on 127.0.0.1:$PG_PORT (log: $LOGS/postgres.log)"
  java -Xmx96m -XX:+UseSerialGC -cp "$PG_CP" dev.verifier.infra.postgres.LocalPostgresMain "$PG_PORT" "$DATA/postgres" \
    "${DATABASES[@]}" > "$LOGS/postgres.log" 2>&1 &
  BACKEND_PIDS+=($!)
  remember_pid postgres-launcher $!
  for _ in $(seq 1 240); do grep -q "PostgreSQL ready" "$LOGS/postgres.log" 2>/dev/null && break; sleep 0.5; done
  grep -q "PostgreSQL ready" "$LOGS/postgres.log" || { echo "PostgreSQL did not start; see $LOGS/postgres.log" >&2; exit 1; }
  # the server detaches from its launcher JVM: list it (with its backends) for infra/bench.sh by its postmaster.pid
  head -n 1 "$DATA/postgres/postmaster.pid" > "$DATA/pids/postgres.pid"
  export DATASOURCES_DEFAULT_USERNAME=postgres DATASOURCES_DEFAULT_PASSWORD=postgres
  for s in "${SERVICES[@]}"; do
    DATASOURCE_ENV[$s]="DATASOURCES_DEFAULT_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/${DATABASES[$s]}"
  done
fi

# ---- services
export MICRONAUT_ENVIRONMENTS=local
export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT"
start=$(date +%s)
start_service() {
  local s=$1
  echo "Starting $s on http://localhost:${PORTS[$s]} (log: $LOGS/$s.log)"
  # shellcheck disable=SC2046
  env $(unset_for "$s") ${DATASOURCE_ENV[$s]:-} java "${JVM_OPTS[@]}" $(jit_options "$s") $(heap_options "$s") $(cds_options "$s" "$s/target/$s-$VERSION.jar") \
    -jar "$s/target/$s-$VERSION.jar" \
    > "$LOGS/$s.log" 2>&1 &
  PIDS+=($!)
  remember_pid "$s" $!
}
await_ready() {
  local s=$1 url="http://localhost:${PORTS[$1]}/health/readiness"
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    if (( $(date +%s) - start > READY_TIMEOUT )); then
      echo "$s was not ready after ${READY_TIMEOUT}s; last lines of $LOGS/$s.log:" >&2
      tail -n 20 "$LOGS/$s.log" >&2
      exit 1
    fi
    exit_if_any_died
    sleep 0.2
  done
}
# resource-api shows the demo client's id on its demo page: it starts with the other services and reads the id from
# $DATA/demo-client-id (verifier.demo.client-id-file), written below once the demo client is registered (or found)
DEMO_CLIENT_ID_FILE="$DATA/demo-client-id"
for s in client-registry token-service authorize-service; do start_service "$s"; done
VERIFIER_DEMO_CLIENT_ID_FILE="$DEMO_CLIENT_ID_FILE" start_service resource-api
for s in client-registry token-service authorize-service; do await_ready "$s"; done

# ---- demo client and user, registered once through the real admin APIs and kept in ./data/demo.env
# shellcheck source=/dev/null
. "$ROOT/infra/seed-demo.sh"
seed_demo "$DATA/demo.env"
printf '%s\n' "$DEMO_CLIENT_ID" > "$DEMO_CLIENT_ID_FILE.tmp" && mv "$DEMO_CLIENT_ID_FILE.tmp" "$DEMO_CLIENT_ID_FILE"
await_ready resource-api
elapsed=$(( $(date +%s) - start ))
since_launch_ms=$(( $(date +%s%N) / 1000000 - launched_ms ))

cat <<INFO

Verifier is ready (services up in ${elapsed}s, $((since_launch_ms / 1000)).$((since_launch_ms % 1000 / 100)) s after launch).
  issuer              http://localhost:9000
  authorize-service   http://localhost:9000   (discovery: http://localhost:9000/.well-known/openid-configuration)
  token-service       http://localhost:9001   (JWKS: http://localhost:9001/jwks)
  client-registry     http://localhost:9002
  resource-api        http://localhost:9003
  Kafka broker        127.0.0.1:$KAFKA_PORT
  data and logs       $DATA
  admin client        $VERIFIER_ADMIN_CLIENT_ID / $VERIFIER_ADMIN_CLIENT_SECRET   (kept in $SECRETS_FILE)

Demo: open http://localhost:9003/demo/ and log in as $DEMO_USERNAME / $DEMO_PASSWORD
      (public client $DEMO_CLIENT_ID; kept in $DATA/demo.env)

Press Ctrl-C to stop.
INFO

# Stop everything as soon as any process dies, or on Ctrl-C / SIGTERM.
while true; do
  exit_if_any_died
  sleep 1 &
  wait $! || true
done
