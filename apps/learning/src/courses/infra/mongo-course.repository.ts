import type { Model } from 'mongoose';
import { type Page, type PageRequest } from '@lms/kernel';
import { findPage } from '@lms/service-kit';
import type { Course } from '../domain/course';
import type { CourseRepository } from '../ports/course.repository';
import type { CourseRecord } from './course.schema';

const WITHOUT_OUTBOX = { outbox: 0 } as const;

export class MongoCourseRepository implements CourseRepository {
  constructor(private readonly model: Model<CourseRecord>) {}

  async list(tenantId: string, page: PageRequest): Promise<Page<Course>> {
    return findPage(this.model.find({ tenantId }, WITHOUT_OUTBOX).sort({ _id: 1 }), page, toCourse);
  }
}

function toCourse(record: CourseRecord): Course {
  return {
    id: record._id,
    tenantId: record.tenantId,
    title: record.title,
    kind: record.kind,
    state: record.state,
    createdAt: new Date(record.createdAt),
    updatedAt: new Date(record.updatedAt),
    version: record.version,
  };
}
