#!/usr/bin/env bash
# Checks the Prometheus alert rules: syntax (promtool check rules), the Prometheus configuration that
# loads them (promtool check config) and their unit tests (promtool test rules, one test file per rules
# file in deploy/prometheus/tests/). Exits non-zero on the first error. Needs promtool on the PATH
# (Debian: apt-get install prometheus; .ci/run installs it).
set -euo pipefail
cd "$(dirname "$0")/../deploy/prometheus"
if ! command -v promtool >/dev/null 2>&1; then
  echo "check-alert-rules: promtool not found (Debian/Ubuntu: apt-get install prometheus)" >&2
  exit 1
fi
shopt -s nullglob
rules=(rules/*.yml)
tests=(tests/*.yml)
if (( ${#rules[@]} == 0 )); then
  echo "check-alert-rules: no rules in deploy/prometheus/rules" >&2
  exit 1
fi
# Every rules file has its unit tests.
for r in "${rules[@]}"; do
  t="tests/$(basename "${r%.yml}").test.yml"
  if [[ ! -f "$t" ]]; then
    echo "check-alert-rules: $r has no unit tests ($t)" >&2
    exit 1
  fi
done
promtool check rules "${rules[@]}"
promtool check config prometheus.yml
promtool test rules "${tests[@]}"
