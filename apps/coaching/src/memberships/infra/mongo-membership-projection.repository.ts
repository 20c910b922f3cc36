import { Inject, Injectable } from '@nestjs/common';
import { trusted, type Model, type mongo } from 'mongoose';
import type { GroupRole } from '@lms/contracts';
import { isDuplicateKeyError } from '@lms/service-kit';
import type { ProjectionOutcome } from '../../shared/projection-outcome';
import {
  foldMembershipChanges,
  membershipKey,
  type Membership,
  type MembershipChange,
  type MembershipUpdate,
} from '../domain/membership';
import type { MembershipProjectionRepository } from '../ports/membership-projection.repository';
import type { MembershipProjectionDocument } from './membership-projection.schema';

export const MEMBERSHIP_PROJECTION_MODEL_TOKEN = Symbol('MEMBERSHIP_PROJECTION_MODEL');

/** Rounds of read-decide-write before giving up on memberships other writers keep changing. */
const APPLY_ROUNDS = 5;

/** The decided write of one membership in a round of applyMany. */
interface Decision {
  key: string;
  /** The version read; null when the membership was not projected yet (an insert). */
  expectedVersion: number | null;
  update: MembershipUpdate;
  /** Indexes (in `changes`) of the changes this write applies. */
  applies: number[];
}

@Injectable()
export class MongoMembershipProjectionRepository implements MembershipProjectionRepository {
  constructor(
    @Inject(MEMBERSHIP_PROJECTION_MODEL_TOKEN) private readonly model: Model<MembershipProjectionDocument>,
  ) {}

  /**
   * Read, decide, write, without a scan on either engine:
   * 1. read the stored versions of all the batch's memberships at once, by `_id: {$in}`;
   * 2. fold each membership's changes into one write (foldMembershipChanges), or none when
   *    nothing is newer;
   * 3. insert the memberships not projected yet (one unordered bulk write; a duplicate key
   *    means another writer inserted it meanwhile) and update the others with a
   *    compare-and-set on exactly `{_id, version: <version read>}` (one unordered bulk write);
   * 4. the memberships whose write did not take (fewer matched than sent: another writer moved
   *    the version meanwhile) are read again by `_id` and decided again from what is stored.
   * A write only ever replaces the version it read with a newer one, so a stale or repeated
   * event can never overwrite a newer state, whatever runs concurrently; and every round
   * re-reads what it lost, so a newer event is never dropped.
   */
  async applyMany(changes: readonly MembershipChange[]): Promise<ProjectionOutcome[]> {
    const outcomes: ProjectionOutcome[] = changes.map(() => 'stale');
    const byKey = new Map<string, number[]>();
    changes.forEach((change, index) => {
      const key = membershipKey(change);
      byKey.set(key, [...(byKey.get(key) ?? []), index]);
    });
    let pending = [...byKey.keys()];
    for (let round = 1; pending.length > 0; round++) {
      if (round > APPLY_ROUNDS) {
        throw new Error(
          `Memberships kept changing while a batch was applied: ${pending.slice(0, 5).join(', ')}`,
        );
      }
      const stored = await this.storedVersions(pending);
      const decisions: Decision[] = [];
      for (const key of pending) {
        const indexes = byKey.get(key) ?? [];
        const fold = foldMembershipChanges(
          stored.get(key) ?? null,
          indexes.map((i) => changes[i] as MembershipChange),
        );
        if (fold.update === null) {
          for (const i of indexes) outcomes[i] = 'stale';
          continue;
        }
        decisions.push({
          key,
          expectedVersion: stored.get(key) ?? null,
          update: fold.update,
          applies: indexes.filter((_, n) => fold.newer[n]),
        });
        for (const [n, i] of indexes.entries()) outcomes[i] = fold.newer[n] ? 'applied' : 'stale';
      }
      const sample = new Map(
        decisions.map((d) => [d.key, changes[d.applies[0] as number] as MembershipChange]),
      );
      const lostInserts = await this.insert(
        decisions.filter((d) => d.expectedVersion === null),
        sample,
      );
      const lostUpdates = await this.compareAndSet(decisions.filter((d) => d.expectedVersion !== null));
      pending = [...lostInserts, ...lostUpdates];
    }
    return outcomes;
  }

  /** The driver's collection, not mongoose's casting: these are plain, already valid documents. */
  private collection(): mongo.Collection<MembershipProjectionDocument> {
    return this.model.collection as unknown as mongo.Collection<MembershipProjectionDocument>;
  }

  async apply(change: MembershipChange): Promise<ProjectionOutcome> {
    const [outcome] = await this.applyMany([change]);
    return outcome ?? 'stale';
  }

  private async storedVersions(keys: readonly string[]): Promise<Map<string, number>> {
    const docs = await this.collection()
      .find({ _id: { $in: [...keys] } }, { projection: { _id: 1, version: 1 } })
      .toArray();
    return new Map(docs.map((doc) => [doc._id, doc.version]));
  }

