import { Injectable } from '@nestjs/common';
import type { GroupRole } from '@lms/contracts';
import { trusted, type Model, type mongo } from 'mongoose';
import { applyVersionedBatch, InjectModel, type VersionedBatchPlan } from '@lms/service-kit';
import {
  foldMembershipChanges,
  groupMembershipKey,
  type GroupMembership,
  type GroupMembershipChange,
} from '../domain/group-membership';
import type { GroupMembershipRepository, MembershipOutcome } from '../ports/group-membership.repository';
import { GROUP_MEMBERSHIP_MODEL, type GroupMembershipDocument } from './group-membership.schema';

/** How the projection takes a batch of membership changes (see applyVersionedBatch). */
const MEMBERSHIP_BATCH: VersionedBatchPlan<
  GroupMembershipChange,
  GroupMembershipChange,
  GroupMembershipDocument
> = {
  what: 'Group memberships',
  keyOf: groupMembershipKey,
  fold: (storedVersion, changes) => foldMembershipChanges(storedVersion, changes),
  versionOf: (write) => write.version,
  toInsert: (key, write) => ({
    _id: key,
    tenantId: write.tenantId,
    groupId: write.groupId,
    userId: write.userId,
    active: write.active,
    roles: [...write.roles],
    version: write.version,
    updatedAt: write.updatedAt,
  }),
  toSet: (write) => ({
    active: write.active,
    roles: [...write.roles],
    version: write.version,
    updatedAt: write.updatedAt,
  }),
};

@Injectable()
export class MongoGroupMembershipRepository implements GroupMembershipRepository {
  constructor(@InjectModel(GROUP_MEMBERSHIP_MODEL) private readonly model: Model<GroupMembershipDocument>) {}

  /**
   * Read, decide, write, without a scan on either engine (applyVersionedBatch): a write only
   * ever replaces the version it read with a newer one, so a redelivered event changes nothing.
   */
  applyMany(changes: readonly GroupMembershipChange[]): Promise<MembershipOutcome[]> {
    return applyVersionedBatch(this.collection(), changes, MEMBERSHIP_BATCH);
  }

  async groupsOf(tenantId: string, userId: string): Promise<string[]> {
    // MongoDB serves it from the (tenantId, userId, active) index; the stand-in scans the
    // projection (one read per catalog page).
    const docs = await this.model
      .find({ tenantId, userId, active: true }, { groupId: 1 })
      .lean<Array<Pick<GroupMembershipDocument, 'groupId'>>>()
      .exec();
    return docs.map((doc) => doc.groupId).sort();
  }

  async activeMembersAmong(
    tenantId: string,
    groupIds: readonly string[],
    userIds: readonly string[],
  ): Promise<Set<string>> {
    if (groupIds.length === 0 || userIds.length === 0) return new Set();
    // By `_id` alone (the natural keys of the memberships there could be, one read), which both
    // engines serve from an index whatever the size of the projection; `active` is checked
    // here, since one more field in the filter would make the stand-in scan.
    const keys = groupIds.flatMap((groupId) =>
      userIds.map((userId) => groupMembershipKey({ tenantId, groupId, userId })),
    );
    const docs = await this.collection()
      .find({ _id: { $in: keys } }, { projection: { active: 1, userId: 1 } })
      .toArray();
    return new Set(docs.filter((doc) => doc.active).map((doc) => doc.userId));
  }

  async holdsRoleInAnyGroup(tenantId: string, userId: string, role: GroupRole): Promise<boolean> {
    // The (tenantId, userId, active) index narrows it to the user's memberships on MongoDB.
    const found = await this.model
      .findOne({ tenantId, userId, active: true, roles: role }, { _id: 1 })
      .lean()
      .exec();
    return found !== null;
  }

  async listMembers(
    tenantId: string,
    groupId: string,
    afterUserId: string | null,
    limit: number,
  ): Promise<GroupMembership[]> {
    // MongoDB serves it from the (tenantId, groupId, active, userId) index; the stand-in scans
    // the projection once per page of a group enrollment (a job's chunk, not a request).
    const filter: Record<string, unknown> = { tenantId, groupId, active: true };
    if (afterUserId !== null) filter.userId = trusted({ $gt: afterUserId });
    const docs = await this.model
      .find(filter)
      .sort({ userId: 1 })
      .limit(limit)
      .lean<GroupMembershipDocument[]>()
      .exec();
    return docs.map(toMembership);
  }

  /** The driver's collection, not mongoose's casting: these are plain, already valid documents. */
  private collection(): mongo.Collection<GroupMembershipDocument> {
    return this.model.collection as unknown as mongo.Collection<GroupMembershipDocument>;
  }
}

function toMembership(doc: GroupMembershipDocument): GroupMembership {
  return {
    tenantId: doc.tenantId,
    groupId: doc.groupId,
    userId: doc.userId,
    active: doc.active,
    roles: [...(doc.roles ?? [])],
    version: doc.version,
    updatedAt: new Date(doc.updatedAt),
  };
}
