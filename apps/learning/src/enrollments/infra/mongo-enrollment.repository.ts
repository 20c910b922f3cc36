import { Injectable } from '@nestjs/common';
import { type AnyBulkWriteOperation, type Model } from 'mongoose';
import { asOutboxCollection, OutboxRelay, writeIfVersion, type OutboxEntry } from '@lms/messaging';
import type { Page, PageRequest, SortOrder } from '@lms/kernel';
import {
  bulkUpsertIds,
  findOfTenantByIds,
  findPage,
  InjectModel,
  isDuplicateKeyError,
} from '@lms/service-kit';
import type { Enrollment } from '../domain/enrollment';
import type {
  EnrollmentFilter,
  EnrollmentRepository,
  EnrollmentWithEvents,
} from '../ports/enrollment.repository';
import { ENROLLMENT_MODEL, type EnrollmentDocument } from './enrollment.schema';

const WITHOUT_OUTBOX = { outbox: 0 } as const;
/** Creation order: the ids are time-ordered. */
const IN_CREATION_ORDER: SortOrder = [['_id', 1]];

/** The key of a learner's live enrollment in a course. */
function liveKeyOf(enrollment: Pick<Enrollment, 'courseId' | 'userId'>): string {
  return `${enrollment.courseId}:${enrollment.userId}`;
}

