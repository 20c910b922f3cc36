import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CoursesStream, type EnvelopeOf } from '@lms/contracts';
import { OnEventBatch } from '@lms/messaging';
import type { CatalogCourseChange } from './domain/catalog-course';
import { ApplyCourseEventsUseCase } from './use-cases/apply-course-events.use-case';

type CourseEvents = typeof CoursesStream.events;
type CourseEvent =
  | EnvelopeOf<CourseEvents, 'course.published'>
  | EnvelopeOf<CourseEvents, 'course.updated'>
  | EnvelopeOf<CourseEvents, 'course.archived'>;

/**
 * Kafka adapter: learning's course events, in batches (rule 8), keep coaching's projection of
 * the catalog (CO-W4).
 */
@Controller()
export class CourseEventsConsumer {
  constructor(private readonly applyCourseEvents: ApplyCourseEventsUseCase) {}

  @OnEventBatch(CoursesStream, ['course.published', 'course.updated', 'course.archived'])
  async onCourseEvents(@Payload() events: CourseEvent[]): Promise<void> {
    await this.applyCourseEvents.execute(events.map(toChange));
  }
}

/** Every course event carries the course's full state. */
function toChange(event: CourseEvent): CatalogCourseChange {
  const { courseId, title, kind, state, updatedAt } = event.payload;
  return {
    tenantId: event.tenantId,
    courseId,
    title,
    kind,
    state,
    version: event.aggregateVersion,
    updatedAt: new Date(updatedAt),
  };
}
