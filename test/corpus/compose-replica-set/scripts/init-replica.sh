#!/bin/sh
# Initiates rs0 once all three members answer.
set -e

until mongosh "mongodb://admin:admin@mongo1:27017/?authSource=admin&directConnection=true" --quiet --eval 'db.adminCommand("ping")' >/dev/null 2>&1; do
  sleep 2
done

mongosh "mongodb://admin:admin@mongo1:27017/?authSource=admin&directConnection=true" --quiet <<'JS'
try {
  rs.status();
} catch (e) {
  rs.initiate({
    _id: "rs0",
    members: [
      { _id: 0, host: "mongo1:27017", priority: 2 },
      { _id: 1, host: "mongo2:27017" },
      { _id: 2, host: "mongo3:27017" },
    ],
  });
}
JS
