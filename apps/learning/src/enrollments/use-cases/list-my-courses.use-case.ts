import { Inject, Injectable } from '@nestjs/common';
import { emptyPage, mapPage, type Page, type PageRequest } from '@lms/kernel';
import type { Course } from '../../courses/domain/course';
import type { CourseActor } from '../../courses/domain/course-access';
import { COURSE_REPOSITORY, type CourseRepository } from '../../courses/ports/course.repository';
import type { Enrollment } from '../domain/enrollment';
import { accessOf, type EnrollmentAccess } from '../domain/enrollment-states';
import { ENROLLMENT_REPOSITORY, type EnrollmentRepository } from '../ports/enrollment.repository';

export interface ListMyCoursesQuery {
  tenantId: string;
  actor: CourseActor;
  page: PageRequest;
}

/** One of the caller's courses: its enrollment, the course (null if it is gone) and what the caller may do. */
export interface MyCourse {
  enrollment: Enrollment;
  course: Pick<Course, 'title' | 'kind'> | null;
  access: EnrollmentAccess;
}

/**
 * LE-E1: the caller's courses ("my courses"), in enrollment order, each with the state of its
 * enrollment and what seed 004 lets the learner do in it.
 */
@Injectable()
export class ListMyCoursesUseCase {
  constructor(
    @Inject(ENROLLMENT_REPOSITORY) private readonly enrollments: EnrollmentRepository,
    @Inject(COURSE_REPOSITORY) private readonly courses: CourseRepository,
  ) {}

  async execute(query: ListMyCoursesQuery): Promise<Page<MyCourse>> {
    const { tenantId, actor } = query;
    if (actor.userId === null) return emptyPage(query.page);
    const page = await this.enrollments.list(tenantId, { userId: actor.userId }, query.page);
    // One read by `_id` per course of the page (at most the page's size).
    const courses = new Map<string, Course | null>();
    await Promise.all(
      [...new Set(page.items.map((e) => e.courseId))].map(async (id) =>
        courses.set(id, await this.courses.findById(tenantId, id)),
      ),
    );
    return mapPage(page, (enrollment) => {
      const course = courses.get(enrollment.courseId) ?? null;
      return {
        enrollment,
        course: course && { title: course.title, kind: course.kind },
        access: accessOf(enrollment.courseKind, enrollment.state),
      };
    });
  }
}
