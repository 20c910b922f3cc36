import {
  assignmentCreated,
  assignmentEnded,
  aUser,
  buildNotificationsTestbed,
  TEST_TENANT,
  userCreated,
} from '../../testing/notifications-testbed';

describe('HandleAssignmentEventUseCase', () => {
  const mentee = aUser('Bruno', 'Rossi', 'it');
  const coach = aUser('Ada', 'Lovelace');
  const secondCoach = aUser('Alan', 'Turing');

  async function givenKnownUsers() {
    const testbed = buildNotificationsTestbed();
    for (const user of [mentee, coach, secondCoach]) await testbed.userArrives(userCreated(user));
    return testbed;
  }

  it('mails the mentee and each coach once when an assignment is created', async () => {
    const { handleAssignment, mailer } = await givenKnownUsers();

    await handleAssignment(assignmentCreated(mentee, [coach, secondCoach]));

    expect(mailer.sent.map((mail) => mail.to.address).sort()).toEqual(
      [mentee.email, coach.email, secondCoach.email].sort(),
    );
    expect(mailer.to(mentee.email)[0].subject).toBe(
      'Il tuo percorso di coaching con Ada Lovelace e Alan Turing è iniziato',
    );
    expect(mailer.to(coach.email)[0].subject).toBe('New mentee: Bruno Rossi');
    expect(mailer.to(coach.email)[0].text).toContain('Hi Ada,');
  });

  it('given an ended assignment, when its creation arrives late (a dead letter replayed), then nobody is told it was assigned', async () => {
    const { handleAssignment, mailer } = await givenKnownUsers();
    const created = assignmentCreated(mentee, [coach]);
    const ended = assignmentEnded(created);

    await handleAssignment(ended);
    await handleAssignment(created);

    expect(mailer.sent.map((mail) => mail.subject).sort()).toEqual([
      'Il tuo percorso di coaching con Ada Lovelace è terminato',
      'Your coaching of Bruno Rossi has ended',
    ]);
  });

  it('given its version recorded but its deliveries never written (a crash in between), then the event handled again still mails', async () => {
    const { handleAssignment, sourceVersions, mailer } = await givenKnownUsers();
    const created = assignmentCreated(mentee, [coach]);
    await sourceVersions.recordMany([
      { tenantId: TEST_TENANT, aggregateId: created.assignment.assignmentId, version: created.version },
    ]);

    await handleAssignment(created);
    await handleAssignment(created);

    expect(mailer.sent.map((mail) => mail.to.address).sort()).toEqual([mentee.email, coach.email].sort());
  });

  it('records each delivery as sent, with a delivery.sent event in the same write', async () => {
    const { handleAssignment, deliveries, clock } = await givenKnownUsers();
    const event = assignmentCreated(mentee, [coach]);

    await handleAssignment(event);

    expect(deliveries.all()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          recipientId: mentee.userId,
          kind: 'assignment.created.mentee',
          sourceEventId: event.eventId,
          status: 'sent',
          attempts: 1,
          sentAt: clock.now(),
        }),
        expect.objectContaining({
          recipientId: coach.userId,
          kind: 'assignment.created.coach',
          status: 'sent',
        }),
      ]),
    );
    expect(deliveries.outbox().map((entry) => entry.envelope.type)).toEqual([
      'delivery.sent',
      'delivery.sent',
    ]);
    expect(deliveries.outbox()[0]).toMatchObject({ topic: 'notifications.deliveries.v1' });
  });

  it('mails nobody twice when the same event is delivered again', async () => {
    const { handleAssignment, mailer, deliveries } = await givenKnownUsers();
    const event = assignmentCreated(mentee, [coach, secondCoach]);

    await handleAssignment(event);
    await handleAssignment(event);
    await handleAssignment(event);

    expect(mailer.sent).toHaveLength(3);
    expect(deliveries.all()).toHaveLength(3);
  });

  it('tags every mail with its delivery id', async () => {
    const { handleAssignment, mailer, deliveries } = await givenKnownUsers();

    await handleAssignment(assignmentCreated(mentee, [coach]));

    const ids = deliveries
      .all()
      .map((delivery) => delivery.id)
      .sort();
    expect(mailer.sent.map((mail) => mail.headers['X-Delivery-Id']).sort()).toEqual(ids);
  });

  it('sends nothing for a delivery another instance has claimed', async () => {
    const { handleAssignment, mailer, deliveries, dispatch, clock } = await givenKnownUsers();
    mailer.failAlways();
    await handleAssignment(assignmentCreated(mentee, [coach]));
    mailer.recover();
    clock.advance(60 * 60_000);
    const [first] = deliveries.all();
    deliveries.lock(
      { tenantId: TEST_TENANT, deliveryId: first.id },
      new Date(clock.now().getTime() + 30_000),
    );

    const outcome = await dispatch.execute({ tenantId: TEST_TENANT, deliveryId: first.id });

    expect(outcome).toBe('not_claimed');
    expect(mailer.sent).toHaveLength(0);
  });

  it('mails the mentee and the coaches when an assignment ends', async () => {
    const { handleAssignment, mailer } = await givenKnownUsers();
    const created = assignmentCreated(mentee, [coach]);
    await handleAssignment(created);

    await handleAssignment(assignmentEnded(created));

    expect(mailer.to(mentee.email).map((mail) => mail.subject)).toEqual([
      'Il tuo percorso di coaching con Ada Lovelace è iniziato',
      'Il tuo percorso di coaching con Ada Lovelace è terminato',
    ]);
    expect(mailer.to(coach.email).map((mail) => mail.subject)).toEqual([
      'New mentee: Bruno Rossi',
      'Your coaching of Bruno Rossi has ended',
    ]);
  });

  it('falls back to a neutral wording when a coach is not known yet', async () => {
    const testbed = buildNotificationsTestbed();
    await testbed.userArrives(userCreated(mentee));

    await testbed.handleAssignment(assignmentCreated(mentee, [coach]));

    expect(testbed.mailer.to(mentee.email)[0].subject).toBe('Il tuo percorso di coaching è iniziato');
  });
});

