#!/usr/bin/env bash
# Two application processes from the built jar behind nginx (round robin), one embedded
# PostgreSQL, a counting SMTP sink; registrations, lookups and a staff session through the
# proxy, and kill -9 of one instance in the middle. Prints a summary and exits 1 when a
# check fails. Everything listens on 127.0.0.1 and stops when it exits.
#
#   scripts/two-instances.sh                 builds the jar if it is missing
#   NGINX=/path/to/nginx scripts/two-instances.sh
set -euo pipefail
cd "$(dirname "$0")/.."

MVN=(./mvnw -q -B -ntp)
NGINX="${NGINX:-/usr/sbin/nginx}"
[ -x "$NGINX" ] || { echo "[two-instances] error: $NGINX is missing (Debian package nginx)" >&2; exit 2; }
export NGINX

if ! ls target/win-events-*.jar >/dev/null 2>&1 || [ ! -d target/test-classes ]; then
	echo "[two-instances] building the jar and the test classes"
	"${MVN[@]}" -DskipTests package
fi
mkdir -p target/two-instances
"${MVN[@]}" dependency:build-classpath -Dmdep.includeScope=test \
	-Dmdep.outputFile=target/two-instances/classpath.txt >/dev/null

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# The whole run is bounded (each phase has its own limit); timeout is the last resort.
timeout --signal=TERM --kill-after=20 900 \
	"$JAVA" -Xmx512m -cp "target/test-classes:target/classes:$(cat target/two-instances/classpath.txt)" \
	org.winformusic.events.benchmark.TwoInstancesMain "$@" &
DRIVER_PID=$!
trap 'kill -TERM "$DRIVER_PID" 2>/dev/null || true; wait "$DRIVER_PID" 2>/dev/null || true' INT TERM
wait "$DRIVER_PID"
