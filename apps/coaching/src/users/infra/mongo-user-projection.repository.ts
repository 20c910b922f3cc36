import { Inject, Injectable } from '@nestjs/common';
import { trusted, type Model } from 'mongoose';
import { uuidV7 } from '@lms/observability';
import { isDuplicateKeyError } from '@lms/service-kit';
import type { ProjectionOutcome } from '../../shared/projection-outcome';
import type { UserChange, UserProjection } from '../domain/user';
import type { UserProjectionRepository } from '../ports/user-projection.repository';
import type { UserProjectionDocument } from './user-projection.schema';

export const USER_PROJECTION_MODEL_TOKEN = Symbol('USER_PROJECTION_MODEL');

@Injectable()
export class MongoUserProjectionRepository implements UserProjectionRepository {
  constructor(@Inject(USER_PROJECTION_MODEL_TOKEN) private readonly model: Model<UserProjectionDocument>) {}

  async apply(change: UserChange): Promise<ProjectionOutcome> {
    const set: Partial<UserProjectionDocument> =
      change.kind === 'delete'
        ? { deleted: true, version: change.version, updatedAt: change.occurredAt }
        : {
            email: change.email,
            firstName: change.firstName,
            lastName: change.lastName,
            state: change.state,
            deleted: false,
            version: change.version,
            updatedAt: change.occurredAt,
          };
    try {
      // Matches only an older version: for the same or a newer one the upsert hits the unique
      // index instead, and the event is stale.
      await this.model.updateOne(
        { tenantId: change.tenantId, userId: change.userId, version: trusted({ $lt: change.version }) },
        { $set: set, $setOnInsert: { _id: uuidV7() } },
        { upsert: true },
      );
      return 'applied';
    } catch (error) {
      if (isDuplicateKeyError(error)) return 'stale';
      throw error;
    }
  }

  async find(tenantId: string, userId: string): Promise<UserProjection | null> {
    const doc = await this.model.findOne({ tenantId, userId }).lean<UserProjectionDocument>().exec();
    if (!doc) return null;
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
