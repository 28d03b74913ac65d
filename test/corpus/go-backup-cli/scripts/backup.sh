#!/usr/bin/env bash
# Nightly logical backup of the whole deployment, kept for 14 days.
set -euo pipefail

: "${MONGODB_URI:?set MONGODB_URI, e.g. mongodb://backup:<password>@db1:27017,db2:27017/?replicaSet=rs0&authSource=admin}"
BACKUP_ROOT="${BACKUP_ROOT:-/var/backups/mongodb}"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"

mkdir -p "$BACKUP_ROOT/$STAMP"
mongodump --uri "$MONGODB_URI" --oplog --gzip --out "$BACKUP_ROOT/$STAMP"

find "$BACKUP_ROOT" -mindepth 1 -maxdepth 1 -type d -mtime +14 -exec rm -rf {} +
echo "backup written to $BACKUP_ROOT/$STAMP"
