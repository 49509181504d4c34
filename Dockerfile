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
RUN ./mvnw -B -ntp -DskipTests package

# ---- runtime stage ------------------------------------------------------------
FROM eclipse-temurin:17-jre

RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /app --no-create-home --shell /usr/sbin/nologin app

WORKDIR /app
COPY --from=build /build/target/win-events-*.jar /app/app.jar

USER 10001:10001
EXPOSE 8080

# No curl/wget in the JRE image: ask the liveness probe over bash's /dev/tcp. Not
# /actuator/health: it includes the mail server, and an SMTP outage must not mark the
# container unhealthy (the outbox retries mail on its own). Liveness says the process
# works; a load balancer should route by /actuator/health/readiness (database included).
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /actuator/health/liveness HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && grep -q "\"status\":\"UP\"" <&3' || exit 1

ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
