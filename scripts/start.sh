#!/usr/bin/env bash
# Starts the built application the fastest way this JDK allows (README, "Without Docker"):
#   1. extracts target/win-events-*.jar into target/app/ (plain jars: a class cache needs them);
#   2. once per build, a training run that starts the application until its context is
#      refreshed and records a class cache: the JDK's ahead-of-time cache on JDK 25 and later
#      (-XX:AOTCacheOutput), Spring Boot's CDS archive on JDK 17-24 (-XX:ArchiveClassesAtExit);
#   3. starts with that cache and the recommended JVM options.
# The training run needs the same settings as the real start (SPRING_DATASOURCE_URL, ...): it
# connects to the database (and migrates it, as the first start would).
# The benchmark (BenchmarkMain.prepareStartRecipe) measures exactly these steps and options.
#
#   scripts/start.sh            JAVA_OPTS="-Xmx512m" scripts/start.sh   (JAVA_OPTS are added last)
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# The recommended options (README, Performance; the Dockerfile's JDK_JAVA_OPTIONS).
OPTIONS=(-Xmx256m -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=64m)
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

JAR=$(ls target/win-events-*.jar | grep -v -- '-plain.jar' | head -n 1)
APP=target/app
if [[ ! -f "$APP/app.jar" || "$JAR" -nt "$APP/app.jar" ]]; then
	rm -rf "$APP"
	"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$APP" >/dev/null
	mv "$APP"/win-events-*.jar "$APP/app.jar"
fi

FEATURE=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if (( FEATURE >= 25 )); then
	CACHE="$APP/app.aot"; RECORD=(-XX:AOTCacheOutput="$CACHE"); USE=(-XX:AOTCache="$CACHE")
else
	CACHE="$APP/app.jsa"; RECORD=(-XX:ArchiveClassesAtExit="$CACHE"); USE=(-XX:SharedArchiveFile="$CACHE")
fi
if [[ ! -f "$CACHE" ]]; then
	echo "[start] training run: recording the class cache $CACHE (once per build)"
	"$JAVA" "${OPTIONS[@]}" "${RECORD[@]}" -Dspring.context.exit=onRefresh -jar "$APP/app.jar"
fi
# shellcheck disable=SC2086
exec "$JAVA" "${OPTIONS[@]}" "${USE[@]}" ${JAVA_OPTS:-} -jar "$APP/app.jar" "$@"
