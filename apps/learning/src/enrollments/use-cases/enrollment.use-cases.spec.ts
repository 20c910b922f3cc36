import { randomUUID } from 'node:crypto';
import { newId, type DomainError } from '@lms/kernel';
import type { CourseDetails, CourseKind } from '../../courses/domain/course';
import {
  anActor,
  anAdministrator,
  aPowerUser,
  buildLearningTestbed,
  OTHER_TENANT,
  TENANT,
  type LearningTestbed,
} from '../../testing/learning-testbed';
import type { Enrollment } from '../domain/enrollment';

const DETAILS: CourseDetails = {
  title: 'Negotiation basics',
  description: null,
  enrollmentPolicy: 'free',
  overbookingAllowed: false,
  groupIds: [],
  material: [
    { title: 'Welcome', kind: 'video', url: 'https://media.example.com/w.mp4' },
    { title: 'Slides', kind: 'slides', url: 'https://media.example.com/s.pdf' },
  ],
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
  const learner = () => randomUUID();
  /** A published course (a second later than the one before). */
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
  /** A published instructor-led course with one session of `capacity`. */
  const session = async (capacity: number, details: Partial<CourseDetails> = {}) => {
    const ilt = await course(details, 'ilt');
    const created = await t.createSession.execute({
      tenantId: TENANT,
      id: ilt.id,
      actor: POWER,
      details: {
        startsAt: new Date('2026-04-01T09:00:00.000Z'),
        endsAt: new Date('2026-04-01T12:00:00.000Z'),
        place: 'Room 1',
        link: null,
        capacity,
      },
    });
    return { courseId: ilt.id, sessionId: created.id };
  };
  /** Enrolls `userId` a millisecond after the one before, so that creation order is the ids' order. */
  const enroll = (
    courseId: string,
    userId: string,
    options: { sessionId?: string; actor?: typeof ADMIN } = {},
  ) => {
    t.clock.advance(1);
    return t.createEnrollment.execute({
      tenantId: TENANT,
      actor: options.actor ?? ADMIN,
      courseId,
      userId,
      sessionId: options.sessionId,
    });
  };
  const stateOf = async (id: string) => (await t.enrollments.findById(TENANT, id))?.state;
  return { t, learner, course, session, enroll, stateOf };
}

function eventsOf(t: LearningTestbed, id: string) {
  return t.enrollments.outboxOf(id).map((entry) => ({
    topic: entry.topic,
    type: entry.envelope.type,
    version: entry.envelope.aggregateVersion,
    payload: entry.envelope.payload,
  }));
}

