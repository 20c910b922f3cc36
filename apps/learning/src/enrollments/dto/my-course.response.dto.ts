import type { CourseKind } from '../../courses/domain/course';
import type { Attendance, EnrollmentState } from '../domain/enrollment';
import type { EnrollmentAccess } from '../domain/enrollment-states';
import type { MyCourse } from '../use-cases/list-my-courses.use-case';

/** What the learner may do in the course (seed 004). */
export class MyCourseAccessResponseDto {
  /** Open the course. */
  open!: boolean;
  /** See its learning material. */
  seeMaterial!: boolean;
  /** Attend the session of an instructor-led course. */
  attend!: boolean;

  static from(access: EnrollmentAccess): MyCourseAccessResponseDto {
    return { open: access.open, seeMaterial: access.seeMaterial, attend: access.attend };
  }
}

/** One of the caller's courses (`GET /v1/me/courses`). */
export class MyCourseResponseDto {
  enrollmentId!: string;
  courseId!: string;
  /** Null when the course is no longer there. */
  title!: string | null;
  kind!: CourseKind;
  sessionId!: string | null;
  state!: EnrollmentState;
  completedMaterial!: number[];
  /** Whether the learner attended its session (instructor-led), as its instructor marked it; null: not marked yet. */
  attendance!: Attendance | null;
  /** The grade its instructor gave; null: none. */
  grade!: number | null;
  may!: MyCourseAccessResponseDto;

  static from(item: MyCourse): MyCourseResponseDto {
    const { enrollment } = item;
    return {
      enrollmentId: enrollment.id,
      courseId: enrollment.courseId,
      title: item.course?.title ?? null,
      kind: enrollment.courseKind,
      sessionId: enrollment.sessionId,
      state: enrollment.state,
      completedMaterial: [...enrollment.completedMaterial],
      attendance: enrollment.attendance,
      grade: enrollment.grade,
      may: MyCourseAccessResponseDto.from(item.access),
    };
  }
}
