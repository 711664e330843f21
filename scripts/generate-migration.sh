#!/usr/bin/env bash
# Generates a Drizzle migration from the schema, one at a time (several people may be
# changing the schema in one tree): `scripts/generate-migration.sh <name>`.
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/generate-migration.sh <name>}"
exec 9>/tmp/convene-migration.lock
flock 9
npx drizzle-kit generate --name "$name"
