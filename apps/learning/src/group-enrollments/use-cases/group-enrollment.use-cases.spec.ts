import { GroupMembershipsStream, membershipAggregateId, type GroupRole } from '@lms/contracts';
import { EventFactory } from '@lms/messaging';
import type { CourseDetails, CourseKind } from '../../courses/domain/course';
import { buildGroupEnrollmentsTestbed } from '../../testing/group-enrollments-testbed';
import { anActor, anAdministrator, aPowerUser, OTHER_TENANT, TENANT } from '../../testing/learning-testbed';

const DETAILS: CourseDetails = {
  title: 'Negotiation basics',
  description: null,
  enrollmentPolicy: 'free',
  overbookingAllowed: false,
  groupIds: [],
  material: [{ title: 'Welcome', kind: 'video', url: 'https://media.example.com/w.mp4' }],
};
const ADMIN = anAdministrator('admin');
const POWER = aPowerUser('power');
const SALES = '0190c0de-0000-7000-8000-0000000000f0';
const NAMES = ['ada', 'bob', 'cyd', 'dan', 'eve', 'teacher'];
/** The user id of a member by name: ids sort as the names do. */
const id = (name: string) => `0190c0de-0000-7000-8000-00000000000${NAMES.indexOf(name) + 1}`;
const nameOf = (userId: string) => NAMES[Number(userId.slice(-1)) - 1] as string;
const identity = new EventFactory('identity');

function setUp(options: { chunkSize?: number } = {}) {
  const t = buildGroupEnrollmentsTestbed(options);
  const course = async (
    kind: CourseKind = 'elearning',
    publish = true,
    details: Partial<CourseDetails> = {},
  ) => {
    t.clock.advance(1_000);
    const created = await t.createCourse.execute({
      tenantId: TENANT,
      actor: POWER,
      kind,
      details: { ...DETAILS, ...details },
    });
    if (!publish) return created;
    return t.changeState.execute({ tenantId: TENANT, id: created.id, actor: POWER, transition: 'publish' });
  };
  const session = async (courseId: string, capacity: number) =>
    t.createSession.execute({
      tenantId: TENANT,
      id: courseId,
      actor: POWER,
      details: {
        startsAt: new Date('2026-04-01T09:00:00.000Z'),
        endsAt: new Date('2026-04-01T12:00:00.000Z'),
        place: 'Room 1',
        link: null,
        capacity,
      },
    });
  /** Identity's membership events, as the consumer takes them; versions count per membership. */
  const versions = new Map<string, number>();
  const membershipEvent = (name: string, roles: GroupRole[] | null) => {
    const userId = id(name);
    const version = (versions.get(userId) ?? 0) + 1;
    versions.set(userId, version);
    const type =
      roles === null ? 'membership.removed' : version === 1 ? 'membership.added' : 'membership.roles-changed';
    return identity.create(GroupMembershipsStream, type, {
      tenantId: TENANT,
      aggregateId: membershipAggregateId(SALES, userId),
      aggregateVersion: version,
      payload: (roles === null ? { groupId: SALES, userId } : { groupId: SALES, userId, roles }) as never,
    }).envelope;
  };
  const deliver = (...events: ReturnType<typeof membershipEvent>[]) =>
    t.membershipConsumer.onMembershipEvents(events as never);
  const members = async (...entries: Array<[string, GroupRole[]]>) =>
    deliver(...entries.map(([userId, roles]) => membershipEvent(userId, roles)));
  const created = (courseId: string) =>
    t.enrollments
      .allEvents()
      .filter(
        (e) =>
          e.envelope.type === 'enrollment.created' &&
          (e.envelope.payload as { courseId: string }).courseId === courseId,
      )
      .map((e) => nameOf((e.envelope.payload as { userId: string }).userId))
      .sort();
  return { t, course, session, deliver, membershipEvent, members, created };
}

