import { Injectable } from '@nestjs/common';
import { trusted, type Model } from 'mongoose';
import type { Page, PageRequest, SortOrder } from '@lms/kernel';
import { findPage, InjectModel, isDuplicateKeyError } from '@lms/service-kit';
import {
  targetKey,
  type GroupEnrollment,
  type GroupEnrollmentCounts,
  type GroupEnrollmentDeparture,
} from '../domain/group-enrollment';
import type {
  GroupEnrollmentDepartureRepository,
  GroupEnrollmentFilter,
  GroupEnrollmentRepository,
} from '../ports/group-enrollment.repository';
import {
  GROUP_ENROLLMENT_DEPARTURE_MODEL,
  GROUP_ENROLLMENT_MODEL,
  type GroupEnrollmentDepartureDocument,
  type GroupEnrollmentDocument,
} from './group-enrollment.schema';

/** Newest first: the ids are time-ordered. */
const NEWEST_FIRST: SortOrder = [['_id', -1]];
/** By member: the ids are `<groupEnrollmentId>:<userId>`. */
const BY_MEMBER: SortOrder = [['_id', 1]];

@Injectable()
export class MongoGroupEnrollmentRepository implements GroupEnrollmentRepository {
  constructor(@InjectModel(GROUP_ENROLLMENT_MODEL) private readonly model: Model<GroupEnrollmentDocument>) {}

