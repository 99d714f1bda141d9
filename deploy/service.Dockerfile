# Runtime image of any of the four services, chosen by build arguments. The jar is built beforehand
# (./mvnw -B -DskipTests package); the build context is the repository root:
#   docker build -f deploy/service.Dockerfile --build-arg SERVICE=referral-service --build-arg PORT=8081 .
FROM eclipse-temurin:17-jre

# The health check needs an HTTP client; newer temurin images no longer ship curl.
RUN if ! command -v curl >/dev/null 2>&1; then \
        apt-get update \
        && apt-get install -y --no-install-recommends curl \
        && rm -rf /var/lib/apt/lists/*; \
    fi \
    && groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --no-create-home --shell /usr/sbin/nologin app

ARG SERVICE
ARG PORT
WORKDIR /app
COPY ${SERVICE}/target/${SERVICE}-0.1.0-SNAPSHOT-exec.jar /app/app.jar

ENV SERVER_PORT=${PORT} \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE ${PORT}
USER 10001:10001

HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=4 \
    CMD curl -fsS -o /dev/null "http://localhost:${SERVER_PORT}/actuator/health" || exit 1

ENTRYPOINT ["java", "-jar", "/app/app.jar"]
