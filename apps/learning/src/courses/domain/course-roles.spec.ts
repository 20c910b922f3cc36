import fc from 'fast-check';
import { newCourse, type Course, type CourseState } from './course';
import {
  COURSE_ROLES,
  GRANTABLE_COURSE_ROLES,
  grantCourseRole,
  holdsCourseRole,
  MAX_COURSE_ROLES,
  revokeCourseRole,
  transferAuthorship,
  withoutUser,
  type CourseRoleHolder,
} from './course-roles';

const NOW = new Date('2026-03-02T09:00:00.000Z');
const LATER = new Date('2026-03-02T10:00:00.000Z');
const WITH_AUTHOR_ROLE = { holdsGroupAuthorRole: true };
const WITHOUT_AUTHOR_ROLE = { holdsGroupAuthorRole: false };

function aCourse(state: CourseState = 'published', roles: CourseRoleHolder[] = []): Course {
  const course = newCourse(
    {
      tenantId: 'tenant-a',
      kind: 'elearning',
      authorId: 'ada',
      details: {
        title: 'Negotiation basics',
        description: null,
        enrollmentPolicy: 'free',
        overbookingAllowed: false,
        groupIds: [],
        material: [],
      },
    },
    { id: 'course-1', now: NOW },
  );
  return { ...course, state, roles };
}

describe('granting a course role (LE-C2)', () => {
  it('given a grantable role not held, then the course holds it at its next version', () => {
    for (const role of GRANTABLE_COURSE_ROLES) {
      const change = grantCourseRole(aCourse(), { userId: 'bob', role }, WITH_AUTHOR_ROLE, LATER);
      expect(change).toEqual({
        ok: true,
        changed: true,
        course: { ...aCourse(), roles: [{ userId: 'bob', role }], version: 2, updatedAt: LATER },
      });
    }
  });

  it('given the author role, then it is refused: the authorship is handed on instead', () => {
    expect(grantCourseRole(aCourse(), { userId: 'bob', role: 'author' }, WITH_AUTHOR_ROLE, LATER)).toEqual({
      ok: false,
      problem: 'author_not_grantable',
    });
  });

  it('given a draft, then a reviewer is refused until the course is published; other roles are granted', () => {
    const draft = aCourse('draft');
    expect(grantCourseRole(draft, { userId: 'bob', role: 'reviewer' }, WITH_AUTHOR_ROLE, LATER)).toEqual({
      ok: false,
      problem: 'reviewer_needs_published',
    });
    expect(
      grantCourseRole(draft, { userId: 'bob', role: 'instructor' }, WITH_AUTHOR_ROLE, LATER),
    ).toMatchObject({
      ok: true,
      changed: true,
    });
  });

  it('given a user without the author role in any group, then it cannot be a co-author, but may be anything else', () => {
    expect(
      grantCourseRole(aCourse(), { userId: 'bob', role: 'co_author' }, WITHOUT_AUTHOR_ROLE, LATER),
    ).toEqual({
      ok: false,
      problem: 'co_author_needs_author_role',
    });
    expect(
      grantCourseRole(aCourse(), { userId: 'bob', role: 'tutor' }, WITHOUT_AUTHOR_ROLE, LATER),
    ).toMatchObject({
      ok: true,
    });
  });

  it('given an archived course, then no role is granted or revoked', () => {
    const archived = aCourse('archived', [{ userId: 'bob', role: 'tutor' }]);
    for (const role of GRANTABLE_COURSE_ROLES) {
      expect(grantCourseRole(archived, { userId: 'cleo', role }, WITH_AUTHOR_ROLE, LATER)).toEqual({
        ok: false,
        problem: 'course_archived',
      });
    }
    expect(revokeCourseRole(archived, { userId: 'bob', role: 'tutor' }, LATER)).toEqual({
      ok: false,
      problem: 'course_archived',
    });
  });

  it('given a course holding the most role entries, then one more is refused', () => {
    const full = aCourse(
      'published',
      Array.from({ length: MAX_COURSE_ROLES }, (_, i) => ({ userId: `user-${i}`, role: 'tutor' as const })),
    );
    expect(grantCourseRole(full, { userId: 'bob', role: 'tutor' }, WITH_AUTHOR_ROLE, LATER)).toEqual({
      ok: false,
      problem: 'too_many',
    });
  });

  it('given any sequence of grants and revokes, then a role held is granted again with no change, each user holds each role once, and revoking leaves it unheld', () => {
    const step = fc.record({
      grant: fc.boolean(),
      userId: fc.constantFrom('bob', 'cleo', 'dan'),
      role: fc.constantFrom(...GRANTABLE_COURSE_ROLES),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        let course = aCourse();
        for (const { grant, userId, role } of steps) {
          const held = holdsCourseRole(course, userId, role);
          const change = grant
            ? grantCourseRole(course, { userId, role }, WITH_AUTHOR_ROLE, LATER)
            : revokeCourseRole(course, { userId, role }, LATER);
          if (!change.ok) throw new Error(change.problem);
          expect(change.changed).toBe(grant !== held);
          if (change.changed) {
            expect(change.course.version).toBe(course.version + 1);
            course = change.course;
          }
          expect(holdsCourseRole(course, userId, role)).toBe(grant);
          const keys = course.roles.map((h) => `${h.userId}:${h.role}`);
          expect(new Set(keys).size).toBe(keys.length);
        }
      }),
    );
  });
});

describe('handing the authorship on (LE-C2)', () => {
  it('given another user, then it becomes the author at the next version; the previous author keeps nothing', () => {
    const change = transferAuthorship(aCourse(), 'bob', LATER);
    expect(change).toEqual({
      ok: true,
      changed: true,
      course: { ...aCourse(), authorId: 'bob', version: 2, updatedAt: LATER },
    });
    if (change.ok && change.changed) {
      expect(holdsCourseRole(change.course, 'ada', 'author')).toBe(false);
      expect(COURSE_ROLES.some((role) => holdsCourseRole(change.course, 'ada', role))).toBe(false);
    }
  });

  it('given the author itself, then nothing changes; given an archived course, then it is refused', () => {
    expect(transferAuthorship(aCourse(), 'ada', LATER)).toEqual({ ok: true, changed: false });
    expect(transferAuthorship(aCourse('archived'), 'bob', LATER)).toEqual({
      ok: false,
      problem: 'course_archived',
    });
  });
});

describe("a deleted account's course roles (LE-C2)", () => {
  it('given the author, also a tutor elsewhere in the list, then the course stays with no author and loses its roles; a second pass changes nothing', () => {
    const course = aCourse('archived', [
      { userId: 'ada', role: 'tutor' },
      { userId: 'bob', role: 'reviewer' },
    ]);
    const released = withoutUser(course, 'ada', LATER);

    expect(released).toEqual({
      course: {
        ...course,
        authorId: null,
        roles: [{ userId: 'bob', role: 'reviewer' }],
        version: 2,
        updatedAt: LATER,
      },
      lost: ['author', 'tutor'],
    });
    expect(released && withoutUser(released.course, 'ada', LATER)).toBeNull();
    expect(withoutUser(course, 'nobody', LATER)).toBeNull();
  });
});
