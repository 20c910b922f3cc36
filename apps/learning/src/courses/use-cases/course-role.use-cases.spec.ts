import type { CourseRoleChangeV1 } from '@lms/contracts';
import type { DomainError } from '@lms/kernel';
import type { CourseDetails } from '../domain/course';
import type { CourseActor } from '../domain/course-access';
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
const ADMIN = anAdministrator('0190c0de-0000-7000-8000-00000000000a');
const AUTHOR = aPowerUser('0190c0de-0000-7000-8000-0000000000a1');
const [BOB, CLEO, DAN] = [
  '0190c0de-0000-7000-8000-0000000000b0',
  '0190c0de-0000-7000-8000-0000000000c0',
  '0190c0de-0000-7000-8000-0000000000d0',
];

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
  const create = async (publish = false) => {
    t.clock.advance(1_000);
    const course = await t.createCourse.execute({
      tenantId: TENANT,
      actor: AUTHOR,
      kind: 'elearning',
      details: DETAILS,
    });
    if (!publish) return course;
    return t.changeState.execute({ tenantId: TENANT, id: course.id, actor: AUTHOR, transition: 'publish' });
  };
  const grant = (
    id: string,
    userId: string,
    role: string,
    actor: CourseActor = AUTHOR,
    expectedVersion?: number,
  ) =>
    t.grantCourseRole.execute({ tenantId: TENANT, id, actor, userId, role: role as never, expectedVersion });
  const revoke = (id: string, userId: string, role: string, actor: CourseActor = AUTHOR) =>
    t.revokeCourseRole.execute({ tenantId: TENANT, id, actor, userId, role: role as never });
  return { t, create, grant, revoke };
}

/** The course roles events written with a course, as the notifications consumer reads them. */
function roleEventsOf(t: LearningTestbed, id: string) {
  return t.courses
    .outboxOf(id)
    .filter((entry) => entry.topic === 'learning.course-roles.v1')
    .map((entry) => ({
      type: entry.envelope.type,
      version: entry.envelope.aggregateVersion,
      key: entry.key,
      payload: entry.envelope.payload as CourseRoleChangeV1,
    }));
}

describe('GrantCourseRoleUseCase (LE-C2)', () => {
  it('given a draft, when a reviewer is granted, then it is refused; once published, the reviewer is granted with its event carrying the title, and granting again changes nothing', async () => {
    const { t, create, grant } = setUp();
    const draft = await create();

    expect(await codeOf(grant(draft.id, BOB, 'reviewer'))).toBe('COURSE_ROLE.REVIEWER_NEEDS_PUBLISHED');
    const published = await t.changeState.execute({
      tenantId: TENANT,
      id: draft.id,
      actor: AUTHOR,
      transition: 'publish',
    });
    t.clock.advance(60_000);
    const granted = await grant(draft.id, BOB, 'reviewer');
    const again = await grant(draft.id, BOB, 'reviewer');

    expect(granted).toMatchObject({
      roles: [{ userId: BOB, role: 'reviewer' }],
      version: published.version + 1,
    });
    expect(again).toEqual(granted);
    expect(roleEventsOf(t, draft.id)).toEqual([
      {
        type: 'course-role.granted',
        version: published.version + 1,
        key: `${TENANT}:${draft.id}`,
        payload: {
          courseId: draft.id,
          courseTitle: 'Negotiation basics',
          userId: BOB,
          role: 'reviewer',
          changedAt: t.clock.now().toISOString(),
        },
      },
    ]);
  });

  it('given a user without the author role in any group, when made co-author, then it is refused; once a membership gives it that role, it is granted', async () => {
    const { t, create, grant } = setUp();
    const course = await create();
    t.memberships.givenRoles(TENANT, BOB, 'sales', ['learner']);
    t.memberships.givenRoles(OTHER_TENANT, BOB, 'elsewhere', ['author']);

    expect(await codeOf(grant(course.id, BOB, 'co_author'))).toBe('COURSE_ROLE.CO_AUTHOR_NEEDS_AUTHOR_ROLE');
    await t.applyMembershipEvents.execute([
      {
        tenantId: TENANT,
        groupId: 'support',
        userId: BOB,
        active: true,
        roles: ['author'],
        version: 1,
        updatedAt: t.clock.now(),
      },
    ]);
    const granted = await grant(course.id, BOB, 'co_author');

    expect(granted.roles).toEqual([{ userId: BOB, role: 'co_author' }]);
    expect(roleEventsOf(t, course.id).map((e) => [e.type, e.payload.role])).toEqual([
      ['course-role.granted', 'co_author'],
    ]);
  });

  it('given the author role, an archived course, or a stale version, then each is refused with its own code and nothing is written', async () => {
    const { t, create, grant } = setUp();
    const course = await create(true);

    expect(await codeOf(grant(course.id, BOB, 'author'))).toBe('COURSE_ROLE.AUTHOR_NOT_GRANTABLE');
    expect(await codeOf(grant(course.id, BOB, 'tutor', AUTHOR, course.version - 1))).toBe(
      'REQUEST.STALE_VERSION',
    );
    await t.changeState.execute({ tenantId: TENANT, id: course.id, actor: AUTHOR, transition: 'archive' });
    expect(await codeOf(grant(course.id, BOB, 'tutor'))).toBe('COURSE_ROLE.COURSE_ARCHIVED');
    expect(await codeOf(grant('0190c0de-0000-7000-8000-00000000ffff', BOB, 'tutor'))).toBe(
      'COURSE.NOT_FOUND',
    );
    expect(roleEventsOf(t, course.id)).toEqual([]);
  });

  it('given who asks, then a learner is refused, a co-author grants reviewers but not instructors, an administrator anything', async () => {
    const { t, create, grant } = setUp();
    const course = await create(true);
    t.memberships.givenRoles(TENANT, CLEO, 'sales', ['author']);
    await grant(course.id, CLEO, 'co_author');
    const coAuthor = anActor(CLEO);

    expect(await codeOf(grant(course.id, BOB, 'tutor', anActor(DAN)))).toBe('COURSE_ROLE.FORBIDDEN');
    expect(await codeOf(grant(course.id, BOB, 'instructor', coAuthor))).toBe('COURSE_ROLE.FORBIDDEN');
    await grant(course.id, BOB, 'reviewer', coAuthor);
    await grant(course.id, DAN, 'instructor', ADMIN);

    expect(
      (await t.listCourseRoles.execute({ tenantId: TENANT, id: course.id, actor: coAuthor })).roles,
    ).toEqual([
      { userId: CLEO, role: 'co_author' },
      { userId: BOB, role: 'reviewer' },
      { userId: DAN, role: 'instructor' },
    ]);
    expect(
      await codeOf(t.listCourseRoles.execute({ tenantId: TENANT, id: course.id, actor: anActor(BOB) })),
    ).toBe('COURSE_ROLE.FORBIDDEN');
  });

  it('given another writer in between, then the grant is retried on the new version and both changes are kept', async () => {
    const { t, create, grant } = setUp();
    const course = await create(true);
    t.courses.beforeNextWrite(() =>
      t.courses.overwrite({
        ...course,
        roles: [{ userId: DAN, role: 'tutor' }],
        version: course.version + 1,
      }),
    );

    const granted = await grant(course.id, BOB, 'instructor');

    expect(granted.roles).toEqual([
      { userId: DAN, role: 'tutor' },
      { userId: BOB, role: 'instructor' },
    ]);
    expect(roleEventsOf(t, course.id).map((e) => e.version)).toEqual([course.version + 2]);
  });
});

