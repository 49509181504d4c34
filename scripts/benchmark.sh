#!/usr/bin/env bash
# The benchmark: builds the jar and the load generator, then runs every scenario against
# the application started as production starts it, with an embedded PostgreSQL and a local
# SMTP sink. Prints one table and writes target/benchmark/results.json.
#
#   scripts/benchmark.sh            full run: 30 s warm-up + 30 s measured per scenario
#   scripts/benchmark.sh --quick    development run: 5 s warm-up + 10 s measured
#   options: --warmup=SECONDS --measure=SECONDS --only=event-page,register,... --jfr
#
# Everything it starts (PostgreSQL, the application, the SMTP sink) stops when it exits,
# Ctrl-C included.
set -euo pipefail
cd "$(dirname "$0")/.."

MVN=(./mvnw -q -B)
if [[ "${BENCHMARK_OFFLINE:-}" == "1" ]]; then
	MVN+=(-o)
fi

echo "[benchmark] building the jar and the load generator"
# package compiles the test sources too (the load generator lives there) but runs no test.
"${MVN[@]}" -DskipTests package
mkdir -p target/benchmark
"${MVN[@]}" dependency:build-classpath -Dmdep.includeScope=test \
	-Dmdep.outputFile=target/benchmark/classpath.txt >/dev/null

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
"$JAVA" -Xmx1g -cp "target/test-classes:target/classes:$(cat target/benchmark/classpath.txt)" \
	org.winformusic.events.benchmark.BenchmarkMain "$@" &
BENCHMARK_PID=$!
# The Java side stops what it started in a shutdown hook; make sure it gets the signal.
trap 'kill -TERM "$BENCHMARK_PID" 2>/dev/null || true; wait "$BENCHMARK_PID" 2>/dev/null || true' INT TERM
trap 'kill -TERM "$BENCHMARK_PID" 2>/dev/null || true' EXIT
wait "$BENCHMARK_PID"
