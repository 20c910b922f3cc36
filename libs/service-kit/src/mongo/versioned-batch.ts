import type { mongo } from 'mongoose';
import { duplicateKeyIndexes } from './duplicate-key';

/** What became of one change of a batch: written, or older than what was stored. */
export type VersionedOutcome = 'applied' | 'stale';

/** How one kind of versioned document takes a batch of changes. */
export interface VersionedBatchPlan<TChange, TWrite, TDoc extends { _id: string; version: number }> {
  /** What the documents are, for the error when they keep changing (e.g. `Memberships`). */
  what: string;
  /** The document id of the entity a change is about (its natural key). */
  keyOf(change: TChange): string;
  /**
   * From the stored version (null: not stored yet) and one entity's changes in batch order:
   * which of them are newer than what is stored, and the one write they fold into (null when
   * none is newer).
   */
  fold(
    storedVersion: number | null,
    changes: TChange[],
    stored: Partial<TDoc> | null,
  ): { newer: boolean[]; write: TWrite | null };
  /** Fields of the stored document `fold` reads besides the version (none unless named). */
  storedFields?: ReadonlyArray<keyof TDoc & string>;
  versionOf(write: TWrite): number;
  /** The whole document of an entity stored for the first time. */
  toInsert(key: string, write: TWrite): TDoc;
  /** The fields a write sets on a stored document, its new version included. */
  toSet(write: TWrite): mongo.MatchKeysAndValues<TDoc>;
}

interface Decision<TWrite> {
  key: string;
  /** The version read; null when nothing was stored yet (an insert). */
  expectedVersion: number | null;
  write: TWrite;
}

/** Rounds of read-decide-write before giving up on documents other writers keep changing. */
const ROUNDS = 5;

/**
 * Applies a batch of versioned changes (event-carried state) without a scan on either engine,
 * the documents being keyed by their natural key as `_id` and the collection having a unique
 * `{_id: 1, version: 1}` index:
 * 1. read the stored versions of the batch's entities at once, by `_id: {$in}`;
 * 2. fold each entity's changes into one write, or none when nothing is newer;
 * 3. insert the entities not stored yet (one unordered bulk write; a duplicate key means
 *    another writer was first) and update the others with a compare-and-set on exactly
 *    `{_id, version: <version read>}` (one unordered bulk write), which the local stand-in
 *    serves from that index and MongoDB from `_id`;
 * 4. the entities whose write did not take are read again and decided again.
 * A write only ever replaces the version it read with a newer one, so a stale or repeated
 * event never overwrites a newer state whatever runs concurrently, and a newer one is never
 * dropped. Returns each change's outcome, in the order of `changes`.
 */
export async function applyVersionedBatch<TChange, TWrite, TDoc extends { _id: string; version: number }>(
  collection: mongo.Collection<TDoc>,
  changes: readonly TChange[],
  plan: VersionedBatchPlan<TChange, TWrite, TDoc>,
): Promise<VersionedOutcome[]> {
  const outcomes: VersionedOutcome[] = changes.map(() => 'stale');
  const byKey = new Map<string, number[]>();
  changes.forEach((change, index) => {
    const key = plan.keyOf(change);
    byKey.set(key, [...(byKey.get(key) ?? []), index]);
  });
  let pending = [...byKey.keys()];
  for (let round = 1; pending.length > 0; round++) {
    if (round > ROUNDS) {
      throw new Error(
        `${plan.what} kept changing while a batch was applied: ${pending.slice(0, 5).join(', ')}`,
      );
    }
    const stored = await storedDocuments(collection, pending, plan.storedFields ?? []);
    const decisions: Decision<TWrite>[] = [];
    for (const key of pending) {
      const indexes = byKey.get(key) ?? [];
      const found = stored.get(key) ?? null;
      const expectedVersion = found === null ? null : Number(found.version);
      const fold = plan.fold(
        expectedVersion,
        indexes.map((i) => changes[i] as TChange),
        found,
      );
      indexes.forEach((i, n) => (outcomes[i] = fold.newer[n] ? 'applied' : 'stale'));
      if (fold.write !== null) decisions.push({ key, expectedVersion, write: fold.write });
    }
    const lostInserts = await insert(
      collection,
      decisions.filter((d) => d.expectedVersion === null),
      plan,
    );
    const lostUpdates = await compareAndSet(
      collection,
      decisions.filter((d) => d.expectedVersion !== null),
      plan,
    );
    pending = [...lostInserts, ...lostUpdates];
  }
  return outcomes;
}

async function storedDocuments<TDoc extends { _id: string; version: number }>(
  collection: mongo.Collection<TDoc>,
  keys: readonly string[],
  fields: ReadonlyArray<string>,
): Promise<Map<string, Partial<TDoc>>> {
  const projection = Object.fromEntries([['_id', 1], ['version', 1], ...fields.map((field) => [field, 1])]);
  const docs = await collection
    .find({ _id: { $in: [...keys] } } as mongo.Filter<TDoc>, { projection })
    .toArray();
  return new Map(docs.map((doc) => [String(doc._id), doc as Partial<TDoc>]));
}

/** Inserts what was not stored yet; returns the keys another writer inserted first. */
async function insert<TChange, TWrite, TDoc extends { _id: string; version: number }>(
  collection: mongo.Collection<TDoc>,
  decisions: readonly Decision<TWrite>[],
  plan: VersionedBatchPlan<TChange, TWrite, TDoc>,
): Promise<string[]> {
  if (decisions.length === 0) return [];
  const documents = decisions.map((d) => plan.toInsert(d.key, d.write));
  try {
    await collection.insertMany(documents as mongo.OptionalUnlessRequiredId<TDoc>[], { ordered: false });
    return [];
  } catch (error) {
    const failed = duplicateKeyIndexes(error);
    if (failed === null) throw error;
    return failed.map((index) => (documents[index] as TDoc)._id);
  }
}

/** Updates what is still at the version read; returns the keys that moved meanwhile. */
async function compareAndSet<TChange, TWrite, TDoc extends { _id: string; version: number }>(
  collection: mongo.Collection<TDoc>,
  decisions: readonly Decision<TWrite>[],
  plan: VersionedBatchPlan<TChange, TWrite, TDoc>,
): Promise<string[]> {
  if (decisions.length === 0) return [];
  const operations = decisions.map(
    (d): mongo.AnyBulkWriteOperation<TDoc> => ({
      updateOne: {
        // Exactly the fields of the unique `{_id, version}` index, plain values.
        filter: { _id: d.key, version: d.expectedVersion } as mongo.Filter<TDoc>,
        update: { $set: plan.toSet(d.write) },
      },
    }),
  );
  const result = await collection.bulkWrite(operations, { ordered: false });
  if (result.matchedCount === decisions.length) return [];
  // Some lost the race: the ones now at the version they wrote took (theirs or an identical
  // write of the same event); the others are decided again from what is stored.
  const after = await storedDocuments(
    collection,
    decisions.map((d) => d.key),
    [],
  );
  return decisions
    .filter((d) => Number(after.get(d.key)?.version) !== plan.versionOf(d.write))
    .map((d) => d.key);
}
