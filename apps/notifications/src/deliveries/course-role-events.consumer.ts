import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CourseRolesStream, type EnvelopeOf } from '@lms/contracts';
import { OnEventBatch } from '@lms/messaging';
import { MAILED_COURSE_ROLE_EVENTS } from './domain/course-role-deliveries';
import {
  HandleCourseRoleEventsUseCase,
  type CourseRoleEventCommand,
} from './use-cases/handle-course-role-events.use-case';

type CourseRoleGranted = EnvelopeOf<typeof CourseRolesStream.events, 'course-role.granted'>;

/** Kafka adapter: a reviewer assigned to a course is mailed (NO-1), in batches (rule 8). */
@Controller()
export class CourseRoleEventsConsumer {
  constructor(private readonly handleCourseRoleEvents: HandleCourseRoleEventsUseCase) {}

  @OnEventBatch(CourseRolesStream, [...MAILED_COURSE_ROLE_EVENTS])
  async onCourseRoleEvents(@Payload() events: CourseRoleGranted[]): Promise<void> {
    await this.handleCourseRoleEvents.execute(events.map(toCommand));
  }
}

function toCommand(event: CourseRoleGranted): CourseRoleEventCommand {
  const { courseId, courseTitle, userId, role } = event.payload;
  return {
    eventId: event.eventId,
    tenantId: event.tenantId,
    type: event.type,
    version: event.aggregateVersion,
    grant: { courseId, courseTitle, userId, role },
  };
}
