import { Injectable } from '@nestjs/common';
import { trusted, type Model, type mongo } from 'mongoose';
import type { GroupRole } from '@lms/contracts';
import { applyVersionedBatch, InjectModel, type VersionedBatchPlan } from '@lms/service-kit';
import type { ProjectionOutcome } from '../../shared/projection-outcome';
import {
  foldMembershipChanges,
  membershipKey,
  type Membership,
  type MembershipChange,
  type MembershipUpdate,
} from '../domain/membership';
import type { MembershipProjectionRepository } from '../ports/membership-projection.repository';
import {
  MEMBERSHIP_PROJECTION_MODEL,
  type MembershipProjectionDocument,
} from './membership-projection.schema';

/** A membership's folded write, with the membership it is about (for a first insert). */
interface MembershipWrite {
  membership: Pick<MembershipChange, 'tenantId' | 'groupId' | 'userId'>;
  update: MembershipUpdate;
}

/** How the projection takes a batch of membership changes (see applyVersionedBatch). */
const MEMBERSHIP_BATCH: VersionedBatchPlan<MembershipChange, MembershipWrite, MembershipProjectionDocument> =
  {
    what: 'Memberships',
    keyOf: membershipKey,
    storedFields: ['status', 'roles', 'roleSince'],
    fold: (storedVersion, changes, stored) => {
      const held =
        stored === null
          ? null
          : {
              status: stored.status ?? 'active',
              roles: stored.roles ?? [],
              roleSince: stored.roleSince ?? {},
            };
      const fold = foldMembershipChanges(storedVersion, changes, held);
      const [first] = changes;
      return {
        newer: fold.newer,
        write: fold.update === null || !first ? null : { membership: first, update: fold.update },
      };
    },
    versionOf: (write) => write.update.version,
    toInsert: (key, { membership, update }) => ({
      _id: key,
      tenantId: membership.tenantId,
      groupId: membership.groupId,
      userId: membership.userId,
      // A membership whose first event is a removal has no known roles.
      roles: update.roles?.roles ?? [],
      rolesSince: update.roles?.since ?? update.updatedAt,
      roleSince: update.roles?.roleSince ?? {},
      status: update.status,
      version: update.version,
      updatedAt: update.updatedAt,
    }),
    toSet: ({ update }) => ({
      status: update.status,
      version: update.version,
      updatedAt: update.updatedAt,
      // A removal keeps the last known roles.
      ...(update.roles
        ? { roles: update.roles.roles, rolesSince: update.roles.since, roleSince: update.roles.roleSince }
        : {}),
    }),
  };

@Injectable()
export class MongoMembershipProjectionRepository implements MembershipProjectionRepository {
  constructor(
    @InjectModel(MEMBERSHIP_PROJECTION_MODEL) private readonly model: Model<MembershipProjectionDocument>,
  ) {}

  /**
   * Read, decide, write, without a scan on either engine (applyVersionedBatch): each
   * membership's changes of the batch are folded into one write (foldMembershipChanges), and
   * a write only ever replaces the version it read with a newer one.
   */
  applyMany(changes: readonly MembershipChange[]): Promise<ProjectionOutcome[]> {
    return applyVersionedBatch(this.collection(), changes, MEMBERSHIP_BATCH);
  }

  /** The driver's collection, not mongoose's casting: these are plain, already valid documents. */
  private collection(): mongo.Collection<MembershipProjectionDocument> {
    return this.model.collection as unknown as mongo.Collection<MembershipProjectionDocument>;
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

function toMembership(doc: MembershipProjectionDocument): Membership {
  return {
    tenantId: doc.tenantId,
    groupId: doc.groupId,
    userId: doc.userId,
    roles: [...doc.roles],
    status: doc.status,
    version: doc.version,
    rolesSince: doc.rolesSince,
    roleSince: { ...(doc.roleSince ?? {}) },
    updatedAt: doc.updatedAt,
  };
}
