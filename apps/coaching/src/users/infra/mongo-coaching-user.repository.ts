import { foldNewestState } from '@lms/kernel';
import { Injectable } from '@nestjs/common';
import type { Model, mongo } from 'mongoose';
import { applyVersionedBatch, InjectModel, type VersionedBatchPlan } from '@lms/service-kit';
import type { ProjectionOutcome } from '../../shared/projection-outcome';
import {
  coachingUserAfter,
  coachingUserKey,
  type CoachingUser,
  type CoachingUserChange,
} from '../domain/coaching-user';
import type { CoachingUserRepository } from '../ports/coaching-user.repository';
import { COACHING_USER_MODEL, type CoachingUserDocument } from './coaching-user.schema';

/** How the projection takes a batch of user changes (see applyVersionedBatch). */
const USER_BATCH: VersionedBatchPlan<CoachingUserChange, CoachingUserChange, CoachingUserDocument> = {
  what: 'Users',
  keyOf: (change) => coachingUserKey(change.tenantId, change.userId),
  fold: foldNewestState,
  versionOf: (write) => write.version,
  toInsert: (key, write) => ({ _id: key, ...coachingUserAfter(write) }),
  // Every event carries the whole state (a deletion clears it): the write sets every field
  // but the key's.
  toSet: (write) => {
    const { tenantId: _tenantId, userId: _userId, ...fields } = coachingUserAfter(write);
    return fields;
  },
};

@Injectable()
export class MongoCoachingUserRepository implements CoachingUserRepository {
  constructor(@InjectModel(COACHING_USER_MODEL) private readonly model: Model<CoachingUserDocument>) {}

  /** The driver's collection, not mongoose's casting: these are plain, already valid documents. */
  private collection(): mongo.Collection<CoachingUserDocument> {
    return this.model.collection as unknown as mongo.Collection<CoachingUserDocument>;
  }

  /**
   * Read, decide, write, without a scan on either engine (applyVersionedBatch): per user, the
   * newest change of the batch if it is newer than what is stored, written by a
   * compare-and-set on the version read.
   */
  applyMany(changes: readonly CoachingUserChange[]): Promise<ProjectionOutcome[]> {
    return applyVersionedBatch(this.collection(), changes, USER_BATCH);
  }

  /** By `_id`; the tenant is part of the key, and checked again on what comes back. */
  async find(tenantId: string, userId: string): Promise<CoachingUser | null> {
    const doc = await this.collection().findOne({ _id: coachingUserKey(tenantId, userId) });
    return doc && doc.tenantId === tenantId && doc.userId === userId ? toCoachingUser(doc) : null;
  }

  /** One read by `_id: {$in}`. */
  async findMany(tenantId: string, userIds: readonly string[]): Promise<CoachingUser[]> {
    if (userIds.length === 0) return [];
    const keys = [...new Set(userIds)].map((userId) => coachingUserKey(tenantId, userId));
    const docs = await this.collection()
      .find({ _id: { $in: keys } })
      .toArray();
    // The key says it already; checked again so that no other tenant's row can ever come back.
    return docs.filter((doc) => doc.tenantId === tenantId).map(toCoachingUser);
  }
}

function toCoachingUser(doc: CoachingUserDocument): CoachingUser {
  return {
    tenantId: doc.tenantId,
    userId: doc.userId,
    email: doc.email ?? null,
    firstName: doc.firstName ?? null,
    lastName: doc.lastName ?? null,
    locale: doc.locale ?? null,
    state: doc.state ?? null,
    level: doc.level ?? null,
    adminRoles: [...(doc.adminRoles ?? [])],
    expiresAt: doc.expiresAt ? new Date(doc.expiresAt) : null,
    deleted: doc.deleted === true,
    version: doc.version,
    updatedAt: new Date(doc.updatedAt),
  };
}
