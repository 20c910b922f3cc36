import { randomUUID } from 'node:crypto';
import { UsersStream, type EnvelopeOf, type PayloadOf } from '@lms/contracts';
import { EventFactory } from '@lms/messaging';
import type { CourseDetails } from '../courses/domain/course';
import { anActor, anAdministrator, aPowerUser, TENANT } from '../testing/learning-testbed';
import { buildGroupEnrollmentsTestbed } from '../testing/group-enrollments-testbed';
import { UserEventsConsumer } from './user-events.consumer';

const DETAILS: CourseDetails = {
  title: 'Negotiation basics',
  description: null,
  enrollmentPolicy: 'free',
  overbookingAllowed: false,
  groupIds: ['group-of-nobody'],
  material: [{ title: 'Welcome', kind: 'video', url: 'https://media.example.com/w.mp4' }],
};
const ADMIN = anAdministrator('admin');
const [PIA, ADA, BOB] = [randomUUID(), randomUUID(), randomUUID()];
const POWER = aPowerUser(PIA);
const [SALES, SUPPORT] = ['sales', 'support'];

async function setUp() {
  const t = buildGroupEnrollmentsTestbed();
  const created = await t.createCourse.execute({
    tenantId: TENANT,
    actor: ADMIN,
    kind: 'elearning',
    details: DETAILS,
  });
  const course = await t.changeState.execute({
    tenantId: TENANT,
    id: created.id,
    actor: ADMIN,
    transition: 'publish',
  });
  t.memberships.given(TENANT, ADA, SALES);
  t.memberships.given(TENANT, BOB, SUPPORT);
  const enroll = (userId: string, actor = POWER) =>
    t.createEnrollment.execute({ tenantId: TENANT, actor, courseId: course.id, userId });
  return { t, course, enroll };
}

