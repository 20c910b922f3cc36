import type { Model, UpdateQuery } from 'mongoose';
import type { OutboxEntry } from './outbox-entry';

/**
 * The filter of a compare-and-set: a document's key, its tenant unless the key is the tenant,
 * and the version it was read at.
 */
export interface VersionedKey {
  _id: string;
  tenantId?: string;
  version: number;
  /** A tombstone field that must still be null, for a document kept after it ends (e.g. `deletedAt: null`). */
  [tombstone: string]: string | number | null | undefined;
}

/**
 * Writes `state` and appends `outbox` to the document at `key` if its version is still the
 * one read (rule 1: the state and its events in one single-document write). The filter names
 * exactly `{_id, tenantId, version}` (or `{_id, version}`, with a tombstone such as `deletedAt: null`
 * when the document outlives its end), which each schema declares as a unique index so that the
 * local stand-in serves it from an index too (MongoDB uses `_id`). False when another writer
 * got there first.
 */
export async function writeIfVersion<T>(
  model: Model<T>,
  key: VersionedKey,
  state: Partial<T>,
  outbox: readonly OutboxEntry[],
): Promise<boolean> {
  const update = (
    outbox.length > 0 ? { $set: state, $push: { outbox: { $each: [...outbox] } } } : { $set: state }
  ) as UpdateQuery<T>;
  const result = await model.updateOne(key as never, update).exec();
  return result.matchedCount > 0;
}
