import type { DomainError } from '@lms/kernel';
import type { CourseDetails, CourseKind } from '../domain/course';
import {
  anActor,
  anAdministrator,
  aPowerUser,
  buildLearningTestbed,
  OTHER_TENANT,
  TENANT,
  type LearningTestbed,
} from '../../testing/learning-testbed';

const DETAILS: CourseDetails = {
  title: 'Negotiation basics',
  description: null,
  enrollmentPolicy: 'free',
  overbookingAllowed: false,
  groupIds: [],
  material: [],
};
const ADMIN = anAdministrator('admin');
const AUTHOR = aPowerUser('author');
const LEARNER = anActor('learner');

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
  /** One course a second later than the one before, so that creation order is the ids' order. */
  const create = (details: Partial<CourseDetails> = {}, kind: CourseKind = 'elearning', actor = AUTHOR) => {
    t.clock.advance(1_000);
    return t.createCourse.execute({ tenantId: TENANT, actor, kind, details: { ...DETAILS, ...details } });
  };
  const publish = (id: string, actor = AUTHOR) =>
    t.changeState.execute({ tenantId: TENANT, id, actor, transition: 'publish' });
  return { t, create, publish };
}

function eventsOf(t: LearningTestbed, id: string) {
  return t.courses.outboxOf(id).map((entry) => ({
    type: entry.envelope.type,
    version: entry.envelope.aggregateVersion,
    payload: entry.envelope.payload,
    key: entry.key,
    topic: entry.topic,
  }));
}

describe('CreateCourseUseCase (LE-C1)', () => {
  it('given a power user, when it creates a course, then it is a draft of which it is the author, and nothing is published', async () => {
    const { t, create } = setUp();

    const course = await create({ title: ' Negotiation basics ', groupIds: ['g1'] }, 'ilt');

    expect(course).toMatchObject({
      tenantId: TENANT,
      kind: 'ilt',
      state: 'draft',
      authorId: 'author',
      title: 'Negotiation basics',
      groupIds: ['g1'],
      version: 1,
      createdAt: t.clock.now(),
    });
    expect(await t.courses.findById(TENANT, course.id)).toEqual(course);
    expect(t.courses.allEvents()).toEqual([]);
  });

  it('given a plain user, when it creates a course, then it is refused and nothing is stored', async () => {
    const { t, create } = setUp();

    expect(await codeOf(create({}, 'elearning', LEARNER))).toBe('COURSE.FORBIDDEN');
    expect(
      (await t.listCourses.execute({ tenantId: TENANT, actor: ADMIN, filter: {}, page: { limit: 50 } }))
        .items,
    ).toEqual([]);
  });

  it('given overbooking on an instructor-led course, then it is refused with its own code; on e-learning it is kept', async () => {
    const { create } = setUp();

    expect(await codeOf(create({ overbookingAllowed: true }, 'ilt'))).toBe('COURSE.OVERBOOKING_NOT_ALLOWED');
    expect(await create({ overbookingAllowed: true }, 'elearning')).toMatchObject({
      overbookingAllowed: true,
    });
  });

  it('given a blank title, then it is refused as invalid', async () => {
    const { create } = setUp();
    expect(await codeOf(create({ title: '  ' }))).toBe('COURSE.INVALID');
  });
});

