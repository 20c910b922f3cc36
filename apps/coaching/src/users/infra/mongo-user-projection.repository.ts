import { Inject, Injectable } from '@nestjs/common';
import type { Model, mongo } from 'mongoose';
import { applyVersionedBatch, type VersionedBatchPlan } from '@lms/service-kit';
import type { ProjectionOutcome } from '../../shared/projection-outcome';
import { foldUserChanges, userKey, type UserChange, type UserProjection } from '../domain/user';
import type { UserProjectionRepository } from '../ports/user-projection.repository';
import type { UserProjectionDocument } from './user-projection.schema';

export const USER_PROJECTION_MODEL_TOKEN = Symbol('USER_PROJECTION_MODEL');

/** How the projection takes a batch of user changes (see applyVersionedBatch). */
const USER_BATCH: VersionedBatchPlan<UserChange, UserChange, UserProjectionDocument> = {
  what: 'Users',
  keyOf: (change) => userKey(change.tenantId, change.userId),
  fold: foldUserChanges,
  versionOf: (write) => write.version,
  toInsert: (key, write) => ({
    _id: key,
    tenantId: write.tenantId,
    userId: write.userId,
    // A user whose first event is a deletion is known by nothing else.
    email: write.kind === 'upsert' ? write.email : '',
    firstName: write.kind === 'upsert' ? write.firstName : '',
    lastName: write.kind === 'upsert' ? write.lastName : '',
    state: write.kind === 'upsert' ? write.state : 'deactivated',
    deleted: write.kind === 'delete',
    version: write.version,
    updatedAt: write.occurredAt,
  }),
  toSet: (write) =>
    write.kind === 'delete'
      ? { deleted: true, version: write.version, updatedAt: write.occurredAt }
      : {
          email: write.email,
          firstName: write.firstName,
          lastName: write.lastName,
          state: write.state,
          deleted: false,
          version: write.version,
          updatedAt: write.occurredAt,
        },
};

@Injectable()
export class MongoUserProjectionRepository implements UserProjectionRepository {
  constructor(@Inject(USER_PROJECTION_MODEL_TOKEN) private readonly model: Model<UserProjectionDocument>) {}

  /** Read by `_id`, decide, compare-and-set on `{_id, version}`: no scan on either engine. */
  applyMany(changes: readonly UserChange[]): Promise<ProjectionOutcome[]> {
    return applyVersionedBatch(
      this.model.collection as unknown as mongo.Collection<UserProjectionDocument>,
      changes,
      USER_BATCH,
    );
  }

  async apply(change: UserChange): Promise<ProjectionOutcome> {
    const [outcome] = await this.applyMany([change]);
    return outcome ?? 'stale';
  }

  /** By `_id`; the tenant is part of the key, and checked again on what comes back. */
  async find(tenantId: string, userId: string): Promise<UserProjection | null> {
    const doc = await this.model
      .findOne({ _id: userKey(tenantId, userId) })
      .lean<UserProjectionDocument>()
      .exec();
    if (!doc || doc.tenantId !== tenantId || doc.userId !== userId) return null;
    return {
      tenantId: doc.tenantId,
      userId: doc.userId,
      email: doc.email,
      firstName: doc.firstName,
      lastName: doc.lastName,
      state: doc.state,
      deleted: doc.deleted,
      version: doc.version,
      updatedAt: doc.updatedAt,
    };
  }
}