@Injectable()
export class MongoEnrollmentRepository implements EnrollmentRepository {
  constructor(
    @InjectModel(ENROLLMENT_MODEL) private readonly model: Model<EnrollmentDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  async insert({ enrollment, outbox }: EnrollmentWithEvents): Promise<boolean> {
    try {
      await this.model.create({
        ...toDocument(enrollment),
        liveKey: liveKeyOf(enrollment),
        deletedAt: null,
        outbox: [...outbox],
      });
    } catch (error) {
      // The `enrollment_live_key` index: the learner is enrolled already.
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
    this.published(enrollment.id, outbox);
    return true;
  }

  async insertManyIfAbsent(tenantId: string, created: readonly EnrollmentWithEvents[]): Promise<string[]> {
    if (created.length === 0) return [];
    const operations = created.map(({ enrollment, outbox }): AnyBulkWriteOperation<EnrollmentDocument> => {
      if (enrollment.tenantId !== tenantId)
        throw new Error('An enrollment of another tenant cannot be written here');
      const { tenantId: _tenant, ...rest } = toDocument(enrollment);
      // Exactly the fields of the `enrollment_live_key` unique index: when the learner is
      // enrolled already the operation changes nothing and publishes nothing.
      return {
        updateOne: {
          filter: { tenantId, liveKey: liveKeyOf(enrollment) },
          update: { $setOnInsert: { ...rest, deletedAt: null, outbox: [...outbox] } },
          upsert: true,
        },
      };
    });
    const ids = await bulkUpsertIds(this.model.collection as never, operations as never);
    const written = new Map(created.map(({ enrollment, outbox }) => [enrollment.id, outbox]));
    this.relay.publishSoon(asOutboxCollection(this.model), ids, written);
    await this.relay.backpressure();
    return ids;
  }

  async findById(tenantId: string, id: string): Promise<Enrollment | null> {
    // By `_id` alone, which both engines serve from an index; the tenant is checked here.
    const doc = await this.model.findOne({ _id: id }, WITHOUT_OUTBOX).lean<EnrollmentDocument>().exec();
    return doc && doc.tenantId === tenantId && doc.deletedAt === null ? toEnrollment(doc) : null;
  }

  async findMany(tenantId: string, ids: readonly string[]): Promise<Enrollment[]> {
    return (await findOfTenantByIds<EnrollmentDocument>(this.model, tenantId, ids)).map(toEnrollment);
  }

  async findOf(tenantId: string, courseId: string, userId: string): Promise<Enrollment | null> {
    // Exactly the fields of the `enrollment_live_key` unique index.
    const doc = await this.model
      .findOne({ tenantId, liveKey: liveKeyOf({ courseId, userId }) }, WITHOUT_OUTBOX)
      .lean<EnrollmentDocument>()
      .exec();
    return doc ? toEnrollment(doc) : null;
  }

  list(tenantId: string, filter: EnrollmentFilter, page: PageRequest): Promise<Page<Enrollment>> {
    const query: Record<string, unknown> = { tenantId, deletedAt: null };
    if (filter.courseId !== undefined) query.courseId = filter.courseId;
    if (filter.userId !== undefined) query.userId = filter.userId;
    if (filter.sessionId !== undefined) query.sessionId = filter.sessionId;
    if (filter.state !== undefined) query.state = filter.state;
    return findPage(this.model.find(query, WITHOUT_OUTBOX), IN_CREATION_ORDER, page, toEnrollment);
  }

  async save(
    tenantId: string,
    { enrollment, outbox }: EnrollmentWithEvents,
    expectedVersion: number,
  ): Promise<boolean> {
    const doc = toDocument(enrollment);
    // What a change may touch: its course, learner, kind, session and creation never change.
    const changed: Partial<EnrollmentDocument> = {
      state: doc.state,
      completedMaterial: doc.completedMaterial,
      firstAccessedAt: doc.firstAccessedAt,
      firstAccessByAttendance: doc.firstAccessByAttendance,
      attendance: doc.attendance,
      attendanceMarkedAt: doc.attendanceMarkedAt,
      attendanceMarkedBy: doc.attendanceMarkedBy,
      grade: doc.grade,
      note: doc.note,
      updatedAt: doc.updatedAt,
      version: doc.version,
    };
    return this.writeIfLive(tenantId, enrollment.id, expectedVersion, changed, outbox);
  }

  async delete(
    tenantId: string,
    { enrollment, outbox }: EnrollmentWithEvents,
    expectedVersion: number,
  ): Promise<boolean> {
    // Kept as a tombstone that frees the live key, so that its events are published from its outbox.
    return this.writeIfLive(
      tenantId,
      enrollment.id,
      expectedVersion,
      {
        liveKey: enrollment.id,
        deletedAt: enrollment.updatedAt,
        updatedAt: enrollment.updatedAt,
        version: enrollment.version,
      },
      outbox,
    );
  }

  /**
   * Writes `state` and appends `outbox` if the enrollment is still at `expectedVersion` and
   * not unenrolled (rule 1: one single-document write). The filter names exactly the fields of
   * the `enrollment_version` unique index.
   */
  private async writeIfLive(
    tenantId: string,
    id: string,
    expectedVersion: number,
    state: Partial<EnrollmentDocument>,
    outbox: readonly OutboxEntry[],
  ): Promise<boolean> {
    const key = { _id: id, tenantId, version: expectedVersion, deletedAt: null };
    const written = await writeIfVersion(this.model, key, state, outbox);
    if (written) this.published(id, outbox);
    return written;
  }

  private published(id: string, outbox: readonly OutboxEntry[]): void {
    if (outbox.length > 0) this.relay.publishSoon(asOutboxCollection(this.model), [id]);
  }
}

function toDocument(enrollment: Enrollment): Omit<EnrollmentDocument, 'outbox' | 'liveKey' | 'deletedAt'> {
  return {
    _id: enrollment.id,
    tenantId: enrollment.tenantId,
    courseId: enrollment.courseId,
    userId: enrollment.userId,
    courseKind: enrollment.courseKind,
    sessionId: enrollment.sessionId,
    state: enrollment.state,
    completedMaterial: [...enrollment.completedMaterial],
    firstAccessedAt: enrollment.firstAccessedAt,
    firstAccessByAttendance: enrollment.firstAccessByAttendance,
    attendance: enrollment.attendance,
    attendanceMarkedAt: enrollment.attendanceMarkedAt,
    attendanceMarkedBy: enrollment.attendanceMarkedBy,
    grade: enrollment.grade,
    note: enrollment.note,
    createdAt: enrollment.createdAt,
    updatedAt: enrollment.updatedAt,
    version: enrollment.version,
  };
}

function toEnrollment(doc: EnrollmentDocument): Enrollment {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    courseId: doc.courseId,
    userId: doc.userId,
    courseKind: doc.courseKind,
    sessionId: doc.sessionId ?? null,
    state: doc.state,
    completedMaterial: [...(doc.completedMaterial ?? [])],
    firstAccessedAt: doc.firstAccessedAt ? new Date(doc.firstAccessedAt) : null,
    firstAccessByAttendance: doc.firstAccessByAttendance ?? false,
    attendance: doc.attendance ?? null,
    attendanceMarkedAt: doc.attendanceMarkedAt ? new Date(doc.attendanceMarkedAt) : null,
    attendanceMarkedBy: doc.attendanceMarkedBy ?? null,
    grade: doc.grade ?? null,
    note: doc.note ?? null,
    createdAt: new Date(doc.createdAt),
    updatedAt: new Date(doc.updatedAt),
    version: doc.version,
  };
}
