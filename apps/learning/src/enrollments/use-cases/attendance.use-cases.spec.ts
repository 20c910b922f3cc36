import { randomUUID } from 'node:crypto';
import type { DomainError } from '@lms/kernel';
import type { CourseDetails, CourseKind } from '../../courses/domain/course';
import { EnrollmentEventsConsumer } from '../../plans/enrollment-events.consumer';
import {
  anActor,
  anAdministrator,
  aPowerUser,
  buildLearningTestbed,
  OTHER_TENANT,
  TENANT,
} from '../../testing/learning-testbed';
import type { CourseActor } from '../../courses/domain/course-access';

const DETAILS: CourseDetails = {
  title: 'Negotiation workshop',
  description: null,
  enrollmentPolicy: 'free',
  overbookingAllowed: false,
  groupIds: [],
  material: [{ title: 'Slides', kind: 'slides', url: 'https://media.example.com/s.pdf' }],
};
const ADMIN = anAdministrator('admin');
const POWER = aPowerUser('power');
const STARTS = '2026-04-01T09:00:00.000Z';
const DURING = '2026-04-01T10:00:00.000Z';

/** The refusal a promise ends with: its code and details. */
async function refusalOf(promise: Promise<unknown>): Promise<{ code: string; details?: unknown }> {
  try {
    await promise;
  } catch (error) {
    const { code, details } = error as DomainError;
    return { code, details };
  }
  throw new Error('expected a refusal');
}
const codeOf = async (promise: Promise<unknown>) => (await refusalOf(promise)).code;

function setUp() {
  const t = buildLearningTestbed();
  const teacher = anActor(randomUUID());
  /** A published course (a second later than the one before). */
  const course = async (kind: CourseKind = 'ilt', details: Partial<CourseDetails> = {}) => {
    t.clock.advance(1_000);
    const created = await t.createCourse.execute({
      tenantId: TENANT,
      actor: POWER,
      kind,
      details: { ...DETAILS, ...details },
    });
    return t.changeState.execute({ tenantId: TENANT, id: created.id, actor: POWER, transition: 'publish' });
  };
  /** A session of the course starting at `startsAt`, for 3 hours. */
  const session = async (courseId: string, startsAt = STARTS) => {
    const start = new Date(startsAt);
    return t.createSession.execute({
      tenantId: TENANT,
      id: courseId,
      actor: POWER,
      details: {
        startsAt: start,
        endsAt: new Date(start.getTime() + 3 * 3_600_000),
        place: 'Room 1',
        link: null,
        capacity: 10,
      },
    });
  };
  /** `userId` made an instructor of the course. */
  const instructorOf = (courseId: string, userId: string) =>
    t.grantCourseRole.execute({ tenantId: TENANT, id: courseId, actor: POWER, userId, role: 'instructor' });
  /** A published instructor-led course taught by `teacher`, with one session. */
  const taughtCourse = async (details: Partial<CourseDetails> = {}) => {
    const ilt = await course('ilt', details);
    const created = await session(ilt.id);
    await instructorOf(ilt.id, teacher.userId as string);
    return { courseId: ilt.id, sessionId: created.id };
  };
  const enroll = (courseId: string, sessionId?: string, userId = randomUUID()) => {
    t.clock.advance(1);
    return t.createEnrollment.execute({ tenantId: TENANT, actor: ADMIN, courseId, userId, sessionId });
  };
  const mark = (
    id: string,
    attended: boolean,
    options: {
      actor?: CourseActor;
      grade?: number;
      note?: string;
      expectedVersion?: number;
      tenantId?: string;
    } = {},
  ) =>
    t.markAttendance.execute({
      tenantId: options.tenantId ?? TENANT,
      id,
      actor: options.actor ?? teacher,
      attended,
      grade: options.grade ?? null,
      note: options.note ?? null,
      expectedVersion: options.expectedVersion,
    });
  const eventsOf = (id: string) =>
    t.enrollments.outboxOf(id).map((entry) => ({
      topic: entry.topic,
      type: entry.envelope.type,
      version: entry.envelope.aggregateVersion,
      payload: entry.envelope.payload,
    }));
  return { t, teacher, course, session, instructorOf, taughtCourse, enroll, mark, eventsOf };
}

