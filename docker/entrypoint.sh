#!/bin/sh
# Refuses to start without a database: the production image carries no embedded Postgres.
set -eu
if [ -z "${DATABASE_URL:-}" ]; then
  echo "Cannot start: DATABASE_URL must be set (e.g. postgres://user:password@db:5432/tracker)" >&2
  exit 1
fi
exec "$@"
