import { Inject, Injectable } from '@nestjs/common';
import type { Model, mongo } from 'mongoose';
import type { UserState } from '@lms/contracts';
import { isDuplicateKeyError } from '@lms/service-kit';
import {
  foldRecipientChanges,
  recipientKey,
  type ProjectionOutcome,
  type Recipient,
  type RecipientChange,
  type RecipientState,
} from '../domain/recipient';
import type { RecipientRepository } from '../ports/recipient.repository';
import { RECIPIENT_MODEL, type RecipientDocument } from './recipient.schema';

export const RECIPIENT_MODEL_TOKEN = Symbol(RECIPIENT_MODEL);

/** Rounds of read-decide-write before giving up on recipients other writers keep changing. */
const APPLY_ROUNDS = 5;

/** The decided write of one recipient in a round of applyMany. */
interface Decision {
  key: string;
  /** The version read; null when the recipient was not projected yet (an insert). */
  expectedVersion: number | null;
  write: RecipientChange;
}

@Injectable()
export class MongoRecipientRepository implements RecipientRepository {
  constructor(@Inject(RECIPIENT_MODEL_TOKEN) private readonly model: Model<RecipientDocument>) {}

  /** The driver's collection, not mongoose's casting: these are plain, already valid documents. */
  private collection(): mongo.Collection<RecipientDocument> {
    return this.model.collection as unknown as mongo.Collection<RecipientDocument>;
  }

  /**
   * Read, decide, write, without a scan on either engine (as coaching's membership projection):
   * 1. read the stored versions of the batch's recipients at once, by `_id: {$in}`;
   * 2. per recipient, the newest change of the batch if it is newer than what is stored;
   * 3. insert the recipients not projected yet (one unordered bulk write; a duplicate key
   *    means another writer was first) and update the others with a compare-and-set on
   *    exactly `{_id, version: <version read>}` (one unordered bulk write);
   * 4. those whose write did not take are read again and decided again.
   * A write only ever replaces the version it read with a newer one, so a stale or repeated
   * event never overwrites a newer state, and a newer one is never dropped.
   */
  async applyMany(changes: readonly RecipientChange[]): Promise<ProjectionOutcome[]> {
    const outcomes: ProjectionOutcome[] = changes.map(() => 'stale');
    const byKey = new Map<string, number[]>();
    changes.forEach((change, index) => {
      const key = recipientKey(change.tenantId, change.userId);
      byKey.set(key, [...(byKey.get(key) ?? []), index]);
    });
    let pending = [...byKey.keys()];
    for (let round = 1; pending.length > 0; round++) {
      if (round > APPLY_ROUNDS) {
        throw new Error(
          `Recipients kept changing while a batch was applied: ${pending.slice(0, 5).join(', ')}`,
        );
      }
      const stored = await this.storedVersions(pending);
      const decisions: Decision[] = [];
      for (const key of pending) {
        const indexes = byKey.get(key) ?? [];
        const expectedVersion = stored.get(key) ?? null;
        const fold = foldRecipientChanges(
          expectedVersion,
          indexes.map((i) => changes[i] as RecipientChange),
        );
        indexes.forEach((i, n) => (outcomes[i] = fold.newer[n] ? 'applied' : 'stale'));
        if (fold.write) decisions.push({ key, expectedVersion, write: fold.write });
      }
      const lostInserts = await this.insert(decisions.filter((d) => d.expectedVersion === null));
      const lostUpdates = await this.compareAndSet(decisions.filter((d) => d.expectedVersion !== null));
      pending = [...lostInserts, ...lostUpdates];
    }
    return outcomes;
  }

  async applyState(tenantId: string, state: RecipientState, version: number): Promise<boolean> {
    const [outcome] = await this.applyMany([{ tenantId, userId: state.userId, version, state }]);
    return outcome === 'applied';
  }

  async applyDeletion(tenantId: string, userId: string, version: number): Promise<boolean> {
    const [outcome] = await this.applyMany([{ tenantId, userId, version, state: null }]);
    return outcome === 'applied';
  }

  /** By `_id`; the tenant is part of the key, and checked again on what comes back. */
  async find(tenantId: string, userId: string): Promise<Recipient | null> {
    const doc = await this.collection().findOne({ _id: recipientKey(tenantId, userId) });
    return doc && doc.tenantId === tenantId && doc.userId === userId ? toRecipient(doc) : null;
  }

