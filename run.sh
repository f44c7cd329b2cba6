#!/usr/bin/env bash
# The local stack in one command: builds what is needed, then starts a real PostgreSQL (embedded
# binaries) and a real Kafka broker (KRaft, the Kafka server jars) with their data in .local-stack/,
# then the five services on ports 8080-8084. Ctrl-C stops everything it started.
#   ./run.sh             build + start
#   ./run.sh --no-build  start what was built last time
#   ./run.sh --demo      start, then run the demo walkthrough
#   ./run.sh --monitoring  also a real Prometheus (where /usr/bin/prometheus is installed) with the alert rules
#   ./run.sh --instances 2 two instances of every service (second ones on ports 8090-8094)
# See docs/local-stack.md.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/select-jdk.sh

build=1
args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    *) args+=("$arg") ;;
  esac
done

modules=closure-orchestrator,contracts-service,payouts-service,funding-service,catalog-service,local-stack
if [ "$build" = 1 ]; then
  echo "Building the services and the launcher (./mvnw package -DskipTests; --no-build skips this) ..."
  # package, not install: the jars are run from */target, nothing needs to go to ~/.m2.
  ./mvnw -B -q package -DskipTests -pl "$modules" -am
fi

launcher=local-stack/target
if [ ! -f "$launcher/local-stack-0.1.0-SNAPSHOT.jar" ]; then
  echo "The launcher is not built ($launcher/local-stack-0.1.0-SNAPSHOT.jar); run ./run.sh without --no-build." >&2
  exit 1
fi

# A shell started in the background (./run.sh &, nohup, CI) has SIGINT ignored, the JVM keeps it
# ignored, and kill -INT would do nothing: GNU env resets it to the default where it can.
reset_int=()
if env --default-signal=INT true >/dev/null 2>&1; then reset_int=(env --default-signal=INT); fi

# exec: the JVM replaces this shell, so Ctrl-C and kill -INT/-TERM reach the launcher directly and its
# shutdown hook stops the services, then Kafka, then PostgreSQL.
exec ${reset_int[@]+"${reset_int[@]}"} "$JAVA_HOME/bin/java" -Xmx256m \
  -Dlocalstack.root="$PWD" \
  -cp "$PWD/$launcher/local-stack-0.1.0-SNAPSHOT.jar:$PWD/$launcher/lib/*" \
  com.brandclosure.localstack.LocalStack ${args[@]+"${args[@]}"}