describe('CreateEnrollmentUseCase (LE-E1, LE-E2, LE-E3)', () => {
  it('given a free e-learning course, when an administrator enrolls a learner, then it is enrolled with enrollment.created carrying its full state', async () => {
    const { t, learner, course, enroll } = setUp();
    const elearning = await course();
    const userId = learner();

    const enrollment = await enroll(elearning.id, userId);

    expect(enrollment).toMatchObject({
      tenantId: TENANT,
      courseId: elearning.id,
      userId,
      state: 'enrolled',
      sessionId: null,
      version: 1,
    });
    expect(eventsOf(t, enrollment.id)).toEqual([
      {
        topic: 'learning.enrollments.v1',
        type: 'enrollment.created',
        version: 1,
        payload: {
          enrollmentId: enrollment.id,
          courseId: elearning.id,
          courseTitle: 'Negotiation basics',
          userId,
          sessionId: null,
          state: 'enrolled',
          previousState: null,
          updatedAt: t.clock.now().toISOString(),
        },
      },
    ]);
    expect(await codeOf(enroll(elearning.id, userId))).toBe('ENROLLMENT.ALREADY_EXISTS');
  });

  it('given an approval policy, then an e-learning learner waits and an instructor-led one is to be confirmed, taking no seat', async () => {
    const { t, learner, course, session, enroll } = setUp();
    const elearning = await course({ enrollmentPolicy: 'approval' });
    const ilt = await session(1, { enrollmentPolicy: 'approval' });

    expect((await enroll(elearning.id, learner())).state).toBe('waiting');
    expect((await enroll(ilt.courseId, learner(), { sessionId: ilt.sessionId })).state).toBe(
      'to_be_confirmed',
    );
    expect((await t.sessionSeats.find(TENANT, ilt.sessionId)).holders).toEqual([]);
  });

  it('given courses and sessions that do not fit, then each enrollment is refused with its code', async () => {
    const { learner, course, session, enroll } = setUp();
    const elearning = await course();
    const draft = await course({}, 'elearning', false);
    const ilt = await session(5);

    expect(await codeOf(enroll(ilt.courseId, learner()))).toBe('ENROLLMENT.SESSION_REQUIRED');
    expect(await codeOf(enroll(ilt.courseId, learner(), { sessionId: randomUUID() }))).toBe(
      'SESSION.NOT_FOUND',
    );
    expect(await codeOf(enroll(elearning.id, learner(), { sessionId: ilt.sessionId }))).toBe(
      'ENROLLMENT.SESSION_NOT_ALLOWED',
    );
    expect(await codeOf(enroll(draft.id, learner()))).toBe('ENROLLMENT.COURSE_NOT_PUBLISHED');
    expect(await codeOf(enroll(randomUUID(), learner()))).toBe('COURSE.NOT_FOUND');
  });

  it('given a learner, then it enrolls itself in a course of its catalog only, and nobody else', async () => {
    const { t, learner, course, enroll } = setUp();
    const userId = learner();
    const self = anActor(userId);
    const forEveryone = await course();
    const forAnotherGroup = await course({ groupIds: ['sales'] });
    const draft = await course({}, 'elearning', false);
    const approval = await course({ enrollmentPolicy: 'approval' });

    expect((await enroll(forEveryone.id, userId, { actor: self })).state).toBe('enrolled');
    expect((await enroll(approval.id, userId, { actor: self })).state).toBe('waiting');
    expect(await codeOf(enroll(forAnotherGroup.id, userId, { actor: self }))).toBe('COURSE.FORBIDDEN');
    expect(await codeOf(enroll(draft.id, userId, { actor: self }))).toBe('COURSE.FORBIDDEN');
    expect(await codeOf(enroll(forEveryone.id, learner(), { actor: self }))).toBe('ENROLLMENT.FORBIDDEN');
    expect(t.enrollments.allEvents()).toHaveLength(2);
  });

  it('given a session of capacity 2, then two learners are enrolled and the third waits', async () => {
    const { t, learner, session, enroll } = setUp();
    const ilt = await session(2);

    const states = [];
    for (let i = 0; i < 3; i++)
      states.push((await enroll(ilt.courseId, learner(), { sessionId: ilt.sessionId })).state);

    expect(states).toEqual(['enrolled', 'enrolled', 'waiting']);
    expect((await t.sessionSeats.find(TENANT, ilt.sessionId)).holders).toHaveLength(2);
  });

  it('given many learners enrolling at once in a session of capacity 3, then exactly 3 are enrolled and the rest wait', async () => {
    const { t, learner, session } = setUp();
    const ilt = await session(3);

    const all = await Promise.all(
      Array.from({ length: 12 }, () =>
        t.createEnrollment.execute({
          tenantId: TENANT,
          actor: ADMIN,
          courseId: ilt.courseId,
          userId: learner(),
          sessionId: ilt.sessionId,
        }),
      ),
    );

    expect(all.filter((e) => e.state === 'enrolled')).toHaveLength(3);
    expect(all.filter((e) => e.state === 'waiting')).toHaveLength(9);
    expect((await t.sessionSeats.find(TENANT, ilt.sessionId)).holders.sort()).toEqual(
      all
        .filter((e) => e.state === 'enrolled')
        .map((e) => e.id)
        .sort(),
    );
  });
});

