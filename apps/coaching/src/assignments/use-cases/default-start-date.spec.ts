import {
  buildCoachingTestbed,
  orderedIds,
  TENANT,
  type CoachingTestbed,
} from '../../testing/coaching-testbed';

const [GROUP, MENTEE, COACH, LEARNER_1, LEARNER_2] = orderedIds(5);

/** 23:30 UTC on 10 March: already 11 March in Tokyo, still 10 March in New York and in UTC. */
const LATE_EVENING_UTC = '2025-03-10T23:30:00.000Z';
/** 02:00 UTC on 11 March: still 10 March in New York. */
const EARLY_MORNING_UTC = '2025-03-11T02:00:00.000Z';

async function testbedIn(timezone: string | null, now: string): Promise<CoachingTestbed> {
  const t = buildCoachingTestbed({ now });
  if (timezone !== null) await t.givenTenantTimezone(timezone);
  await t.givenUsers(MENTEE, COACH, LEARNER_1, LEARNER_2);
  return t;
}

describe("a start date left out is today in the tenant's time zone (CO-A1, CO-A3, CO-A2, CO-A8)", () => {
  it.each([
    { tenant: 'in Asia/Tokyo', timezone: 'Asia/Tokyo', now: LATE_EVENING_UTC, today: '2025-03-11' },
    {
      tenant: 'in America/New_York',
      timezone: 'America/New_York',
      now: LATE_EVENING_UTC,
      today: '2025-03-10',
    },
    {
      tenant: 'in America/New_York',
      timezone: 'America/New_York',
      now: EARLY_MORNING_UTC,
      today: '2025-03-10',
    },
    {
      tenant: 'coaching has not heard of yet (UTC)',
      timezone: null,
      now: EARLY_MORNING_UTC,
      today: '2025-03-11',
    },
  ])(
    'given a tenant $tenant, when an administrator creates an assignment at $now without a start date, then it starts on $today and is current',
    async ({ timezone, now, today }) => {
      const t = await testbedIn(timezone, now);

      const created = await t.createAssignment.execute({
        tenantId: TENANT,
        menteeId: MENTEE,
        coachIds: [COACH],
      });

      expect(created).toMatchObject({ startDate: today, endDate: null, status: 'current' });
      const [event] = t.assignmentEvents('assignment.created');
      expect(event.envelope.payload).toMatchObject({ startDate: today, status: 'current' });
    },
  );

  it('given a tenant in Asia/Tokyo, then an end date that is today in UTC is already past: the assignment starts expired', async () => {
    const t = await testbedIn('Asia/Tokyo', LATE_EVENING_UTC);

    const created = await t.createAssignment.execute({
      tenantId: TENANT,
      menteeId: MENTEE,
      coachIds: [COACH],
      startDate: '2025-03-01',
      endDate: '2025-03-10',
    });

    expect(created).toMatchObject({ startDate: '2025-03-01', status: 'expired' });
  });

  it.each([
    { tenant: 'in Asia/Tokyo', timezone: 'Asia/Tokyo', now: LATE_EVENING_UTC, today: '2025-03-11' },
    {
      tenant: 'in America/New_York',
      timezone: 'America/New_York',
      now: EARLY_MORNING_UTC,
      today: '2025-03-10',
    },
    {
      tenant: 'coaching has not heard of yet (UTC)',
      timezone: null,
      now: LATE_EVENING_UTC,
      today: '2025-03-10',
    },
  ])(
    'given an expired assignment of a tenant $tenant, when reactivated at $now without a start date, then it starts on $today',
    async ({ timezone, now, today }) => {
      const t = await testbedIn(timezone, now);
      const expired = await t.createAssignment.execute({
        tenantId: TENANT,
        menteeId: MENTEE,
        coachIds: [COACH],
        startDate: '2025-01-01',
        endDate: '2025-03-01',
      });
      expect(expired.status).toBe('expired');

      const reactivated = await t.lifecycle.reactivate({ tenantId: TENANT, id: expired.id }, {});

      expect(reactivated).toMatchObject({ startDate: today, endDate: null, status: 'current', version: 2 });
      const [event] = t.assignmentEvents('assignment.reactivated');
      expect(event.envelope.payload).toMatchObject({ startDate: today, status: 'current' });
    },
  );

  it('given a tenant in Asia/Tokyo, when an expired assignment is reactivated from a backdated day, then that day is kept', async () => {
    const t = await testbedIn('Asia/Tokyo', LATE_EVENING_UTC);
    const expired = await t.createAssignment.execute({
      tenantId: TENANT,
      menteeId: MENTEE,
      coachIds: [COACH],
      startDate: '2025-01-01',
      endDate: '2025-03-01',
    });

    expect(
      await t.lifecycle.reactivate({ tenantId: TENANT, id: expired.id }, { startDate: '2025-03-05' }),
    ).toMatchObject({ startDate: '2025-03-05', status: 'current' });
  });

  it("given a tenant in Asia/Tokyo, when a bulk assignment starts without a start date, then it and every assignment it creates start on the tenant's day, current", async () => {
    const t = await testbedIn('Asia/Tokyo', LATE_EVENING_UTC);
    await t.givenMembers(GROUP, [
      { userId: LEARNER_1, roles: ['learner'] },
      { userId: LEARNER_2, roles: ['learner'] },
    ]);

    const bulk = await t.startBulk.execute({
      tenantId: TENANT,
      groupId: GROUP,
      roles: ['learner'],
      coachIds: [COACH],
      menteeIds: [LEARNER_1, LEARNER_2],
    });
    await t.runBulk.execute({ tenantId: TENANT, bulkAssignmentId: bulk.id });

    expect(bulk.dates).toEqual({ startDate: '2025-03-11', endDate: null });
    const created = t.assignmentEvents('assignment.created').map((entry) => entry.envelope.payload);
    expect(created).toHaveLength(2);
    for (const payload of created)
      expect(payload).toMatchObject({ startDate: '2025-03-11', status: 'current' });
  });

  it("given a tenant in America/New_York, when a group assignment is created without a start date, then it starts on the tenant's day", async () => {
    const t = await testbedIn('America/New_York', EARLY_MORNING_UTC);

    const created = await t.createGroupAssignment.execute({
      tenantId: TENANT,
      groupId: GROUP,
      roles: ['learner'],
      coachIds: [COACH],
    });

    expect(created).toMatchObject({ startDate: '2025-03-10', endDate: null });
  });
});
