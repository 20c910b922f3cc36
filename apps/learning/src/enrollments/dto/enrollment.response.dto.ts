import type { CourseKind } from '../../courses/domain/course';
import type { Enrollment, EnrollmentState } from '../domain/enrollment';

/** An enrollment as the API shows it (LE-E1). */
export class EnrollmentResponseDto {
  id!: string;
  courseId!: string;
  userId!: string;
  courseKind!: CourseKind;
  /** The session of an instructor-led course; null for e-learning. */
  sessionId!: string | null;
  state!: EnrollmentState;
  /** The indexes of the material items completed, ascending. */
  completedMaterial!: number[];
  /** When the learner first opened the course; null: never. */
  firstAccessedAt!: string | null;
  createdAt!: string;
  updatedAt!: string;
  /** Send it back in `If-Match` to change this version only. */
  version!: number;

  static from(enrollment: Enrollment): EnrollmentResponseDto {
    return {
      id: enrollment.id,
      courseId: enrollment.courseId,
      userId: enrollment.userId,
      courseKind: enrollment.courseKind,
      sessionId: enrollment.sessionId,
      state: enrollment.state,
      completedMaterial: [...enrollment.completedMaterial],
      firstAccessedAt: enrollment.firstAccessedAt?.toISOString() ?? null,
      createdAt: enrollment.createdAt.toISOString(),
      updatedAt: enrollment.updatedAt.toISOString(),
      version: enrollment.version,
    };
  }
}
