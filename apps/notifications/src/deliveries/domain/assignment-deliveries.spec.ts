import { planAssignmentDeliveries, type AssignmentEventFacts } from './assignment-deliveries';

describe('planAssignmentDeliveries', () => {
  const now = new Date('2026-03-02T09:00:00.000Z');
  let next = 0;
  const newId = () => `delivery-${++next}`;
  const facts = (overrides: Partial<AssignmentEventFacts['assignment']> = {}): AssignmentEventFacts => ({
    eventId: 'event-1',
    tenantId: 'tenant-1',
    type: 'assignment.created',
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
    const planned = planAssignmentDeliveries(facts(), now, newId);

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
    const planned = planAssignmentDeliveries({ ...facts(), type: 'assignment.ended' }, now, newId);

    expect(planned.map((d) => d.kind)).toEqual([
      'assignment.ended.mentee',
      'assignment.ended.coach',
      'assignment.ended.coach',
    ]);
  });

  it('gives coach deliveries of a group assignment a digest key per coach', () => {
    const planned = planAssignmentDeliveries(
      facts({ origin: 'group', groupAssignmentId: 'ga-1', groupId: 'group-1' }),
      now,
      newId,
    );

    expect(planned.map((d) => d.digestKey)).toEqual([
      null,
      'assignment.created:ga-1:coach-a',
      'assignment.created:ga-1:coach-b',
    ]);
  });
});