describe('MarkAttendanceUseCase (LE-C2, LE-E1)', () => {
  it('given a learner enrolled in a session that started, when its instructor marks it attended with a grade, then it is completed with enrollment.state-changed, and the same mark again changes nothing', async () => {
    const { t, teacher, taughtCourse, enroll, mark, eventsOf } = setUp();
    const { courseId, sessionId } = await taughtCourse();
    const enrolled = await enroll(courseId, sessionId);
    t.clock.set(DURING);

    const attended = await mark(enrolled.id, true, { grade: 87, note: ' Led the role play ' });

    expect(attended).toMatchObject({
      state: 'completed',
      attendance: 'attended',
      grade: 87,
      note: 'Led the role play',
      attendanceMarkedAt: new Date(DURING),
      attendanceMarkedBy: teacher.userId,
      firstAccessedAt: new Date(DURING),
      version: 2,
    });
    expect(await t.enrollments.findById(TENANT, enrolled.id)).toEqual(attended);
    expect(eventsOf(enrolled.id)).toEqual([
      expect.objectContaining({ type: 'enrollment.created' }),
      {
        topic: 'learning.enrollments.v1',
        type: 'enrollment.state-changed',
        version: 2,
        payload: {
          enrollmentId: enrolled.id,
          courseId,
          courseTitle: 'Negotiation workshop',
          userId: enrolled.userId,
          sessionId,
          state: 'completed',
          previousState: 'enrolled',
          attendance: 'attended',
          grade: 87,
          updatedAt: DURING,
        },
      },
    ]);
    // The learner did not open the course itself: no first access is announced (LE-E4).
    expect(t.enrollments.allEvents().filter((e) => e.topic !== 'learning.enrollments.v1')).toEqual([]);

    t.clock.advance(60_000);
    expect(await mark(enrolled.id, true, { grade: 87, note: 'Led the role play' })).toEqual(attended);
    expect(eventsOf(enrolled.id)).toHaveLength(2);
  });

  it('given a learner marked attended by mistake, when corrected to absent, then it is enrolled again, one version and one event more', async () => {
    const { t, taughtCourse, enroll, mark, eventsOf } = setUp();
    const { courseId, sessionId } = await taughtCourse();
    const enrolled = await enroll(courseId, sessionId);
    t.clock.set(DURING);
    await mark(enrolled.id, true, { expectedVersion: 1 });

    const corrected = await mark(enrolled.id, false, { expectedVersion: 2 });

    expect(corrected).toMatchObject({
      state: 'enrolled',
      attendance: 'absent',
      firstAccessedAt: null,
      version: 3,
    });
    expect(eventsOf(enrolled.id).map((e) => [e.type, (e.payload as { state: string }).state])).toEqual([
      ['enrollment.created', 'enrolled'],
      ['enrollment.state-changed', 'completed'],
      ['enrollment.state-changed', 'enrolled'],
    ]);
    expect(await codeOf(mark(enrolled.id, true, { expectedVersion: 2 }))).toBe('REQUEST.STALE_VERSION');
  });

  it("given the course's instructor, administrators and power users, then each marks; a learner, the author and another course's instructor are refused", async () => {
    const { t, course, session, instructorOf, taughtCourse, enroll, mark } = setUp();
    const { courseId, sessionId } = await taughtCourse();
    const learner = await enroll(courseId, sessionId);
    const other = await course('ilt');
    await session(other.id);
    const otherTeacher = anActor(randomUUID());
    await instructorOf(other.id, otherTeacher.userId as string);
    t.clock.set(DURING);

    for (const actor of [anActor(learner.userId), otherTeacher, anActor('power'), anActor(randomUUID())])
      expect(await refusalOf(mark(learner.id, true, { actor }))).toEqual({
        code: 'ENROLLMENT.FORBIDDEN',
        details: { enrollmentId: learner.id },
      });
    expect((await mark(learner.id, true, { actor: ADMIN })).state).toBe('completed');
    expect((await mark(learner.id, false, { actor: POWER })).state).toBe('enrolled');
    expect(await codeOf(mark(randomUUID(), true))).toBe('ENROLLMENT.NOT_FOUND');
    expect(
      await codeOf(
        mark(learner.id, true, { actor: anAdministrator('admin', OTHER_TENANT), tenantId: OTHER_TENANT }),
      ),
    ).toBe('ENROLLMENT.NOT_FOUND');
  });

  it('given a session that has not started yet, then attendance is refused until its start', async () => {
    const { t, taughtCourse, enroll, mark } = setUp();
    const { courseId, sessionId } = await taughtCourse();
    const learner = await enroll(courseId, sessionId);
    t.clock.set(new Date(new Date(STARTS).getTime() - 1));

    expect(await refusalOf(mark(learner.id, true))).toEqual({
      code: 'ENROLLMENT.SESSION_NOT_STARTED',
      details: { sessionId, startsAt: STARTS },
    });
    t.clock.set(STARTS);
    expect((await mark(learner.id, true)).state).toBe('completed');
  });

  it('given learners who may not attend, an e-learning course or a bad grade, then each is refused with its code and nothing is written', async () => {
    const { t, teacher, course, instructorOf, taughtCourse, enroll, mark, eventsOf } = setUp();
    const free = await taughtCourse();
    const approval = await taughtCourse({ enrollmentPolicy: 'approval' });
    const toBeConfirmed = await enroll(approval.courseId, approval.sessionId);
    const suspended = await enroll(free.courseId, free.sessionId);
    await t.changeEnrollmentState.execute({
      tenantId: TENANT,
      id: suspended.id,
      actor: ADMIN,
      state: 'suspended',
    });
    const elearning = await course('elearning');
    await instructorOf(elearning.id, teacher.userId as string);
    const selfPaced = await enroll(elearning.id);
    t.clock.set(DURING);

    expect(await refusalOf(mark(toBeConfirmed.id, true))).toEqual({
      code: 'ENROLLMENT.CANNOT_ATTEND',
      details: { enrollmentId: toBeConfirmed.id, state: 'to_be_confirmed' },
    });
    expect(await refusalOf(mark(suspended.id, false))).toMatchObject({
      code: 'ENROLLMENT.CANNOT_ATTEND',
      details: { state: 'suspended' },
    });
    expect(await codeOf(mark(selfPaced.id, true))).toBe('ENROLLMENT.NOT_ILT');
    const learner = await enroll(free.courseId, free.sessionId);
    expect(await codeOf(mark(learner.id, true, { grade: 101 }))).toBe('ENROLLMENT.ATTENDANCE_INVALID');
    expect(await codeOf(mark(learner.id, true, { note: 'x'.repeat(501) }))).toBe(
      'ENROLLMENT.ATTENDANCE_INVALID',
    );
    for (const id of [toBeConfirmed.id, selfPaced.id, learner.id]) expect(eventsOf(id)).toHaveLength(1);
  });

  it('given a learner attended in its session, then the learner sees it in its courses, and opening the course later is its first access', async () => {
    const { t, taughtCourse, enroll, mark } = setUp();
    const { courseId, sessionId } = await taughtCourse();
    const learner = await enroll(courseId, sessionId);
    t.clock.set(DURING);
    await mark(learner.id, true, { grade: 90 });

    const mine = await t.listMyCourses.execute({
      tenantId: TENANT,
      actor: anActor(learner.userId),
      page: { limit: 10 },
    });
    expect(mine.items.map((c) => [c.enrollment.state, c.enrollment.attendance, c.enrollment.grade])).toEqual([
      ['completed', 'attended', 90],
    ]);

    t.clock.advance(60_000);
    const opened = await t.recordProgress.execute({
      tenantId: TENANT,
      actor: anActor(learner.userId),
      courseId,
      step: { kind: 'open' },
    });
    expect(opened).toMatchObject({ state: 'completed', version: 3 });
    expect(t.enrollments.outboxOf(learner.id).map((e) => e.envelope.type)).toEqual([
      'enrollment.created',
      'enrollment.state-changed',
      'course.first-accessed',
    ]);
  });
});