describe('a seat freed (LE-E2)', () => {
  async function fullSession(waiting: number) {
    const s = setUp();
    const ilt = await s.session(1);
    const holder = await s.enroll(ilt.courseId, s.learner(), { sessionId: ilt.sessionId });
    const queue: Enrollment[] = [];
    for (let i = 0; i < waiting; i++)
      queue.push(await s.enroll(ilt.courseId, s.learner(), { sessionId: ilt.sessionId }));
    return { ...s, ilt, holder, queue };
  }

  it('given a full session with learners waiting, when the seat holder is unenrolled, then the oldest waiting learner, and only it, is enrolled', async () => {
    const { t, holder, queue, stateOf } = await fullSession(3);

    await t.deleteEnrollment.execute({ tenantId: TENANT, id: holder.id, actor: ADMIN });

    expect(await Promise.all(queue.map((e) => stateOf(e.id)))).toEqual(['enrolled', 'waiting', 'waiting']);
    expect(eventsOf(t, queue[0]?.id ?? '').map((e) => [e.type, e.payload])).toEqual([
      ['enrollment.created', expect.objectContaining({ state: 'waiting' })],
      ['enrollment.state-changed', expect.objectContaining({ state: 'enrolled', previousState: 'waiting' })],
    ]);
    expect(eventsOf(t, holder.id).map((e) => [e.type, e.version])).toEqual([
      ['enrollment.created', 1],
      ['enrollment.deleted', 2],
    ]);
    expect(
      await t.getEnrollment.execute({ tenantId: TENANT, id: queue[0]?.id ?? '', actor: ADMIN }),
    ).toMatchObject({ state: 'enrolled' });
  });

  it('given a seat left free while a learner waits (a crash between freeing and handing it on), when a newcomer enrolls, then the waiting learner gets the seat and the newcomer waits', async () => {
    const s = await fullSession(1);
    const { t, holder, queue, stateOf } = s;
    // The holder's seat was freed, and the process died before the waiting learner got it.
    await t.seats.free({ tenantId: TENANT, sessionId: s.ilt.sessionId, enrollmentId: holder.id });

    const newcomer = await s.enroll(s.ilt.courseId, s.learner(), { sessionId: s.ilt.sessionId });

    expect(await stateOf(queue[0]?.id ?? '')).toBe('enrolled');
    expect(newcomer.state).toBe('waiting');
  });

  it('given a seat taken for an enrollment that was never written (a crash), then a minute later the session gives it to the next learner', async () => {
    const s = setUp();
    const ilt = await s.session(1);
    const neverWritten = newId(s.t.clock.now());
    await s.t.seats.claim({ tenantId: TENANT, sessionId: ilt.sessionId, enrollmentId: neverWritten }, 1);

    const tooSoon = await s.enroll(ilt.courseId, s.learner(), { sessionId: ilt.sessionId });
    s.t.clock.advance(60_000);
    const later = await s.enroll(ilt.courseId, s.learner(), { sessionId: ilt.sessionId });

    expect(tooSoon.state).toBe('waiting');
    // The stray seat came back; the learner who waited longest took it, the newcomer waits.
    expect(await s.stateOf(tooSoon.id)).toBe('enrolled');
    expect(later.state).toBe('waiting');
    expect((await s.t.sessionSeats.find(TENANT, ilt.sessionId)).holders).toEqual([tooSoon.id]);
  });

  it('given a full session, when the holder is suspended, then its seat goes to the oldest waiting learner; moving it back needs a seat (409 ENROLLMENT.SESSION_FULL)', async () => {
    const { t, holder, queue, stateOf } = await fullSession(2);

    await t.changeEnrollmentState.execute({
      tenantId: TENANT,
      id: holder.id,
      actor: ADMIN,
      state: 'suspended',
    });

    expect(await stateOf(holder.id)).toBe('suspended');
    expect(await Promise.all(queue.map((e) => stateOf(e.id)))).toEqual(['enrolled', 'waiting']);
    expect(
      await codeOf(
        t.changeEnrollmentState.execute({ tenantId: TENANT, id: holder.id, actor: ADMIN, state: 'enrolled' }),
      ),
    ).toBe('ENROLLMENT.SESSION_FULL');
    expect(
      await codeOf(
        t.changeEnrollmentState.execute({
          tenantId: TENANT,
          id: queue[1]?.id ?? '',
          actor: ADMIN,
          state: 'in_progress',
        }),
      ),
    ).toBe('ENROLLMENT.SESSION_FULL');
  });

  it('given two seats freed at the same time, then two different waiting learners, the oldest two, are enrolled', async () => {
    const s = setUp();
    const ilt = await s.session(2);
    const holders = [
      await s.enroll(ilt.courseId, s.learner(), { sessionId: ilt.sessionId }),
      await s.enroll(ilt.courseId, s.learner(), { sessionId: ilt.sessionId }),
    ];
    const queue: Enrollment[] = [];
    for (let i = 0; i < 3; i++)
      queue.push(await s.enroll(ilt.courseId, s.learner(), { sessionId: ilt.sessionId }));

    await Promise.all(
      holders.map((h) => s.t.deleteEnrollment.execute({ tenantId: TENANT, id: h.id, actor: ADMIN })),
    );

    expect(await Promise.all(queue.map((e) => s.stateOf(e.id)))).toEqual(['enrolled', 'enrolled', 'waiting']);
    expect((await s.t.sessionSeats.find(TENANT, ilt.sessionId)).holders.sort()).toEqual(
      [queue[0]?.id, queue[1]?.id].sort(),
    );
  });
});

