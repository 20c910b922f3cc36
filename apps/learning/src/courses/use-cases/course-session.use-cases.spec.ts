import type { DomainError } from '@lms/kernel';
import type { CourseKind } from '../domain/course';
import type { SessionDetails } from '../domain/course-session';
import {
  anActor,
  anAdministrator,
  aPowerUser,
  buildLearningTestbed,
  OTHER_TENANT,
  TENANT,
} from '../../testing/learning-testbed';

const ADMIN = anAdministrator('admin');
const AUTHOR = aPowerUser('author');
const LEARNER = anActor('learner');
const DAY: SessionDetails = {
  startsAt: new Date('2027-01-15T09:00:00.000Z'),
  endsAt: new Date('2027-01-15T17:00:00.000Z'),
  place: 'Milan office, room 4',
  link: null,
  capacity: 12,
};

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as DomainError).code;
  }
  throw new Error('expected a refusal');
}

async function setUp(kind: CourseKind = 'ilt') {
  const t = buildLearningTestbed();
  const course = await t.createCourse.execute({
    tenantId: TENANT,
    actor: AUTHOR,
    kind,
    details: {
      title: 'Negotiation workshop',
      description: null,
      enrollmentPolicy: 'approval',
      overbookingAllowed: false,
      groupIds: [],
      material: [],
    },
  });
  const schedule = (details: Partial<SessionDetails> = {}, actor = AUTHOR) =>
    t.createSession.execute({ tenantId: TENANT, id: course.id, actor, details: { ...DAY, ...details } });
  return { t, course, schedule };
}

