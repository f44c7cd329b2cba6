#!/usr/bin/env bash
# Writes a random Kafka password for every Kafka user that .env (repository root, git-ignored) lacks, so
# docker compose can start: the broker's super users (broker, admin), one user per service and tracking.
# Existing passwords are kept; delete a line (and `docker compose down -v` is not needed: kafka-setup sets
# the SCRAM credentials again at every `up`) to get a new one. The user list is kafka-access KafkaAccess.users();
# local-stack/.../DockerComposeConsistencyTest keeps the two equal.
set -euo pipefail
cd "$(dirname "$0")/../.."
env_file=.env
touch "$env_file"
chmod 600 "$env_file"
added=0
for user in broker admin closure-orchestrator contracts-service payouts-service funding-service catalog-service tracking; do
  var="KAFKA_PASSWORD_$(printf '%s' "$user" | tr '[:lower:]-' '[:upper:]_')"
  if ! grep -q "^${var}=" "$env_file"; then
    password=$(LC_ALL=C tr -dc 'A-Za-z0-9' < /dev/urandom | head -c 32 || true)
    printf '%s=%s\n' "$var" "$password" >> "$env_file"
    added=$((added + 1))
  fi
done
# The services' master key for personal data (platform.crypto.master-key): 32 random bytes, kept once written
# (a new one would make the stored personal data unreadable).
if ! grep -q "^PLATFORM_CRYPTO_MASTER_KEY=" "$env_file"; then
  printf 'PLATFORM_CRYPTO_MASTER_KEY=%s\n' "$(head -c 32 /dev/urandom | base64 | tr -d '\n')" >> "$env_file"
  echo "$env_file: new master key PLATFORM_CRYPTO_MASTER_KEY"
fi
echo "$env_file: $added new Kafka password(s); tools on the host log in as admin with KAFKA_PASSWORD_ADMIN (docs/docker.md)."
