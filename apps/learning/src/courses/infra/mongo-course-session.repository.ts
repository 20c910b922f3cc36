import { Injectable } from '@nestjs/common';
import type { Model } from 'mongoose';
import { asOutboxCollection, OutboxRelay, writeIfVersion, type OutboxEntry } from '@lms/messaging';
import type { Page, PageRequest, SortOrder } from '@lms/kernel';
import { findPage, InjectModel } from '@lms/service-kit';
import type { CourseSession } from '../domain/course-session';
import type { CourseSessionRepository, CourseSessionWithEvents } from '../ports/course-session.repository';
import { COURSE_SESSION_MODEL, type CourseSessionDocument } from './course-session.schema';

const WITHOUT_OUTBOX = { outbox: 0 } as const;
/** Soonest first, ties by id. */
const SOONEST_FIRST: SortOrder = [
  ['startsAt', 1],
  ['_id', 1],
];

@Injectable()
export class MongoCourseSessionRepository implements CourseSessionRepository {
  constructor(
    @InjectModel(COURSE_SESSION_MODEL) private readonly model: Model<CourseSessionDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  async insert({ session, outbox }: CourseSessionWithEvents): Promise<void> {
    await this.model.create({ ...toDocument(session), cancelledAt: null, outbox: [...outbox] });
    this.published(session.id, outbox);
  }

  async findById(tenantId: string, courseId: string, id: string): Promise<CourseSession | null> {
    // By `_id` alone, which both engines serve from an index; the tenant and course are checked here.
    const doc = await this.model.findOne({ _id: id }, WITHOUT_OUTBOX).lean<CourseSessionDocument>().exec();
    return doc && doc.tenantId === tenantId && doc.courseId === courseId && !doc.cancelledAt
      ? toSession(doc)
      : null;
  }

  list(tenantId: string, courseId: string, page: PageRequest): Promise<Page<CourseSession>> {
    return findPage(
      this.model.find({ tenantId, courseId, cancelledAt: null }, WITHOUT_OUTBOX),
      SOONEST_FIRST,
      page,
      toSession,
    );
  }

  async save(
    tenantId: string,
    { session, outbox }: CourseSessionWithEvents,
    expectedVersion: number,
  ): Promise<boolean> {
    const { _id, tenantId: _t, courseId: _c, createdAt: _a, ...state } = toDocument(session);
    return this.writeIfLive(tenantId, _id, expectedVersion, state, outbox);
  }

  async delete(
    tenantId: string,
    { session, outbox }: CourseSessionWithEvents,
    expectedVersion: number,
  ): Promise<boolean> {
    const stored = await this.findById(tenantId, session.courseId, session.id);
    if (!stored) return false;
    // Kept as a tombstone, so that its `course-session.cancelled` is published from its outbox.
    return this.writeIfLive(
      tenantId,
      session.id,
      expectedVersion,
      { cancelledAt: session.updatedAt, updatedAt: session.updatedAt, version: session.version },
      outbox,
    );
  }

  async deleteAllOf(tenantId: string, courseId: string): Promise<void> {
    // A cold path (a draft deleted): MongoDB serves it from the (tenant, course) index, the stand-in scans.
    await this.model.deleteMany({ tenantId, courseId }).exec();
  }

  /**
   * Writes `state` and appends `outbox` if the session is still at `expectedVersion` and not
   * cancelled (rule 1: one single-document write). The filter names exactly the fields of the
   * `course_session_live_version` unique index.
   */
  private async writeIfLive(
    tenantId: string,
    id: string,
    expectedVersion: number,
    state: Partial<CourseSessionDocument>,
    outbox: readonly OutboxEntry[],
  ): Promise<boolean> {
    const key = { _id: id, tenantId, version: expectedVersion, cancelledAt: null };
    const written = await writeIfVersion(this.model, key, state, outbox);
    if (written) this.published(id, outbox);
    return written;
  }

  private published(id: string, outbox: readonly OutboxEntry[]): void {
    if (outbox.length > 0) this.relay.publishSoon(asOutboxCollection(this.model), [id]);
  }
}

function toDocument(session: CourseSession): Omit<CourseSessionDocument, 'outbox' | 'cancelledAt'> {
  const { id, ...rest } = session;
  return { _id: id, ...rest };
}

function toSession(doc: CourseSessionDocument): CourseSession {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    courseId: doc.courseId,
    startsAt: new Date(doc.startsAt),
    endsAt: new Date(doc.endsAt),
    place: doc.place ?? null,
    link: doc.link ?? null,
    capacity: doc.capacity,
    createdAt: new Date(doc.createdAt),
    updatedAt: new Date(doc.updatedAt),
    version: doc.version,
  };
}