describe('publishing and archiving (LE-C1)', () => {
  it('given a draft, when published, then course.published carries its state at its new version, keyed by tenant and course', async () => {
    const { t, create, publish } = setUp();
    const draft = await create();
    t.clock.advance(60_000);

    const published = await publish(draft.id);

    expect(published).toMatchObject({ state: 'published', version: 2, updatedAt: t.clock.now() });
    expect(eventsOf(t, draft.id)).toEqual([
      {
        type: 'course.published',
        version: 2,
        topic: 'learning.courses.v1',
        key: `${TENANT}:${draft.id}`,
        payload: {
          courseId: draft.id,
          title: 'Negotiation basics',
          kind: 'elearning',
          state: 'published',
          updatedAt: t.clock.now().toISOString(),
        },
      },
    ]);
  });

  it('given a published course, when archived, then course.archived follows; archiving again or publishing it is a conflict', async () => {
    const { t, create, publish } = setUp();
    const course = await create();
    await publish(course.id);

    const archived = await t.changeState.execute({
      tenantId: TENANT,
      id: course.id,
      actor: ADMIN,
      transition: 'archive',
    });

    expect(archived).toMatchObject({ state: 'archived', version: 3 });
    expect(eventsOf(t, course.id).map((e) => [e.type, e.version])).toEqual([
      ['course.published', 2],
      ['course.archived', 3],
    ]);
    expect(await codeOf(publish(course.id))).toBe('COURSE.TRANSITION_NOT_ALLOWED');
    expect(
      await codeOf(
        t.changeState.execute({ tenantId: TENANT, id: course.id, actor: ADMIN, transition: 'archive' }),
      ),
    ).toBe('COURSE.TRANSITION_NOT_ALLOWED');
  });

  it('given a draft, when archived, then it is refused as an illegal move and stays a draft', async () => {
    const { t, create } = setUp();
    const draft = await create();

    expect(
      await codeOf(
        t.changeState.execute({ tenantId: TENANT, id: draft.id, actor: AUTHOR, transition: 'archive' }),
      ),
    ).toBe('COURSE.TRANSITION_NOT_ALLOWED');
    expect(await t.courses.findById(TENANT, draft.id)).toMatchObject({ state: 'draft', version: 1 });
  });

  it('given a stale If-Match, then nothing moves (412)', async () => {
    const { t, create } = setUp();
    const draft = await create();

    expect(
      await codeOf(
        t.changeState.execute({
          tenantId: TENANT,
          id: draft.id,
          actor: AUTHOR,
          transition: 'publish',
          expectedVersion: 7,
        }),
      ),
    ).toBe('REQUEST.STALE_VERSION');
    expect(t.courses.allEvents()).toEqual([]);
  });

  it('given a learner or another tenant, then publishing is refused (403) or the course is not found (404)', async () => {
    const { t, create, publish } = setUp();
    const draft = await create();

    expect(await codeOf(publish(draft.id, LEARNER))).toBe('COURSE.FORBIDDEN');
    expect(
      await codeOf(
        t.changeState.execute({
          tenantId: OTHER_TENANT,
          id: draft.id,
          actor: anAdministrator('other', OTHER_TENANT),
          transition: 'publish',
        }),
      ),
    ).toBe('COURSE.NOT_FOUND');
  });
});

