import {
  assignmentCreated,
  aUser,
  buildNotificationsTestbed,
  FIRST_PAGE,
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
    await testbed.handleAssignment(first);
    testbed.clock.advance(1_000);
    const second = assignmentCreated(mentee, [coach]);
    await testbed.handleAssignment(second);

    const ofEvent = await testbed.listDeliveries.execute({
      tenantId: TEST_TENANT,
      sourceEventId: first.eventId,
      page: FIRST_PAGE,
    });
    const ofMentee = await testbed.listDeliveries.execute({
      tenantId: TEST_TENANT,
      recipientId: mentee.userId,
      page: FIRST_PAGE,
    });
    const waiting = await testbed.listDeliveries.execute({
      tenantId: TEST_TENANT,
      status: 'pending',
      page: FIRST_PAGE,
    });

    expect(ofEvent.items.map((d) => d.recipientId).sort()).toEqual([mentee.userId, coach.userId].sort());
    expect(ofMentee.items.map((d) => d.sourceEventId)).toEqual([second.eventId, first.eventId]);
    expect(waiting.items.map((d) => d.recipientId)).toEqual([coach.userId, coach.userId]);
  });

  it('never returns more than a page, says where the next one starts, and never another tenant’s deliveries', async () => {
    const testbed = buildNotificationsTestbed();
    await testbed.handleAssignment(assignmentCreated(mentee, [coach]));

    const first = await testbed.listDeliveries.execute({
      tenantId: TEST_TENANT,
      page: { limit: 1, offset: 0 },
    });
    const last = await testbed.listDeliveries.execute({
      tenantId: TEST_TENANT,
      page: { limit: 1, offset: 1 },
    });
    const beyond = await testbed.listDeliveries.execute({
      tenantId: TEST_TENANT,
      page: { limit: 1, offset: 2 },
    });
    const elsewhere = await testbed.listDeliveries.execute({ tenantId: 'other-tenant', page: FIRST_PAGE });

    expect(first).toMatchObject({ limit: 1, offset: 0, nextOffset: 1 });
    expect(first.items).toHaveLength(1);
    expect(last).toMatchObject({ limit: 1, offset: 1, nextOffset: null });
    expect(last.items).toHaveLength(1);
    expect(last.items[0].id).not.toBe(first.items[0].id);
    expect(beyond).toEqual({ items: [], limit: 1, offset: 2, nextOffset: null });
    expect(elsewhere.items).toEqual([]);
  });
});