  /** Inserts new memberships; returns the keys another writer inserted first. */
  private async insert(
    decisions: readonly Decision[],
    sample: Map<string, MembershipChange>,
  ): Promise<string[]> {
    if (decisions.length === 0) return [];
    const documents = decisions.map((d): MembershipProjectionDocument => {
      const { tenantId, groupId, userId } = sample.get(d.key) as MembershipChange;
      return {
        _id: d.key,
        tenantId,
        groupId,
        userId,
        // A membership whose first event is a removal has no known roles.
        roles: d.update.roles?.roles ?? [],
        rolesSince: d.update.roles?.since ?? d.update.updatedAt,
        status: d.update.status,
        version: d.update.version,
        updatedAt: d.update.updatedAt,
      };
    });
    try {
      await this.collection().insertMany(documents, { ordered: false });
      return [];
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const failed = writeErrorsOf(error);
      if (failed === null || failed.some((e) => e.code !== 11000)) throw error;
      return failed.map((e) => (documents[e.index] as MembershipProjectionDocument)._id);
    }
  }

  /** Updates memberships still at the version read; returns the keys that moved meanwhile. */
  private async compareAndSet(decisions: readonly Decision[]): Promise<string[]> {
    if (decisions.length === 0) return [];
    const operations = decisions.map((d): mongo.AnyBulkWriteOperation<MembershipProjectionDocument> => {
      const set: Partial<MembershipProjectionDocument> = {
        status: d.update.status,
        version: d.update.version,
        updatedAt: d.update.updatedAt,
      };
      // A removal keeps the last known roles.
      if (d.update.roles) {
        set.roles = d.update.roles.roles;
        set.rolesSince = d.update.roles.since;
      }
      // Exactly the fields of the unique `{_id, version}` index, plain values: index-served on
      // MongoDB (by `_id`) and on the local stand-in alike.
      return {
        updateOne: { filter: { _id: d.key, version: d.expectedVersion as number }, update: { $set: set } },
      };
    });
    const result = await this.collection().bulkWrite(operations, { ordered: false });
    if (result.matchedCount === decisions.length) return [];
    // Some lost the race: the ones now at the version they wrote took (theirs or an identical
    // write of the same event); the others are decided again from what is stored.
    const now = await this.storedVersions(decisions.map((d) => d.key));
    return decisions.filter((d) => now.get(d.key) !== d.update.version).map((d) => d.key);
  }

  async find(tenantId: string, groupId: string, userId: string): Promise<Membership | null> {
    const doc = await this.model
      .findOne({ _id: membershipKey({ tenantId, groupId, userId }) })
      .lean<MembershipProjectionDocument>()
      .exec();
    return doc && doc.tenantId === tenantId && doc.groupId === groupId && doc.userId === userId
      ? toMembership(doc)
      : null;
  }

  async findMany(tenantId: string, groupId: string, userIds: readonly string[]): Promise<Membership[]> {
    if (userIds.length === 0) return [];
    const keys = [...new Set(userIds)].map((userId) => membershipKey({ tenantId, groupId, userId }));
    const docs = await this.model
      .find({ _id: trusted({ $in: keys }) })
      .lean<MembershipProjectionDocument[]>()
      .exec();
    // The key says it already; checked again so that no other tenant's row can ever come back.
    return docs.filter((doc) => doc.tenantId === tenantId && doc.groupId === groupId).map(toMembership);
  }

  async listActiveWithAnyRole(
    tenantId: string,
    groupId: string,
    roles: readonly GroupRole[],
    page: { afterUserId: string | null; limit: number },
  ): Promise<Membership[]> {
    // MongoDB serves this from the (tenantId, groupId, status, userId) index; the stand-in
    // scans the collection (accepted: one page read per fan-out chunk).
    const docs = await this.model
      .find({
        tenantId,
        groupId,
        status: 'active',
        roles: trusted({ $in: [...roles] }),
        ...(page.afterUserId === null ? {} : { userId: trusted({ $gt: page.afterUserId }) }),
      })
      .sort({ userId: 1 })
      .limit(page.limit)
      .lean<MembershipProjectionDocument[]>()
      .exec();
    return docs.map(toMembership);
  }
}

/** The failed operations of an unordered bulk write error, or null when it has none. */
function writeErrorsOf(error: unknown): Array<{ index: number; code: number }> | null {
  const raw = (error as { writeErrors?: unknown }).writeErrors;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const parsed = list.map((e: { index?: unknown; code?: unknown }) => ({
    index: Number(e.index),
    code: Number(e.code),
  }));
  return parsed.length === 0 || parsed.some((e) => Number.isNaN(e.index)) ? null : parsed;
}

function toMembership(doc: MembershipProjectionDocument): Membership {
  return {
    tenantId: doc.tenantId,
    groupId: doc.groupId,
    userId: doc.userId,
    roles: [...doc.roles],
    status: doc.status,
    version: doc.version,
    rolesSince: doc.rolesSince,
    updatedAt: doc.updatedAt,
  };
}
