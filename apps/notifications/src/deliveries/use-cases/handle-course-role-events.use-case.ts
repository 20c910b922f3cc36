import { Injectable } from '@nestjs/common';
import { planCourseRoleDeliveries, type CourseRoleEventFacts } from '../domain/course-role-deliveries';
import type { Delivery } from '../domain/delivery';
import { MailRecorder } from './mail-recorder';

/** One course-role event: its id, tenant, type, the course's version and the grant it carries. */
export type CourseRoleEventCommand = CourseRoleEventFacts;

/**
 * Roles granted in courses (a batch of learning's course-roles stream): a reviewer is mailed
 * (NO-1), recorded for the sender pool ({@link MailRecorder}); an event older than the newest
 * one handled for its course mails nothing.
 */
@Injectable()
export class HandleCourseRoleEventsUseCase {
  constructor(private readonly recorder: MailRecorder) {}

  execute(commands: readonly CourseRoleEventCommand[]): Promise<Delivery[]> {
    return this.recorder.record(commands, {
      aggregateOf: (command) => command.grant.courseId,
      plan: planCourseRoleDeliveries,
    });
  }
}
