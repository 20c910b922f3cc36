import type { mongo } from 'mongoose';
import { isDuplicateKeyError } from './duplicate-key';

/** Runs of a bulk of upserts before a duplicate key is taken for a real conflict. */
const BULK_UPSERT_ATTEMPTS = 3;

/**
 * Runs upserts (`$setOnInsert` on a unique key) unordered and returns the ids of the documents
 * they inserted. Two writers upserting the same key at once can make one of them fail on the
 * unique index: run again, the failed operations then find the document and do nothing.
 */
export async function bulkUpsertIds<TDoc extends mongo.Document>(
  collection: mongo.Collection<TDoc>,
  operations: ReadonlyArray<mongo.AnyBulkWriteOperation<TDoc>>,
): Promise<string[]> {
  const inserted = new Set<string>();
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await collection.bulkWrite([...operations], { ordered: false });
      for (const id of Object.values(result.upsertedIds ?? {})) inserted.add(String(id));
      return [...inserted];
    } catch (error) {
      if (!isDuplicateKeyError(error) || attempt >= BULK_UPSERT_ATTEMPTS) throw error;
      const partial =
        (error as { result?: { upsertedIds?: Record<number, unknown> } }).result?.upsertedIds ?? {};
      for (const id of Object.values(partial)) inserted.add(String(id));
    }
  }
}
