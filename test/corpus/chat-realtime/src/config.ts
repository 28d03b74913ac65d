import { readFileSync } from 'node:fs';

function fromFile(name: string): string | undefined {
  const file = process.env[`${name}_FILE`];
  return file ? readFileSync(file, 'utf8').trim() : undefined;
}

export const config = {
  port: Number(process.env.PORT ?? 8080),
  mongo: {
    uri:
      fromFile('MONGO_URL') ??
      process.env.MONGO_URL ??
      'mongodb://localhost:27017/chat?retrywrites=ture&maxPoolSize=20',
    database: process.env.MONGO_DB ?? 'chat',
    messagesCollection: 'messages',
  },
  historySize: 100,
} as const;
