import { CoursesStream, type CourseStateV1 } from '@lms/contracts';
import { newId } from '@lms/kernel';
import { EventFactory, EventProducer, type OutboxEntry } from '@lms/messaging';
import { eventually } from '@lms/testing';
import type { Kafka } from 'kafkajs';
import type { CatalogCourseRepository } from '../../src/courses/ports/catalog-course.repository';

type CourseEventType = keyof typeof CoursesStream.events & string;

/**
 * Puts learning's course events on the real topic, the way learning will: envelopes from an
 * EventFactory named 'learning', keyed by the stream's contract, sent by a real producer.
 */
export class LearningEvents {
  private readonly factory = new EventFactory('learning');
  private readonly producer: EventProducer;

  constructor(
    kafka: Kafka,
    private readonly tenantId: string,
  ) {
    this.producer = new EventProducer(kafka);
  }

  /** The `type` event of `course` at `version`: the course's full state. */
  course(type: CourseEventType, course: CourseStateV1, version: number): OutboxEntry {
    return this.factory.create(CoursesStream, type, {
      tenantId: this.tenantId,
      aggregateId: course.courseId,
      aggregateVersion: version,
      payload: course,
    });
  }

  /** Sends events (again, for a redelivery: same envelope, same event id). */
  async send(...entries: OutboxEntry[]): Promise<void> {
    await this.producer.send(entries);
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
  }
}

/** A published e-learning course of the catalog, as learning publishes it. */
export function aCourseState(title: string, courseId = newId()): CourseStateV1 {
  return { courseId, title, kind: 'elearning', state: 'published', updatedAt: new Date().toISOString() };
}

/**
 * The service's consumer group is new and starts at the newest offsets, which it settles on its
 * first fetch, a moment after joining: send a probe course until it shows up, so that no event of
 * the test is sent before that.
 */
export async function untilTheServiceConsumesCourses(
  learning: LearningEvents,
  courses: CatalogCourseRepository,
  tenantId: string,
): Promise<void> {
  const probe = aCourseState('Probe course');
  let version = 0;
  await eventually(
    async () => {
      version++;
      await learning.send(learning.course('course.published', probe, version));
      await eventually(async () => expect(await courses.find(tenantId, probe.courseId)).not.toBeNull(), {
        timeoutMs: 2_000,
      });
    },
    { timeoutMs: 60_000 },
  );
}
