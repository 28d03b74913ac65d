// Indexes and reports of the shop database, run in a MongoDB playground.
use("shop");

// Two databases whose names differ only by case cannot both exist.
db.getSiblingDB("salesData").orders.countDocuments({});
db.getSiblingDB("SalesData").orders.countDocuments({});

// A collection name cannot begin with "system.".
db.createCollection("system.cache");

// "createdAt" is named twice: the object keeps the last value, in the place of the first.
db.orders.find({ status: "open" }).sort({ createdAt: -1, _id: 1, createdAt: 1 });

// Hover over createIndex or aggregate to see their limits.
db.orders.createIndex({ customerId: 1, createdAt: -1 });
db.orders.aggregate([{ $match: { status: "open" } }, { $group: { _id: "$customerId", total: { $sum: "$total" } } }]);
