import { CoursesStream, type CourseStateV1, type EnvelopeOf, type PayloadOf } from '@lms/contracts';
import { EventFactory } from '@lms/messaging';
import { TENANT } from '../testing/coaching-testbed';
import { buildRecommendationsTestbed } from '../testing/recommendations-testbed';
import { CourseEventsConsumer } from './course-events.consumer';

const COURSE = '0195792b-0000-7000-8000-0000000000c1';
const learning = new EventFactory('learning');

function setUp() {
  const t = buildRecommendationsTestbed();
  return { t, consumer: new CourseEventsConsumer(t.applyCourseEvents) };
}

type CourseEvents = typeof CoursesStream.events;

/** An event of the course as learning publishes it. */
function event<K extends keyof CourseEvents & string>(
  type: K,
  version: number,
  changes: Partial<CourseStateV1> = {},
): EnvelopeOf<CourseEvents, K> {
  const entry = learning.create(CoursesStream, type, {
    tenantId: TENANT,
    aggregateId: COURSE,
    aggregateVersion: version,
    payload: {
      courseId: COURSE,
      title: 'Negotiation basics',
      kind: 'elearning',
      state: 'published',
      updatedAt: `2025-03-0${version}T10:00:00.000Z`,
      ...changes,
      // Every course event carries the course's full state, and nothing else.
    } as PayloadOf<CourseEvents, K>,
  });
  return entry.envelope as EnvelopeOf<CourseEvents, K>;
}

describe('CourseEventsConsumer', () => {
  it('given a course.published, then the course is projected at the envelope version with what coaching needs of it', async () => {
    const { t, consumer } = setUp();

    await consumer.onCourseEvents([event('course.published', 1)]);

    expect(await t.courses.find(TENANT, COURSE)).toEqual({
      tenantId: TENANT,
      courseId: COURSE,
      title: 'Negotiation basics',
      kind: 'elearning',
      state: 'published',
      version: 1,
      updatedAt: new Date('2025-03-01T10:00:00.000Z'),
    });
  });

  it('given a course.updated and a course.archived, then the projection holds the newest state', async () => {
    const { t, consumer } = setUp();
    await consumer.onCourseEvents([event('course.published', 1)]);

    await consumer.onCourseEvents([
      event('course.updated', 2, { title: 'Negotiation', kind: 'ilt' }),
      event('course.archived', 3, { title: 'Negotiation', kind: 'ilt', state: 'archived' }),
    ]);

    expect(await t.courses.find(TENANT, COURSE)).toMatchObject({
      title: 'Negotiation',
      kind: 'ilt',
      state: 'archived',
      version: 3,
    });
  });

  it('given a course.archived, then an older course.updated arriving late and the same event again change nothing', async () => {
    const { t, consumer } = setUp();
    const archived = event('course.archived', 3, { state: 'archived' });
    await consumer.onCourseEvents([event('course.published', 1), archived]);

    await consumer.onCourseEvents([event('course.updated', 2, { title: 'Stale' }), archived]);

    expect(await t.courses.find(TENANT, COURSE)).toMatchObject({
      title: 'Negotiation basics',
      state: 'archived',
      version: 3,
    });
  });
});
