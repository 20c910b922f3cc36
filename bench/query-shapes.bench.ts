import { randomUUID } from 'node:crypto';
import { MongoClient, type AnyBulkWriteOperation, type Collection } from 'mongodb';

/**
 * The cost of each query shape the platform's hot paths use, per document, on the database
 * at MONGODB_URI (the local stand-in or MongoDB), in a scratch database dropped afterwards.
 * It shows which shapes an engine serves from an index and which make it scan: on the local
 * stand-in only an exact match on all the fields of a unique index (or `_id` with `$in`) is
 * served from an index, whatever other indexes exist. docs/query-shapes.md quotes it.
 *
 *   MONGODB_URI=mongodb://127.0.0.1:27017 npx ts-node --transpile-only bench/query-shapes.bench.ts [--docs 20000]
 */

interface Shape {
  name: string;
  /** Runs the shape once over a batch of existing documents. */
  run(collection: Collection<Doc>, batch: Doc[]): Promise<void>;
}

interface Doc {
  _id: string;
  tenantId: string;
  groupId: string;
  userId: string;
  version: number;
  status: string;
  outbox: Array<{ eventId: string }>;
}

const BATCH = 500;

const bulk = (collection: Collection<Doc>, ops: AnyBulkWriteOperation<Doc>[]) =>
  collection.bulkWrite(ops, { ordered: false });

const SHAPES: Shape[] = [
  {
    name: 'bulk upsert, filter `_id`',
    run: async (c, batch) => {
      await bulk(
        c,
        batch.map((d) => ({
          updateOne: { filter: { _id: d._id }, update: { $set: { status: 'a' } }, upsert: true },
        })),
      );
    },
  },
  {
    name: 'bulk upsert, filter = every field of a unique compound index',
    run: async (c, batch) => {
      await bulk(
        c,
        batch.map((d) => ({
          updateOne: {
            filter: { tenantId: d.tenantId, groupId: d.groupId, userId: d.userId },
            update: { $set: { status: 'b' } },
            upsert: true,
          },
        })),
      );
    },
  },
  {
    name: 'bulk update, filter `{_id, version}` with a unique `{_id, version}` index (compare-and-set)',
    run: async (c, batch) => {
      await bulk(
        c,
        batch.map((d) => ({
          updateOne: { filter: { _id: d._id, version: d.version }, update: { $set: { status: 'c' } } },
        })),
      );
    },
  },
  {
    name: 'bulk update, filter `{_id, tenantId}` (no unique index of exactly these fields)',
    run: async (c, batch) => {
      await bulk(
        c,
        batch.map((d) => ({
          updateOne: { filter: { _id: d._id, tenantId: d.tenantId }, update: { $set: { status: 'd' } } },
        })),
      );
    },
  },
  {
    name: 'bulk `$pull` of one outbox entry, filter `_id`',
    run: async (c, batch) => {
      await bulk(
        c,
        batch.map((d) => ({
          updateOne: {
            filter: { _id: d._id },
            update: { $pull: { outbox: { eventId: d.outbox[0]?.eventId ?? '' } } },
          },
        })),
      );
    },
  },
  {
    name: 'one `updateMany` `$pull`, filter `_id: {$in}`',
    run: async (c, batch) => {
      await c.updateMany(
        { _id: { $in: batch.map((d) => d._id) } },
        { $pull: { outbox: { eventId: { $in: batch.map((d) => d.outbox[0]?.eventId ?? '') } } } },
      );
    },
  },
  {
    name: 'read, filter `_id: {$in}`',
    run: async (c, batch) => {
      await c.find({ _id: { $in: batch.map((d) => d._id) } }).toArray();
    },
  },
  {
    name: 'read, filter `{tenantId, groupId, userId: {$in}}` (`$in` on a compound unique index)',
    run: async (c, batch) => {
      const [first] = batch;
      await c
        .find({
          tenantId: first.tenantId,
          groupId: first.groupId,
          userId: { $in: batch.map((d) => d.userId) },
        })
        .toArray();
    },
  },
];

async function main(): Promise<void> {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is not set');
  const docsArg = process.argv.indexOf('--docs');
  const total = docsArg > 0 ? Number(process.argv[docsArg + 1]) : 20_000;
  const client = await MongoClient.connect(uri);
  const db = client.db(`query-shapes-${Date.now()}`);
  try {
    const collection = db.collection<Doc>('shapes');
    await collection.createIndex({ tenantId: 1, groupId: 1, userId: 1 }, { unique: true });
    await collection.createIndex({ _id: 1, version: 1 }, { unique: true });
    await collection.createIndex({ tenantId: 1, status: 1 });
    const docs: Doc[] = Array.from({ length: total }, (_, i) => ({
      _id: `t:g${i % 10}:${randomUUID()}`,
      tenantId: 't',
      groupId: `g${i % 10}`,
      userId: randomUUID(),
      version: 1,
      status: 'x',
      outbox: [{ eventId: randomUUID() }],
    }));
    for (let i = 0; i < docs.length; i += BATCH) await collection.insertMany(docs.slice(i, i + BATCH));
    const sample = docs.filter((d) => d.groupId === 'g0').slice(0, BATCH * 4);
    console.log(`| shape (${total.toLocaleString('en')} documents, batches of ${BATCH}) | µs per document |`);
    console.log('|---|---|');
    for (const shape of SHAPES) {
      const started = process.hrtime.bigint();
      for (let i = 0; i < sample.length; i += BATCH) await shape.run(collection, sample.slice(i, i + BATCH));
      const micros = Number(process.hrtime.bigint() - started) / 1_000 / sample.length;
      console.log(`| ${shape.name} | ${micros.toFixed(0)} |`);
    }
  } finally {
    await db.dropDatabase();
    await client.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