describe('RevokeCourseRoleUseCase (LE-C2)', () => {
  it('given a role held, when revoked, then it is gone with its event; revoking it again changes nothing; the author role is not revoked', async () => {
    const { t, create, grant, revoke } = setUp();
    const course = await create(true);
    await grant(course.id, BOB, 'tutor');

    const revoked = await revoke(course.id, BOB, 'tutor');
    const again = await revoke(course.id, BOB, 'tutor');

    expect(revoked.roles).toEqual([]);
    expect(again).toEqual(revoked);
    expect(roleEventsOf(t, course.id).map((e) => [e.type, e.payload.userId, e.payload.role])).toEqual([
      ['course-role.granted', BOB, 'tutor'],
      ['course-role.revoked', BOB, 'tutor'],
    ]);
    expect(await codeOf(revoke(course.id, AUTHOR.userId as string, 'author'))).toBe(
      'COURSE_ROLE.AUTHOR_NOT_GRANTABLE',
    );
  });
});

describe('TransferCourseAuthorshipUseCase (LE-C2)', () => {
  it('given the author hands the course on, then the new author edits it, the previous one keeps nothing, and both events are written in the same write', async () => {
    const { t, create } = setUp();
    const course = await create(true);
    const previous = anActor(AUTHOR.userId);

    const moved = await t.transferAuthorship.execute({
      tenantId: TENANT,
      id: course.id,
      actor: AUTHOR,
      userId: BOB,
    });
    const again = await t.transferAuthorship.execute({
      tenantId: TENANT,
      id: course.id,
      actor: ADMIN,
      userId: BOB,
    });

    expect(moved).toMatchObject({ authorId: BOB, roles: [], version: course.version + 1 });
    expect(again).toEqual(moved);
    expect(
      roleEventsOf(t, course.id).map((e) => [e.type, e.payload.userId, e.payload.role, e.version]),
    ).toEqual([
      ['course-role.revoked', AUTHOR.userId, 'author', course.version + 1],
      ['course-role.granted', BOB, 'author', course.version + 1],
    ]);
    const edited = await t.editCourse.execute({
      tenantId: TENANT,
      id: course.id,
      actor: anActor(BOB),
      patch: { title: 'Renamed' },
    });
    expect(edited.title).toBe('Renamed');
    expect(
      await codeOf(
        t.editCourse.execute({ tenantId: TENANT, id: course.id, actor: previous, patch: { title: 'No' } }),
      ),
    ).toBe('COURSE.FORBIDDEN');
    expect(
      await codeOf(
        t.transferAuthorship.execute({ tenantId: TENANT, id: course.id, actor: anActor(CLEO), userId: CLEO }),
      ),
    ).toBe('COURSE_ROLE.FORBIDDEN');
  });
});

