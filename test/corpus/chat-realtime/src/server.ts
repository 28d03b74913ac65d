import { createServer } from 'node:http';
import { MongoClient } from 'mongodb';
import pino from 'pino';
import { Server } from 'socket.io';
import { config } from './config.js';

const log = pino();
const client = new MongoClient(config.mongo.uri);
await client.connect();
const messages = client.db(config.mongo.database).collection(config.mongo.messagesCollection);
await messages.createIndex({ room: 1, sentAt: -1 });

const http = createServer();
const io = new Server(http, { cors: { origin: process.env.CORS_ORIGIN ?? '*' } });

io.on('connection', (socket) => {
  socket.on('join', async (room: string) => {
    await socket.join(room);
    const history = await messages.find({ room }).sort({ sentAt: -1 }).limit(config.historySize).toArray();
    socket.emit('history', history.reverse());
  });

  socket.on('message', async (msg: { room: string; text: string; user: string }) => {
    const doc = { ...msg, sentAt: new Date() };
    await messages.insertOne(doc);
    io.to(msg.room).emit('message', doc);
  });
});

http.listen(config.port, () => log.info({ port: config.port }, 'chat server up'));
