import { Injectable } from '@nestjs/common';
import { trusted, type Model } from 'mongoose';
import { asOutboxCollection, OutboxRelay, writeIfVersion, type OutboxEntry } from '@lms/messaging';
import { type Page, type PageRequest, type SortOrder } from '@lms/kernel';
import { findPage, InjectModel } from '@lms/service-kit';
import type { Course, CourseKind } from '../domain/course';
import type { CatalogReader } from '../domain/course-access';
import type { CourseFilter, CourseRepository, CourseWithEvents } from '../ports/course.repository';
import { COURSE_MODEL, type CourseDocument } from './course.schema';

const WITHOUT_OUTBOX = { outbox: 0 } as const;
/** Creation order: the ids are time-ordered. */
const COURSES_IN_CREATION_ORDER: SortOrder = [['_id', 1]];

@Injectable()
export class MongoCourseRepository implements CourseRepository {
  constructor(
    @InjectModel(COURSE_MODEL) private readonly model: Model<CourseDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  async insert({ course, outbox }: CourseWithEvents): Promise<void> {
    await this.model.create({ ...toDocument(course), outbox: [...outbox] });
    this.published(course.id, outbox);
  }

  async findById(tenantId: string, id: string): Promise<Course | null> {
    // By `_id` alone, which both engines serve from an index; the tenant is checked here.
    const doc = await this.model.findOne({ _id: id }, WITHOUT_OUTBOX).lean<CourseDocument>().exec();
    return doc && doc.tenantId === tenantId ? toCourse(doc) : null;
  }

  list(tenantId: string, filter: CourseFilter, page: PageRequest): Promise<Page<Course>> {
    const query: Record<string, unknown> = { tenantId };
    if (filter.state !== undefined) query.state = filter.state;
    if (filter.kind !== undefined) query.kind = filter.kind;
    if (filter.authorId !== undefined) query.authorId = filter.authorId;
    return findPage(this.model.find(query, WITHOUT_OUTBOX), COURSES_IN_CREATION_ORDER, page, toCourse);
  }

  listCatalog(
    tenantId: string,
    reader: CatalogReader,
    kind: CourseKind | undefined,
    page: PageRequest,
  ): Promise<Page<Course>> {
    const query: Record<string, unknown> = { tenantId, state: 'published' };
    if (kind !== undefined) query.kind = kind;
    if (!reader.everything)
      // Offered to everyone (no groups), or to one of the reader's groups.
      query.$or = [
        { groupIds: trusted({ $size: 0 }) },
        ...(reader.memberOf.length > 0 ? [{ groupIds: trusted({ $in: [...reader.memberOf] }) }] : []),
      ];
    return findPage(this.model.find(query, WITHOUT_OUTBOX), COURSES_IN_CREATION_ORDER, page, toCourse);
  }

  listWithUser(tenantId: string, userId: string, page: PageRequest): Promise<Page<Course>> {
    // Two index-served branches: (tenantId, authorId, _id) and (tenantId, roles.userId, _id).
    const query = { tenantId, $or: [{ authorId: userId }, { 'roles.userId': userId }] };
    return findPage(this.model.find(query, WITHOUT_OUTBOX), COURSES_IN_CREATION_ORDER, page, toCourse);
  }

  async save(
    tenantId: string,
    { course, outbox }: CourseWithEvents,
    expectedVersion: number,
  ): Promise<boolean> {
    const { _id, tenantId: _t, kind: _k, createdAt: _c, ...state } = toDocument(course);
    // Exactly the fields of the `course_version` unique index.
    const written = await writeIfVersion(
      this.model,
      { _id, tenantId, version: expectedVersion },
      state,
      outbox,
    );
    if (written) this.published(course.id, outbox);
    return written;
  }

  async delete(tenantId: string, id: string, expectedVersion: number): Promise<boolean> {
    // Only drafts are deleted, and they never published an event: nothing is left to publish.
    const result = await this.model.deleteOne({ _id: id, tenantId, version: expectedVersion }).exec();
    return result.deletedCount > 0;
  }

  private published(id: string, outbox: readonly OutboxEntry[]): void {
    if (outbox.length > 0) this.relay.publishSoon(asOutboxCollection(this.model), [id]);
  }
}

function toDocument(course: Course): Omit<CourseDocument, 'outbox'> {
  return {
    _id: course.id,
    tenantId: course.tenantId,
    title: course.title,
    description: course.description,
    kind: course.kind,
    state: course.state,
    enrollmentPolicy: course.enrollmentPolicy,
    overbookingAllowed: course.overbookingAllowed,
    groupIds: [...course.groupIds],
    material: course.material.map((item) => ({ title: item.title, kind: item.kind, url: item.url })),
    authorId: course.authorId,
    roles: course.roles.map((holder) => ({ userId: holder.userId, role: holder.role })),
    createdAt: course.createdAt,
    updatedAt: course.updatedAt,
    version: course.version,
  };
}

function toCourse(doc: CourseDocument): Course {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    title: doc.title,
    description: doc.description ?? null,
    kind: doc.kind,
    state: doc.state,
    enrollmentPolicy: doc.enrollmentPolicy ?? 'free',
    overbookingAllowed: doc.overbookingAllowed ?? false,
    groupIds: [...(doc.groupIds ?? [])],
    material: (doc.material ?? []).map((item) => ({ title: item.title, kind: item.kind, url: item.url })),
    authorId: doc.authorId ?? null,
    roles: (doc.roles ?? []).map((holder) => ({ userId: holder.userId, role: holder.role })),
    createdAt: new Date(doc.createdAt),
    updatedAt: new Date(doc.updatedAt),
    version: doc.version,
  };
}
