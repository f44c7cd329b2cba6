#!/usr/bin/env bash
# Builds the benchmarks module (and what it needs, in the reactor; nothing is installed) and runs every
# harness in a JVM of its own (each starts its own in-process Kafka and PostgreSQL, the latter with fsync,
# synchronous_commit and full_page_writes on). Each harness ends with lines `RESULT <key> <value> <unit>`;
# this script prints them all in one block at the end and exits non-zero if a harness failed, a required
# key is missing, or a harness's PostgreSQL did not report production durability.
#
#   benchmarks/run-all.sh [--full | --small] [--offline] [--only Name[,Name...]]
#
#   --full     the issue's full size where the default is smaller: 200,000 open costs for the large brand
#              (default 20,000: its per-event cost grows with the account today, see benchmarks/README.md)
#   --small    about a tenth of every size: to check the suite end to end, or on a machine too loaded for the
#              default sizes to finish; its figures are not comparable with the default sizes'
#   --offline  Maven offline (-o)
#   --only     run only these harnesses (names as listed below); the required-key check is then skipped
#
# Logs and the collected block: target/benchmarks/ (BENCH_OUT to change). See benchmarks/README.md.
set -uo pipefail
cd "$(dirname "$0")/.."

full=false
small=false
maven_offline=""
only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --full) full=true ;;
    --small) small=true ;;
    --offline) maven_offline="-o" ;;
    --only) only="${2:?--only needs harness names}"; shift ;;
    *) echo "unknown option $1 (see the head of $0)" >&2; exit 2 ;;
  esac
  shift
done

. scripts/select-jdk.sh || exit 2
# No Docker here: the test kit starts Kafka and PostgreSQL in this process's JVMs.
export TEST_INFRASTRUCTURE="${TEST_INFRASTRUCTURE:-in-process}"
out="${BENCH_OUT:-$PWD/target/benchmarks}"
mkdir -p "$out"
classpath_file="$out/classpath"
suite_start=$(date +%s)

echo "== build ($(date -u +%H:%M:%S) UTC): ./mvnw -pl benchmarks -am -DskipTests package"
# Every module of the reactor writes the classpath file; benchmarks comes last, so the file is its own.
if ! ./mvnw -B -q $maven_offline -pl benchmarks -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile="$classpath_file" > "$out/build.log" 2>&1; then
  tail -50 "$out/build.log"
  echo "build FAILED (log: $out/build.log)" >&2
  exit 1
fi
classpath="benchmarks/target/classes:$(cat "$classpath_file")"

if $full; then large_costs=200000; large_minutes=40; else large_costs=20000; large_minutes=8; fi

# name | main class | JVM system properties (sizes)
if $small; then
  harnesses=(
    "platform|com.brandclosure.benchmarks.PlatformBenchmark|-Dbench.events=20000 -Dbench.singleEvents=1000 -Dbench.relay.seconds=5"
    "crypto|com.brandclosure.benchmarks.crypto.CryptoAppendBenchmark|-Dbench.transactions=500 -Dbench.rounds=3"
    "saga|com.brandclosure.benchmarks.closure.ClosureSagaBenchmark|-Dbrands=1000 -Dwarmup=100 -Dsaga.paced.seconds=10"
    "payouts-funding|com.brandclosure.benchmarks.payouts.PayoutsFundingBenchmark|-Dbrands=100 -DactionsPerBrand=200"
    "large-brand|com.brandclosure.benchmarks.funding.LargeBrandFundingBenchmark|-Dcosts=5000 -Dfunding.large.maxMinutes=5"
    "bulk-expiry|com.brandclosure.benchmarks.contracts.BulkExpiryBenchmark|-Dcontracts=10000"
  )
else
  harnesses=(
    "platform|com.brandclosure.benchmarks.PlatformBenchmark|-Dbench.events=200000 -Dbench.singleEvents=5000"
    "crypto|com.brandclosure.benchmarks.crypto.CryptoAppendBenchmark|-Dbench.transactions=2000 -Dbench.rounds=7"
    "saga|com.brandclosure.benchmarks.closure.ClosureSagaBenchmark|-Dbrands=10000 -Dwarmup=500 -Dsaga.paced.seconds=20"
    "payouts-funding|com.brandclosure.benchmarks.payouts.PayoutsFundingBenchmark|-Dbrands=1000 -DactionsPerBrand=200"
    "large-brand|com.brandclosure.benchmarks.funding.LargeBrandFundingBenchmark|-Dcosts=$large_costs -Dfunding.large.maxMinutes=$large_minutes"
    "bulk-expiry|com.brandclosure.benchmarks.contracts.BulkExpiryBenchmark|-Dcontracts=100000"
  )
fi

required=(
  infrastructure.fsync infrastructure.synchronous_commit infrastructure.full_page_writes
  saga.burst.closures_per_s saga.paced.step_p99_ms saga.paced.rate_closures_per_s
  ingest.actions_per_s funding.catchup_s
  funding.large_brand.costs_per_s funding.large_brand.first_10pct_costs_per_s funding.large_brand.last_10pct_costs_per_s
  bulk_expiry.immediate_s bulk_expiry.scheduled_s
  relay.events_per_s relay.commit_to_ack_p99_ms
)

results="$out/results.txt"
: > "$results"
failed=()
for entry in "${harnesses[@]}"; do
  IFS='|' read -r name class props <<< "$entry"
  if [ -n "$only" ] && [[ ",$only," != *",$name,"* ]]; then
    continue
  fi
  log="$out/$name.log"
  started=$(date +%s)
  echo "== $name ($(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1-3 /proc/loadavg)): $class $props"
  # shellcheck disable=SC2086 # the properties are separate words on purpose
  timeout -k 30 "${BENCH_HARNESS_TIMEOUT:-1500}" "$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:-} $props \
      -cp "$classpath" "$class" > "$log" 2>&1
  rc=$?
  echo "# $name ($(( $(date +%s) - started )) s, exit $rc)" >> "$results"
  grep '^RESULT ' "$log" >> "$results"
  grep '^RESULT ' "$log" | sed 's/^/   /'
  if [ $rc -ne 0 ]; then
    failed+=("$name")
    echo "   $name FAILED (exit $rc); last lines of $log:"
    tail -20 "$log" | sed 's/^/   | /'
  fi
done

missing=()
if [ -z "$only" ]; then
  for key in "${required[@]}"; do
    grep -q "^RESULT $key " "$results" || missing+=("$key")
  done
fi
# Every harness must have run on a durable PostgreSQL: a figure taken with fsync off would flatter commits.
not_durable=$(grep -E '^RESULT infrastructure\.(fsync|synchronous_commit|full_page_writes) ' "$results" | grep -v ' on$')

echo
echo "=== benchmark results ($(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, suite $(( $(date +%s) - suite_start )) s,"\
     "load at end $(cut -d' ' -f1-3 /proc/loadavg), full=$full, small=$small) ==="
cat "$results"
status=0
if [ ${#failed[@]} -gt 0 ]; then echo "FAILED harnesses: ${failed[*]} (logs in $out)"; status=1; fi
if [ ${#missing[@]} -gt 0 ]; then echo "MISSING keys: ${missing[*]}"; status=1; fi
if [ -n "$not_durable" ]; then echo "NOT at production durability:"; echo "$not_durable"; status=1; fi
exit $status
