import { Schema } from 'mongoose';

export const COURSE_INSTRUCTOR_MODEL = 'CourseInstructor';

export interface CourseInstructorDocument {
  /** `${tenantId}:${courseId}:${userId}` (courseInstructorKey). */
  _id: string;
  tenantId: string;
  courseId: string;
  userId: string;
  instructs: boolean;
  version: number;
  updatedAt: Date;
}

export const CourseInstructorSchema = new Schema<CourseInstructorDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    courseId: { type: String, required: true },
    userId: { type: String, required: true },
    instructs: { type: Boolean, required: true },
    version: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'course_instructors', versionKey: false },
);

/**
 * The projection's compare-and-set filter is exactly `{_id, version}`: unique trivially,
 * declared so that the local stand-in database serves it from an index (MongoDB uses `_id`).
 */
CourseInstructorSchema.index({ _id: 1, version: 1 }, { unique: true, name: 'version_compare_and_set' });
/**
 * The instructors of a batch's courses (a session moved or cancelled, a reminder), once per
 * batch and tenant. Non-unique: MongoDB serves it; the stand-in scans (a few rows per course).
 */
CourseInstructorSchema.index({ tenantId: 1, courseId: 1, instructs: 1 });