describe('sessions of an instructor-led course (LE-C1)', () => {
  it('given the author, when it schedules sessions, then they are listed soonest first', async () => {
    const { t, course, schedule } = await setUp();

    const later = await schedule({
      startsAt: new Date('2027-02-01T09:00:00Z'),
      endsAt: new Date('2027-02-01T12:00:00Z'),
    });
    const sooner = await schedule({ place: null, link: 'https://meet.example.com/n' });
    const page = await t.listSessions.execute({
      tenantId: TENANT,
      id: course.id,
      actor: ADMIN,
      page: { limit: 50 },
    });

    expect(sooner).toMatchObject({
      courseId: course.id,
      tenantId: TENANT,
      place: null,
      capacity: 12,
      version: 1,
    });
    expect(page.items.map((s) => s.id)).toEqual([sooner.id, later.id]);
  });

  it('given an e-learning course, then sessions are refused with their own code, read or written', async () => {
    const { t, course, schedule } = await setUp('elearning');

    expect(await codeOf(schedule())).toBe('SESSION.COURSE_NOT_ILT');
    expect(
      await codeOf(
        t.listSessions.execute({ tenantId: TENANT, id: course.id, actor: ADMIN, page: { limit: 50 } }),
      ),
    ).toBe('SESSION.COURSE_NOT_ILT');
  });

  it.each<[string, Partial<SessionDetails>]>([
    ['ending before it starts', { endsAt: new Date('2027-01-15T08:00:00Z') }],
    ['held nowhere', { place: null, link: null }],
    ['without seats', { capacity: 0 }],
  ])('given a session %s, then it is refused as invalid', async (_case, details) => {
    const { schedule } = await setUp();
    expect(await codeOf(schedule(details))).toBe('SESSION.INVALID');
  });

  it('given a learner, then it schedules nothing; once the course is published, it reads the sessions', async () => {
    const { t, course, schedule } = await setUp();
    await schedule();

    expect(await codeOf(schedule({}, LEARNER))).toBe('COURSE.FORBIDDEN');
    expect(
      await codeOf(
        t.listSessions.execute({ tenantId: TENANT, id: course.id, actor: LEARNER, page: { limit: 50 } }),
      ),
    ).toBe('COURSE.FORBIDDEN');
    await t.changeState.execute({ tenantId: TENANT, id: course.id, actor: AUTHOR, transition: 'publish' });
    expect(
      (await t.listSessions.execute({ tenantId: TENANT, id: course.id, actor: LEARNER, page: { limit: 50 } }))
        .items,
    ).toHaveLength(1);
  });

  it('given a session, when rescheduled at the version read, then it changes; at a stale version it is refused (412)', async () => {
    const { t, course, schedule } = await setUp();
    const session = await schedule();
    const edit = (patch: Partial<SessionDetails>, expectedVersion?: number) =>
      t.editSession.execute({
        tenantId: TENANT,
        id: course.id,
        sessionId: session.id,
        actor: AUTHOR,
        expectedVersion,
        patch,
      });

    const moved = await edit({ capacity: 30, link: 'https://meet.example.com/n' }, 1);

    expect(moved).toMatchObject({
      capacity: 30,
      link: 'https://meet.example.com/n',
      place: DAY.place,
      version: 2,
    });
    expect(await codeOf(edit({ capacity: 5 }, 1))).toBe('REQUEST.STALE_VERSION');
    expect(await codeOf(edit({ place: null, link: null }))).toBe('SESSION.INVALID');
    expect(
      await codeOf(
        t.editSession.execute({
          tenantId: TENANT,
          id: course.id,
          sessionId: course.id,
          actor: AUTHOR,
          patch: {},
        }),
      ),
    ).toBe('SESSION.NOT_FOUND');
  });

  it('given a session, when cancelled, then it is gone; another tenant finds no course', async () => {
    const { t, course, schedule } = await setUp();
    const session = await schedule();

    expect(
      await codeOf(
        t.deleteSession.execute({
          tenantId: OTHER_TENANT,
          id: course.id,
          sessionId: session.id,
          actor: anAdministrator('x', OTHER_TENANT),
        }),
      ),
    ).toBe('COURSE.NOT_FOUND');
    await t.deleteSession.execute({
      tenantId: TENANT,
      id: course.id,
      sessionId: session.id,
      actor: ADMIN,
      expectedVersion: 1,
    });

    expect(await t.sessions.findById(TENANT, course.id, session.id)).toBeNull();
  });

  it('given a session scheduled, moved, resized and cancelled, then each change publishes its event with the full state, keyed by tenant and session', async () => {
    const { t, course, schedule } = await setUp();
    const session = await schedule({ link: 'https://meet.example.com/n' });
    const target = { tenantId: TENANT, id: course.id, sessionId: session.id, actor: AUTHOR };
    t.clock.advance(60_000);
    await t.editSession.execute({
      ...target,
      patch: { startsAt: new Date('2027-01-16T09:00:00.000Z'), endsAt: new Date('2027-01-16T17:00:00.000Z') },
    });
    await t.editSession.execute({ ...target, patch: { capacity: 20 } });
    await t.editSession.execute({ ...target, patch: { capacity: 20 } });
    await t.deleteSession.execute({ ...target, expectedVersion: 3 });

    const outbox = t.sessions.outboxOf(session.id);
    expect(outbox.map((e) => [e.envelope.type, e.envelope.aggregateVersion, e.key])).toEqual([
      ['course-session.scheduled', 1, `${TENANT}:${session.id}`],
      ['course-session.rescheduled', 2, `${TENANT}:${session.id}`],
      ['course-session.updated', 3, `${TENANT}:${session.id}`],
      ['course-session.cancelled', 4, `${TENANT}:${session.id}`],
    ]);
    expect(outbox[0]?.envelope.payload).toEqual({
      sessionId: session.id,
      courseId: course.id,
      courseTitle: 'Negotiation workshop',
      startsAt: '2027-01-15T09:00:00.000Z',
      endsAt: '2027-01-15T17:00:00.000Z',
      place: DAY.place,
      link: 'https://meet.example.com/n',
      capacity: 12,
      updatedAt: session.updatedAt.toISOString(),
    });
    expect(outbox[1]?.envelope.payload).toMatchObject({
      startsAt: '2027-01-16T09:00:00.000Z',
      endsAt: '2027-01-16T17:00:00.000Z',
      previousStartsAt: '2027-01-15T09:00:00.000Z',
      previousEndsAt: '2027-01-15T17:00:00.000Z',
      previousPlace: DAY.place,
      previousLink: 'https://meet.example.com/n',
    });
    expect(outbox[3]?.envelope.payload).toMatchObject({ capacity: 20, startsAt: '2027-01-16T09:00:00.000Z' });
  });

  it('given an archived course, then its sessions no longer change', async () => {
    const { t, course, schedule } = await setUp();
    await t.changeState.execute({ tenantId: TENANT, id: course.id, actor: AUTHOR, transition: 'publish' });
    await t.changeState.execute({ tenantId: TENANT, id: course.id, actor: AUTHOR, transition: 'archive' });

    expect(await codeOf(schedule())).toBe('COURSE.ARCHIVED');
  });
});
