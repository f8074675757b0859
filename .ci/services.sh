#!/usr/bin/env bash
# Starts RabbitMQ and PostgreSQL on loopback for the starters' integration tests.
# Idempotent: safe to run when they are already up.
set -euo pipefail

# RabbitMQ runs as its own user; its folders must belong to it.
if ! rabbitmqctl -q status >/dev/null 2>&1; then
  mkdir -p /var/lib/rabbitmq /var/log/rabbitmq
  chown -R rabbitmq:rabbitmq /var/lib/rabbitmq /var/log/rabbitmq
  su rabbitmq -s /bin/sh -c 'rabbitmq-server -detached' >/dev/null 2>&1 || true
  for _ in $(seq 1 60); do rabbitmqctl -q await_startup >/dev/null 2>&1 && break; sleep 1; done
fi
rabbitmqctl -q status >/dev/null

# PostgreSQL: the Debian cluster, with a password for the postgres user on loopback.
ver=$(ls /etc/postgresql | sort -V | tail -1)
pg_ctlcluster "$ver" main start >/dev/null 2>&1 || true
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
echo "services: rabbitmq and postgresql ($ver) are up"
