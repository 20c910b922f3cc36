import type { CourseKind } from '../../courses/domain/course';
import type { Attendance, Enrollment, EnrollmentState } from '../domain/enrollment';

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
  /** When the learner first accessed the course (opened it, or attended its session); null: never. */
  firstAccessedAt!: string | null;
  /** Whether the learner attended its session, as its instructor marked it; null: not marked yet. */
  attendance!: Attendance | null;
  /** The grade given with the attendance, 0 to 100; null: none. */
  grade!: number | null;
  /** The instructor's note with the attendance; null: none. */
  note!: string | null;
  /** When the attendance was last marked; null: never. */
  attendanceMarkedAt!: string | null;
  /** Who marked it; null: nobody yet. */
  attendanceMarkedBy!: string | null;
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
      attendance: enrollment.attendance,
      grade: enrollment.grade,
      note: enrollment.note,
      attendanceMarkedAt: enrollment.attendanceMarkedAt?.toISOString() ?? null,
      attendanceMarkedBy: enrollment.attendanceMarkedBy,
      createdAt: enrollment.createdAt.toISOString(),
      updatedAt: enrollment.updatedAt.toISOString(),
      version: enrollment.version,
    };
  }
}
