import { EnrollmentsStream, type EnrollmentState, type EnvelopeOf, type PayloadOf } from '@lms/contracts';
import { EventFactory } from '@lms/messaging';
import { TENANT } from '../testing/coaching-testbed';
import { InMemoryLearnerEnrollmentRepository } from '../testing/in-memory-learner-enrollment.repository';
import { enrollmentStateOf, enrollmentStates } from './domain/learner-enrollment';
import { EnrollmentEventsConsumer } from './enrollment-events.consumer';
import { ApplyEnrollmentEventsUseCase } from './use-cases/apply-enrollment-events.use-case';

const [FIRST, SECOND] = ['0195792b-0000-7000-8000-0000000000e1', '0195792c-0000-7000-8000-0000000000e2'];
const ADA = '0195792b-0000-7000-8000-0000000000a1';
const COURSE = 'course-negotiation';
const learning = new EventFactory('learning');

type EnrollmentEvents = typeof EnrollmentsStream.events;
type EnrollmentEventType = keyof EnrollmentEvents & string;

/** An event of an enrollment of Ada in the course, as learning publishes it. */
function event<K extends EnrollmentEventType>(
  type: K,
  enrollmentId: string,
  version: number,
  state: EnrollmentState,
): EnvelopeOf<EnrollmentEvents, K> {
  return learning.create(EnrollmentsStream, type, {
    tenantId: TENANT,
    aggregateId: enrollmentId,
    aggregateVersion: version,
    payload: {
      enrollmentId,
      courseId: COURSE,
      courseTitle: 'Negotiation',
      userId: ADA,
      sessionId: null,
      state,
      previousState: null,
      updatedAt: `2025-03-0${version}T10:00:00.000Z`,
    } as PayloadOf<EnrollmentEvents, K>,
  }).envelope as EnvelopeOf<EnrollmentEvents, K>;
}

function setUp() {
  const enrollments = new InMemoryLearnerEnrollmentRepository();
  const consumer = new EnrollmentEventsConsumer(new ApplyEnrollmentEventsUseCase(enrollments));
  const deliver = (...events: Array<EnvelopeOf<EnrollmentEvents, EnrollmentEventType>>) =>
    consumer.onEnrollmentEvents(events as never);
  const stateOfAda = async () =>
    enrollmentStateOf(
      enrollmentStates(await enrollments.findLive(TENANT, [{ userId: ADA, courseId: COURSE }])),
      {
        userId: ADA,
        courseId: COURSE,
      },
    );
  return { enrollments, deliver, stateOfAda };
}

describe("EnrollmentEventsConsumer (learning's enrollments → what a coach sees of its recommendations)", () => {
  it('given an enrollment created, opened and completed, then the projection holds completed at the envelope version', async () => {
    const { enrollments, deliver, stateOfAda } = setUp();

    await deliver(event('enrollment.created', FIRST, 1, 'enrolled'));
    await deliver(
      event('enrollment.state-changed', FIRST, 2, 'in_progress'),
      event('enrollment.state-changed', FIRST, 3, 'completed'),
    );

    expect(await stateOfAda()).toBe('completed');
    expect(await enrollments.findLive(TENANT, [{ userId: ADA, courseId: COURSE }])).toEqual([
      {
        tenantId: TENANT,
        enrollmentId: FIRST,
        userId: ADA,
        courseId: COURSE,
        state: 'completed',
        live: true,
        version: 3,
        updatedAt: new Date('2025-03-03T10:00:00.000Z'),
      },
    ]);
  });

  it('given the history redelivered and an older event arriving late, then nothing changes', async () => {
    const { deliver, stateOfAda } = setUp();
    const history = [
      event('enrollment.created', FIRST, 1, 'enrolled'),
      event('enrollment.state-changed', FIRST, 3, 'completed'),
    ];
    await deliver(...history);

    await deliver(...history, event('enrollment.state-changed', FIRST, 2, 'in_progress'));

    expect(await stateOfAda()).toBe('completed');
  });

  it('given an unenrollment, then the learner is not enrolled; enrolled again, the new enrollment counts whatever order the two arrive in', async () => {
    const { deliver, stateOfAda } = setUp();
    await deliver(event('enrollment.created', FIRST, 1, 'in_progress'));
    await deliver(event('enrollment.deleted', FIRST, 2, 'in_progress'));
    expect(await stateOfAda()).toBeNull();

    // The new enrollment, then a late copy of the older one's events: the newer enrollment wins.
    await deliver(event('enrollment.created', SECOND, 1, 'waiting'));
    await deliver(event('enrollment.created', FIRST, 1, 'in_progress'));
    expect(await stateOfAda()).toBe('waiting');

    const other = setUp();
    // The second enrollment applied before the end of the first reached the projection.
    await other.deliver(event('enrollment.created', FIRST, 1, 'completed'));
    await other.deliver(event('enrollment.created', SECOND, 1, 'enrolled'));
    expect(await other.stateOfAda()).toBe('enrolled');
    await other.deliver(event('enrollment.deleted', FIRST, 2, 'completed'));
    expect(await other.stateOfAda()).toBe('enrolled');
  });
});
