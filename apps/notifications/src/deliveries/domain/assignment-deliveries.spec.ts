import { planAssignmentDeliveries, type AssignmentEventFacts } from './assignment-deliveries';
import { deliveryIdOf } from './delivery';

describe('planAssignmentDeliveries', () => {
  const now = new Date('2026-03-02T09:00:00.000Z');
  const facts = (overrides: Partial<AssignmentEventFacts['assignment']> = {}): AssignmentEventFacts => ({
    eventId: 'event-1',
    tenantId: 'tenant-1',
    type: 'assignment.created',
    version: 1,
    assignment: {
      assignmentId: 'assignment-1',
      menteeId: 'mentee',
      coachIds: ['coach-a', 'coach-b'],
      origin: 'individual',
      groupAssignmentId: null,
      groupId: null,
      startDate: '2026-03-02',
      endDate: null,
      ...overrides,
    },
  });

  it('plans one pending delivery for the mentee and one for each coach', () => {
    const planned = planAssignmentDeliveries(facts(), now);

    expect(
      planned.map(({ recipientId, kind, status, attempts }) => ({ recipientId, kind, status, attempts })),
    ).toEqual([
      { recipientId: 'mentee', kind: 'assignment.created.mentee', status: 'pending', attempts: 0 },
      { recipientId: 'coach-a', kind: 'assignment.created.coach', status: 'pending', attempts: 0 },
      { recipientId: 'coach-b', kind: 'assignment.created.coach', status: 'pending', attempts: 0 },
    ]);
    expect(planned.every((d) => d.sourceEventId === 'event-1' && d.nextAttemptAt === now)).toBe(true);
  });

  it('uses the ended kinds for an ended assignment', () => {
    const planned = planAssignmentDeliveries({ ...facts(), type: 'assignment.ended' }, now);

    expect(planned.map((d) => d.kind)).toEqual([
      'assignment.ended.mentee',
      'assignment.ended.coach',
      'assignment.ended.coach',
    ]);
  });

  it('mails a transfer to the mentee, to each arriving coach and, apart, to each leaving one; a coach who stays learns nothing', () => {
    const planned = planAssignmentDeliveries(
      {
        ...facts({ coachIds: ['coach-b', 'coach-c'], previousCoachIds: ['coach-a', 'coach-b'] }),
        type: 'assignment.transferred',
      },
      now,
    );

    expect(planned.map(({ recipientId, kind }) => [recipientId, kind])).toEqual([
      ['mentee', 'assignment.transferred.mentee'],
      ['coach-c', 'assignment.transferred.coach'],
      ['coach-a', 'assignment.transferred.previous-coach'],
    ]);
    expect(planned[0]?.context.previousCoachIds).toEqual(['coach-a', 'coach-b']);
  });

  it('mails a reactivation and a coming end to the mentee and each coach, the days left carried along', () => {
    const reactivated = planAssignmentDeliveries({ ...facts(), type: 'assignment.reactivated' }, now);
    const expiring = planAssignmentDeliveries(
      { ...facts({ daysLeft: 3 }), type: 'assignment.expiring' },
      now,
    );

    expect(reactivated.map((d) => d.kind)).toEqual([
      'assignment.reactivated.mentee',
      'assignment.reactivated.coach',
      'assignment.reactivated.coach',
    ]);
    expect(expiring.map((d) => [d.kind, d.context.daysLeft])).toEqual([
      ['assignment.expiring.mentee', 3],
      ['assignment.expiring.coach', 3],
      ['assignment.expiring.coach', 3],
    ]);
  });

  it('gives coach deliveries of a group assignment a digest key per coach', () => {
    const planned = planAssignmentDeliveries(
      facts({ origin: 'group', groupAssignmentId: 'ga-1', groupId: 'group-1' }),
      now,
    );

    expect(planned.map((d) => d.digestKey)).toEqual([
      null,
      'assignment.created:ga-1:coach-a',
      'assignment.created:ga-1:coach-b',
    ]);
  });

  it('derives each id from the natural key, the same whenever the event is planned again', () => {
    const first = planAssignmentDeliveries(facts(), now);
    const again = planAssignmentDeliveries(facts(), new Date(now.getTime() + 60_000));
    const otherEvent = planAssignmentDeliveries({ ...facts(), eventId: 'event-2' }, now);

    expect(again.map((d) => d.id)).toEqual(first.map((d) => d.id));
    expect(new Set([...first, ...otherEvent].map((d) => d.id)).size).toBe(6);
    expect(first[0]?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first[0]?.id).toBe(
      deliveryIdOf({
        tenantId: 'tenant-1',
        sourceEventId: 'event-1',
        recipientId: 'mentee',
        kind: 'assignment.created.mentee',
      }),
    );
  });
});