describe('group enrollments (LE-G1)', () => {
  it('given a group of learners, a coach and a member who left, when a course is assigned to it, then every current learner is enrolled once, page by page, and it follows the group', async () => {
    const { t, course, members, deliver, membershipEvent, created } = setUp({ chunkSize: 2 });
    const elearning = await course();
    await members(
      ['ada', ['learner']],
      ['bob', ['learner', 'coach']],
      ['cyd', ['coach']],
      ['dan', ['learner']],
      ['eve', ['learner']],
    );
    await deliver(membershipEvent('eve', null));

    const started = await t.startGroupEnrollment.execute({
      tenantId: TENANT,
      actor: ADMIN,
      groupId: SALES,
      courseId: elearning.id,
    });

    expect(started).toMatchObject({
      status: 'running',
      roles: ['learner'],
      createdBy: 'admin',
      membersRead: 0,
    });
    expect(t.jobs.enqueued).toEqual([
      {
        kind: 'group-enrollment.members',
        key: started.id,
        tenantId: TENANT,
        input: { groupEnrollmentId: started.id },
      },
    ]);
    await t.runGroupEnrollment.execute({ tenantId: TENANT, groupEnrollmentId: started.id });

    expect(
      await t.getGroupEnrollment.execute({ tenantId: TENANT, actor: ADMIN, id: started.id }),
    ).toMatchObject({
      status: 'following',
      membersRead: 4,
      counts: { enrolled: 3, kept: 0, notEnrolled: 0 },
    });
    expect(created(elearning.id)).toEqual(['ada', 'bob', 'dan']);
    for (const userId of ['ada', 'bob', 'dan'])
      expect(await t.enrollments.findOf(TENANT, elearning.id, id(userId))).toMatchObject({
        state: 'enrolled',
      });

    await t.runGroupEnrollment.execute({ tenantId: TENANT, groupEnrollmentId: started.id });
    expect(created(elearning.id)).toEqual(['ada', 'bob', 'dan']);
  });

  it('given a learner enrolled before, then it is kept as it is and counted so', async () => {
    const { t, course, members, created } = setUp();
    const elearning = await course();
    await members(['ada', ['learner']], ['bob', ['learner']]);
    await t.createEnrollment.execute({
      tenantId: TENANT,
      actor: ADMIN,
      courseId: elearning.id,
      userId: id('ada'),
    });

    const started = await t.startGroupEnrollment.execute({
      tenantId: TENANT,
      actor: ADMIN,
      groupId: SALES,
      courseId: elearning.id,
    });
    await t.runGroupEnrollment.execute({ tenantId: TENANT, groupEnrollmentId: started.id });

    expect(
      (await t.getGroupEnrollment.execute({ tenantId: TENANT, actor: ADMIN, id: started.id })).counts,
    ).toEqual({
      enrolled: 1,
      kept: 1,
      notEnrolled: 0,
    });
    expect(created(elearning.id)).toEqual(['ada', 'bob']);
  });

  it('given a group enrollment, when members join, gain or lose the role, leave and come back, then newcomers are enrolled and leavers reported, never unenrolled', async () => {
    const { t, course, deliver, membershipEvent, members, created } = setUp();
    const elearning = await course();
    await members(['ada', ['learner']]);
    const started = await t.startGroupEnrollment.execute({
      tenantId: TENANT,
      actor: ADMIN,
      groupId: SALES,
      courseId: elearning.id,
    });
    await t.runGroupEnrollment.execute({ tenantId: TENANT, groupEnrollmentId: started.id });

    await members(['bob', ['learner']], ['cyd', ['coach']]);
    expect(created(elearning.id)).toEqual(['ada', 'bob']);
    await deliver(membershipEvent('cyd', ['coach', 'learner']));
    expect(created(elearning.id)).toEqual(['ada', 'bob', 'cyd']);

    t.clock.advance(60_000);
    await deliver(membershipEvent('ada', null), membershipEvent('cyd', ['coach']));
    const page = await t.listDepartures.execute({
      tenantId: TENANT,
      actor: ADMIN,
      id: started.id,
      page: { limit: 10 },
    });
    expect(page.items.map((d) => nameOf(d.userId))).toEqual(['ada', 'cyd']);
    expect(await t.enrollments.findOf(TENANT, elearning.id, id('ada'))).not.toBeNull();

    await deliver(membershipEvent('ada', ['learner']));
    const after = await t.listDepartures.execute({
      tenantId: TENANT,
      actor: ADMIN,
      id: started.id,
      page: { limit: 10 },
    });
    expect(after.items.map((d) => nameOf(d.userId))).toEqual(['cyd']);
    expect(created(elearning.id)).toEqual(['ada', 'bob', 'cyd']);
    expect(
      (await t.getGroupEnrollment.execute({ tenantId: TENANT, actor: ADMIN, id: started.id })).joined,
    ).toEqual({
      enrolled: 2,
      kept: 0,
      notEnrolled: 0,
    });
  });

  it('given a member who leaves without ever being enrolled through it, then nothing is reported', async () => {
    const { t, course, deliver, membershipEvent, members } = setUp();
    const elearning = await course();
    await members(['cyd', ['coach']]);
    const started = await t.startGroupEnrollment.execute({
      tenantId: TENANT,
      actor: ADMIN,
      groupId: SALES,
      courseId: elearning.id,
    });
    await t.runGroupEnrollment.execute({ tenantId: TENANT, groupEnrollmentId: started.id });

    await deliver(membershipEvent('cyd', null));

    expect(
      (
        await t.listDepartures.execute({
          tenantId: TENANT,
          actor: ADMIN,
          id: started.id,
          page: { limit: 10 },
        })
      ).items,
    ).toEqual([]);
  });

  it('given an ended group enrollment, then newcomers are not enrolled, its job stops, and the group may be enrolled in the course anew', async () => {
    const { t, course, members, created } = setUp({ chunkSize: 1 });
    const elearning = await course();
    await members(['ada', ['learner']], ['bob', ['learner']]);
    const started = await t.startGroupEnrollment.execute({
      tenantId: TENANT,
      actor: ADMIN,
      groupId: SALES,
      courseId: elearning.id,
    });
    await t.runGroupEnrollment.runChunk({ tenantId: TENANT, groupEnrollmentId: started.id });

    const ended = await t.endGroupEnrollment.execute({ tenantId: TENANT, actor: ADMIN, id: started.id });
    expect(ended).toMatchObject({ status: 'ended', endedAt: t.clock.now() });
    expect(await t.endGroupEnrollment.execute({ tenantId: TENANT, actor: ADMIN, id: started.id })).toEqual(
      ended,
    );
    expect(await t.runGroupEnrollment.runChunk({ tenantId: TENANT, groupEnrollmentId: started.id })).toEqual({
      more: false,
    });
    await members(['cyd', ['learner']]);

    expect(created(elearning.id)).toEqual(['ada']);
    const again = await t.startGroupEnrollment.execute({
      tenantId: TENANT,
      actor: ADMIN,
      groupId: SALES,
      courseId: elearning.id,
    });
    expect(again.id).not.toBe(started.id);
  });

  it('given a plan assigned to a group, then each learner is enrolled in the plan and its courses', async () => {
    const { t, course, members } = setUp();
    const [first, second] = [await course(), await course()];
    const plan = await t.createPlan.execute({
      tenantId: TENANT,
      actor: POWER,
      details: { title: 'Onboarding', description: null, courseIds: [first.id, second.id] },
    });
    await members(['ada', ['learner']], ['bob', ['learner']]);

    const started = await t.startGroupEnrollment.execute({
      tenantId: TENANT,
      actor: ADMIN,
      groupId: SALES,
      planId: plan.id,
    });
    await t.runGroupEnrollment.execute({ tenantId: TENANT, groupEnrollmentId: started.id });

    for (const userId of ['ada', 'bob']) {
      expect(await t.planEnrollments.findOf(TENANT, plan.id, id(userId))).toMatchObject({
        state: 'enrolled',
      });
      expect(await t.enrollments.findOf(TENANT, second.id, id(userId))).not.toBeNull();
    }
    expect(
      (await t.getGroupEnrollment.execute({ tenantId: TENANT, actor: ADMIN, id: started.id })).counts
        .enrolled,
    ).toBe(2);
  });

  it('given an instructor-led course with one seat, then the first learner takes it and the next waits, both enrolled through the group', async () => {
    const { t, course, session, members } = setUp();
    const ilt = await course('ilt');
    const { id: sessionId } = await session(ilt.id, 1);
    await members(['ada', ['learner']], ['bob', ['learner']]);

    const started = await t.startGroupEnrollment.execute({
      tenantId: TENANT,
      actor: ADMIN,
      groupId: SALES,
      courseId: ilt.id,
      sessionId,
    });
    await t.runGroupEnrollment.execute({ tenantId: TENANT, groupEnrollmentId: started.id });

    expect(await t.enrollments.findOf(TENANT, ilt.id, id('ada'))).toMatchObject({
      state: 'enrolled',
      sessionId,
    });
    expect(await t.enrollments.findOf(TENANT, ilt.id, id('bob'))).toMatchObject({
      state: 'waiting',
      sessionId,
    });
  });

  it('given a course unpublished after the group enrollment began, then its members are counted as not enrolled', async () => {
    const { t, course, members } = setUp();
    const elearning = await course();
    await members(['ada', ['learner']]);
    const started = await t.startGroupEnrollment.execute({
      tenantId: TENANT,
      actor: ADMIN,
      groupId: SALES,
      courseId: elearning.id,
    });
    await t.changeState.execute({ tenantId: TENANT, id: elearning.id, actor: POWER, transition: 'archive' });

    await t.runGroupEnrollment.execute({ tenantId: TENANT, groupEnrollmentId: started.id });

    expect(
      (await t.getGroupEnrollment.execute({ tenantId: TENANT, actor: ADMIN, id: started.id })).counts,
    ).toEqual({
      enrolled: 0,
      kept: 0,
      notEnrolled: 1,
    });
  });

  it('given a chunk whose progress write is refused after its members were enrolled, then the chunk run again enrolls nobody twice', async () => {
    const { t, course, members, created } = setUp();
    const elearning = await course();
    await members(['ada', ['learner']], ['bob', ['learner']], ['cyd', ['learner']]);
    const started = await t.startGroupEnrollment.execute({
      tenantId: TENANT,
      actor: ADMIN,
      groupId: SALES,
      courseId: elearning.id,
    });
    const save = t.groupEnrollments.save.bind(t.groupEnrollments);
    let refused = 0;
    t.groupEnrollments.save = async (changed, expected) => {
      if (refused++ === 0) throw new Error('write refused');
      return save(changed, expected);
    };

    await expect(
      t.runGroupEnrollment.runChunk({ tenantId: TENANT, groupEnrollmentId: started.id }),
    ).rejects.toThrow('write refused');
    await t.runGroupEnrollment.execute({ tenantId: TENANT, groupEnrollmentId: started.id });

    expect(created(elearning.id)).toEqual(['ada', 'bob', 'cyd']);
    expect(
      await t.getGroupEnrollment.execute({ tenantId: TENANT, actor: ADMIN, id: started.id }),
    ).toMatchObject({
      status: 'following',
      counts: { enrolled: 1, kept: 2, notEnrolled: 0 },
    });
  });

  it.each([
    ['a learner', anActor('ada'), {}, 'GROUP_ENROLLMENT.FORBIDDEN'],
    [
      'an instructor of the course, administrator or not',
      anAdministrator(id('teacher')),
      {},
      'GROUP_ENROLLMENT.FORBIDDEN',
    ],
    ['a course and a plan', ADMIN, { planId: 'plan-x' }, 'GROUP_ENROLLMENT.TARGET_INVALID'],
    ['neither a course nor a plan', ADMIN, { courseId: undefined }, 'GROUP_ENROLLMENT.TARGET_INVALID'],
    [
      'a session for an e-learning course',
      ADMIN,
      { sessionId: 'session-x' },
      'ENROLLMENT.SESSION_NOT_ALLOWED',
    ],
    ['an unknown course', ADMIN, { courseId: 'course-x' }, 'COURSE.NOT_FOUND'],
    ['an unknown plan', ADMIN, { courseId: undefined, planId: 'plan-x' }, 'PLAN.NOT_FOUND'],
  ])(
    'given %s, then the group enrollment is refused and nothing is stored',
    async (_case, actor, override, code) => {
      const { t, course } = setUp();
      const elearning = await course();
      await t.grantCourseRole.execute({
        tenantId: TENANT,
        id: elearning.id,
        actor: POWER,
        userId: id('teacher'),
        role: 'instructor',
      });

      await expect(
        t.startGroupEnrollment.execute({
          tenantId: TENANT,
          actor,
          groupId: SALES,
          courseId: elearning.id,
          ...override,
        }),
      ).rejects.toMatchObject({ code });
      expect(t.jobs.enqueued).toEqual([]);
    },
  );

  it('given a draft course, an instructor-led course without a session, or the group enrolled in it already, then each is refused with its code', async () => {
    const { t, course } = setUp();
    const draft = await course('elearning', false);
    const ilt = await course('ilt');
    const elearning = await course();
    const start = (courseId: string) =>
      t.startGroupEnrollment.execute({ tenantId: TENANT, actor: ADMIN, groupId: SALES, courseId });

    await expect(start(draft.id)).rejects.toMatchObject({ code: 'ENROLLMENT.COURSE_NOT_PUBLISHED' });
    await expect(start(ilt.id)).rejects.toMatchObject({ code: 'ENROLLMENT.SESSION_REQUIRED' });
    await start(elearning.id);
    await expect(start(elearning.id)).rejects.toMatchObject({ code: 'GROUP_ENROLLMENT.ALREADY_EXISTS' });
  });

  it("given another tenant's administrator or a learner, then a group enrollment is not found, or forbidden", async () => {
    const { t, course } = setUp();
    const elearning = await course();
    const started = await t.startGroupEnrollment.execute({
      tenantId: TENANT,
      actor: ADMIN,
      groupId: SALES,
      courseId: elearning.id,
    });

    await expect(
      t.getGroupEnrollment.execute({
        tenantId: OTHER_TENANT,
        actor: anAdministrator('other', OTHER_TENANT),
        id: started.id,
      }),
    ).rejects.toMatchObject({ code: 'GROUP_ENROLLMENT.NOT_FOUND' });
    await expect(
      t.endGroupEnrollment.execute({ tenantId: TENANT, actor: anActor('ada'), id: started.id }),
    ).rejects.toMatchObject({
      code: 'GROUP_ENROLLMENT.FORBIDDEN',
    });
    const listed = await t.listGroupEnrollments.execute({
      tenantId: TENANT,
      actor: ADMIN,
      filter: { courseId: elearning.id },
      page: { limit: 5 },
    });
    expect(listed.items.map((g) => g.id)).toEqual([started.id]);
    expect(
      (
        await t.listGroupEnrollments.execute({
          tenantId: TENANT,
          actor: ADMIN,
          filter: { planId: 'p' },
          page: { limit: 5 },
        })
      ).items,
    ).toEqual([]);
  });
});