describe('a power user manages the enrollments of its scope only (LE-E3, ID-U2)', () => {
  it('given a scope of Sales and a profile holding enrollments.manage, then it enrolls Ada of Sales in a course outside its catalog, and not Bob of Support', async () => {
    const { t, enroll } = await setUp();
    await t.givenPowerUserScope(PIA, [SALES]);

    expect(await enroll(ADA)).toMatchObject({ userId: ADA, state: 'enrolled' });
    await expect(enroll(BOB)).rejects.toMatchObject({ code: 'ENROLLMENT.FORBIDDEN' });
    expect((await t.enrollments.list(TENANT, {}, { limit: 10 })).items.map((e) => e.userId)).toEqual([ADA]);
  });

  it('given a power user without a scope or whose profile lacks enrollments.manage, then it enrolls nobody', async () => {
    const { t, enroll } = await setUp();
    await expect(enroll(ADA)).rejects.toMatchObject({ code: 'ENROLLMENT.FORBIDDEN' });

    await t.givenPowerUserScope(PIA, [SALES], ['users.read']);
    await expect(enroll(ADA)).rejects.toMatchObject({ code: 'ENROLLMENT.FORBIDDEN' });

    // The profile redefined with the right: it counts as soon as its event is applied.
    await t.applyProfileDefinitions.execute([
      {
        tenantId: TENANT,
        profileId: `profile-of-${PIA}-id`,
        name: `profile-of-${PIA}`,
        rights: ['enrollments.manage'],
        version: 2,
      },
    ]);
    expect(await enroll(ADA)).toMatchObject({ userId: ADA });
  });

  it('given Ada leaving Sales, then the power user no longer enrolls her; a plain user with the same grant never does', async () => {
    const { t, enroll } = await setUp();
    await t.givenPowerUserScope(PIA, [SALES]);
    await t.memberships.applyMany([
      {
        tenantId: TENANT,
        groupId: SALES,
        userId: ADA,
        active: false,
        roles: [],
        version: 2,
        updatedAt: new Date(),
      },
    ]);

    await expect(enroll(ADA)).rejects.toMatchObject({ code: 'ENROLLMENT.FORBIDDEN' });
    t.memberships.given(TENANT, BOB, SALES);
    await expect(enroll(BOB, anActor(PIA))).rejects.toMatchObject({ code: 'ENROLLMENT.FORBIDDEN' });
  });

  it("given enrollments of its scope and outside it, then it reads, changes and ends Ada's only, and lists hers when it filters by her", async () => {
    const { t, enroll } = await setUp();
    await t.givenPowerUserScope(PIA, [SALES]);
    const adas = await enroll(ADA);
    const bobs = await enroll(BOB, ADMIN);

    expect(await t.getEnrollment.execute({ tenantId: TENANT, id: adas.id, actor: POWER })).toMatchObject({
      id: adas.id,
    });
    await expect(
      t.getEnrollment.execute({ tenantId: TENANT, id: bobs.id, actor: POWER }),
    ).rejects.toMatchObject({
      code: 'ENROLLMENT.FORBIDDEN',
    });
    const suspended = await t.changeEnrollmentState.execute({
      tenantId: TENANT,
      id: adas.id,
      actor: POWER,
      state: 'suspended',
    });
    expect(suspended.state).toBe('suspended');
    await expect(
      t.changeEnrollmentState.execute({ tenantId: TENANT, id: bobs.id, actor: POWER, state: 'suspended' }),
    ).rejects.toMatchObject({ code: 'ENROLLMENT.FORBIDDEN' });

    const list = (userId?: string) =>
      t.listEnrollments.execute({
        tenantId: TENANT,
        actor: POWER,
        filter: userId ? { userId } : {},
        page: { limit: 10 },
      });
    expect((await list(ADA)).items.map((e) => e.id)).toEqual([adas.id]);
    expect((await list(BOB)).items).toEqual([]);
    expect((await list()).items).toEqual([]);

    await expect(
      t.deleteEnrollment.execute({ tenantId: TENANT, id: bobs.id, actor: POWER }),
    ).rejects.toMatchObject({
      code: 'ENROLLMENT.FORBIDDEN',
    });
    await t.deleteEnrollment.execute({ tenantId: TENANT, id: adas.id, actor: POWER });
    expect((await t.enrollments.list(TENANT, {}, { limit: 10 })).items.map((e) => e.userId)).toEqual([BOB]);
  });

  it('given a plan, then it enrolls Ada of its scope and not Bob, even when no course of the plan is published yet', async () => {
    const { t, course } = await setUp();
    await t.givenPowerUserScope(PIA, [SALES]);
    const plan = await t.createPlan.execute({
      tenantId: TENANT,
      actor: POWER,
      details: { title: 'Onboarding', description: null, courseIds: [course.id] },
    });
    const draft = await t.createCourse.execute({
      tenantId: TENANT,
      actor: ADMIN,
      kind: 'elearning',
      details: DETAILS,
    });
    const empty = await t.createPlan.execute({
      tenantId: TENANT,
      actor: POWER,
      details: { title: 'Later', description: null, courseIds: [draft.id] },
    });

    const enrolled = await t.enrollInPlan.execute({
      tenantId: TENANT,
      actor: POWER,
      planId: plan.id,
      userId: ADA,
    });
    expect(enrolled.courses.get(course.id)).toBe('enrolled');
    for (const planId of [plan.id, empty.id])
      await expect(
        t.enrollInPlan.execute({ tenantId: TENANT, actor: POWER, planId, userId: BOB }),
      ).rejects.toMatchObject({
        code: 'ENROLLMENT.FORBIDDEN',
      });
    expect(await t.planEnrollments.findOf(TENANT, empty.id, BOB)).toBeNull();

    // Bob enrolled by an administrator: the power user's list of the plan's learners shows Ada only.
    await t.enrollInPlan.execute({ tenantId: TENANT, actor: ADMIN, planId: plan.id, userId: BOB });
    const learners = async (actor: typeof ADMIN) =>
      (
        await t.listPlanEnrollments.execute({ tenantId: TENANT, actor, id: plan.id, page: { limit: 10 } })
      ).items
        .map((enrollment) => enrollment.userId)
        .sort();
    expect(await learners(POWER)).toEqual([ADA]);
    expect(await learners(ADMIN)).toEqual([ADA, BOB].sort());
  });

  it('given group enrollments, then it starts, reads, lists and ends those of the groups of its scope only', async () => {
    const { t, course } = await setUp();
    await t.givenPowerUserScope(PIA, [SALES]);
    const start = (groupId: string, actor = POWER) =>
      t.startGroupEnrollment.execute({ tenantId: TENANT, actor, groupId, courseId: course.id });

    const sales = await start(SALES);
    await expect(start(SUPPORT)).rejects.toMatchObject({ code: 'GROUP_ENROLLMENT.FORBIDDEN' });
    const support = await start(SUPPORT, ADMIN);

    expect(
      await t.getGroupEnrollment.execute({ tenantId: TENANT, actor: POWER, id: sales.id }),
    ).toMatchObject({ id: sales.id });
    await expect(
      t.getGroupEnrollment.execute({ tenantId: TENANT, actor: POWER, id: support.id }),
    ).rejects.toMatchObject({
      code: 'GROUP_ENROLLMENT.FORBIDDEN',
    });
    const list = (groupId?: string) =>
      t.listGroupEnrollments.execute({
        tenantId: TENANT,
        actor: POWER,
        filter: groupId ? { groupId } : {},
        page: { limit: 10 },
      });
    expect((await list(SALES)).items.map((g) => g.id)).toEqual([sales.id]);
    await expect(list(SUPPORT)).rejects.toMatchObject({ code: 'GROUP_ENROLLMENT.FORBIDDEN' });
    await expect(list()).rejects.toMatchObject({ code: 'GROUP_ENROLLMENT.FORBIDDEN' });
    await expect(
      t.endGroupEnrollment.execute({ tenantId: TENANT, actor: POWER, id: support.id }),
    ).rejects.toMatchObject({
      code: 'GROUP_ENROLLMENT.FORBIDDEN',
    });
    expect(
      (await t.endGroupEnrollment.execute({ tenantId: TENANT, actor: POWER, id: sales.id })).status,
    ).toBe('ended');
  });
});

