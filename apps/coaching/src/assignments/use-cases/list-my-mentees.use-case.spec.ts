import { buildCoachingTestbed, orderedIds, TENANT } from '../../testing/coaching-testbed';

const [COACH, OTHER_COACH, CURRENT, LATER, OFF, ENDED, SOMEONE_ELSES] = orderedIds(7);
const PAGE = { limit: 50 };

describe("a coach's own mentees (CO-W5)", () => {
  it('given assignments of every kind, then only the current, active ones of this coach are listed, with names', async () => {
    const t = buildCoachingTestbed({ now: '2025-03-10T09:00:00.000Z' });
    await t.givenUsers(COACH, OTHER_COACH, CURRENT, LATER, OFF, ENDED, SOMEONE_ELSES);
    const assign = (menteeId: string, coachId = COACH, startDate?: string) =>
      t.createAssignment.execute({ tenantId: TENANT, menteeId, coachIds: [coachId], startDate });
    const current = await assign(CURRENT);
    await assign(LATER, COACH, '2025-04-01');
    const off = await assign(OFF);
    await t.lifecycle.setActive({ tenantId: TENANT, id: off.id }, false);
    const ended = await assign(ENDED);
    await t.lifecycle.end({ tenantId: TENANT, id: ended.id });
    await assign(SOMEONE_ELSES, OTHER_COACH);

    const page = await t.myMentees.execute({ tenantId: TENANT, coachId: COACH, page: PAGE });

    expect(page.items).toEqual([
      { assignment: current, firstName: 'Ada', lastName: 'Lovelace', email: `${CURRENT}@example.test` },
    ]);
    expect((await t.myMentees.execute({ tenantId: 'other', coachId: COACH, page: PAGE })).items).toEqual([]);
  });
});
