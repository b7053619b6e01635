#!/usr/bin/env bash
# The service under load, as a user runs it: the executable jar on a fresh store, the hierarchy
# (2,000 accounts, 20,000 DIDs, 20,000 rooms), then the load generator on loopback. With
# `postgres` it starts an embedded PostgreSQL itself (durable commits), bulk-loads the
# hierarchy there and points the service at it. Everything it starts is stopped when it ends.
#
#   mvn -B -Pbench -DskipTests -Dfailsafe.skip=true package        # once: the jar and the generator
#   src/jmh/scripts/load.sh h2|postgres [seconds=30] [mix=both|stories|arrivals|reads] [rate] [idle seconds=0]
#
# With a rate, each run starts with WARMUP seconds (default 120: at 100 requests/s the JIT is still
# compiling after one minute) that are not measured; each run
# prints the service's CPU per arrival or per story, and with idle seconds its CPU with no traffic
# after the run.
# JAR= runs another build of the jar (the commit before a change, say), RULES= another rules directory. JAVA_OPTS adds options to the service's JVM (a JFR recording, say). SERVICE_ARGS adds service options, e.g. SERVICE_ARGS='--callflow.retention.max-age=3m' for a soak.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
store=${1:?store: h2 or postgres}; seconds=${2:-30}; mix=${3:-both}; rate=${4:-0}; idle=${5:-0}
if [ "$rate" = 0 ]; then warmup=${WARMUP:-0}; else warmup=${WARMUP:-120}; fi
jar=${JAR:-$(ls "$root"/target/callflow-rules-*-exec.jar | head -1)}
work=$(mktemp -d /tmp/callflow-load.XXXXXX)
port=18080; pgport=15433
cp_file="$work/classpath"
(cd "$root" && mvn -q -B -Pbench dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null)
classpath="$root/target/test-classes:$root/target/classes:$(cat "$cp_file")"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

service_args=(--server.port=$port --callflow.rules.directory="${RULES:-$root/rules}" --callflow.rules.watch=false ${SERVICE_ARGS:-})
seed=seed
if [ "$store" = postgres ]; then
  java -cp "$classpath" com.callflowrules.load.ScaleDatabase $pgport "$work/pg" 2000 10 > "$work/postgres.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 180); do grep -q '^ready' "$work/postgres.log" && break; sleep 1; done
  grep '^ready' "$work/postgres.log" || { cat "$work/postgres.log"; exit 1; }
  service_args+=(--spring.datasource.url=jdbc:postgresql://127.0.0.1:$pgport/postgres
                 --spring.datasource.username=postgres --spring.datasource.password=postgres)
  seed=noseed
elif [ "$store" != h2 ]; then
  echo "store is h2 or postgres, not $store" >&2; exit 2
fi
(cd "$work" && exec java ${JAVA_OPTS:-} -jar "$jar" "${service_args[@]}") > "$work/service.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do curl -sf localhost:$port/actuator/health >/dev/null && break; sleep 1; done
curl -sf localhost:$port/actuator/health >/dev/null || { tail -50 "$work/service.log"; exit 1; }

run() { java -cp "$classpath" com.callflowrules.load.LoadGenerator http://localhost:$port 2000 10 16 "$seconds" "$1" "$2" "$rate" "$warmup" "$idle"; }
case "$mix" in
  both) run $seed arrivals; run noseed stories ;;
  stories|arrivals|reads) run $seed "$mix" ;;
  *) echo "mix is both, stories, arrivals or reads, not $mix" >&2; exit 2 ;;
esac
echo "store, logs and PostgreSQL data: $work"
