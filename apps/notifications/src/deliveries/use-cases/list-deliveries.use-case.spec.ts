import {
  assignmentCreated,
  aUser,
  buildNotificationsTestbed,
  FIRST_PAGE,
  TEST_ADMINISTRATOR,
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
      reader: TEST_ADMINISTRATOR,
      sourceEventId: first.eventId,
      page: FIRST_PAGE,
    });
    const ofMentee = await testbed.listDeliveries.execute({
      tenantId: TEST_TENANT,
      reader: TEST_ADMINISTRATOR,
      recipientId: mentee.userId,
      page: FIRST_PAGE,
    });
    const waiting = await testbed.listDeliveries.execute({
      tenantId: TEST_TENANT,
      reader: TEST_ADMINISTRATOR,
      status: 'pending',
      page: FIRST_PAGE,
    });

    expect(ofEvent.items.map((d) => d.recipientId).sort()).toEqual([mentee.userId, coach.userId].sort());
    expect(ofMentee.items.map((d) => d.sourceEventId)).toEqual([second.eventId, first.eventId]);
    expect(waiting.items.map((d) => d.recipientId)).toEqual([coach.userId, coach.userId]);
  });

  it('never returns more than a page, gives the cursor of the next one, and never another tenant’s deliveries', async () => {
    const testbed = buildNotificationsTestbed();
    await testbed.handleAssignment(assignmentCreated(mentee, [coach]));

    const first = await testbed.listDeliveries.execute({
      tenantId: TEST_TENANT,
      reader: TEST_ADMINISTRATOR,
      page: { limit: 1 },
    });
    const last = await testbed.listDeliveries.execute({
      tenantId: TEST_TENANT,
      reader: TEST_ADMINISTRATOR,
      page: { limit: 1, cursor: first.nextCursor ?? undefined },
    });
    const elsewhere = await testbed.listDeliveries.execute({
      tenantId: 'other-tenant',
      reader: TEST_ADMINISTRATOR,
      page: FIRST_PAGE,
    });

    expect(first).toMatchObject({ limit: 1, nextCursor: expect.any(String) });
    expect(first.items).toHaveLength(1);
    expect(last).toMatchObject({ limit: 1, nextCursor: null });
    expect(last.items).toHaveLength(1);
    expect(last.items[0].id).not.toBe(first.items[0].id);
    expect(elsewhere.items).toEqual([]);
  });

  it('finds the deliveries of one kind, and those created within a time range, its start included and its end not', async () => {
    const testbed = buildNotificationsTestbed();
    const first = assignmentCreated(mentee, [coach]);
    await testbed.handleAssignment(first);
    const start = testbed.clock.now();
    testbed.clock.advance(1_000);
    const second = assignmentCreated(mentee, [coach]);
    await testbed.handleAssignment(second);
    const list = async (filter: object) =>
      (
        await testbed.listDeliveries.execute({
          tenantId: TEST_TENANT,
          reader: TEST_ADMINISTRATOR,
          page: FIRST_PAGE,
          ...filter,
        })
      ).items.map((d) => `${d.sourceEventId === first.eventId ? 'first' : 'second'} ${d.kind}`);

    expect(await list({ kind: 'assignment.created.coach' })).toEqual([
      'second assignment.created.coach',
      'first assignment.created.coach',
    ]);
    expect((await list({ from: new Date(start.getTime() + 1) })).sort()).toEqual([
      'second assignment.created.coach',
      'second assignment.created.mentee',
    ]);
    expect((await list({ from: start, to: new Date(start.getTime() + 1_000) })).sort()).toEqual([
      'first assignment.created.coach',
      'first assignment.created.mentee',
    ]);
    expect(await list({ kind: 'assignment.ended.mentee' })).toEqual([]);
  });

  it('given a user who administers nothing, then it sees only the mails addressed to it, whoever else is mailed', async () => {
    const testbed = buildNotificationsTestbed();
    await testbed.handleAssignment(assignmentCreated(mentee, [coach]));
    const asMentee = { userId: mentee.userId, administrator: false };

    const own = await testbed.listDeliveries.execute({
      tenantId: TEST_TENANT,
      reader: asMentee,
      page: FIRST_PAGE,
    });
    const named = await testbed.listDeliveries.execute({
      tenantId: TEST_TENANT,
      reader: asMentee,
      recipientId: mentee.userId,
      page: FIRST_PAGE,
    });

    expect(own.items.map((d) => d.recipientId)).toEqual([mentee.userId]);
    expect(named.items.map((d) => d.kind)).toEqual(['assignment.created.mentee']);
  });

  it("given a user who administers nothing, when it asks for someone else's deliveries, then it is refused", async () => {
    const testbed = buildNotificationsTestbed();
    await testbed.handleAssignment(assignmentCreated(mentee, [coach]));

    await expect(
      testbed.listDeliveries.execute({
        tenantId: TEST_TENANT,
        reader: { userId: mentee.userId, administrator: false },
        recipientId: coach.userId,
        page: FIRST_PAGE,
      }),
    ).rejects.toMatchObject({ code: 'DELIVERY.FORBIDDEN', kind: 'forbidden' });
  });
});
