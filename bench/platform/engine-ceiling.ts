import mongoose, { type mongo } from 'mongoose';
import { newId } from '@lms/kernel';
import { uniqueSuffix } from '@lms/testing';
import type { Measurement } from './poll-until';
import type { CeilingResult } from './bench-results';
import { message } from './bench-platform';
import { rawOutboxEntry, type RawOutboxEntry } from './raw-outbox-entry';

/** Upserts per bulk write: what the platform's bulk writers send at once. */
const BULK_SIZE = 500;
const WARM_UP_SINGLES = 50;

export interface CeilingOptions {
  bulkDocs: number;
  singleDocs: number;
  deadlineMs: number;
  keepData: boolean;
}

interface CeilingDocument {
  _id: string;
  tenantId: string;
  groupId: string;
  userId: string;
  roles: string[];
  status: string;
  version: number;
  updatedAt: string;
}

/**
 * (0) What the database engine does with nothing of the platform in between: mongoose's own
 * driver against the platform's MongoDB server, in a scratch database dropped afterwards, on
 * documents shaped like a membership projection's.
 * (i) unordered bulk writes of 500 upserts whose filter is exactly `_id` (the unique key),
 * one bulk write after the other; (ii) one upsert by `_id` per round trip.
 */
export async function measureEngineCeiling(
  mongoUri: string,
  options: CeilingOptions,
  say: (line: string) => void,
): Promise<CeilingResult> {
  const dbName = `bench-engine-${uniqueSuffix()}`;
  const connection = mongoose.createConnection(mongoUri, { dbName, serverSelectionTimeoutMS: 10_000 });
  const result: CeilingResult = { bulk: null, single: null, outboxed: null, error: null };
  try {
    await connection.asPromise();
    const collection = connection.getClient().db(dbName).collection<CeilingDocument>('ceiling');
    // Untimed: the collection is created and the server and the driver warmed up first.
    await bulkUpserts(collection, BULK_SIZE, options.deadlineMs);
    await singleUpserts(collection, WARM_UP_SINGLES, options.deadlineMs);
    result.bulk = await bulkUpserts(collection, options.bulkDocs, options.deadlineMs);
    say(`(i) ${describe(result.bulk)}`);
    result.single = await singleUpserts(collection, options.singleDocs, options.deadlineMs);
    say(`(ii) ${describe(result.single)}`);
    const outboxed = connection.getClient().db(dbName).collection<OutboxedDocument>('ceiling_outboxed');
    await outboxedUpserts(outboxed, BULK_SIZE, options.deadlineMs);
    result.outboxed = await outboxedUpserts(outboxed, options.bulkDocs, options.deadlineMs);
    say(`(iii) ${describe(result.outboxed)}`);
  } catch (error) {
    result.error = message(error);
    say(`the engine's ceiling failed: ${result.error}`);
  } finally {
    if (!options.keepData) await connection.dropDatabase().catch(() => undefined);
    await connection.close().catch(() => undefined);
  }
  return result;
}

/** `write` over fresh ids, 500 at a time, one bulk after the other, until `docs` or the deadline. */
async function inBulks(
  docs: number,
  deadlineMs: number,
  write: (ids: readonly string[]) => Promise<unknown>,
): Promise<Measurement> {
  const ids = Array.from({ length: docs }, () => newId());
  const startedAt = Date.now();
  let written = 0;
  while (written < docs && Date.now() - startedAt < deadlineMs) {
    const batch = ids.slice(written, written + BULK_SIZE);
    await write(batch);
    written += batch.length;
  }
  return finished(startedAt, docs, written);
}

function bulkUpserts(
  collection: mongo.Collection<CeilingDocument>,
  docs: number,
  deadlineMs: number,
): Promise<Measurement> {
  return inBulks(docs, deadlineMs, (ids) =>
    collection.bulkWrite(
      ids.map((id) => ({
        updateOne: { filter: { _id: id }, update: { $set: fields(id) }, upsert: true },
      })),
      { ordered: false },
    ),
  );
}

/** A document as a fan-out writes it: its fields and the outbox entry of its event. */
interface OutboxedDocument extends CeilingDocument {
  outbox: RawOutboxEntry[];
}

/**
 * (iii) Bulk upserts of 500 by `_id`, each with one outbox entry, then one bulk `$pull` of
 * those entries by `_id`: the two writes per member a fan-out cannot do without.
 */
function outboxedUpserts(
  collection: mongo.Collection<OutboxedDocument>,
  docs: number,
  deadlineMs: number,
): Promise<Measurement> {
  return inBulks(docs, deadlineMs, async (ids) => {
    const batch = ids.map((id) => ({ id, eventId: newId() }));
    await collection.bulkWrite(
      batch.map(({ id, eventId }) => ({
        updateOne: {
          filter: { _id: id },
          update: {
            $set: {
              ...fields(id),
              outbox: [
                rawOutboxEntry(
                  {
                    eventId,
                    topic: 'coaching.assignments.v1',
                    type: 'assignment.created',
                    tenantId: 'bench-engine',
                    key: id,
                  },
                  fields(id),
                ),
              ],
            },
          },
          upsert: true,
        },
      })),
      { ordered: false },
    );
    await collection.bulkWrite(
      batch.map(({ id, eventId }) => ({
        updateOne: { filter: { _id: id }, update: { $pull: { outbox: { eventId } } } },
      })),
      { ordered: false },
    );
  });
}

async function singleUpserts(
  collection: mongo.Collection<CeilingDocument>,
  docs: number,
  deadlineMs: number,
): Promise<Measurement> {
  const startedAt = Date.now();
  let written = 0;
  while (written < docs && Date.now() - startedAt < deadlineMs) {
    const id = newId();
    await collection.updateOne({ _id: id }, { $set: fields(id) }, { upsert: true });
    written++;
  }
  return finished(startedAt, docs, written);
}

function finished(startedAt: number, target: number, reached: number): Measurement {
  return { ms: reached >= target ? Date.now() - startedAt : null, target, reached };
}

function fields(id: string): Omit<CeilingDocument, '_id'> {
  return {
    tenantId: 'bench-engine',
    groupId: '0190a6f0-0000-7000-8000-000000000001',
    userId: id,
    roles: ['learner'],
    status: 'active',
    version: 1,
    updatedAt: new Date().toISOString(),
  };
}

function describe(measurement: Measurement): string {
  if (measurement.ms === null)
    return `${measurement.reached} of ${measurement.target} upserts by the deadline`;
  return `${measurement.target} upserts in ${(measurement.ms / 1_000).toFixed(1)} s`;
}
