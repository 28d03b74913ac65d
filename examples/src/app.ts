import { MongoClient } from 'mongodb';

// Local development: fine.
const localUri = 'mongodb://localhost:27017/shop';

// A typo in the port: 270170 is out of range.
const stagingUri = 'mongodb://staging.example.com:270170/shop?tls=true';

// tlsInsecure and tlsAllowInvalidCertificates must not be combined.
const legacyUri = `mongodb://legacy.example.com:27017/shop?tlsInsecure=true&tlsAllowInvalidCertificates=true`;

export async function connect(env: string): Promise<MongoClient> {
  const uri = process.env.MONGODB_URI ?? (env === 'staging' ? stagingUri : env === 'legacy' ? legacyUri : localUri);
  const client = new MongoClient(uri, { appName: 'shop' });
  await client.connect();
  return client;
}
