import { randomUUID } from 'node:crypto';
import type { PlanEnrollmentStateV1 } from '@lms/contracts';
import type { DomainError } from '@lms/kernel';
import type { CourseDetails, CourseKind } from '../../courses/domain/course';
import {
  anActor,
  anAdministrator,
  aPowerUser,
  buildLearningTestbed,
  OTHER_TENANT,
  TENANT,
} from '../../testing/learning-testbed';
import { EnrollmentEventsConsumer } from '../enrollment-events.consumer';

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

/** The code a promise is refused with. */
async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as DomainError).code;
  }
  throw new Error('expected a refusal');
}

function setUp() {
  const t = buildLearningTestbed();
  /** A course (a second later than the one before), published unless asked otherwise. */
  const course = async (
    details: Partial<CourseDetails> = {},
    kind: CourseKind = 'elearning',
    publish = true,
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
  const plan = async (courseIds: string[], title = 'Onboarding') => {
    t.clock.advance(1_000);
    return t.createPlan.execute({
      tenantId: TENANT,
      actor: POWER,
      details: { title, description: null, courseIds },
    });
  };
  const enrollIn = async (planId: string, userId: string) => {
    t.clock.advance(1_000);
    return t.enrollInPlan.execute({ tenantId: TENANT, actor: ADMIN, planId, userId });
  };
  /** A learner's step in a course, then the enrollment events delivered to the plans' consumer. */
  const consumer = new EnrollmentEventsConsumer(t.refreshPlanStates);
  let delivered = 0;
  const deliverEnrollmentEvents = async () => {
    const all = t.enrollments.allEvents().filter((e) => e.topic === 'learning.enrollments.v1');
    const fresh = all.slice(delivered);
    delivered = all.length;
    await consumer.onEnrollmentEvents(fresh.map((e) => e.envelope) as never);
    return fresh;
  };
  const step = async (
    userId: string,
    courseId: string,
    s: { kind: 'open' } | { kind: 'complete_material'; index: number },
  ) => {
    t.clock.advance(1_000);
    await t.recordProgress.execute({ tenantId: TENANT, actor: anActor(userId), courseId, step: s });
  };
  const planStateOf = async (planId: string, userId: string) =>
    (await t.planEnrollments.findOf(TENANT, planId, userId))?.state;
  const planEvents = (planId: string, userId: string) =>
    t.planEnrollments
      .allEvents()
      .map((e) => ({ type: e.envelope.type, payload: e.envelope.payload as PlanEnrollmentStateV1 }))
      .filter(({ payload }) => payload.planId === planId && payload.userId === userId)
      .map(({ type, payload }) => [type, payload.previousState, payload.state]);
  return { t, course, plan, enrollIn, deliverEnrollmentEvents, step, planStateOf, planEvents };
}

describe('plans (LE-P1): making and editing plans', () => {
  it('given courses of the tenant, when a power user makes a plan, then it reads back, lists, and takes a new title', async () => {
    const { t, course, plan } = setUp();
    const [a, b] = [await course(), await course({}, 'ilt', false)];

    const made = await plan([a.id, b.id]);

    expect(made).toMatchObject({
      tenantId: TENANT,
      title: 'Onboarding',
      courseIds: [a.id, b.id],
      version: 1,
    });
    expect(await t.getPlan.execute({ tenantId: TENANT, id: made.id, actor: ADMIN })).toEqual(made);
    expect(
      (await t.listPlans.execute({ tenantId: TENANT, actor: ADMIN, page: { limit: 10 } })).items,
    ).toEqual([made]);
    const renamed = await t.editPlan.execute({
      tenantId: TENANT,
      id: made.id,
      actor: ADMIN,
      expectedVersion: 1,
      patch: { title: 'Sales onboarding', description: 'First weeks' },
    });
    expect(renamed).toMatchObject({ title: 'Sales onboarding', description: 'First weeks', version: 2 });
    expect(
      await t.editPlan.execute({
        tenantId: TENANT,
        id: made.id,
        actor: ADMIN,
        patch: { title: 'Sales onboarding' },
      }),
    ).toEqual(renamed);
  });

  it('given a plan, then refusals carry their PLAN codes: invalid courses, another tenant, a learner, a stale version', async () => {
    const { t, course, plan } = setUp();
    const a = await course();
    const made = await plan([a.id]);
    const create = (courseIds: string[], actor = POWER) =>
      t.createPlan.execute({
        tenantId: TENANT,
        actor,
        details: { title: 'P', description: null, courseIds },
      });

    expect(await codeOf(create([]))).toBe('PLAN.INVALID');
    expect(await codeOf(create([a.id, a.id]))).toBe('PLAN.INVALID');
    expect(await codeOf(create([a.id, randomUUID()]))).toBe('PLAN.COURSE_NOT_FOUND');
    expect(await codeOf(create([a.id], anActor('ann')))).toBe('PLAN.FORBIDDEN');
    expect(
      await codeOf(
        t.getPlan.execute({ tenantId: OTHER_TENANT, id: made.id, actor: anAdministrator('b', OTHER_TENANT) }),
      ),
    ).toBe('PLAN.NOT_FOUND');
    expect(await codeOf(t.getPlan.execute({ tenantId: TENANT, id: made.id, actor: anActor('ann') }))).toBe(
      'PLAN.FORBIDDEN',
    );
    expect(
      await codeOf(t.listPlans.execute({ tenantId: TENANT, actor: anActor('ann'), page: { limit: 10 } })),
    ).toBe('PLAN.FORBIDDEN');
    expect(
      await codeOf(
        t.editPlan.execute({
          tenantId: TENANT,
          id: made.id,
          actor: ADMIN,
          expectedVersion: 7,
          patch: { title: 'X' },
        }),
      ),
    ).toBe('REQUEST.STALE_VERSION');
  });

  it('given a plan with a learner, then its courses no longer change and it is not deleted; without learners it is', async () => {
    const { t, course, plan, enrollIn } = setUp();
    const [a, b] = [await course(), await course()];
    const busy = await plan([a.id]);
    const idle = await plan([a.id]);
    await enrollIn(busy.id, randomUUID());

    expect(
      await codeOf(
        t.editPlan.execute({
          tenantId: TENANT,
          id: busy.id,
          actor: ADMIN,
          patch: { courseIds: [a.id, b.id] },
        }),
      ),
    ).toBe('PLAN.HAS_ENROLLMENTS');
    expect(
      await t.editPlan.execute({ tenantId: TENANT, id: busy.id, actor: ADMIN, patch: { title: 'Renamed' } }),
    ).toMatchObject({ title: 'Renamed' });
    expect(await codeOf(t.deletePlan.execute({ tenantId: TENANT, id: busy.id, actor: ADMIN }))).toBe(
      'PLAN.HAS_ENROLLMENTS',
    );
    expect(
      await t.editPlan.execute({
        tenantId: TENANT,
        id: idle.id,
        actor: ADMIN,
        patch: { courseIds: [b.id, a.id] },
      }),
    ).toMatchObject({ courseIds: [b.id, a.id] });
    await t.deletePlan.execute({ tenantId: TENANT, id: idle.id, actor: ADMIN });
    expect(await t.plans.findById(TENANT, idle.id)).toBeNull();
  });
});

describe('plans (LE-P1): enrolling in a plan', () => {
  it("given a plan of published, unpublished and instructor-led courses, when a learner is enrolled, then it is enrolled in each published course it can be, a course it had kept, and the plan's state derived", async () => {
    const { t, course, plan, enrollIn, planEvents } = setUp();
    const userId = randomUUID();
    const kept = await course();
    const fresh = await course();
    const draft = await course({}, 'elearning', false);
    const iltNoSession = await course({}, 'ilt');
    const ilt = await course({}, 'ilt');
    const session = await t.createSession.execute({
      tenantId: TENANT,
      id: ilt.id,
      actor: POWER,
      details: {
        startsAt: new Date('2026-04-01T09:00:00.000Z'),
        endsAt: new Date('2026-04-01T12:00:00.000Z'),
        place: 'Room 1',
        link: null,
        capacity: 5,
      },
    });
    await t.createEnrollment.execute({ tenantId: TENANT, actor: ADMIN, courseId: kept.id, userId });
    await t.recordProgress.execute({
      tenantId: TENANT,
      actor: anActor(userId),
      courseId: kept.id,
      step: { kind: 'open' },
    });
    const made = await plan([kept.id, fresh.id, draft.id, iltNoSession.id, ilt.id]);

    const { planEnrollment, courses } = await enrollIn(made.id, userId);

    expect(Object.fromEntries(courses)).toEqual({
      [kept.id]: 'kept',
      [fresh.id]: 'enrolled',
      [draft.id]: 'not_published',
      [iltNoSession.id]: 'no_session',
      [ilt.id]: 'enrolled',
    });
    expect(await t.enrollments.findOf(TENANT, ilt.id, userId)).toMatchObject({
      sessionId: session.id,
      state: 'enrolled',
    });
    expect(await t.enrollments.findOf(TENANT, kept.id, userId)).toMatchObject({
      state: 'in_progress',
      version: 2,
    });
    expect(planEnrollment).toMatchObject({ planId: made.id, userId, state: 'in_progress', version: 1 });
    expect(planEvents(made.id, userId)).toEqual([['plan-enrollment.created', null, 'in_progress']]);
    expect(await codeOf(enrollIn(made.id, userId))).toBe('PLAN.ENROLLMENT_ALREADY_EXISTS');
    expect(
      await codeOf(
        t.enrollInPlan.execute({ tenantId: TENANT, actor: anActor(userId), planId: made.id, userId }),
      ),
    ).toBe('PLAN.FORBIDDEN');
    expect(
      await codeOf(
        t.enrollInPlan.execute({
          tenantId: OTHER_TENANT,
          actor: anAdministrator('b', OTHER_TENANT),
          planId: made.id,
          userId,
        }),
      ),
    ).toBe('PLAN.NOT_FOUND');
  });

  it('given a learner enrolled in a plan of two e-learning courses, when it opens one and completes both, then the consumer moves the plan enrolled → in_progress → completed, one event per change, and a redelivery changes nothing', async () => {
    const { t, course, plan, enrollIn, deliverEnrollmentEvents, step, planStateOf, planEvents } = setUp();
    const userId = randomUUID();
    const [a, b] = [await course(), await course()];
    const made = await plan([a.id, b.id]);

    expect((await enrollIn(made.id, userId)).planEnrollment.state).toBe('enrolled');
    await deliverEnrollmentEvents();
    expect(await planStateOf(made.id, userId)).toBe('enrolled');

    await step(userId, a.id, { kind: 'open' });
    await deliverEnrollmentEvents();
    expect(await planStateOf(made.id, userId)).toBe('in_progress');

    await step(userId, a.id, { kind: 'complete_material', index: 0 });
    await deliverEnrollmentEvents();
    expect(await planStateOf(made.id, userId)).toBe('in_progress');
    await step(userId, b.id, { kind: 'complete_material', index: 0 });
    const last = await deliverEnrollmentEvents();
    expect(await planStateOf(made.id, userId)).toBe('completed');

    const consumer = new EnrollmentEventsConsumer(t.refreshPlanStates);
    await consumer.onEnrollmentEvents(
      [...last, ...t.enrollments.allEvents()].map((e) => e.envelope) as never,
    );
    expect(await planStateOf(made.id, userId)).toBe('completed');
    expect(planEvents(made.id, userId)).toEqual([
      ['plan-enrollment.created', null, 'enrolled'],
      ['plan-enrollment.state-changed', 'enrolled', 'in_progress'],
      ['plan-enrollment.state-changed', 'in_progress', 'completed'],
    ]);
    expect((await t.planEnrollments.findOf(TENANT, made.id, userId))?.version).toBe(3);
  });

  it('given a completed plan, when an administrator suspends one course, then it stays completed; when one goes back to enrolled, it is in progress again', async () => {
    const { t, course, plan, enrollIn, deliverEnrollmentEvents, step, planStateOf } = setUp();
    const userId = randomUUID();
    const [a, b] = [await course(), await course()];
    const made = await plan([a.id, b.id]);
    await enrollIn(made.id, userId);
    await step(userId, a.id, { kind: 'complete_material', index: 0 });
    const bEnrollment = await t.enrollments.findOf(TENANT, b.id, userId);
    await t.changeEnrollmentState.execute({
      tenantId: TENANT,
      id: bEnrollment?.id as string,
      actor: ADMIN,
      state: 'suspended',
    });
    await deliverEnrollmentEvents();
    expect(await planStateOf(made.id, userId)).toBe('completed');

    await t.changeEnrollmentState.execute({
      tenantId: TENANT,
      id: bEnrollment?.id as string,
      actor: ADMIN,
      state: 'enrolled',
    });
    await deliverEnrollmentEvents();
    expect(await planStateOf(made.id, userId)).toBe('in_progress');
  });

  it("given learners in plans, then the plan's list shows each with its state and a learner's own plans show each course's enrollment state", async () => {
    const { t, course, plan, enrollIn, step, deliverEnrollmentEvents } = setUp();
    const [ann, bob] = [randomUUID(), randomUUID()];
    const [a, b] = [await course({ title: 'First' }), await course({ title: 'Second' })];
    const made = await plan([a.id, b.id], 'Onboarding');
    const other = await plan([b.id], 'Refresher');
    await enrollIn(made.id, ann);
    await enrollIn(made.id, bob);
    await enrollIn(other.id, ann);
    await step(ann, b.id, { kind: 'open' });
    await deliverEnrollmentEvents();

    const listed = await t.listPlanEnrollments.execute({
      tenantId: TENANT,
      id: made.id,
      actor: ADMIN,
      page: { limit: 10 },
    });
    expect(listed.items.map((e) => [e.userId, e.state])).toEqual([
      [ann, 'in_progress'],
      [bob, 'enrolled'],
    ]);
    const mine = await t.listMyPlans.execute({ tenantId: TENANT, actor: anActor(ann), page: { limit: 10 } });
    expect(
      mine.items.map((p) => [
        p.plan?.title,
        p.planEnrollment.state,
        p.courses.map((c) => [c.course?.title, c.enrollmentState]),
      ]),
    ).toEqual([
      [
        'Onboarding',
        'in_progress',
        [
          ['First', 'enrolled'],
          ['Second', 'in_progress'],
        ],
      ],
      ['Refresher', 'in_progress', [['Second', 'in_progress']]],
    ]);
    expect(
      (await t.listMyPlans.execute({ tenantId: TENANT, actor: anActor(null), page: { limit: 10 } })).items,
    ).toEqual([]);
  });
});
