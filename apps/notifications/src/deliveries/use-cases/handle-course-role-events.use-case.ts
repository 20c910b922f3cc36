import { Inject, Injectable } from '@nestjs/common';
import {
  COURSE_INSTRUCTOR_REPOSITORY,
  type CourseInstructorRepository,
} from '../../sessions/ports/course-instructor.repository';
import { planCourseRoleDeliveries, type CourseRoleEventFacts } from '../domain/course-role-deliveries';
import type { Delivery } from '../domain/delivery';
import { MailRecorder } from './mail-recorder';

/** One course-role event: its id, tenant, type, the course's version and the grant it carries. */
export type CourseRoleEventCommand = CourseRoleEventFacts;

/**
 * Roles granted and revoked in courses (a batch of learning's course-roles stream): who teaches
 * which course is kept (its instructors are mailed about its sessions), and a reviewer is mailed
 * (NO-1), recorded for the sender pool ({@link MailRecorder}); an event older than the newest
 * one handled for its course changes and mails nothing.
 */
@Injectable()
export class HandleCourseRoleEventsUseCase {
  constructor(
    private readonly recorder: MailRecorder,
    @Inject(COURSE_INSTRUCTOR_REPOSITORY) private readonly instructors: CourseInstructorRepository,
  ) {}

  async execute(commands: readonly CourseRoleEventCommand[]): Promise<Delivery[]> {
    await this.instructors.applyMany(
      commands
        .filter((command) => command.grant.role === 'instructor')
        .map(({ tenantId, type, version, grant }) => ({
          tenantId,
          courseId: grant.courseId,
          userId: grant.userId,
          instructs: type === 'course-role.granted',
          version,
        })),
    );
    return this.recorder.record(commands, {
      aggregateOf: (command) => command.grant.courseId,
      plan: planCourseRoleDeliveries,
    });
  }
}
