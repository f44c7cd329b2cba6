# One image recipe for the five services: docker compose builds it once per service with MODULE set.
#
# It packages the runnable jar the Maven build already made (<module>/target/<module>-<version>-exec.jar)
# instead of running Maven inside Docker: the jar is the one ./test.sh tested, the build's dependency
# download happens once on the host rather than once per service image, and an image rebuild takes
# seconds. So build first:  ./mvnw -B -q package -DskipTests   (see docs/docker.md).
#
# The jar is split into Spring Boot's layers (dependencies change rarely, application code often), so
# a code change rebuilds only the last, small layer.

ARG JAVA_IMAGE=eclipse-temurin:21-jre

FROM ${JAVA_IMAGE} AS layers
ARG MODULE
ARG VERSION=0.1.0-SNAPSHOT
WORKDIR /build
COPY ${MODULE}/target/${MODULE}-${VERSION}-exec.jar application.jar
RUN java -Djarmode=tools -jar application.jar extract --layers --launcher --destination extracted

FROM ${JAVA_IMAGE}
ARG MODULE
# curl is for the health check docker compose runs inside the container (/actuator/health/readiness).
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system app && useradd --system --gid app --no-create-home app
WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
USER app
LABEL org.opencontainers.image.title="${MODULE}"
# Container-aware heap: a share of the container's memory limit rather than of the host's.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
