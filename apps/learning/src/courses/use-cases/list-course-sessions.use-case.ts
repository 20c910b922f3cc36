import { Inject, Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@lms/kernel';
import type { CourseSession } from '../domain/course-session';
import { COURSE_REPOSITORY, type CourseRepository } from '../ports/course.repository';
import { COURSE_SESSION_REPOSITORY, type CourseSessionRepository } from '../ports/course-session.repository';
import {
  GROUP_MEMBERSHIP_REPOSITORY,
  type GroupMembershipRepository,
} from '../../memberships/ports/group-membership.repository';
import { openCourseToRead, type CourseTarget } from './open-course';
import { assertIlt } from './open-session-course';

/** LE-C1: an instructor-led course's sessions, soonest first, to whoever may read the course. */
@Injectable()
export class ListCourseSessionsUseCase {
  constructor(
    @Inject(COURSE_REPOSITORY) private readonly courses: CourseRepository,
    @Inject(COURSE_SESSION_REPOSITORY) private readonly sessions: CourseSessionRepository,
    @Inject(GROUP_MEMBERSHIP_REPOSITORY) private readonly memberships: GroupMembershipRepository,
  ) {}

  async execute(query: CourseTarget & { page: PageRequest }): Promise<Page<CourseSession>> {
    const course = await openCourseToRead(this.courses, this.memberships, query);
    assertIlt(course);
    return this.sessions.list(query.tenantId, course.id, query.page);
  }
}
