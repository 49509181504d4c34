#!/usr/bin/env bash
# Starts the built jar with the production recipe exactly as the README says
# (scripts/start.sh: extracted jar, class cache training run, Spring AOT, the recommended JVM
# options) against an embedded PostgreSQL and an SMTP sink, and checks that readiness answers
# UP and the event page and the staff login render (StartRecipeCheck). `./mvnw verify` runs
# the application in JVM mode only; this covers the AOT-processed bean graph. About 30 s on a
# quiet machine; exits 1 when a check fails.
#
#   scripts/start-check.sh            builds the jar if it is missing
set -euo pipefail
cd "$(dirname "$0")/.."

MVN=(./mvnw -q -B -ntp)
if ! ls target/win-events-*.jar >/dev/null 2>&1 || [ ! -d target/test-classes ]; then
	echo "[start-check] building the jar and the test classes"
	"${MVN[@]}" -DskipTests package
fi
mkdir -p target/start-check
"${MVN[@]}" dependency:build-classpath -Dmdep.includeScope=test \
	-Dmdep.outputFile=target/start-check/classpath.txt >/dev/null

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec timeout --signal=TERM --kill-after=20 900 \
	"$JAVA" -Xmx256m -cp "target/test-classes:target/classes:$(cat target/start-check/classpath.txt)" \
	org.winformusic.events.benchmark.StartRecipeCheck "$@"
