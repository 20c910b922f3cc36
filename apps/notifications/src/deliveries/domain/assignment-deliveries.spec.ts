import { planAssignmentDeliveries, type AssignmentEventFacts } from './assignment-deliveries';
import { assignmentContextOf, deliveryIdOf } from './delivery';

const NO_DIGESTS = { windowMs: 0, threshold: 5, names: 10 };

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
    const planned = planAssignmentDeliveries(facts(), now, NO_DIGESTS);

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
    const planned = planAssignmentDeliveries({ ...facts(), type: 'assignment.ended' }, now, NO_DIGESTS);

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
      NO_DIGESTS,
    );

    expect(planned.map(({ recipientId, kind }) => [recipientId, kind])).toEqual([
      ['mentee', 'assignment.transferred.mentee'],
      ['coach-c', 'assignment.transferred.coach'],
      ['coach-a', 'assignment.transferred.previous-coach'],
    ]);
    expect(planned[0] && assignmentContextOf(planned[0]).previousCoachIds).toEqual(['coach-a', 'coach-b']);
  });

  it('mails a reactivation and a coming end to the mentee and each coach, the days left carried along', () => {
    const reactivated = planAssignmentDeliveries(
      { ...facts(), type: 'assignment.reactivated' },
      now,
      NO_DIGESTS,
    );
    const expiring = planAssignmentDeliveries(
      { ...facts({ daysLeft: 3 }), type: 'assignment.expiring' },
      now,
      NO_DIGESTS,
    );

    expect(reactivated.map((d) => d.kind)).toEqual([
      'assignment.reactivated.mentee',
      'assignment.reactivated.coach',
      'assignment.reactivated.coach',
    ]);
    expect(expiring.map((d) => [d.kind, assignmentContextOf(d).daysLeft])).toEqual([
      ['assignment.expiring.mentee', 3],
      ['assignment.expiring.coach', 3],
      ['assignment.expiring.coach', 3],
    ]);
  });

  it("holds each coach's new-mentee mail for the digest window, under a key of its own, and sends the mentee's at once", () => {
    const planned = planAssignmentDeliveries(
      facts({ origin: 'group', groupAssignmentId: 'ga-1', groupId: 'group-1' }),
      now,
      { windowMs: 30_000, threshold: 5, names: 10 },
    );

    expect(planned.map((d) => [d.digestKey, d.pendingReason, d.nextAttemptAt.toISOString()])).toEqual([
      [null, null, '2026-03-02T09:00:00.000Z'],
      ['assignment.created.coach:coach-a', 'digest_window', '2026-03-02T09:00:30.000Z'],
      ['assignment.created.coach:coach-b', 'digest_window', '2026-03-02T09:00:30.000Z'],
    ]);
  });

  it("holds nothing when digests are off, and no mail but a coach's new or ended coaching", () => {
    const digests = { windowMs: 30_000, threshold: 5, names: 10 };
    const off = planAssignmentDeliveries(facts(), now, NO_DIGESTS);
    const reactivated = planAssignmentDeliveries(
      { ...facts(), type: 'assignment.reactivated' },
      now,
      digests,
    );
    const ended = planAssignmentDeliveries({ ...facts(), type: 'assignment.ended' }, now, digests);

    expect([...off, ...reactivated].map((d) => [d.digestKey, d.pendingReason, d.nextAttemptAt])).toEqual(
      Array.from({ length: 6 }, () => [null, null, now]),
    );
    expect(ended.map((d) => [d.kind, d.digestKey, d.pendingReason])).toEqual([
      ['assignment.ended.mentee', null, null],
      ['assignment.ended.coach', 'assignment.ended.coach:coach-a', 'digest_window'],
      ['assignment.ended.coach', 'assignment.ended.coach:coach-b', 'digest_window'],
    ]);
  });

  it('derives each id from the natural key, the same whenever the event is planned again', () => {
    const first = planAssignmentDeliveries(facts(), now, NO_DIGESTS);
    const again = planAssignmentDeliveries(facts(), new Date(now.getTime() + 60_000), NO_DIGESTS);
    const otherEvent = planAssignmentDeliveries({ ...facts(), eventId: 'event-2' }, now, NO_DIGESTS);

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
