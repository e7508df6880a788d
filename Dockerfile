# syntax=docker/dockerfile:1

# --- Build: the same wrapper and command as the README, tests left to CI. ---
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
COPY rules/ rules/
RUN ./mvnw -B -q package -DskipTests

# --- Run: a JRE, a non-root user, the jar (which carries the rule packs). ---
FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin advisor
WORKDIR /app
COPY --from=build /src/target/policy-advisor.jar /app/policy-advisor.jar
# The embedded database of saved scenarios lives in ./data: writable by the app's user, and a volume, so that saved
# scenarios outlive the container.
RUN mkdir /app/data && chown 10001 /app/data
VOLUME /app/data
USER 10001
EXPOSE 8080
# Ready only once the rule base is built and warmed.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "/app/policy-advisor.jar"]
