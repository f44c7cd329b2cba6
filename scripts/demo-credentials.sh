#!/usr/bin/env sh
# Generates the demo password docker-compose passes to every service (PLATFORM_SECURITY_DEMO_PASSWORD,
# through .env) and to Prometheus (deploy/prometheus/secrets/demo-password), and prints it once. The services
# refuse demo security on a published port with the documented password "demo" (the demo interlock).
# Run it once before `docker compose up`; it keeps an existing password (delete .env to get a new one).
set -eu
cd "$(dirname "$0")/.."
if [ -f .env ] && grep -q '^DEMO_PASSWORD=' .env; then
  password=$(sed -n 's/^DEMO_PASSWORD=//p' .env)
  echo "demo password already generated (in .env); delete .env to generate a new one"
else
  password=$(LC_ALL=C tr -dc 'A-Za-z0-9' < /dev/urandom | head -c 24)
  echo "DEMO_PASSWORD=$password" >> .env
  echo "demo password for every demo identity (acme-admin, support-alice, ops, ...): $password"
fi
printf '%s' "$password" > deploy/prometheus/secrets/demo-password
chmod 644 deploy/prometheus/secrets/demo-password
