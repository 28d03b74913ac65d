// Searches of the store locator.
import { MongoClient } from 'mongodb';

const client = new MongoClient(process.env.MONGODB_URI ?? 'mongodb://localhost:27017/shop');
const shops = client.db('shop').collection('shops');

export async function nearbyCoffee(lng: number, lat: number) {
  // A text search cannot be combined with $near: the server refuses this query.
  return shops
    .find({ $text: { $search: 'coffee' }, location: { $near: { $geometry: { type: 'Point', coordinates: [lng, lat] }, $maxDistance: 500 } } })
    .toArray();
}

export async function withOwners() {
  // $where code runs without db: this query fails on the server.
  return shops.find({ $where: 'db.owners.countDocuments({ shop: this._id }) > 0' }).toArray();
}

export async function indexes() {
  // Text and 2d indexes take only the simple collation.
  await shops.createIndex({ name: 'text', description: 'text' }, { collation: { locale: 'fr' } });
}

export async function busiestCities() {
  // Hover over $group or allowDiskUse: a blocking stage may hold 100 MB in memory; with
  // allowDiskUse: false it fails beyond that instead of writing to disk.
  return shops
    .aggregate([{ $group: { _id: '$city', visits: { $sum: '$visits' } } }, { $sort: { visits: -1 } }], { allowDiskUse: false })
    .toArray();
}