describe("identity's user events keep the power users' projection (ID-U2)", () => {
  const events = new EventFactory('identity');
  const userEvent = <K extends 'user.created' | 'user.updated'>(
    type: K,
    version: number,
    grant: { level: 'user' | 'power_user'; groupIds?: string[]; profile?: string | null },
  ) =>
    events.create(UsersStream, type, {
      tenantId: TENANT,
      aggregateId: PIA,
      aggregateVersion: version,
      payload: <PayloadOf<typeof UsersStream.events, K>>{
        userId: PIA,
        email: 'pia@example.com',
        firstName: 'Pia',
        lastName: 'Rossi',
        locale: 'it',
        timezone: 'Europe/Rome',
        level: grant.level,
        adminRoles: [],
        customFields: {},
        state: 'active',
        expiresAt: null,
        powerUserScope: grant.groupIds ? { groupIds: grant.groupIds } : null,
        permissionProfile: grant.profile ?? null,
      },
    }).envelope as EnvelopeOf<typeof UsersStream.events, K>;

  it('given a user made power user, demoted, and its events redelivered, then its grant follows the newest; other users are not stored', async () => {
    const { t, enroll } = await setUp();
    await t.applyProfileDefinitions.execute([
      { tenantId: TENANT, profileId: 'p-1', name: 'desk', rights: ['enrollments.manage'], version: 1 },
    ]);
    const consumer = new UserEventsConsumer(t.applyPowerUserGrants, t.releaseRolesOfDeletedUsers);
    const created = userEvent('user.created', 1, { level: 'user' });
    const promoted = userEvent('user.updated', 2, {
      level: 'power_user',
      groupIds: [SALES],
      profile: 'desk',
    });
    const demoted = userEvent('user.updated', 3, { level: 'user' });

    await consumer.onUserEvents([created]);
    expect(t.powerUsers.size).toBe(0);
    await consumer.onUserEvents([promoted, created]);
    expect(await t.powerUserScopes.enrollmentGroupsOf(POWER)).toEqual([SALES]);
    expect(await enroll(ADA)).toMatchObject({ userId: ADA });

    await consumer.onUserEvents([demoted]);
    await consumer.onUserEvents([promoted]);
    expect(await t.powerUserScopes.enrollmentGroupsOf(POWER)).toEqual([]);
    t.memberships.given(TENANT, BOB, SALES);
    await expect(enroll(BOB)).rejects.toMatchObject({ code: 'ENROLLMENT.FORBIDDEN' });
  });
});