describe('ChangeEnrollmentStateUseCase (LE-E1)', () => {
  it('given an approval pending, when an administrator enrolls the learner, then enrollment.state-changed carries both states', async () => {
    const { t, learner, course, enroll } = setUp();
    const waiting = await enroll((await course({ enrollmentPolicy: 'approval' })).id, learner());

    const enrolled = await t.changeEnrollmentState.execute({
      tenantId: TENANT,
      id: waiting.id,
      actor: ADMIN,
      state: 'enrolled',
      expectedVersion: 1,
    });

    expect(enrolled).toMatchObject({ state: 'enrolled', version: 2 });
    expect(eventsOf(t, waiting.id)[1]).toMatchObject({
      type: 'enrollment.state-changed',
      version: 2,
      payload: { state: 'enrolled', previousState: 'waiting' },
    });
  });

  it('given moves that are not allowed, then each is refused with its code and nothing changes', async () => {
    const { t, learner, course, session, enroll } = setUp();
    const elearning = await enroll((await course()).id, learner());
    const ilt = await session(3);
    const seated = await enroll(ilt.courseId, learner(), { sessionId: ilt.sessionId });
    const change = (id: string, state: Enrollment['state'], actor = ADMIN, expectedVersion?: number) =>
      codeOf(
        t.changeEnrollmentState.execute({ tenantId: actor.tenantId, id, actor, state, expectedVersion }),
      );

    expect(await change(elearning.id, 'enrolled')).toBe('ENROLLMENT.TRANSITION_NOT_ALLOWED');
    expect(await change(seated.id, 'overbooking')).toBe('ENROLLMENT.OVERBOOKING_NOT_ALLOWED');
    expect(await change(elearning.id, 'suspended', ADMIN, 7)).toBe('REQUEST.STALE_VERSION');
    expect(await change(elearning.id, 'suspended', anActor(elearning.userId))).toBe('ENROLLMENT.FORBIDDEN');
    expect(await change(elearning.id, 'suspended', anAdministrator('admin', OTHER_TENANT))).toBe(
      'ENROLLMENT.NOT_FOUND',
    );
    expect(eventsOf(t, elearning.id)).toHaveLength(1);
    expect(
      (
        await t.changeEnrollmentState.execute({
          tenantId: TENANT,
          id: elearning.id,
          actor: ADMIN,
          state: 'overbooking',
        })
      ).state,
    ).toBe('overbooking');
  });
});

describe('reading and listing enrollments (LE-E1, LE-E3)', () => {
  it('given enrollments of two learners, then administrators see all, a learner its own, another tenant none', async () => {
    const { t, learner, course, enroll } = setUp();
    const c = await course();
    const [ann, bob] = [learner(), learner()];
    const annE = await enroll(c.id, ann);
    const bobE = await enroll(c.id, bob);
    const list = (actor: typeof ADMIN, filter = {}) =>
      t.listEnrollments
        .execute({ tenantId: actor.tenantId, actor, filter, page: { limit: 50 } })
        .then((p) => p.items.map((e) => e.id));

    expect(await list(ADMIN)).toEqual([annE.id, bobE.id]);
    expect(await list(ADMIN, { userId: bob })).toEqual([bobE.id]);
    expect(await list(ADMIN, { state: 'completed' })).toEqual([]);
    expect(await list(anActor(ann))).toEqual([annE.id]);
    expect(await list(anActor(ann), { userId: bob })).toEqual([]);
    expect(await list(anActor(null))).toEqual([]);
    expect(await t.getEnrollment.execute({ tenantId: TENANT, id: annE.id, actor: anActor(ann) })).toEqual(
      annE,
    );
    expect(
      await codeOf(t.getEnrollment.execute({ tenantId: TENANT, id: annE.id, actor: anActor(bob) })),
    ).toBe('ENROLLMENT.FORBIDDEN');
    expect(
      await codeOf(
        t.getEnrollment.execute({
          tenantId: OTHER_TENANT,
          id: annE.id,
          actor: anAdministrator('x', OTHER_TENANT),
        }),
      ),
    ).toBe('ENROLLMENT.NOT_FOUND');
  });

  it('given a learner unenrolling itself, then the enrollment is gone and it may enroll again', async () => {
    const { t, learner, course, enroll } = setUp();
    const c = await course();
    const ann = learner();
    const first = await enroll(c.id, ann);

    expect(
      await codeOf(t.deleteEnrollment.execute({ tenantId: TENANT, id: first.id, actor: anActor(learner()) })),
    ).toBe('ENROLLMENT.FORBIDDEN');
    await t.deleteEnrollment.execute({
      tenantId: TENANT,
      id: first.id,
      actor: anActor(ann),
      expectedVersion: 1,
    });

    expect(await codeOf(t.getEnrollment.execute({ tenantId: TENANT, id: first.id, actor: ADMIN }))).toBe(
      'ENROLLMENT.NOT_FOUND',
    );
    expect((await enroll(c.id, ann)).state).toBe('enrolled');
  });
});

