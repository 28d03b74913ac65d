import { MongoClient, type Db } from 'mongodb';

let client: MongoClient | undefined;

export async function useDb(): Promise<Db> {
  const { mongodbUri, mongodbDb } = useRuntimeConfig();
  if (!client) {
    client = new MongoClient(mongodbUri);
    await client.connect();
  }
  return client.db(mongodbDb);
}
