# syntax=docker/dockerfile:1
# WIN Events container image. Build: docker build -t win-events .
# Run with docker-compose.yml (PostgreSQL + Mailpit) or pass SPRING_DATASOURCE_* etc.

# ---- build stage --------------------------------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build

# Maven wrapper first (no mvn in this image: ./mvnw downloads the pinned Maven
# from the Apache archive and checks its SHA-512). Behind a firewall or with a
# repository mirror: docker build --build-arg MVNW_REPOURL=https://mirror.example/maven2 .
ARG MVNW_REPOURL=
ENV MVNW_REPOURL=${MVNW_REPOURL}
COPY mvnw ./
COPY .mvn/ .mvn/
RUN sed -i 's/\r$//' mvnw && chmod +x mvnw

# Dependencies in their own layer: rebuilt only when pom.xml changes.
COPY pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline

COPY src/ src/
RUN ./mvnw -B -ntp -DskipTests package \
 && java -Djarmode=tools -jar target/win-events-*.jar extract --destination /build/extracted \
 && mv /build/extracted/win-events-*.jar /build/extracted/app.jar

# ---- runtime stage ------------------------------------------------------------
# Built for Java 17 (the minimum), run on 25: its ahead-of-time cache (JEP 483/515) loads the
# classes already parsed and linked, with method profiles, so start-up is a fraction of a
# plain `java -jar` (README, Performance). On a JRE 17-24 use -XX:ArchiveClassesAtExit and
# -XX:SharedArchiveFile instead (Spring Boot's CDS recipe); the options below stay the same.
FROM eclipse-temurin:25-jre

RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /app --no-create-home --shell /usr/sbin/nologin app

WORKDIR /app
# The extracted jar: the application jar plus lib/ (a class cache needs plain jars on the class path).
COPY --from=build /build/extracted/ /app/

# The recommended JVM options (README, Performance): a 160 MB heap (the CSV export streams, so
# it never needs more), the serial collector (two cores: no concurrent GC threads and structures),
# smaller thread stacks, a bounded code cache, only the C1 compiler (on two busy cores C2 never
# catches up; README, Performance); and two glibc malloc arenas instead of one per
# core-count-times-eight, which otherwise keep freed native memory resident. Override the JVM
# options with `-e JDK_JAVA_OPTIONS=...` (the training run below must then be redone).
ENV JDK_JAVA_OPTIONS="-Xmx160m -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=64m -XX:TieredStopAtLevel=1" \
    MALLOC_ARENA_MAX=2

# Training run: start the application until its context is refreshed, then exit and write the
# cache. No database exists at build time, so the schema steps are switched off for this run
# only, and it runs without Spring AOT (its build-time bean graph has Flyway fixed in, which
# would need the database); the classes left out are loaded at the real start. scripts/start.sh
# trains in AOT mode against the database instead: measured about a fifth faster to start
# (README, Performance), the price of having no database here.
RUN SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:1/training SPRING_MAIL_HOST=127.0.0.1 \
    APP_MAIL_FROM=training@example.org SERVER_ADDRESS=127.0.0.1 SERVER_PORT=0 \
    java -XX:AOTCacheOutput=/app/app.aot -Dspring.context.exit=onRefresh \
      -Dspring.flyway.enabled=false -Dspring.jpa.hibernate.ddl-auto=none \
      -Dspring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=false \
      -Dspring.jpa.database-platform=org.hibernate.dialect.PostgreSQLDialect \
      -jar /app/app.jar \
 && chmod a+r /app/app.aot

USER 10001:10001
EXPOSE 8080

# No curl/wget in the JRE image: ask the liveness probe over bash's /dev/tcp. Not
# /actuator/health: it includes the mail server, and an SMTP outage must not mark the
# container unhealthy (the outbox retries mail on its own). Liveness says the process
# works; a load balancer should route by /actuator/health/readiness (database included).
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /actuator/health/liveness HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && grep -q "\"status\":\"UP\"" <&3' || exit 1

# Spring AOT (-Dspring.aot.enabled=true): the bean graph and the auto-configurations' conditions
# were worked out at build time (process-aot), so start-up skips them.
ENTRYPOINT ["java", "-XX:AOTCache=/app/app.aot", "-Dspring.aot.enabled=true", "-jar", "/app/app.jar"]
