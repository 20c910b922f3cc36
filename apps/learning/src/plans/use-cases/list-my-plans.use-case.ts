import { Inject, Injectable } from '@nestjs/common';
import { emptyPage, type Page, type PageRequest } from '@lms/kernel';
import type { Course } from '../../courses/domain/course';
import type { CourseActor } from '../../courses/domain/course-access';
import { COURSE_REPOSITORY, type CourseRepository } from '../../courses/ports/course.repository';
import type { EnrollmentState } from '../../enrollments/domain/enrollment';
import type { PlanEnrollment } from '../domain/plan-enrollment';
import { PLAN_REPOSITORY, type PlanRepository } from '../ports/plan.repository';
import {
  PLAN_ENROLLMENT_REPOSITORY,
  type PlanEnrollmentRepository,
} from '../ports/plan-enrollment.repository';
import { PlanStateKeeper } from './plan-state-keeper';

/** One course of a learner's plan, with the learner's enrollment state in it (null: not enrolled). */
export interface MyPlanCourse {
  courseId: string;
  /** Null when the course is gone. */
  course: Pick<Course, 'title' | 'kind'> | null;
  enrollmentState: EnrollmentState | null;
}

/** A learner's plan: its enrollment, the plan's title and description, and each course. */
export interface MyPlan {
  planEnrollment: PlanEnrollment;
  /** Null when the plan is gone. */
  plan: { title: string; description: string | null } | null;
  courses: MyPlanCourse[];
}

/**
 * LE-P1: the caller's plans, in enrollment order, each with its state and, per course, the
 * caller's enrollment state. A page of plan enrollments, then each plan and course by `_id`
 * and each enrollment by its course and learner.
 */
@Injectable()
export class ListMyPlansUseCase {
  constructor(
    @Inject(PLAN_ENROLLMENT_REPOSITORY) private readonly planEnrollments: PlanEnrollmentRepository,
    @Inject(PLAN_REPOSITORY) private readonly plans: PlanRepository,
    @Inject(COURSE_REPOSITORY) private readonly courses: CourseRepository,
    private readonly planStates: PlanStateKeeper,
  ) {}

  async execute(command: { tenantId: string; actor: CourseActor; page: PageRequest }): Promise<Page<MyPlan>> {
    const { tenantId, actor } = command;
    if (actor.userId === null) return emptyPage(command.page);
    const userId = actor.userId;
    const page = await this.planEnrollments.listOfUser(tenantId, userId, command.page);
    const courseCache = new Map<string, Promise<Course | null>>();
    const courseOf = (id: string) => {
      const cached = courseCache.get(id) ?? this.courses.findById(tenantId, id);
      courseCache.set(id, cached);
      return cached;
    };
    const items = await Promise.all(
      page.items.map(async (planEnrollment): Promise<MyPlan> => {
        const plan = await this.plans.findById(tenantId, planEnrollment.planId);
        const states = await this.planStates.courseStatesOf(tenantId, userId, planEnrollment.courseIds);
        const courses = await Promise.all(
          planEnrollment.courseIds.map(async (courseId): Promise<MyPlanCourse> => {
            const course = await courseOf(courseId);
            return {
              courseId,
              course: course && { title: course.title, kind: course.kind },
              enrollmentState: states.get(courseId) ?? null,
            };
          }),
        );
        return {
          planEnrollment,
          plan: plan && { title: plan.title, description: plan.description },
          courses,
        };
      }),
    );
    return { items, limit: page.limit, nextCursor: page.nextCursor };
  }
}