describe('EditCourseUseCase (LE-C1)', () => {
  it('given the author of a draft, when it edits it, then the details change at the next version and nothing is published', async () => {
    const { t, create } = setUp();
    const draft = await create();
    const material = [{ title: 'Welcome', kind: 'video' as const, url: 'https://media.example.com/w.mp4' }];

    const edited = await t.editCourse.execute({
      tenantId: TENANT,
      id: draft.id,
      actor: AUTHOR,
      expectedVersion: 1,
      patch: { title: 'Negotiation, the basics', material, description: 'Five lessons' },
    });

    expect(edited).toMatchObject({
      title: 'Negotiation, the basics',
      material,
      description: 'Five lessons',
      version: 2,
    });
    expect(t.courses.allEvents()).toEqual([]);
  });

  it('given a plain user who authored a course, then it still edits its own (LE-C1: the author edits its course)', async () => {
    const { t, create } = setUp();
    const course = await create({}, 'elearning', anAdministrator('former-admin'));

    const edited = await t.editCourse.execute({
      tenantId: TENANT,
      id: course.id,
      actor: anActor('former-admin'),
      patch: { title: 'Still mine' },
    });

    expect(edited.title).toBe('Still mine');
    expect(
      await codeOf(
        t.editCourse.execute({ tenantId: TENANT, id: course.id, actor: LEARNER, patch: { title: 'x' } }),
      ),
    ).toBe('COURSE.FORBIDDEN');
  });

  it('given a published course, when edited, then course.updated carries the new state; an edit that changes nothing writes nothing', async () => {
    const { t, create, publish } = setUp();
    const course = await create();
    await publish(course.id);

    await t.editCourse.execute({
      tenantId: TENANT,
      id: course.id,
      actor: ADMIN,
      patch: { title: 'Renamed' },
    });
    const same = await t.editCourse.execute({
      tenantId: TENANT,
      id: course.id,
      actor: ADMIN,
      patch: { title: 'Renamed' },
    });

    expect(same.version).toBe(3);
    expect(
      eventsOf(t, course.id).map((e) => [e.type, e.version, (e.payload as { title: string }).title]),
    ).toEqual([
      ['course.published', 2, 'Negotiation basics'],
      ['course.updated', 3, 'Renamed'],
    ]);
  });

  it('given a stale If-Match, then the edit is refused (412) and the course unchanged', async () => {
    const { t, create } = setUp();
    const course = await create();
    await t.editCourse.execute({ tenantId: TENANT, id: course.id, actor: AUTHOR, patch: { title: 'First' } });

    expect(
      await codeOf(
        t.editCourse.execute({
          tenantId: TENANT,
          id: course.id,
          actor: AUTHOR,
          expectedVersion: 1,
          patch: { title: 'Second' },
        }),
      ),
    ).toBe('REQUEST.STALE_VERSION');
    expect(await t.courses.findById(TENANT, course.id)).toMatchObject({ title: 'First', version: 2 });
  });

  it('given another writer between the read and the write, then the edit is decided again on the fresh state', async () => {
    const { t, create } = setUp();
    const course = await create();
    t.courses.beforeNextWrite(() =>
      t.courses.overwrite({ ...course, description: 'By someone else', version: 2 }),
    );

    const edited = await t.editCourse.execute({
      tenantId: TENANT,
      id: course.id,
      actor: AUTHOR,
      patch: { title: 'Mine' },
    });

    expect(edited).toMatchObject({ title: 'Mine', description: 'By someone else', version: 3 });
  });

  it('given an archived course or overbooking on an instructor-led one, then the edit is refused with its code', async () => {
    const { t, create, publish } = setUp();
    const ilt = await create({}, 'ilt');
    await publish(ilt.id);
    expect(
      await codeOf(
        t.editCourse.execute({
          tenantId: TENANT,
          id: ilt.id,
          actor: ADMIN,
          patch: { overbookingAllowed: true },
        }),
      ),
    ).toBe('COURSE.OVERBOOKING_NOT_ALLOWED');
    await t.changeState.execute({ tenantId: TENANT, id: ilt.id, actor: ADMIN, transition: 'archive' });

    expect(
      await codeOf(
        t.editCourse.execute({ tenantId: TENANT, id: ilt.id, actor: ADMIN, patch: { title: 'Late' } }),
      ),
    ).toBe('COURSE.ARCHIVED');
  });
});

describe('DeleteCourseUseCase (LE-C1)', () => {
  it('given a draft with sessions, when deleted, then it and its sessions are gone', async () => {
    const { t, create } = setUp();
    const draft = await create({}, 'ilt');
    const session = await t.createSession.execute({
      tenantId: TENANT,
      id: draft.id,
      actor: AUTHOR,
      details: {
        startsAt: new Date('2027-01-15T09:00:00Z'),
        endsAt: new Date('2027-01-15T17:00:00Z'),
        place: 'Room 4',
        link: null,
        capacity: 10,
      },
    });

    await t.deleteCourse.execute({ tenantId: TENANT, id: draft.id, actor: AUTHOR, expectedVersion: 1 });

    expect(await t.courses.findById(TENANT, draft.id)).toBeNull();
    expect(await t.sessions.findById(TENANT, draft.id, session.id)).toBeNull();
    expect(await codeOf(t.getCourse.execute({ tenantId: TENANT, id: draft.id, actor: ADMIN }))).toBe(
      'COURSE.NOT_FOUND',
    );
  });

  it('given a published or archived course, then deleting is refused: it is archived instead', async () => {
    const { t, create, publish } = setUp();
    const course = await create();
    await publish(course.id);

    expect(await codeOf(t.deleteCourse.execute({ tenantId: TENANT, id: course.id, actor: ADMIN }))).toBe(
      'COURSE.NOT_DRAFT',
    );
    await t.changeState.execute({ tenantId: TENANT, id: course.id, actor: ADMIN, transition: 'archive' });
    expect(await codeOf(t.deleteCourse.execute({ tenantId: TENANT, id: course.id, actor: ADMIN }))).toBe(
      'COURSE.NOT_DRAFT',
    );
    expect(await codeOf(t.deleteCourse.execute({ tenantId: TENANT, id: course.id, actor: LEARNER }))).toBe(
      'COURSE.FORBIDDEN',
    );
  });
});

