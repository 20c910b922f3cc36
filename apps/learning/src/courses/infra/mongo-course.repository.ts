import { Injectable } from '@nestjs/common';
import type { Model } from 'mongoose';
import { type Page, type PageRequest, type SortOrder } from '@lms/kernel';
import { findPage, InjectModel } from '@lms/service-kit';
import type { Course } from '../domain/course';
import type { CourseRepository } from '../ports/course.repository';
import { COURSE_MODEL, type CourseDocument } from './course.schema';

const WITHOUT_OUTBOX = { outbox: 0 } as const;
/** Creation order: the ids are time-ordered. */
const COURSES_IN_CREATION_ORDER: SortOrder = [['_id', 1]];

@Injectable()
export class MongoCourseRepository implements CourseRepository {
  constructor(@InjectModel(COURSE_MODEL) private readonly model: Model<CourseDocument>) {}

  async list(tenantId: string, page: PageRequest): Promise<Page<Course>> {
    return findPage(this.model.find({ tenantId }, WITHOUT_OUTBOX), COURSES_IN_CREATION_ORDER, page, toCourse);
  }
}

function toCourse(record: CourseDocument): Course {
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
