import { Inject, Injectable } from '@nestjs/common';
import { trusted, type Model } from 'mongoose';
import type { GroupRole } from '@lms/contracts';
import { uuidV7 } from '@lms/observability';
import { isDuplicateKeyError } from '@lms/service-kit';
import type { ProjectionOutcome } from '../../shared/projection-outcome';
import type { Membership, MembershipChange } from '../domain/membership';
import type { MembershipProjectionRepository } from '../ports/membership-projection.repository';
import type { MembershipProjectionDocument } from './membership-projection.schema';

export const MEMBERSHIP_PROJECTION_MODEL_TOKEN = Symbol('MEMBERSHIP_PROJECTION_MODEL');

@Injectable()
export class MongoMembershipProjectionRepository implements MembershipProjectionRepository {
  constructor(
    @Inject(MEMBERSHIP_PROJECTION_MODEL_TOKEN) private readonly model: Model<MembershipProjectionDocument>,
  ) {}

  async apply(change: MembershipChange): Promise<ProjectionOutcome> {
    const { tenantId, groupId, userId } = change;
    const set: Partial<MembershipProjectionDocument> = {
      status: change.status,
      version: change.version,
      updatedAt: change.occurredAt,
    };
    // A removal keeps the last known roles; a first event that is a removal has none.
    const onInsert: Partial<MembershipProjectionDocument> = { _id: uuidV7() };
    if (change.roles) {
      set.roles = change.roles;
      set.rolesSince = change.occurredAt;
    } else {
      onInsert.roles = [];
      onInsert.rolesSince = change.occurredAt;
    }
    try {
      // Matches only an older version: for the same or a newer one the upsert hits the unique
      // index instead, and the event is stale.
      await this.model.updateOne(
        { tenantId, groupId, userId, version: trusted({ $lt: change.version }) },
        { $set: set, $setOnInsert: onInsert },
        { upsert: true },
      );
      return 'applied';
    } catch (error) {
      if (isDuplicateKeyError(error)) return 'stale';
      throw error;
    }
  }

  async find(tenantId: string, groupId: string, userId: string): Promise<Membership | null> {
    const doc = await this.model
      .findOne({ tenantId, groupId, userId })
      .lean<MembershipProjectionDocument>()
      .exec();
    return doc ? toMembership(doc) : null;
  }

  async findMany(tenantId: string, groupId: string, userIds: readonly string[]): Promise<Membership[]> {
    if (userIds.length === 0) return [];
    const docs = await this.model
      .find({ tenantId, groupId, userId: trusted({ $in: [...userIds] }) })
      .lean<MembershipProjectionDocument[]>()
      .exec();
    return docs.map(toMembership);
  }

  async listActiveWithAnyRole(
    tenantId: string,
    groupId: string,
    roles: readonly GroupRole[],
    page: { afterUserId: string | null; limit: number },
  ): Promise<Membership[]> {
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