describe('ListSessionAttendanceUseCase (LE-C2)', () => {
  it("given a session's learners, then its instructor lists them with their attendance, the session's only; others are refused", async () => {
    const { t, teacher, session, course, taughtCourse, enroll, mark } = setUp();
    const { courseId, sessionId } = await taughtCourse();
    const later = await session(courseId, '2026-05-01T09:00:00.000Z');
    const first = await enroll(courseId, sessionId);
    const second = await enroll(courseId, sessionId);
    await enroll(courseId, later.id);
    t.clock.set(DURING);
    await mark(first.id, true, { grade: 70 });
    const list = (actor: CourseActor, options: { course?: string; session?: string; limit?: number } = {}) =>
      t.listSessionAttendance.execute({
        tenantId: TENANT,
        actor,
        courseId: options.course ?? courseId,
        sessionId: options.session ?? sessionId,
        page: { limit: options.limit ?? 10 },
      });

    const page = await list(teacher);

    expect(page.items.map((e) => [e.id, e.attendance, e.grade])).toEqual([
      [first.id, 'attended', 70],
      [second.id, null, null],
    ]);
    expect((await list(ADMIN, { limit: 1 })).nextCursor).toEqual(expect.any(String));
    expect(await codeOf(list(anActor(first.userId)))).toBe('ENROLLMENT.FORBIDDEN');
    expect(await codeOf(list(teacher, { session: randomUUID() }))).toBe('SESSION.NOT_FOUND');
    expect(await codeOf(list(teacher, { course: randomUUID() }))).toBe('COURSE.NOT_FOUND');
    const elearning = await course('elearning');
    expect(await codeOf(list(POWER, { course: elearning.id }))).toBe('SESSION.COURSE_NOT_ILT');
  });
});