describe('RecordProgressUseCase and ListMyCoursesUseCase (LE-E1, LE-E4)', () => {
  it('given an enrolled learner, when it opens the course and completes every item, then it is in progress, then completed, and its first access is announced once', async () => {
    const { t, learner, course, enroll } = setUp();
    const c = await course();
    const ann = learner();
    const e = await enroll(c.id, ann);
    const step = (s: { kind: 'open' } | { kind: 'complete_material'; index: number }) =>
      t.recordProgress.execute({ tenantId: TENANT, actor: anActor(ann), courseId: c.id, step: s });

    expect((await step({ kind: 'open' })).state).toBe('in_progress');
    expect((await step({ kind: 'open' })).version).toBe(2);
    expect((await step({ kind: 'complete_material', index: 1 })).state).toBe('in_progress');
    expect(await codeOf(step({ kind: 'complete_material', index: 2 }))).toBe('ENROLLMENT.MATERIAL_NOT_FOUND');
    expect(await step({ kind: 'complete_material', index: 0 })).toMatchObject({
      state: 'completed',
      completedMaterial: [0, 1],
      version: 4,
    });

    expect(eventsOf(t, e.id).map((x) => [x.topic, x.type])).toEqual([
      ['learning.enrollments.v1', 'enrollment.created'],
      ['learning.enrollments.v1', 'enrollment.state-changed'],
      ['learning.course-progress.v1', 'course.first-accessed'],
      ['learning.enrollments.v1', 'enrollment.state-changed'],
    ]);
    expect(eventsOf(t, e.id)[2]?.payload).toEqual({
      userId: ann,
      courseId: c.id,
      accessedAt: t.clock.now().toISOString(),
    });
  });

  it('given learners without access or not enrolled, then opening is refused with a code for each', async () => {
    const { t, learner, course, enroll } = setUp();
    const c = await course();
    const open = async (state: Enrollment['state'] | null) => {
      const userId = learner();
      if (state) {
        const e = await enroll(c.id, userId);
        if (state !== 'enrolled')
          await t.changeEnrollmentState.execute({ tenantId: TENANT, id: e.id, actor: ADMIN, state });
      }
      return codeOf(
        t.recordProgress.execute({
          tenantId: TENANT,
          actor: anActor(userId),
          courseId: c.id,
          step: { kind: 'open' },
        }),
      );
    };

    expect(await open('waiting')).toBe('ENROLLMENT.WAITING');
    expect(await open('suspended')).toBe('ENROLLMENT.SUSPENDED');
    expect(await open('overbooking')).toBe('ENROLLMENT.OVERBOOKED');
    expect(await open(null)).toBe('ENROLLMENT.NOT_FOUND');
  });

  it("given a learner's enrollments, then its courses show title, kind, state and what it may do", async () => {
    const { t, learner, course, session, enroll } = setUp();
    const ann = learner();
    const c = await course({ title: 'Online' });
    const ilt = await session(1, { enrollmentPolicy: 'approval', title: 'Workshop' });
    await enroll(c.id, ann);
    await enroll(ilt.courseId, ann, { sessionId: ilt.sessionId });

    const mine = await t.listMyCourses.execute({
      tenantId: TENANT,
      actor: anActor(ann),
      page: { limit: 50 },
    });

    expect(mine.items.map((m) => [m.course?.title, m.course?.kind, m.enrollment.state, m.access])).toEqual([
      ['Online', 'elearning', 'enrolled', { open: true, seeMaterial: true, attend: false }],
      ['Workshop', 'ilt', 'to_be_confirmed', { open: true, seeMaterial: true, attend: false }],
    ]);
    expect(
      (await t.listMyCourses.execute({ tenantId: TENANT, actor: anActor(null), page: { limit: 50 } })).items,
    ).toEqual([]);
  });
});
