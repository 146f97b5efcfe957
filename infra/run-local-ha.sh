#!/usr/bin/env bash
# The local high-availability stack, started by `infra/run-local.sh --copies N --brokers M`: N copies of every service
# behind HAProxy on the usual ports 9000-9003 (the copies on loopback ports 9100+), health-checked through
# /health/readiness; an M-node KRaft cluster on 9092.. (replication M, min.insync.replicas 2); every service's copies on
# one database of a PostgreSQL 15 server this script starts itself (embedded binaries from Maven Central, data under
# ./data/postgres). Ctrl-C or SIGTERM stops everything it started. Not meant to be run directly.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
COPIES=$1
BROKERS=$2
FRESH=$3
BUILD=$4
DATA="$ROOT/data"
LOGS="$DATA/logs"
VERSION=0.1.0
SERVICES=(authorize-service token-service client-registry resource-api)
declare -A PORTS=([authorize-service]=9000 [token-service]=9001 [client-registry]=9002 [resource-api]=9003)
declare -A COPY_BASE=([authorize-service]=9100 [token-service]=9110 [client-registry]=9120 [resource-api]=9130)
declare -A DATABASES=([authorize-service]=authorize_service [token-service]=token_service
                      [client-registry]=client_registry [resource-api]=resource_api)
PG_PORT="${VERIFIER_POSTGRES_PORT:-9532}"
READY_TIMEOUT="${VERIFIER_READY_TIMEOUT:-240}"
BROKER_PORTS=$(seq -s, 9092 $((9092 + BROKERS - 1)))
CONTROLLER_PORTS=$(seq -s, 9192 $((9192 + BROKERS - 1)))
BOOTSTRAP=$(echo "$BROKER_PORTS" | sed -E 's/([0-9]+)/127.0.0.1:\1/g')

copy_port() { echo $(( ${COPY_BASE[$1]} + $2 - 1 )); }

# shellcheck source=infra/launcher-processes.sh
source "$ROOT/infra/launcher-processes.sh"
# shellcheck source=infra/launcher-jvm.sh
source "$ROOT/infra/launcher-jvm.sh"
JVM_OPTS=(${VERIFIER_JVM_OPTS:-$LAUNCHER_JVM_OPTS})

command -v haproxy >/dev/null 2>&1 || {
  echo "haproxy is missing: install Debian's haproxy package (apt-get install -y haproxy)" >&2; trap - EXIT; exit 1; }

