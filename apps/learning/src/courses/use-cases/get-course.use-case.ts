import { Inject, Injectable } from '@nestjs/common';
import type { Course } from '../domain/course';
import { COURSE_REPOSITORY, type CourseRepository } from '../ports/course.repository';
import {
  GROUP_MEMBERSHIP_REPOSITORY,
  type GroupMembershipRepository,
} from '../../memberships/ports/group-membership.repository';
import { openCourseToRead, type CourseTarget } from './open-course';

/** LE-C1: one course, to those who may edit it (any state) and to learners whose catalog shows it. */
@Injectable()
export class GetCourseUseCase {
  constructor(
    @Inject(COURSE_REPOSITORY) private readonly courses: CourseRepository,
    @Inject(GROUP_MEMBERSHIP_REPOSITORY) private readonly memberships: GroupMembershipRepository,
  ) {}

  execute(query: CourseTarget): Promise<Course> {
    return openCourseToRead(this.courses, this.memberships, query);
  }
}
