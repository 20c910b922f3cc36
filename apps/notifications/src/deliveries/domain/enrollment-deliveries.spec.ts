import fc from 'fast-check';
import { ENROLLMENT_STATES, type EnrollmentState } from '@lms/contracts';
import {
  enrollmentMailKind,
  planEnrollmentDeliveries,
  type EnrollmentEventFacts,
} from './enrollment-deliveries';
import { deliveryIdOf } from './delivery';

const NOW = new Date('2026-03-02T09:00:00.000Z');

function event(
  type: EnrollmentEventFacts['type'],
  state: EnrollmentState,
  previousState: EnrollmentState | null = null,
): EnrollmentEventFacts {
  return {
    eventId: 'event-1',
    tenantId: 'tenant-1',
    type,
    version: 1,
    enrollment: {
      enrollmentId: 'enrollment-1',
      courseId: 'course-1',
      courseTitle: 'Negotiation',
      userId: 'learner',
      sessionId: null,
      state,
      previousState,
    },
  };
}

describe("an enrollment's mails", () => {
  it('mails a new enrollment that admits the learner, and one that waits', () => {
    expect(enrollmentMailKind(event('enrollment.created', 'enrolled'))).toBe('enrollment.enrolled.learner');
    expect(enrollmentMailKind(event('enrollment.created', 'waiting'))).toBe('enrollment.waiting.learner');
    expect(enrollmentMailKind(event('enrollment.created', 'to_be_confirmed'))).toBe(
      'enrollment.waiting.learner',
    );
    expect(enrollmentMailKind(event('enrollment.created', 'overbooking'))).toBe('enrollment.waiting.learner');
    expect(enrollmentMailKind(event('enrollment.created', 'suspended'))).toBeNull();
  });

  it('mails a waiting enrollment confirmed, and no other change', () => {
    expect(enrollmentMailKind(event('enrollment.state-changed', 'enrolled', 'waiting'))).toBe(
      'enrollment.confirmed.learner',
    );
    expect(enrollmentMailKind(event('enrollment.state-changed', 'enrolled', 'to_be_confirmed'))).toBe(
      'enrollment.confirmed.learner',
    );
    expect(enrollmentMailKind(event('enrollment.state-changed', 'in_progress', 'enrolled'))).toBeNull();
    expect(enrollmentMailKind(event('enrollment.state-changed', 'completed', 'in_progress'))).toBeNull();
    expect(enrollmentMailKind(event('enrollment.state-changed', 'suspended', 'enrolled'))).toBeNull();
  });

  it('plans at most one mail, to the learner, with the course it is about, the same every time', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('enrollment.created' as const, 'enrollment.state-changed' as const),
        fc.constantFrom(...ENROLLMENT_STATES),
        fc.option(fc.constantFrom(...ENROLLMENT_STATES), { nil: null }),
        (type, state, previous) => {
          const facts = event(type, state, previous);
          const planned = planEnrollmentDeliveries(facts, NOW);
          const again = planEnrollmentDeliveries(facts, new Date(NOW.getTime() + 60_000));
          const kind = enrollmentMailKind(facts);
          if (kind === null) return planned.length === 0;
          const [mail] = planned;
          return (
            planned.length === 1 &&
            mail?.recipientId === 'learner' &&
            mail.kind === kind &&
            mail.id === again[0]?.id &&
            mail.id ===
              deliveryIdOf({
                tenantId: 'tenant-1',
                sourceEventId: 'event-1',
                recipientId: 'learner',
                kind,
              }) &&
            'enrollment' in mail.context &&
            mail.context.enrollment.courseTitle === 'Negotiation'
          );
        },
      ),
    );
  });
});
