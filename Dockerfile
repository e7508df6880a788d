# syntax=docker/dockerfile:1

# --- Build: the same wrapper and command as the README, on Java 17 (the project's level), tests left to CI. ---
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
COPY rules/ rules/
RUN ./mvnw -B -q package -DskipTests \
 && java -Djarmode=tools -jar target/policy-advisor.jar extract --destination /extracted

# --- Run: Java 25 with an ahead-of-time class cache, a non-root user, the jar (which carries the rule packs). ---
# The jar runs unchanged on 25. The cache (JEP 483/514) holds the classes a training run loaded and linked, so a
# start-up skips most of that work: it needs the jar extracted (plain jars on the class path) and the same JVM.
# docs/benchmarks.md measures this launch against the others.
FROM eclipse-temurin:25-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin advisor
WORKDIR /app
COPY --from=build /extracted/ /app/
# Training run: start, serve an evaluation and the pages, stop; the JVM writes the cache as it exits.
RUN java -XX:AOTCacheOutput=/app/policy-advisor.aot -Xms64m -Xmx256m -XX:+UseSerialGC -jar /app/policy-advisor.jar \
      --advisor.data-dir=/tmp/training & pid=$!; \
    for i in $(seq 1 180); do curl -fs -o /dev/null http://127.0.0.1:8080/actuator/health/readiness && break; sleep 1; done; \
    curl -fsS -o /dev/null -X POST -H 'Content-Type: application/json' -d '{"conditions":{"oil_price":"low"}}' \
      http://127.0.0.1:8080/api/evaluate \
 && curl -fsS -o /dev/null 'http://127.0.0.1:8080/advice?oil_price=low' \
 && curl -fsS -o /dev/null http://127.0.0.1:8080/ ; trained=$?; \
    kill -TERM $pid; wait $pid; \
    rm -rf /tmp/training; test $trained -eq 0 && test -s /app/policy-advisor.aot
# The embedded database of saved scenarios lives in ./data: writable by the app's user, and a volume, so that saved
# scenarios outlive the container.
RUN mkdir /app/data && chown 10001 /app/data
VOLUME /app/data
USER 10001
EXPOSE 8080
# Ready only once the rule base is built and the engine and web stack warmed.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/actuator/health/readiness || exit 1
# A 256 MB heap serves the load measured in docs/benchmarks.md, starting small; the serial collector suits one or
# two cores.
ENTRYPOINT ["java", "-XX:AOTCache=/app/policy-advisor.aot", "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-jar", \
            "/app/policy-advisor.jar"]
