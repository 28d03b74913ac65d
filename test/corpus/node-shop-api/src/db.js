'use strict';

const { MongoClient } = require('mongodb');

const uri = process.env.MONGO_URL || 'mongodb://localhost:27017/shop';
const client = new MongoClient(uri, {
  maxPoolSize: Number(process.env.MONGO_POOL_SIZE || 10),
  serverSelectionTimeoutMS: 5000,
});

let db;

async function connect() {
  await client.connect();
  db = client.db();
  await db.collection('products').createIndex({ sku: 1 }, { unique: true });
  await db.collection('orders').createIndex({ customerId: 1, createdAt: -1 });
  return db;
}

function getDb() {
  if (!db) throw new Error('call connect() first');
  return db;
}

async function close() {
  await client.close();
}

module.exports = { connect, getDb, close };
