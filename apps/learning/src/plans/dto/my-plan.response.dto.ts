import type { CourseKind } from '../../courses/domain/course';
import type { EnrollmentState } from '../../enrollments/domain/enrollment';
import type { PlanState } from '../domain/plan-state';
import type { MyPlan, MyPlanCourse } from '../use-cases/list-my-plans.use-case';

/** One course of the caller's plan, with its enrollment state in it. */
export class MyPlanCourseResponseDto {
  courseId!: string;
  /** Null when the course is no longer there. */
  title!: string | null;
  /** Null when the course is no longer there. */
  kind!: CourseKind | null;
  /** The caller's enrollment state in the course; null: not enrolled. */
  enrollmentState!: EnrollmentState | null;

  static from(item: MyPlanCourse): MyPlanCourseResponseDto {
    return {
      courseId: item.courseId,
      title: item.course?.title ?? null,
      kind: item.course?.kind ?? null,
      enrollmentState: item.enrollmentState,
    };
  }
}

/** One of the caller's plans (`GET /v1/me/plans`). */
export class MyPlanResponseDto {
  planEnrollmentId!: string;
  planId!: string;
  /** Null when the plan is no longer there. */
  title!: string | null;
  description!: string | null;
  /** `enrolled` (nothing started), `in_progress` or `completed` (seed 004). */
  state!: PlanState;
  courses!: MyPlanCourseResponseDto[];
  enrolledAt!: string;
  updatedAt!: string;

  static from(item: MyPlan): MyPlanResponseDto {
    const { planEnrollment } = item;
    return {
      planEnrollmentId: planEnrollment.id,
      planId: planEnrollment.planId,
      title: item.plan?.title ?? null,
      description: item.plan?.description ?? null,
      state: planEnrollment.state,
      courses: item.courses.map(MyPlanCourseResponseDto.from),
      enrolledAt: planEnrollment.createdAt.toISOString(),
      updatedAt: planEnrollment.updatedAt.toISOString(),
    };
  }
}
