#!/usr/bin/env bash
# Runs every test of every module against a real Kafka broker and a real PostgreSQL.
# Where a Docker engine answers, the test kit uses Testcontainers; otherwise it starts an in-process
# KRaft broker and embedded PostgreSQL binaries (set TEST_INFRASTRUCTURE=in-process to skip the probe).
# Extra arguments go to Maven, e.g. ./test.sh -pl platform
set -euo pipefail
cd "$(dirname "$0")"
. scripts/select-jdk.sh
echo "Using JAVA_HOME=$JAVA_HOME"
status=0
./mvnw -B verify "$@" || status=$?
# The chaos journey's summary (system-tests writes it; the test JVM's own output goes to files).
if [ -f system-tests/target/chaos-result.txt ]; then
  cat system-tests/target/chaos-result.txt
fi
exit "$status"