describe('a plan and its instructor-led course (LE-P1)', () => {
  it('given a learner in a plan of an e-learning and an instructor-led course, when it completes the first and is marked attended in the second, then the plan is completed through the enrollment events', async () => {
    const { t, course, taughtCourse, mark } = setUp();
    const elearning = await course('elearning');
    const { courseId: ilt } = await taughtCourse();
    const plan = await t.createPlan.execute({
      tenantId: TENANT,
      actor: POWER,
      details: { title: 'Onboarding', description: null, courseIds: [elearning.id, ilt] },
    });
    const userId = randomUUID();
    await t.enrollInPlan.execute({ tenantId: TENANT, actor: ADMIN, planId: plan.id, userId });
    const consumer = new EnrollmentEventsConsumer(t.refreshPlanStates);
    let delivered = 0;
    const deliver = async () => {
      const all = t.enrollments.allEvents().filter((e) => e.topic === 'learning.enrollments.v1');
      await consumer.onEnrollmentEvents(all.slice(delivered).map((e) => e.envelope) as never);
      delivered = all.length;
    };
    const planState = async () => (await t.planEnrollments.findOf(TENANT, plan.id, userId))?.state;
    await t.recordProgress.execute({
      tenantId: TENANT,
      actor: anActor(userId),
      courseId: elearning.id,
      step: { kind: 'complete_material', index: 0 },
    });
    await deliver();
    expect(await planState()).toBe('in_progress');

    t.clock.set(DURING);
    const enrollment = await t.enrollments.findOf(TENANT, ilt, userId);
    await mark(enrollment?.id ?? '', true);
    await deliver();

    expect(await planState()).toBe('completed');
  });
});
