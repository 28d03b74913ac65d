import 'dotenv/config';
import express from 'express';
import helmet from 'helmet';
import mongoose from 'mongoose';
import { postsRouter } from './routes/posts';

const app = express();
app.use(helmet());
app.use(express.json({ limit: '1mb' }));
app.use('/posts', postsRouter);

const PORT = Number(process.env.PORT ?? 4000);
const MONGODB_URI = process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/blog';

mongoose.set('strictQuery', true);

async function main(): Promise<void> {
  await mongoose.connect(MONGODB_URI, {
    autoIndex: process.env.NODE_ENV !== 'production',
    serverSelectionTimeoutMS: 8000,
  });
  console.log(`connected to ${mongoose.connection.host}/${mongoose.connection.name}`);
  app.listen(PORT, () => console.log(`blog api on http://localhost:${PORT}`));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