all_ports=("$PG_PORT" ${BROKER_PORTS//,/ } ${CONTROLLER_PORTS//,/ })
for s in "${SERVICES[@]}"; do
  all_ports+=("${PORTS[$s]}")
  for c in $(seq 1 "$COPIES"); do all_ports+=("$(copy_port "$s" "$c")"); done
done
for port in "${all_ports[@]}"; do
  if port_busy "$port"; then
    echo "Port $port is already in use: is another Verifier (or something else) running? Stop it first." >&2
    trap - EXIT; exit 1
  fi
done

if $FRESH; then
  echo "--fresh: wiping $DATA"
  rm -rf "$DATA"
fi
mkdir -p "$DATA" "$LOGS"

# ---- build what is missing
missing=$BUILD
for s in "${SERVICES[@]}"; do
  jar="$s/target/$s-$VERSION.jar"
  if [ ! -f "$jar" ] || [ -n "$(find "$s/src" "$s/pom.xml" shared-model/src pom.xml -newer "$jar" -print -quit)" ]; then
    missing=true
  fi
done
[ -f infra/kafka-broker/target/classpath.txt ] || missing=true
[ -f infra/local-postgres/target/classpath.txt ] || missing=true
if $missing; then
  echo "Building the jars (mvn -B -q -DskipTests package)..."
  mvn -B -q -DskipTests package
fi

# shellcheck source=/dev/null
. "$ROOT/infra/local-secrets.sh"
load_local_secrets "$DATA/secrets.env"

# ---- PostgreSQL and the brokers (each in its own JVM)
PG_CP="$ROOT/infra/local-postgres/target/classes:$(cat infra/local-postgres/target/classpath.txt)"
echo "Starting PostgreSQL on 127.0.0.1:$PG_PORT (log: $LOGS/postgres.log)"
java -Xmx96m -XX:+UseSerialGC -cp "$PG_CP" dev.verifier.infra.postgres.LocalPostgresMain "$PG_PORT" "$DATA/postgres" \
  "${DATABASES[@]}" > "$LOGS/postgres.log" 2>&1 &
BACKEND_PIDS+=($!)

BROKER_CP="$ROOT/infra/kafka-broker/target/classes:$(cat infra/kafka-broker/target/classpath.txt)"
for n in $(seq 1 "$BROKERS"); do
  port=$((9092 + n - 1))
  echo "Starting Kafka broker $n of $BROKERS on 127.0.0.1:$port (log: $LOGS/kafka-broker-$n.log)"
  java "${JVM_OPTS[@]}" $(jit_options kafka-broker) $(heap_options kafka-broker) -Xmx256m -Dlogback.configurationFile=kafka-broker-logback.xml -cp "$BROKER_CP" \
    dev.verifier.infra.kafka.KafkaBrokerMain --cluster "$n" "$BROKER_PORTS" "$CONTROLLER_PORTS" "$DATA/kafka-$n" \
    > "$LOGS/kafka-broker-$n.log" 2>&1 &
  BACKEND_PIDS+=($!)
done
await_log() { # await_log FILE TEXT WHAT
  for _ in $(seq 1 240); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.5; done
  echo "$3 did not start; see $1" >&2; exit 1
}
await_log "$LOGS/postgres.log" "PostgreSQL ready" "PostgreSQL"
for n in $(seq 1 "$BROKERS"); do await_log "$LOGS/kafka-broker-$n.log" "Kafka broker ready" "Kafka broker $n"; done

# ---- HAProxy in front of the copies (generated configuration, run in the foreground as a child)
HAPROXY_CFG="$DATA/haproxy.cfg"
backends=()
for s in "${SERVICES[@]}"; do
  backends+=("$s=${PORTS[$s]}:$(for c in $(seq 1 "$COPIES"); do copy_port "$s" "$c"; done | paste -sd,)")
done
"$ROOT/infra/haproxy-config.sh" "${backends[@]}" > "$HAPROXY_CFG"
haproxy -c -q -f "$HAPROXY_CFG"
echo "Starting HAProxy on 127.0.0.1:9000-9003 (config: $HAPROXY_CFG, log: $LOGS/haproxy.log)"
haproxy -db -f "$HAPROXY_CFG" > "$LOGS/haproxy.log" 2>&1 &
PIDS+=($!)

# ---- service copies
export MICRONAUT_ENVIRONMENTS=local
export KAFKA_BOOTSTRAP_SERVERS="$BOOTSTRAP"
export VERIFIER_KAFKA_TOPICS_REPLICATION_FACTOR="$(( BROKERS < 3 ? BROKERS : 3 ))"
export VERIFIER_HTTP_TRUSTED_PROXIES=127.0.0.1/32
export VERIFIER_SHUTDOWN_DRAIN_DELAY="${VERIFIER_SHUTDOWN_DRAIN_DELAY:-3s}"
export VERIFIER_AUTHORIZE_EVENT_CONFIRM_TIMEOUT="${VERIFIER_AUTHORIZE_EVENT_CONFIRM_TIMEOUT:-10s}" # a broker death takes seconds to notice
export DATASOURCES_DEFAULT_USERNAME=postgres DATASOURCES_DEFAULT_PASSWORD=postgres
start=$(date +%s)
start_service() { # start_service SERVICE [ENV=VALUE...]
  local s=$1; shift
  for c in $(seq 1 "$COPIES"); do
    local port; port=$(copy_port "$s" "$c")
    echo "Starting $s copy $c on 127.0.0.1:$port (log: $LOGS/$s-$c.log)"
    env $(unset_for "$s") "$@" MICRONAUT_SERVER_PORT="$port" \
      DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/${DATABASES[$s]}" \
      java "${JVM_OPTS[@]}" $(jit_options "$s") $(heap_options "$s") $(cds_options "$s-$c" "$s/target/$s-$VERSION.jar") -jar "$s/target/$s-$VERSION.jar" \
      > "$LOGS/$s-$c.log" 2>&1 &
    PIDS+=($!)
  done
}
await_ready() { # every copy of SERVICE ready, then its HAProxy front
  local s=$1
  for c in $(seq 1 "$COPIES") front; do
    local url="http://127.0.0.1:${PORTS[$s]}/health/readiness"
    [ "$c" = front ] || url="http://127.0.0.1:$(copy_port "$s" "$c")/health/readiness"
    until curl -fsS -o /dev/null "$url" 2>/dev/null; do
      if (( $(date +%s) - start > READY_TIMEOUT )); then
        echo "$s ($c) was not ready after ${READY_TIMEOUT}s; see $LOGS/" >&2; exit 1
      fi
      exit_if_any_died
      sleep 0.5
    done
  done
}
for s in client-registry token-service authorize-service; do start_service "$s"; done
for s in client-registry token-service authorize-service; do await_ready "$s"; done

# shellcheck source=/dev/null
. "$ROOT/infra/seed-demo.sh"
seeded=false
for _ in 1 2 3 4 5; do # a copy may still be joining the rotation
  if seed_demo "$DATA/demo-ha.env"; then seeded=true; break; fi
  sleep 3
done
$seeded || { echo "could not register the demo client and user; see $LOGS/" >&2; exit 1; }
start_service resource-api VERIFIER_DEMO_CLIENT_ID="$DEMO_CLIENT_ID"
await_ready resource-api
elapsed=$(( $(date +%s) - start ))

cat <<INFO

Verifier is ready: $COPIES copies of every service behind HAProxy, $BROKERS Kafka brokers, PostgreSQL (services up in ${elapsed}s).
  issuer              http://localhost:9000
  authorize-service   http://localhost:9000   (discovery: http://localhost:9000/.well-known/openid-configuration)
  token-service       http://localhost:9001   (JWKS: http://localhost:9001/jwks)
  client-registry     http://localhost:9002
  resource-api        http://localhost:9003
  copies              authorize $(copy_port authorize-service 1)+, token $(copy_port token-service 1)+, registry $(copy_port client-registry 1)+, resource $(copy_port resource-api 1)+ (HAProxy: $HAPROXY_CFG)
  Kafka brokers       $BOOTSTRAP (replication $VERIFIER_KAFKA_TOPICS_REPLICATION_FACTOR, min.insync.replicas 2)
  PostgreSQL          127.0.0.1:$PG_PORT (databases ${DATABASES[*]}; data $DATA/postgres)
  data and logs       $DATA
  admin client        $VERIFIER_ADMIN_CLIENT_ID / $VERIFIER_ADMIN_CLIENT_SECRET   (kept in $DATA/secrets.env)

Demo: open http://localhost:9003/demo/ and log in as $DEMO_USERNAME / $DEMO_PASSWORD
      (public client $DEMO_CLIENT_ID; kept in $DATA/demo-ha.env)

Press Ctrl-C to stop.
INFO

# Stop everything as soon as the proxy, a broker or PostgreSQL dies, or on Ctrl-C / SIGTERM; a service copy that
# exits is reported (the other copy keeps serving).
declare -A reported=()
while true; do
  for pid in "${BACKEND_PIDS[@]}" "${PIDS[0]}"; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "A Verifier process ($pid) exited; stopping the rest." >&2; exit 1; fi
  done
  for pid in "${PIDS[@]:1}"; do
    if ! kill -0 "$pid" 2>/dev/null && [ -z "${reported[$pid]:-}" ]; then
      reported[$pid]=1; echo "A service copy ($pid) exited; its other copies keep serving (see $LOGS/)." >&2
    fi
  done
  sleep 1 &
  wait $! || true
done