describe('reading courses and the catalog (LE-C1)', () => {
  async function aCatalog() {
    const { t, create, publish } = setUp();
    const forEveryone = await create({ title: 'For everyone' });
    const forSales = await create({ title: 'For sales', groupIds: ['sales'] }, 'ilt');
    const forSupport = await create({ title: 'For support', groupIds: ['support'] });
    const draft = await create({ title: 'Draft' });
    for (const course of [forEveryone, forSales, forSupport]) await publish(course.id);
    await t.applyMembershipEvents.execute([
      {
        tenantId: TENANT,
        groupId: 'sales',
        userId: 'learner',
        active: true,
        roles: ['learner'],
        version: 1,
        updatedAt: t.clock.now(),
      },
    ]);
    const catalog = async (actor = LEARNER, kind?: CourseKind) =>
      (await t.listCatalog.execute({ tenantId: TENANT, actor, kind, page: { limit: 50 } })).items.map(
        (c) => c.title,
      );
    return { t, forEveryone, forSales, forSupport, draft, catalog };
  }

  it('given a learner in the sales group, then its catalog holds the published courses for everyone and for sales', async () => {
    const { catalog } = await aCatalog();

    expect(await catalog()).toEqual(['For everyone', 'For sales']);
    expect(await catalog(LEARNER, 'ilt')).toEqual(['For sales']);
    expect(await catalog(anActor('stranger'))).toEqual(['For everyone']);
  });

  it('given an administrator, then its catalog is every published course; a power user sees its groups only', async () => {
    const { catalog } = await aCatalog();

    expect(await catalog(ADMIN)).toEqual(['For everyone', 'For sales', 'For support']);
    expect(await catalog(aPowerUser('power'))).toEqual(['For everyone']);
  });

  it("given the learner leaves the group, then the group's courses leave its catalog", async () => {
    const { t, catalog } = await aCatalog();

    await t.applyMembershipEvents.execute([
      {
        tenantId: TENANT,
        groupId: 'sales',
        userId: 'learner',
        active: false,
        roles: [],
        version: 2,
        updatedAt: t.clock.now(),
      },
    ]);

    expect(await catalog()).toEqual(['For everyone']);
  });

  it("given a learner, then it reads a course of its catalog, and is refused a draft or another group's course", async () => {
    const { t, forSales, forSupport, draft } = await aCatalog();
    const get = (id: string, actor = LEARNER) => t.getCourse.execute({ tenantId: TENANT, id, actor });

    expect(await get(forSales.id)).toMatchObject({ title: 'For sales' });
    expect(await codeOf(get(forSupport.id))).toBe('COURSE.FORBIDDEN');
    expect(await codeOf(get(draft.id))).toBe('COURSE.FORBIDDEN');
    expect(await get(draft.id, AUTHOR)).toMatchObject({ state: 'draft' });
    expect(
      await codeOf(
        t.getCourse.execute({
          tenantId: OTHER_TENANT,
          id: forSales.id,
          actor: anAdministrator('x', OTHER_TENANT),
        }),
      ),
    ).toBe('COURSE.NOT_FOUND');
  });

  it('given the course list, then managers see every course by state or kind, anyone else only the courses it authored', async () => {
    const { t, draft } = await aCatalog();
    const list = async (actor: ReturnType<typeof anActor>, filter = {}) =>
      (await t.listCourses.execute({ tenantId: TENANT, actor, filter, page: { limit: 50 } })).items.map(
        (c) => c.title,
      );

    expect(await list(ADMIN)).toEqual(['For everyone', 'For sales', 'For support', 'Draft']);
    expect(await list(ADMIN, { state: 'draft' })).toEqual(['Draft']);
    expect(await list(ADMIN, { kind: 'ilt', state: 'published' })).toEqual(['For sales']);
    expect(await list(LEARNER)).toEqual([]);
    await t.courses.overwrite({ ...draft, authorId: 'learner' });
    expect(await list(LEARNER)).toEqual(['Draft']);
    expect(await list(anActor(null))).toEqual([]);
  });
});
