#!/usr/bin/env bash
# Restore one dump folder into the recovery cluster.
# usage: scripts/restore.sh /var/backups/mongodb/20240702T031500Z
set -euo pipefail

DUMP_DIR="${1:?dump folder}"
RECOVERY_URI="mongodb://restore_svc:Tr0ub4dor77xQ@10.20.4.12:27017,10.20.4.13:27017/?replicaSet=recovery&authSource=admin"

mongorestore --uri "$RECOVERY_URI" --oplogReplay --gzip --drop "$DUMP_DIR"
