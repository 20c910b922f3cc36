import { Injectable } from '@nestjs/common';
import type { Model } from 'mongoose';
import { writeIfVersion } from '@lms/messaging';
import type { Page, PageRequest, SortOrder } from '@lms/kernel';
import { findPage, InjectModel } from '@lms/service-kit';
import type { CourseSession } from '../domain/course-session';
import type { CourseSessionRepository } from '../ports/course-session.repository';
import { COURSE_SESSION_MODEL, type CourseSessionDocument } from './course-session.schema';

/** Soonest first, ties by id. */
const SOONEST_FIRST: SortOrder = [
  ['startsAt', 1],
  ['_id', 1],
];

@Injectable()
export class MongoCourseSessionRepository implements CourseSessionRepository {
  constructor(@InjectModel(COURSE_SESSION_MODEL) private readonly model: Model<CourseSessionDocument>) {}

  async insert(session: CourseSession): Promise<void> {
    await this.model.create(toDocument(session));
  }

  async findById(tenantId: string, courseId: string, id: string): Promise<CourseSession | null> {
    // By `_id` alone, which both engines serve from an index; the tenant and course are checked here.
    const doc = await this.model.findOne({ _id: id }).lean<CourseSessionDocument>().exec();
    return doc && doc.tenantId === tenantId && doc.courseId === courseId ? toSession(doc) : null;
  }

  list(tenantId: string, courseId: string, page: PageRequest): Promise<Page<CourseSession>> {
    return findPage(this.model.find({ tenantId, courseId }), SOONEST_FIRST, page, toSession);
  }

  async save(tenantId: string, changed: CourseSession, expectedVersion: number): Promise<boolean> {
    const { _id, tenantId: _t, courseId: _c, createdAt: _a, ...state } = toDocument(changed);
    // Exactly the fields of the `course_session_version` unique index; sessions publish no events.
    return writeIfVersion(this.model, { _id, tenantId, version: expectedVersion }, state, []);
  }

  async delete(tenantId: string, courseId: string, id: string, expectedVersion: number): Promise<boolean> {
    const stored = await this.findById(tenantId, courseId, id);
    if (!stored) return false;
    const result = await this.model.deleteOne({ _id: id, tenantId, version: expectedVersion }).exec();
    return result.deletedCount > 0;
  }

  async deleteAllOf(tenantId: string, courseId: string): Promise<void> {
    // A cold path (a draft deleted): MongoDB serves it from the (tenant, course) index, the stand-in scans.
    await this.model.deleteMany({ tenantId, courseId }).exec();
  }
}

function toDocument(session: CourseSession): CourseSessionDocument {
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
