// Runs once, when the data volume is empty. The root user exists at this point.
const dbName = process.env.MONGO_INITDB_DATABASE || 'app';
const appDb = db.getSiblingDB(dbName);

appDb.createUser({
  user: process.env.MONGO_APP_USER,
  pwd: process.env.MONGO_APP_PASSWORD,
  roles: [{ role: 'readWrite', db: dbName }],
});

appDb.createCollection('users');
appDb.users.createIndex({ email: 1 }, { unique: true });
