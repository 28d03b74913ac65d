// Setting up the replica set and the sharded collections of the shop, run in a MongoDB playground.

// Hover over members to see how many members and voters a replica set can have.
const config = {
  _id: "rs0",
  members: [
    { _id: 0, host: "mongo-0.shop.internal:27017" },
    { _id: 1, host: "mongo-1.shop.internal:27017" },
    { _id: 2, host: "mongo-2.shop.internal:27017" },
    { _id: 3, host: "mongo-3.shop.internal:27017" },
    { _id: 4, host: "mongo-4.shop.internal:27017" },
    { _id: 5, host: "mongo-5.shop.internal:27017" },
    { _id: 6, host: "mongo-6.shop.internal:27017" },
    // The eighth voter: give it votes: 0 and priority: 0.
    { _id: 7, host: "mongo-7.shop.internal:27017" },
  ],
};
rs.initiate(config);

use("shop");

// A capped collection needs a size; max must stay below 2^31.
db.createCollection("auditLog", { capped: true, max: 5000000000 });

// Every new order would go to the shard holding the latest createdAt: the quick fix hashes the key.
sh.shardCollection("shop.orders", { createdAt: 1 });
sh.shardCollection("shop.users", { tenantId: 1 });

// Unique across the sharded users only when the index starts with the shard key.
db.users.createIndex({ email: 1 }, { unique: true });
db.users.createIndex({ tenantId: 1, email: 1 }, { unique: true });
