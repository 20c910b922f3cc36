import { Injectable } from '@nestjs/common';
import type { Model, mongo } from 'mongoose';
import { applyVersionedBatch, InjectModel, type VersionedBatchPlan } from '@lms/service-kit';
import {
  courseInstructorKey,
  foldInstructorChanges,
  type CourseInstructor,
} from '../domain/course-instructor';
import type { CourseInstructorRepository } from '../ports/course-instructor.repository';
import { COURSE_INSTRUCTOR_MODEL, type CourseInstructorDocument } from './course-instructor.schema';

/** How the instructors take a batch of role changes (see applyVersionedBatch). */
const INSTRUCTOR_BATCH: VersionedBatchPlan<CourseInstructor, CourseInstructor, CourseInstructorDocument> = {
  what: 'Course instructors',
  keyOf: courseInstructorKey,
  fold: (storedVersion, changes) => foldInstructorChanges(storedVersion, changes),
  versionOf: (write) => write.version,
  toInsert: (key, write) => ({ _id: key, ...write, updatedAt: new Date() }),
  toSet: (write) => ({ instructs: write.instructs, version: write.version, updatedAt: new Date() }),
};

@Injectable()
export class MongoCourseInstructorRepository implements CourseInstructorRepository {
  constructor(
    @InjectModel(COURSE_INSTRUCTOR_MODEL) private readonly model: Model<CourseInstructorDocument>,
  ) {}

  /** The driver's collection, not mongoose's casting: these are plain, already valid documents. */
  private collection(): mongo.Collection<CourseInstructorDocument> {
    return this.model.collection as unknown as mongo.Collection<CourseInstructorDocument>;
  }

  async applyMany(changes: readonly CourseInstructor[]): Promise<void> {
    if (changes.length > 0) await applyVersionedBatch(this.collection(), changes, INSTRUCTOR_BATCH);
  }

  async instructorsOf(tenantId: string, courseIds: readonly string[]): Promise<Map<string, string[]>> {
    const instructors = new Map<string, string[]>(courseIds.map((id) => [id, []]));
    if (courseIds.length === 0) return instructors;
    const docs = await this.collection()
      .find(
        { tenantId, courseId: { $in: [...new Set(courseIds)] }, instructs: true },
        { projection: { courseId: 1, userId: 1 } },
      )
      .toArray();
    for (const doc of docs) {
      const users = instructors.get(doc.courseId) ?? [];
      if (!users.includes(doc.userId)) users.push(doc.userId);
      instructors.set(doc.courseId, users);
    }
    return instructors;
  }
}