  /** One read by `_id: {$in}`. */
  async findMany(tenantId: string, userIds: readonly string[]): Promise<Recipient[]> {
    if (userIds.length === 0) return [];
    const keys = [...new Set(userIds)].map((userId) => recipientKey(tenantId, userId));
    const docs = await this.collection()
      .find({ _id: { $in: keys } })
      .toArray();
    return docs.filter((doc) => doc.tenantId === tenantId).map(toRecipient);
  }

  private async storedVersions(keys: readonly string[]): Promise<Map<string, number>> {
    const docs = await this.collection()
      .find({ _id: { $in: [...keys] } }, { projection: { _id: 1, version: 1 } })
      .toArray();
    return new Map(docs.map((doc) => [doc._id, doc.version]));
  }

  /** Inserts new recipients; returns the keys another writer inserted first. */
  private async insert(decisions: readonly Decision[]): Promise<string[]> {
    if (decisions.length === 0) return [];
    const now = new Date();
    const documents = decisions.map(
      (d): RecipientDocument => ({
        _id: d.key,
        tenantId: d.write.tenantId,
        userId: d.write.userId,
        ...fieldsOf(d.write),
        locale: d.write.state?.locale ?? 'en',
        version: d.write.version,
        createdAt: now,
        updatedAt: now,
      }),
    );
    try {
      await this.collection().insertMany(documents, { ordered: false });
      return [];
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const failed = writeErrorsOf(error);
      if (failed === null || failed.some((e) => e.code !== 11000)) throw error;
      return failed.map((e) => (documents[e.index] as RecipientDocument)._id);
    }
  }

  /** Updates recipients still at the version read; returns the keys that moved meanwhile. */
  private async compareAndSet(decisions: readonly Decision[]): Promise<string[]> {
    if (decisions.length === 0) return [];
    const now = new Date();
    const operations = decisions.map(
      (d): mongo.AnyBulkWriteOperation<RecipientDocument> => ({
        updateOne: {
          // Exactly the fields of the unique `{_id, version}` index, plain values.
          filter: { _id: d.key, version: d.expectedVersion as number },
          update: {
            $set: {
              ...fieldsOf(d.write),
              ...(d.write.state ? { locale: d.write.state.locale } : {}),
              version: d.write.version,
              updatedAt: now,
            },
          },
        },
      }),
    );
    const result = await this.collection().bulkWrite(operations, { ordered: false });
    if (result.matchedCount === decisions.length) return [];
    // Some lost the race: the ones now at the version they wrote took (theirs or an identical
    // write of the same event); the others are decided again from what is stored.
    const after = await this.storedVersions(decisions.map((d) => d.key));
    return decisions.filter((d) => after.get(d.key) !== d.write.version).map((d) => d.key);
  }
}

/** The fields a change sets (a deletion clears the address and the name; the locale stays). */
function fieldsOf(
  change: RecipientChange,
): Pick<RecipientDocument, 'email' | 'firstName' | 'lastName' | 'state' | 'deleted'> {
  const state = change.state;
  return state
    ? {
        email: state.email,
        firstName: state.firstName,
        lastName: state.lastName,
        state: state.state,
        deleted: false,
      }
    : { email: null, firstName: null, lastName: null, state: null, deleted: true };
}

/** The failed operations of an unordered bulk write error, or null when it has none. */
function writeErrorsOf(error: unknown): Array<{ index: number; code: number }> | null {
  const raw = (error as { writeErrors?: unknown }).writeErrors;
  const list: unknown[] = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const parsed = list.map((e) => {
    const entry = e as { index?: unknown; code?: unknown };
    return { index: Number(entry.index), code: Number(entry.code) };
  });
  return parsed.length === 0 || parsed.some((e) => Number.isNaN(e.index)) ? null : parsed;
}

function toRecipient(doc: RecipientDocument): Recipient {
  return {
    tenantId: doc.tenantId,
    userId: doc.userId,
    email: doc.email ?? null,
    firstName: doc.firstName ?? null,
    lastName: doc.lastName ?? null,
    locale: doc.locale ?? 'en',
    state: (doc.state as UserState | null) ?? null,
    deleted: doc.deleted === true,
    version: doc.version,
  };
}
