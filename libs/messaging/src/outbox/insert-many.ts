import type { Model, mongo } from 'mongoose';
import { duplicateKeyIndexes } from '@lms/service-kit';
import type { OutboxEntry } from './outbox-entry';
import { asOutboxCollection, type OutboxRelay } from './outbox-relay';

/** A new document and the events written with it. */
export interface DocumentWithOutbox {
  document: { _id: string } & Record<string, unknown>;
  outbox: readonly OutboxEntry[];
}

/**
 * Inserts new documents, each with its events in its `outbox` (rule 1, one document at a time),
 * in one unordered bulk through the driver (no mongoose document each), then has the relay
 * publish the events of those written. Returns, per document in order, whether it was written:
 * false when a unique index refused it (it exists); any other failure is thrown.
 */
export async function insertManyWithOutbox<T>(
  model: Model<T>,
  relay: OutboxRelay,
  items: readonly DocumentWithOutbox[],
): Promise<boolean[]> {
  if (items.length === 0) return [];
  const written = items.map(() => true);
  try {
    // String ids, which the driver's default document type does not expect.
    const documents = items.map(({ document, outbox }) => ({ ...document, outbox: [...outbox] }));
    await model.collection.insertMany(documents as unknown as mongo.OptionalId<mongo.Document>[], {
      ordered: false,
    });
  } catch (error) {
    const duplicates = duplicateKeyIndexes(error);
    if (duplicates === null) throw error;
    for (const index of duplicates) written[index] = false;
  }
  const published = new Map(
    items.flatMap(({ document, outbox }, at) =>
      written[at] && outbox.length > 0 ? [[document._id, outbox] as const] : [],
    ),
  );
  if (published.size > 0) relay.publishSoon(asOutboxCollection(model), [...published.keys()], published);
  return written;
}
