import { foldNewestState } from '@lms/kernel';
import { Injectable } from '@nestjs/common';
import type { Model, mongo } from 'mongoose';
import { applyVersionedBatch, InjectModel, type VersionedBatchPlan } from '@lms/service-kit';
import type { ProjectionOutcome } from '../../shared/projection-outcome';
import { catalogCourseKey, type CatalogCourse, type CatalogCourseChange } from '../domain/catalog-course';
import type { CatalogCourseRepository } from '../ports/catalog-course.repository';
import { CATALOG_COURSE_MODEL, type CatalogCourseDocument } from './catalog-course.schema';

/** How the projection takes a batch of course changes (see applyVersionedBatch). */
const COURSE_BATCH: VersionedBatchPlan<CatalogCourseChange, CatalogCourseChange, CatalogCourseDocument> = {
  what: 'Courses',
  keyOf: (change) => catalogCourseKey(change.tenantId, change.courseId),
  fold: foldNewestState,
  versionOf: (write) => write.version,
  toInsert: (key, write) => ({ _id: key, ...toFields(write) }),
  // Every event carries the whole state: the write sets every field but the key's.
  toSet: (write) => {
    const { tenantId: _tenantId, courseId: _courseId, ...fields } = toFields(write);
    return fields;
  },
};

@Injectable()
export class MongoCatalogCourseRepository implements CatalogCourseRepository {
  constructor(@InjectModel(CATALOG_COURSE_MODEL) private readonly model: Model<CatalogCourseDocument>) {}

  /** The driver's collection, not mongoose's casting: these are plain, already valid documents. */
  private collection(): mongo.Collection<CatalogCourseDocument> {
    return this.model.collection as unknown as mongo.Collection<CatalogCourseDocument>;
  }

  /**
   * Read, decide, write, without a scan on either engine (applyVersionedBatch): per course, the
   * newest change of the batch if it is newer than what is stored, written by a
   * compare-and-set on the version read.
   */
  applyMany(changes: readonly CatalogCourseChange[]): Promise<ProjectionOutcome[]> {
    return applyVersionedBatch(this.collection(), changes, COURSE_BATCH);
  }

  /** By `_id`; the tenant is part of the key, and checked again on what comes back. */
  async find(tenantId: string, courseId: string): Promise<CatalogCourse | null> {
    const doc = await this.collection().findOne({ _id: catalogCourseKey(tenantId, courseId) });
    return doc && doc.tenantId === tenantId && doc.courseId === courseId ? toCatalogCourse(doc) : null;
  }

  /** One read by `_id: {$in}`. */
  async findMany(tenantId: string, courseIds: readonly string[]): Promise<CatalogCourse[]> {
    if (courseIds.length === 0) return [];
    const keys = [...new Set(courseIds)].map((courseId) => catalogCourseKey(tenantId, courseId));
    const docs = await this.collection()
      .find({ _id: { $in: keys } })
      .toArray();
    // The key says it already; checked again so that no other tenant's row can ever come back.
    return docs.filter((doc) => doc.tenantId === tenantId).map(toCatalogCourse);
  }
}

/** The stored fields of a course, a copy of what the change carries. */
function toFields(course: CatalogCourse): Omit<CatalogCourseDocument, '_id'> {
  const { tenantId, courseId, title, kind, state, version } = course;
  return { tenantId, courseId, title, kind, state, version, updatedAt: new Date(course.updatedAt) };
}

function toCatalogCourse(doc: CatalogCourseDocument): CatalogCourse {
  return {
    tenantId: doc.tenantId,
    courseId: doc.courseId,
    title: doc.title,
    kind: doc.kind,
    state: doc.state,
    version: doc.version,
    updatedAt: new Date(doc.updatedAt),
  };
}
