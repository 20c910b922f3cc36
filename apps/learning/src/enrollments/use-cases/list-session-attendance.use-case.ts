import { Inject, Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@lms/kernel';
import { CourseNotFoundError, SessionNotFoundError } from '../../courses/courses.errors';
import type { CourseActor } from '../../courses/domain/course-access';
import { COURSE_REPOSITORY, type CourseRepository } from '../../courses/ports/course.repository';
import {
  COURSE_SESSION_REPOSITORY,
  type CourseSessionRepository,
} from '../../courses/ports/course-session.repository';
import { assertIlt } from '../../courses/use-cases/open-session-course';
import type { Enrollment } from '../domain/enrollment';
import { mayMarkAttendance } from '../domain/enrollment-access';
import { EnrollmentForbiddenError } from '../enrollments.errors';
import { ENROLLMENT_REPOSITORY, type EnrollmentRepository } from '../ports/enrollment.repository';

export interface ListSessionAttendanceQuery {
  tenantId: string;
  actor: CourseActor;
  courseId: string;
  sessionId: string;
  page: PageRequest;
}

/**
 * LE-C2: the enrollments of one session of an instructor-led course, in creation order, each
 * with its attendance and grade, to those who mark them (its instructors, administrators and
 * power users). A course unknown to the tenant is not found before anyone's rights are weighed.
 */
@Injectable()
export class ListSessionAttendanceUseCase {
  constructor(
    @Inject(ENROLLMENT_REPOSITORY) private readonly enrollments: EnrollmentRepository,
    @Inject(COURSE_REPOSITORY) private readonly courses: CourseRepository,
    @Inject(COURSE_SESSION_REPOSITORY) private readonly sessions: CourseSessionRepository,
  ) {}

  async execute(query: ListSessionAttendanceQuery): Promise<Page<Enrollment>> {
    const { tenantId, actor, courseId, sessionId } = query;
    const course = await this.courses.findById(tenantId, courseId);
    if (!course) throw new CourseNotFoundError(courseId);
    if (!mayMarkAttendance(actor, course)) throw new EnrollmentForbiddenError({ courseId });
    assertIlt(course);
    if (!(await this.sessions.findById(tenantId, courseId, sessionId)))
      throw new SessionNotFoundError(courseId, sessionId);
    // The course's list narrowed to its session (docs/query-shapes.md: the lists behind the API).
    return this.enrollments.list(tenantId, { courseId, sessionId }, query.page);
  }
}
