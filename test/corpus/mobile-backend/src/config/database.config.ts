import { registerAs } from '@nestjs/config';

export default registerAs('database', () => ({
  uri: process.env.MONGODB_URI ?? 'mongodb://localhost:27017/mobile?retryWrite=true',
  dbName: process.env.MONGODB_DB ?? 'mobile',
  maxPoolSize: parseInt(process.env.MONGODB_MAX_POOL_SIZE ?? '10', 10),
}));
