#!/usr/bin/env bash
# /opt/ops/backup/mongodump.sh — called from cron, see crontab.txt
set -euo pipefail

source /etc/ops/backup.env   # defines MONGODB_URI and S3_BUCKET

archive="/var/tmp/shop-$(date -u +%F).archive.gz"
mongodump --uri="$MONGODB_URI" --readPreference=secondary --gzip --archive="$archive"
aws s3 cp "$archive" "s3://${S3_BUCKET}/mongodb/" --only-show-errors
rm -f "$archive"
