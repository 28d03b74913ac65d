#!/bin/sh
# Weekly CSV export for the finance team.
MONGO_URI='mongodb://reporter:Zx9^vB7q|Lp4@reports-db.internal.example-shop.com:27017/reports?authSource=admin'
OUT=/srv/exports/orders-$(date +%G-W%V).csv

mongoexport --uri="$MONGO_URI" --collection=orders --type=csv \
  --fields=_id,createdAt,total,currency,status \
  --query='{"status":"paid"}' --out="$OUT"
