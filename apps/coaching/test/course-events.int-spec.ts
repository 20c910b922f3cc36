import { CoursesStream } from '@lms/contracts';
import { brokersFromEnv, createKafka, type OutboxEntry } from '@lms/messaging';
import { createLogger } from '@lms/observability';
import { eventually, uniqueSuffix } from '@lms/testing';
import { isolateTestEnvironment, startServiceApp, type ServiceTestApp } from '@lms/service-testing';
import type { Kafka } from 'kafkajs';
import { whyUnrecommendable } from '../src/courses/domain/course-recommendability';
import {
  CATALOG_COURSE_REPOSITORY,
  type CatalogCourseRepository,
} from '../src/courses/ports/catalog-course.repository';
import { sendAndWaitUntilConsumed } from './support/identity-events';
import { aCourseState, LearningEvents, untilTheServiceConsumesCourses } from './support/learning-events';

const logger = createLogger('coaching-int-test', { level: 'warn' });

/**
 * Learning's courses stream keeps coaching's projection of the catalog (rules 2 and 8, CO-W4):
 * real `course.*` envelopes on the real topic, the service's own consumer, the real database.
 */
describe("coaching's projection of the course catalog against Kafka and Mongo (rules 2 and 8)", () => {
  const tenantId = `coaching-courses-it-${uniqueSuffix()}`;
  let consumerGroup: string;
  let service: ServiceTestApp;
  let kafka: Kafka;
  let learning: LearningEvents;
  let courses: CatalogCourseRepository;

  beforeAll(async () => {
    ({ consumerGroup } = isolateTestEnvironment('coaching'));
    const { AppModule } = await import('../src/app.module');
    service = await startServiceApp(AppModule, { globalPrefix: 'v1', caller: { tenantId } });
    courses = service.app.get<CatalogCourseRepository>(CATALOG_COURSE_REPOSITORY);
    kafka = createKafka({ brokers: brokersFromEnv(process.env), clientId: 'coaching-int-test' }, logger);
    learning = new LearningEvents(kafka, tenantId);
    await untilTheServiceConsumesCourses(learning, courses, tenantId);
  });

  afterAll(async () => {
    await learning?.close();
    await service?.close();
  });

  /** Sends the events and waits until the service has handled them, applied or ignored. */
  function sendAndWait(...entries: OutboxEntry[]): Promise<void> {
    return sendAndWaitUntilConsumed(kafka, consumerGroup, CoursesStream, () => learning.send(...entries));
  }

  it('given courses published, updated and archived, some events of a course out of order, then the projection converges to each newest state', async () => {
    const negotiation = aCourseState('Negotiation');
    const safety = aCourseState('Safety at work');
    const legacy = aCourseState('Legacy tools');
    const many = Array.from({ length: 40 }, (_, i) => aCourseState(`Module ${i}`));

    await learning.send(
      learning.course('course.published', negotiation, 1),
      learning.course('course.updated', { ...negotiation, title: 'Negotiation, advanced', kind: 'ilt' }, 2),
      // Safety's newer event first: the older one after it must not win.
      learning.course('course.updated', { ...safety, title: 'Safety first' }, 2),
      learning.course('course.published', safety, 1),
      learning.course('course.published', legacy, 1),
      learning.course('course.archived', { ...legacy, state: 'archived' }, 2),
      ...many.map((course) => learning.course('course.published', course, 1)),
      ...many.map((course) => learning.course('course.updated', { ...course, title: `${course.title}!` }, 2)),
    );

    await eventually(
      async () => {
        const stored = await courses.findMany(tenantId, [
          negotiation.courseId,
          safety.courseId,
          legacy.courseId,
          ...many.map((c) => c.courseId),
        ]);
        expect(stored).toHaveLength(43);
        expect(stored.every((course) => course.version === 2)).toBe(true);
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    expect(await courses.find(tenantId, negotiation.courseId)).toMatchObject({
      title: 'Negotiation, advanced',
      kind: 'ilt',
      state: 'published',
    });
    expect(await courses.find(tenantId, safety.courseId)).toMatchObject({
      title: 'Safety first',
      version: 2,
    });
    expect(await courses.find(tenantId, many[7]?.courseId ?? '')).toMatchObject({ title: 'Module 7!' });
    expect(whyUnrecommendable(await courses.find(tenantId, negotiation.courseId))).toBeNull();
    expect(whyUnrecommendable(await courses.find(tenantId, legacy.courseId))).toBe('archived');
  });

  it('given the projection at a newer version, when an event is delivered again and an older one arrives late, then nothing changes', async () => {
    const course = aCourseState('Time management');
    const archived = learning.course(
      'course.archived',
      { ...course, title: 'Time, archived', state: 'archived' },
      3,
    );
    await sendAndWait(learning.course('course.published', course, 1), archived);
    const before = await courses.find(tenantId, course.courseId);
    expect(before).toMatchObject({ title: 'Time, archived', state: 'archived', version: 3 });

    await sendAndWait(
      // The same envelope again, as a redelivery after a crash brings it.
      archived,
      // Older than what is applied, arriving late.
      learning.course('course.updated', { ...course, title: 'Stale' }, 2),
    );

    expect(await courses.find(tenantId, course.courseId)).toEqual(before);
  });
});
