import { NextResponse } from 'next/server';
import { z } from 'zod';
import clientPromise, { DB_NAME } from '@/lib/mongodb';

const NoteInput = z.object({
  title: z.string().min(1).max(200),
  body: z.string().max(20_000),
  tags: z.array(z.string()).default([]),
});

export async function GET() {
  const client = await clientPromise;
  const notes = await client
    .db(DB_NAME)
    .collection('notes')
    .find({}, { projection: { body: 0 } })
    .sort({ updatedAt: -1 })
    .limit(50)
    .toArray();
  return NextResponse.json(notes);
}

export async function POST(request: Request) {
  const parsed = NoteInput.safeParse(await request.json());
  if (!parsed.success) {
    return NextResponse.json({ error: parsed.error.flatten() }, { status: 400 });
  }
  const client = await clientPromise;
  const now = new Date();
  const { insertedId } = await client
    .db(DB_NAME)
    .collection('notes')
    .insertOne({ ...parsed.data, createdAt: now, updatedAt: now });
  return NextResponse.json({ id: insertedId }, { status: 201 });
}
