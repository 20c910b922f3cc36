import { randomUUID } from 'node:crypto';
import { AssignmentsStream } from '@lms/contracts';
import {
  aUser,
  buildNotificationsTestbed,
  envelope,
  individualAssignmentPayload,
} from '../testing/notifications-testbed';
import { AssignmentEventsConsumer } from './assignment-events.consumer';

describe('AssignmentEventsConsumer', () => {
  const mentee = aUser('Bruno', 'Rossi');
  const coach = aUser('Ada', 'Lovelace');

  it('given an assignment created then ended, when the batch arrives, then each event makes deliveries with what it says', async () => {
    const testbed = buildNotificationsTestbed();
    const consumer = new AssignmentEventsConsumer(testbed.recordAssignmentMails);
    const assignmentId = randomUUID();
    const payload = individualAssignmentPayload(assignmentId, mentee, [coach]);
    const created = envelope('coaching', AssignmentsStream, 'assignment.created', {
      aggregateId: assignmentId,
      aggregateVersion: 1,
      payload,
    });
    const ended = envelope('coaching', AssignmentsStream, 'assignment.ended', {
      aggregateId: assignmentId,
      aggregateVersion: 2,
      payload: {
        ...payload,
        status: 'ended',
        endDate: '2026-06-30',
        endedAt: '2026-06-30T17:00:00.000Z',
        reason: 'completed',
      },
    });

    await consumer.onAssignmentEvents([created, ended]);

    const context = {
      assignmentId,
      menteeId: mentee.userId,
      coachIds: [coach.userId],
      origin: 'individual',
      groupAssignmentId: null,
      groupId: null,
      startDate: '2026-03-02',
    };
    expect(testbed.deliveries.all()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          sourceEventId: created.eventId,
          tenantId: created.tenantId,
          recipientId: mentee.userId,
          kind: 'assignment.created.mentee',
          context: { ...context, endDate: null, endedAt: null, endReason: null },
        }),
        expect.objectContaining({
          sourceEventId: ended.eventId,
          tenantId: ended.tenantId,
          recipientId: coach.userId,
          kind: 'assignment.ended.coach',
          context: {
            ...context,
            endDate: '2026-06-30',
            endedAt: new Date('2026-06-30T17:00:00.000Z'),
            endReason: 'completed',
          },
        }),
      ]),
    );
    expect(testbed.deliveries.all()).toHaveLength(4);
  });
});
