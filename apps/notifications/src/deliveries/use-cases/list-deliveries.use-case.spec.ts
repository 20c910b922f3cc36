import {
  assignmentCreated,
  aUser,
  buildNotificationsTestbed,
  TEST_TENANT,
  userCreated,
} from '../../testing/notifications-testbed';

describe('ListDeliveriesUseCase', () => {
  const mentee = aUser('Bruno', 'Rossi');
  const coach = aUser('Ada', 'Lovelace');

  it('finds the deliveries of one event, one recipient or one status, newest first', async () => {
    const testbed = buildNotificationsTestbed();
    await testbed.userArrives(userCreated(mentee));
    const first = assignmentCreated(mentee, [coach]);
    await testbed.handleAssignment.execute(first);
    testbed.clock.advance(1_000);
    const second = assignmentCreated(mentee, [coach]);
    await testbed.handleAssignment.execute(second);

    const ofEvent = await testbed.listDeliveries.execute({
      tenantId: TEST_TENANT,
      sourceEventId: first.eventId,
    });
    const ofMentee = await testbed.listDeliveries.execute({
      tenantId: TEST_TENANT,
      recipientId: mentee.userId,
    });
    const waiting = await testbed.listDeliveries.execute({ tenantId: TEST_TENANT, status: 'pending' });

    expect(ofEvent.map((d) => d.recipientId).sort()).toEqual([mentee.userId, coach.userId].sort());
    expect(ofMentee.map((d) => d.sourceEventId)).toEqual([second.eventId, first.eventId]);
    expect(waiting.map((d) => d.recipientId)).toEqual([coach.userId, coach.userId]);
  });

  it('never returns more than a page, nor another tenant’s deliveries', async () => {
    const testbed = buildNotificationsTestbed();
    await testbed.handleAssignment.execute(assignmentCreated(mentee, [coach]));

    expect(await testbed.listDeliveries.execute({ tenantId: TEST_TENANT, limit: 1 })).toHaveLength(1);
    expect(await testbed.listDeliveries.execute({ tenantId: TEST_TENANT, limit: 10_000 })).toHaveLength(2);
    expect(await testbed.listDeliveries.execute({ tenantId: TEST_TENANT, offset: 2 })).toHaveLength(0);
    expect(await testbed.listDeliveries.execute({ tenantId: 'other-tenant' })).toHaveLength(0);
  });
});
