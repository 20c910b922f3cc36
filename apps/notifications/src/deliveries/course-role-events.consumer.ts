import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CourseRolesStream, type EnvelopeOf } from '@lms/contracts';
import { OnEventBatch } from '@lms/messaging';
import { COURSE_ROLE_EVENTS } from './domain/course-role-deliveries';
import {
  HandleCourseRoleEventsUseCase,
  type CourseRoleEventCommand,
} from './use-cases/handle-course-role-events.use-case';

type CourseRoleEvent =
  | EnvelopeOf<typeof CourseRolesStream.events, 'course-role.granted'>
  | EnvelopeOf<typeof CourseRolesStream.events, 'course-role.revoked'>;

/** Kafka adapter: course roles keep who teaches what, and a reviewer assigned is mailed (NO-1), in batches (rule 8). */
@Controller()
export class CourseRoleEventsConsumer {
  constructor(private readonly handleCourseRoleEvents: HandleCourseRoleEventsUseCase) {}

  @OnEventBatch(CourseRolesStream, [...COURSE_ROLE_EVENTS])
  async onCourseRoleEvents(@Payload() events: CourseRoleEvent[]): Promise<void> {
    await this.handleCourseRoleEvents.execute(events.map(toCommand));
  }
}

function toCommand(event: CourseRoleEvent): CourseRoleEventCommand {
  const { courseId, courseTitle, userId, role } = event.payload;
  return {
    eventId: event.eventId,
    tenantId: event.tenantId,
    type: event.type,
    version: event.aggregateVersion,
    grant: { courseId, courseTitle, userId, role },
  };
}
