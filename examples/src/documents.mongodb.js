// Documents written to the shop database, run in a MongoDB playground.
use("shop");

// The _id of a document cannot be an array: the server refuses this insert.
db.tags.insertOne({ _id: ["red", "blue"], count: 2 });

// Nor a regular expression: keep the pattern as a string.
db.routes.insertOne({ _id: /^\/orders\//, handler: "orders" });

// With upsert, an _id equality of the filter becomes the _id of the new document.
db.carts.updateOne({ _id: ["user-1", "eu"] }, { $set: { items: [] } }, { upsert: true });

// Fields of an _id cannot start with $.
db.daily.insertOne({ _id: { $day: "2024-05-01", store: 7 }, sales: 120 });

// "status" is given twice: only "shipped" is sent, "paid" is lost without a word.
db.orders.insertOne({ customerId: 42, status: "paid", total: 99.5, status: "shipped" });

// A field name cannot contain the null character.
db.logs.insertOne({ "level\u0000": "info" });
