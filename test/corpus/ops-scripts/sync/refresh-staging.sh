#!/usr/bin/env bash
# Copies the shop database from production to staging, masking emails on the way.
set -euo pipefail

SRC_URI="${PROD_MONGODB_URI:?}"
DST_URI="mongodb://staging-db.internal.example-shop.com:270170/shop?authSource=admin"

mongodump --uri="$SRC_URI" --db=shop --excludeCollection=sessions --archive \
  | mongorestore --uri="$DST_URI" --archive --drop --nsInclude='shop.*'

mongosh "$DST_URI" --quiet --eval '
  db.getSiblingDB("shop").customers.updateMany({}, [{ $set: { email: { $concat: ["user+", { $toString: "$_id" }, "@example.invalid"] } } }])
'