describe('HandleAssignmentEventsUseCase with a batch of events', () => {
  const coach = aUser('Ada', 'Lovelace');
  const secondCoach = aUser('Alan', 'Turing');
  const bruno = aUser('Bruno', 'Rossi', 'it');
  const carla = aUser('Carla', 'Bianchi');
  const dario = aUser('Dario', 'Verdi', 'it');

  async function givenKnownUsers() {
    const testbed = buildNotificationsTestbed();
    for (const user of [coach, secondCoach, bruno, carla]) await testbed.userArrives(userCreated(user));
    return testbed;
  }

  it('mails every mentee and coach of the batch once, even when an event comes twice', async () => {
    const { handleAssignments, mailer, deliveries } = await givenKnownUsers();
    const forBruno = assignmentCreated(bruno, [coach, secondCoach]);
    const forCarla = assignmentCreated(carla, [coach]);

    const outcomes = await handleAssignments.execute([forBruno, forCarla, forBruno]);

    expect(outcomes).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
    expect(mailer.to(bruno.email).map((mail) => mail.subject)).toEqual([
      'Il tuo percorso di coaching con Ada Lovelace e Alan Turing è iniziato',
    ]);
    expect(mailer.to(carla.email).map((mail) => mail.subject)).toEqual([
      'Your coaching with Ada Lovelace has started',
    ]);
    expect(
      mailer
        .to(coach.email)
        .map((mail) => mail.subject)
        .sort(),
    ).toEqual(['New mentee: Bruno Rossi', 'New mentee: Carla Bianchi']);
    expect(mailer.to(secondCoach.email)).toHaveLength(1);
    expect(deliveries.all()).toHaveLength(5);
    expect(deliveries.outbox().map((entry) => entry.envelope.type)).toEqual(Array(5).fill('delivery.sent'));
  });

  it('sends nothing again when the whole batch is applied again, event by event', async () => {
    const { handleAssignments, mailer, deliveries } = await givenKnownUsers();
    const batch = [assignmentCreated(bruno, [coach]), assignmentCreated(carla, [coach])];
    await handleAssignments.execute(batch);

    for (const event of batch) expect(await handleAssignments.execute([event])).toEqual([]);

    expect(mailer.sent).toHaveLength(4);
    expect(deliveries.all().every((delivery) => delivery.status === 'sent')).toBe(true);
  });

  it('keeps the mail of a mentee not projected yet, sends the rest, and sends it when the mentee arrives', async () => {
    const testbed = await givenKnownUsers();
    const forDario = assignmentCreated(dario, [coach]);
    const forBruno = assignmentCreated(bruno, [coach]);

    await testbed.handleAssignments.execute([forDario, forBruno]);

    expect(testbed.mailer.to(dario.email)).toHaveLength(0);
    expect(await testbed.deliveriesTo(dario.userId)).toEqual([
      expect.objectContaining({ status: 'pending', pendingReason: 'waiting_recipient', attempts: 0 }),
    ]);
    expect(testbed.mailer.to(bruno.email)).toHaveLength(1);
    expect(
      testbed.mailer
        .to(coach.email)
        .map((mail) => mail.subject)
        .sort(),
    ).toEqual(['New mentee: Bruno Rossi', 'You have a new mentee']);

    await testbed.userArrives(userCreated(dario));

    expect(testbed.mailer.to(dario.email).map((mail) => mail.subject)).toEqual([
      'Il tuo percorso di coaching con Ada Lovelace è iniziato',
    ]);
    expect(await testbed.deliveriesTo(dario.userId)).toEqual([
      expect.objectContaining({ status: 'sent', attempts: 1 }),
    ]);
  });

  it('goes on with the rest of the batch when the mail server refuses one mail', async () => {
    const { handleAssignments, mailer } = await givenKnownUsers();
    mailer.failNext(1);

    const outcomes = await handleAssignments.execute([
      assignmentCreated(bruno, [coach]),
      assignmentCreated(carla, [coach]),
    ]);

    expect(outcomes.sort()).toEqual(['retry_scheduled', 'sent', 'sent', 'sent']);
    expect(mailer.sent).toHaveLength(3);
  });
});
