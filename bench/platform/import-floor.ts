import mongoose, { type mongo } from 'mongoose';
import { newId } from '@lms/kernel';
import { uniqueSuffix } from '@lms/testing';
import { rawOutboxEntry, type RawOutboxEntry } from './raw-outbox-entry';
import type { Timed } from './time-until';

/** Rows per chunk: what an import applies at once. */
const CHUNK_ROWS = 500;

/** What the floor's users and memberships have in common: a versioned document with an outbox. */
interface FloorDocument {
  _id: string;
  tenantId: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  outbox: RawOutboxEntry[];
}

interface FloorUser extends FloorDocument {
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
  locale: string;
  level: string;
  state: string;
  customFields: Record<string, string>;
  labels: string[];
}

interface FloorMembership extends FloorDocument {
  membershipId: string;
  groupId: string;
  userId: string;
  roles: string[];
  status: string;
}

/**
 * The least an imported user costs the database, with nothing of the platform in between:
 * mongoose's own driver against the platform's server, in a scratch database dropped
 * afterwards, chunk after chunk of 500 rows: one insert of the users, each with its
 * `user.created` outbox entry, one insert of their memberships, each with its
 * `membership.added` entry, then the two bulk removals of those entries by `_id` (what the
 * relay does once they are published). No validation, no row report, no broker, no consumer:
 * the import's ceiling on this engine.
 */
export async function measureImportFloor(mongoUri: string, rows: number, groupId: string): Promise<Timed> {
  const dbName = `bench-import-floor-${uniqueSuffix()}`;
  const connection = mongoose.createConnection(mongoUri, { dbName, serverSelectionTimeoutMS: 10_000 });
  try {
    await connection.asPromise();
    const db = connection.getClient().db(dbName);
    const users = db.collection<FloorDocument>('users');
    const memberships = db.collection<FloorDocument>('group_memberships');
    await users.createIndex({ tenantId: 1, email: 1 }, { unique: true });
    await memberships.createIndex({ tenantId: 1, groupId: 1, userId: 1 }, { unique: true });
    // Untimed: the collections are created and the server and the driver warmed up first.
    await writeChunk(users, memberships, 'warm-up', 0, CHUNK_ROWS, groupId);
    const startedAt = Date.now();
    for (let at = 0; at < rows; at += CHUNK_ROWS)
      await writeChunk(users, memberships, 'floor', at, Math.min(CHUNK_ROWS, rows - at), groupId);
    const seconds = (Date.now() - startedAt) / 1000;
    return { seconds, perSecond: rows / seconds };
  } finally {
    await connection.dropDatabase().catch(() => undefined);
    await connection.close().catch(() => undefined);
  }
}

async function writeChunk(
  users: mongo.Collection<FloorDocument>,
  memberships: mongo.Collection<FloorDocument>,
  run: string,
  from: number,
  count: number,
  groupId: string,
): Promise<void> {
  const now = new Date().toISOString();
  const userDocs = Array.from({ length: count }, (_, at) => userDocument(`${run}-${from + at}`, now));
  const membershipDocs = userDocs.map((user) => membershipDocument(user._id, groupId, now));
  await users.insertMany(userDocs, { ordered: false });
  await memberships.insertMany(membershipDocs, { ordered: false });
  for (const [collection, docs] of [
    [users, userDocs],
    [memberships, membershipDocs],
  ] as const)
    await collection.bulkWrite(
      docs.map((doc) => ({
        updateOne: {
          filter: { _id: doc._id },
          update: { $pull: { outbox: { eventId: doc.outbox[0]?.eventId } } },
        },
      })),
      { ordered: false },
    );
}

function userDocument(name: string, now: string): FloorUser {
  const id = newId();
  const state = {
    userId: id,
    email: `bench-${name}@bench.example.test`,
    firstName: 'Bench',
    lastName: `User ${name}`,
    locale: 'en',
    level: 'user',
    state: 'active',
    customFields: { COUNTRY: 'UK' },
  };
  return {
    _id: id,
    tenantId: 'bench-import-floor',
    ...state,
    labels: ['bench'],
    version: 1,
    createdAt: now,
    updatedAt: now,
    outbox: [entry('identity.users.v1', id, 'user.created', state)],
  };
}

function membershipDocument(userId: string, groupId: string, now: string): FloorMembership {
  const id = newId();
  const state = { membershipId: id, groupId, userId, roles: ['learner'], status: 'active' };
  return {
    _id: id,
    tenantId: 'bench-import-floor',
    ...state,
    version: 1,
    createdAt: now,
    updatedAt: now,
    outbox: [entry('identity.group-memberships.v1', groupId, 'membership.added', state)],
  };
}

function entry(topic: string, key: string, type: string, payload: Record<string, unknown>): RawOutboxEntry {
  return rawOutboxEntry({ eventId: newId(), topic, type, tenantId: 'bench-import-floor', key }, payload);
}
