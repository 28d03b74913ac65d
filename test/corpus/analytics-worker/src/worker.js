'use strict';

const { Worker } = require('bullmq');
const { MongoClient } = require('mongodb');

const uri = process.env.MONGODB_URI ?? 'mongodb://localhost:27017/analytics';
const client = new MongoClient(uri, { maxPoolSize: 5 });

async function main() {
  await client.connect();
  const events = client.db().collection('page_views');
  const daily = client.db().collection('daily_rollups');

  const worker = new Worker(
    'page-views',
    async (job) => {
      const { siteId, path, ts } = job.data;
      const day = new Date(ts).toISOString().slice(0, 10);
      await events.insertOne({ siteId, path, ts: new Date(ts) });
      await daily.updateOne({ siteId, day }, { $inc: { views: 1, [`paths.${path.replace(/\./g, '_')}`]: 1 } }, { upsert: true });
    },
    { connection: { host: process.env.REDIS_HOST ?? 'localhost', port: 6379 }, concurrency: 20 },
  );

  worker.on('failed', (job, err) => console.error(`job ${job?.id} failed`, err));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