describe('course roles at work (LE-C2)', () => {
  it("given co-authors and instructors, then they edit the course's content; a reviewer reads a draft but does not edit it", async () => {
    const { t, create, grant } = setUp();
    const course = await create();
    t.memberships.givenRoles(TENANT, BOB, 'sales', ['author']);
    await grant(course.id, BOB, 'co_author');
    await grant(course.id, CLEO, 'instructor');
    const published = await t.changeState.execute({
      tenantId: TENANT,
      id: course.id,
      actor: AUTHOR,
      transition: 'publish',
    });
    await grant(course.id, DAN, 'reviewer');

    await t.editCourse.execute({
      tenantId: TENANT,
      id: course.id,
      actor: anActor(BOB),
      patch: { title: 'By the co-author' },
    });
    const edited = await t.editCourse.execute({
      tenantId: TENANT,
      id: course.id,
      actor: anActor(CLEO),
      patch: { description: 'By the instructor' },
    });
    expect(edited).toMatchObject({ title: 'By the co-author', description: 'By the instructor' });
    expect((await t.getCourse.execute({ tenantId: TENANT, id: course.id, actor: anActor(DAN) })).id).toBe(
      published.id,
    );
    expect(
      await codeOf(
        t.editCourse.execute({
          tenantId: TENANT,
          id: course.id,
          actor: anActor(DAN),
          patch: { title: 'No' },
        }),
      ),
    ).toBe('COURSE.FORBIDDEN');
  });

  it("given an instructor, then it lists its course's enrollments but enrolls nobody else, not even as a power user", async () => {
    const { t, create, grant } = setUp();
    const course = await create(true);
    const other = await create(true);
    const teacher = aPowerUser(CLEO);
    const plainTeacher = anActor(DAN);
    await grant(course.id, CLEO, 'instructor');
    await grant(course.id, DAN, 'instructor');
    await t.createEnrollment.execute({ tenantId: TENANT, actor: ADMIN, courseId: course.id, userId: BOB });
    await t.createEnrollment.execute({ tenantId: TENANT, actor: ADMIN, courseId: other.id, userId: BOB });

    expect(
      await codeOf(
        t.createEnrollment.execute({
          tenantId: TENANT,
          actor: teacher,
          courseId: course.id,
          userId: ADMIN.userId as string,
        }),
      ),
    ).toBe('ENROLLMENT.FORBIDDEN');
    expect(
      await codeOf(
        t.createEnrollment.execute({
          tenantId: TENANT,
          actor: plainTeacher,
          courseId: course.id,
          userId: BOB,
        }),
      ),
    ).toBe('ENROLLMENT.FORBIDDEN');
    const listed = await t.listEnrollments.execute({
      tenantId: TENANT,
      actor: plainTeacher,
      filter: { courseId: course.id },
      page: { limit: 10 },
    });
    const elsewhere = await t.listEnrollments.execute({
      tenantId: TENANT,
      actor: plainTeacher,
      filter: { courseId: other.id },
      page: { limit: 10 },
    });
    expect(listed.items.map((e) => [e.courseId, e.userId])).toEqual([[course.id, BOB]]);
    expect(elsewhere.items).toEqual([]);
  });
});

describe('ReleaseRolesOfDeletedUsersUseCase (LE-C2)', () => {
  it("given the author's account deleted, then its courses stay with no author, its other roles are revoked with their events, and a redelivery changes nothing", async () => {
    const { t, create, grant } = setUp();
    const authored = await create(true);
    const other = await t.createCourse.execute({
      tenantId: TENANT,
      actor: ADMIN,
      kind: 'elearning',
      details: DETAILS,
    });
    await grant(other.id, AUTHOR.userId as string, 'instructor', ADMIN);
    await grant(authored.id, BOB, 'tutor');
    const deletion = [{ tenantId: TENANT, userId: AUTHOR.userId as string }];

    await t.releaseRolesOfDeletedUsers.execute(deletion);
    await t.releaseRolesOfDeletedUsers.execute(deletion);

    expect(await t.courses.findById(TENANT, authored.id)).toMatchObject({
      authorId: null,
      state: 'published',
      roles: [{ userId: BOB, role: 'tutor' }],
    });
    expect((await t.courses.findById(TENANT, other.id))?.roles).toEqual([]);
    expect(roleEventsOf(t, authored.id).map((e) => [e.type, e.payload.role])).toEqual([
      ['course-role.granted', 'tutor'],
      ['course-role.revoked', 'author'],
    ]);
    expect(roleEventsOf(t, other.id).map((e) => [e.type, e.payload.role])).toEqual([
      ['course-role.granted', 'instructor'],
      ['course-role.revoked', 'instructor'],
    ]);
    const edited = await t.editCourse.execute({
      tenantId: TENANT,
      id: authored.id,
      actor: ADMIN,
      patch: { title: 'Still editable' },
    });
    expect(edited.title).toBe('Still editable');
  });
});