  async insert(enrollment: GroupEnrollment): Promise<boolean> {
    try {
      await this.model.create(toDocument(enrollment));
      return true;
    } catch (error) {
      // The `group_enrollment_current` index: the group is enrolled in the target already.
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async findById(tenantId: string, id: string): Promise<GroupEnrollment | null> {
    // By `_id` alone, which both engines serve from an index; the tenant is checked here.
    const doc = await this.model.findOne({ _id: id }).lean<GroupEnrollmentDocument>().exec();
    return doc && doc.tenantId === tenantId ? toGroupEnrollment(doc) : null;
  }

  list(tenantId: string, filter: GroupEnrollmentFilter, page: PageRequest): Promise<Page<GroupEnrollment>> {
    const query: Record<string, unknown> = { tenantId };
    if (filter.groupId !== undefined) query.groupId = filter.groupId;
    if (filter.courseId !== undefined) query.courseId = filter.courseId;
    if (filter.planId !== undefined) query.planId = filter.planId;
    if (filter.status !== undefined) query.status = filter.status;
    return findPage(this.model.find(query), NEWEST_FIRST, page, toGroupEnrollment);
  }

  async listCurrentOfGroups(tenantId: string, groupIds: readonly string[]): Promise<GroupEnrollment[]> {
    if (groupIds.length === 0) return [];
    const docs = await this.model
      .find({
        tenantId,
        groupId: trusted({ $in: [...new Set(groupIds)] }),
        status: trusted({ $in: ['running', 'following'] }),
      })
      .lean<GroupEnrollmentDocument[]>()
      .exec();
    return docs.map(toGroupEnrollment);
  }

  async listRunning(limit: number): Promise<Array<Pick<GroupEnrollment, 'id' | 'tenantId'>>> {
    const docs = await this.model
      .find({ status: 'running' }, { _id: 1, tenantId: 1 })
      .limit(limit)
      .lean<Array<Pick<GroupEnrollmentDocument, '_id' | 'tenantId'>>>()
      .exec();
    return docs.map((doc) => ({ id: doc._id, tenantId: doc.tenantId }));
  }

  async save(changed: GroupEnrollment, expectedVersion: number): Promise<boolean> {
    const { status, currentKey, cursor, membersRead, counts, updatedAt, endedAt, version } =
      toDocument(changed);
    // Exactly the fields of the `group_enrollment_version` unique index.
    const result = await this.model
      .updateOne(
        { _id: changed.id, tenantId: changed.tenantId, version: expectedVersion },
        { $set: { status, currentKey, cursor, membersRead, counts, updatedAt, endedAt, version } },
      )
      .exec();
    return result.matchedCount > 0;
  }

  async addJoined(_tenantId: string, id: string, counts: GroupEnrollmentCounts): Promise<void> {
    // By `_id` alone, which both engines serve from an index (`{_id, tenantId}` would scan on
    // the stand-in); the caller read the id in its tenant.
    await this.model
      .updateOne(
        { _id: id },
        {
          $inc: {
            'joined.enrolled': counts.enrolled,
            'joined.kept': counts.kept,
            'joined.notEnrolled': counts.notEnrolled,
          },
        },
      )
      .exec();
  }
}

@Injectable()
export class MongoGroupEnrollmentDepartureRepository implements GroupEnrollmentDepartureRepository {
  constructor(
    @InjectModel(GROUP_ENROLLMENT_DEPARTURE_MODEL)
    private readonly model: Model<GroupEnrollmentDepartureDocument>,
  ) {}

  async record(departures: readonly GroupEnrollmentDeparture[]): Promise<void> {
    if (departures.length === 0) return;
    await this.model.bulkWrite(
      departures.map((d) => ({
        updateOne: {
          // By `_id`, served from an index by both engines.
          filter: { _id: departureId(d.groupEnrollmentId, d.userId) },
          update: { $set: { ...d } },
          upsert: true,
        },
      })),
      { ordered: false },
    );
  }

  async forget(tenantId: string, groupEnrollmentId: string, userIds: readonly string[]): Promise<void> {
    if (userIds.length === 0) return;
    await this.model
      .deleteMany({
        _id: trusted({ $in: userIds.map((userId) => departureId(groupEnrollmentId, userId)) }),
        tenantId,
      })
      .exec();
  }

  list(
    tenantId: string,
    groupEnrollmentId: string,
    page: PageRequest,
  ): Promise<Page<GroupEnrollmentDeparture>> {
    return findPage(this.model.find({ tenantId, groupEnrollmentId }), BY_MEMBER, page, toDeparture);
  }
}

function departureId(groupEnrollmentId: string, userId: string): string {
  return `${groupEnrollmentId}:${userId}`;
}

function toDocument(enrollment: GroupEnrollment): GroupEnrollmentDocument {
  const { target } = enrollment;
  return {
    _id: enrollment.id,
    tenantId: enrollment.tenantId,
    groupId: enrollment.groupId,
    targetKind: target.kind,
    courseId: target.kind === 'course' ? target.courseId : null,
    sessionId: target.kind === 'course' ? target.sessionId : null,
    planId: target.kind === 'plan' ? target.planId : null,
    roles: [...enrollment.roles],
    status: enrollment.status,
    currentKey:
      enrollment.status === 'ended' ? enrollment.id : `${enrollment.groupId}:${targetKey(enrollment.target)}`,
    cursor: enrollment.cursor,
    membersRead: enrollment.membersRead,
    counts: { ...enrollment.counts },
    joined: { ...enrollment.joined },
    createdBy: enrollment.createdBy,
    createdAt: enrollment.createdAt,
    updatedAt: enrollment.updatedAt,
    endedAt: enrollment.endedAt,
    version: enrollment.version,
  };
}

function toGroupEnrollment(doc: GroupEnrollmentDocument): GroupEnrollment {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    groupId: doc.groupId,
    target:
      doc.targetKind === 'course'
        ? { kind: 'course', courseId: String(doc.courseId), sessionId: doc.sessionId ?? null }
        : { kind: 'plan', planId: String(doc.planId) },
    roles: [...(doc.roles ?? [])],
    status: doc.status,
    cursor: doc.cursor ?? null,
    membersRead: doc.membersRead,
    counts: countsOf(doc.counts),
    joined: countsOf(doc.joined),
    createdBy: doc.createdBy ?? null,
    createdAt: new Date(doc.createdAt),
    updatedAt: new Date(doc.updatedAt),
    endedAt: doc.endedAt ? new Date(doc.endedAt) : null,
    version: doc.version,
  };
}

function countsOf(counts: GroupEnrollmentCounts | undefined): GroupEnrollmentCounts {
  return { enrolled: counts?.enrolled ?? 0, kept: counts?.kept ?? 0, notEnrolled: counts?.notEnrolled ?? 0 };
}

function toDeparture(doc: GroupEnrollmentDepartureDocument): GroupEnrollmentDeparture {
  return {
    tenantId: doc.tenantId,
    groupEnrollmentId: doc.groupEnrollmentId,
    userId: doc.userId,
    leftAt: new Date(doc.leftAt),
  };
}
