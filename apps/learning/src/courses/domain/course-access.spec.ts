import type { CourseState } from './course';
import { COURSE_ROLES, type CourseRoleHolder } from './course-roles';
import {
  catalogSeesEverything,
  courseListScope,
  editorsOf,
  mayChangeCourseRole,
  mayReadCourseRoles,
  mayTransferAuthorship,
  managesCourses,
  mayCreateCourse,
  mayEditCourse,
  mayReadCourse,
  offeredTo,
  readingNeedsGroups,
  type CourseActor,
} from './course-access';

function actor(userId: string | null, options: { roles?: string[]; level?: string } = {}): CourseActor {
  return { tenantId: 't', userId, level: options.level ?? 'user', roles: options.roles ?? [] };
}

const appAdmin = actor('admin', { roles: ['application_admin'] });
const superadmin = actor('super', { level: 'superadmin' });
const powerUser = actor('power', { level: 'power_user' });
const author = actor('author');
const learner = actor('learner');
const anonymous = actor(null);

function course(state: CourseState, groupIds: string[] = [], authorId: string | null = 'author') {
  return { state, groupIds, authorId, roles: [] };
}

describe('who creates and edits courses (LE-C1)', () => {
  it('given administrators, superadmins and power users, then they create and edit any course', () => {
    for (const who of [appAdmin, superadmin, powerUser]) {
      expect(managesCourses(who)).toBe(true);
      expect(mayCreateCourse(who)).toBe(true);
      expect(mayEditCourse(who, course('published', [], 'someone-else'))).toBe(true);
    }
  });

  it('given a plain user, then it creates none and edits only the courses it authored', () => {
    expect(mayCreateCourse(author)).toBe(false);
    expect(mayEditCourse(author, course('draft'))).toBe(true);
    expect(mayEditCourse(learner, course('draft'))).toBe(false);
    expect(mayEditCourse(anonymous, course('draft', [], null))).toBe(false);
  });
});

describe('who reads a course', () => {
  it('given those who may edit it, then they read it in any state', () => {
    for (const state of ['draft', 'published', 'archived'] as const) {
      expect(mayReadCourse(appAdmin, course(state, ['g']), [])).toBe(true);
      expect(mayReadCourse(author, course(state, ['g']), [])).toBe(true);
    }
  });

  it('given a learner, then it reads a published course offered to everyone or to one of its groups, nothing else', () => {
    expect(mayReadCourse(learner, course('published'), [])).toBe(true);
    expect(mayReadCourse(learner, course('published', ['g1', 'g2']), ['g2'])).toBe(true);
    expect(mayReadCourse(learner, course('published', ['g1']), ['g2'])).toBe(false);
    expect(mayReadCourse(learner, course('draft'), [])).toBe(false);
    expect(mayReadCourse(learner, course('archived'), [])).toBe(false);
  });

  it("looks the learner's groups up only when they decide", () => {
    expect(readingNeedsGroups(learner, course('published', ['g1']))).toBe(true);
    expect(readingNeedsGroups(learner, course('published'))).toBe(false);
    expect(readingNeedsGroups(learner, course('draft', ['g1']))).toBe(false);
    expect(readingNeedsGroups(appAdmin, course('published', ['g1']))).toBe(false);
    expect(readingNeedsGroups(anonymous, course('published', ['g1'], null))).toBe(false);
  });

  it('offers a course without groups to everyone, one with groups to their members', () => {
    expect(offeredTo({ groupIds: [] }, [])).toBe(true);
    expect(offeredTo({ groupIds: ['g1'] }, [])).toBe(false);
    expect(offeredTo({ groupIds: ['g1'] }, ['g0', 'g1'])).toBe(true);
  });
});

describe('what lists show', () => {
  it('given those who manage courses, then the list is the whole tenant; anyone else its own courses; without an account nothing', () => {
    expect(courseListScope(powerUser)).toEqual({});
    expect(courseListScope(appAdmin)).toEqual({});
    expect(courseListScope(learner)).toEqual({ authorId: 'learner' });
    expect(courseListScope(anonymous)).toBeNull();
  });

  it('given administrators, then the catalog is every published course; anyone else, power users included, its own', () => {
    expect([appAdmin, superadmin].map(catalogSeesEverything)).toEqual([true, true]);
    expect([powerUser, learner].map(catalogSeesEverything)).toEqual([false, false]);
  });
});

describe('what course roles let their holders do (LE-C2)', () => {
  const holders: CourseRoleHolder[] = [
    { userId: 'co', role: 'co_author' },
    { userId: 'teacher', role: 'instructor' },
    { userId: 'proofreader', role: 'reviewer' },
    { userId: 'tutor', role: 'tutor' },
  ];
  const withRoles = (state: CourseState) => ({
    state,
    groupIds: ['sales'],
    authorId: 'author',
    roles: holders,
  });
  const co = actor('co');
  const teacher = actor('teacher');
  const proofreader = actor('proofreader');
  const tutor = actor('tutor');

  it("given co-authors and instructors, then they edit the course's content like its author, in any state", () => {
    for (const state of ['draft', 'published'] as const) {
      expect(mayEditCourse(co, withRoles(state))).toBe(true);
      expect(mayEditCourse(teacher, withRoles(state))).toBe(true);
      expect(mayReadCourse(teacher, withRoles(state), [])).toBe(true);
    }
    expect(editorsOf(withRoles('draft'))).toEqual(['author', 'co', 'teacher']);
    expect(editorsOf({ authorId: null, roles: [...holders, { userId: 'co', role: 'instructor' }] })).toEqual([
      'co',
      'teacher',
    ]);
  });

  it('given a reviewer, then it reads the course in any state but edits nothing', () => {
    for (const state of ['draft', 'published', 'archived'] as const) {
      expect(mayReadCourse(proofreader, withRoles(state), [])).toBe(true);
      expect(readingNeedsGroups(proofreader, withRoles(state))).toBe(false);
      expect(mayEditCourse(proofreader, withRoles(state))).toBe(false);
    }
  });

  it('given a tutor, then it is a learner: a draft stays closed to it, a published course of its groups opens', () => {
    expect(mayEditCourse(tutor, withRoles('published'))).toBe(false);
    expect(mayReadCourse(tutor, withRoles('draft'), ['sales'])).toBe(false);
    expect(mayReadCourse(tutor, withRoles('published'), ['sales'])).toBe(true);
  });

  it('given who asks, then administrators, power users and the author change any role and hand the authorship on; a co-author co-authors and reviewers only; nobody else anything', () => {
    const course = withRoles('published');
    for (const who of [appAdmin, superadmin, powerUser, author]) {
      for (const role of COURSE_ROLES) expect(mayChangeCourseRole(who, course, role)).toBe(true);
      expect(mayTransferAuthorship(who, course)).toBe(true);
    }
    expect(COURSE_ROLES.filter((role) => mayChangeCourseRole(co, course, role))).toEqual([
      'co_author',
      'reviewer',
    ]);
    expect(mayTransferAuthorship(co, course)).toBe(false);
    for (const who of [teacher, proofreader, tutor, learner, anonymous]) {
      expect(COURSE_ROLES.filter((role) => mayChangeCourseRole(who, course, role))).toEqual([]);
      expect(mayTransferAuthorship(who, course)).toBe(false);
    }
  });

  it('given who asks, then those who edit the course read its roles; reviewers, tutors and learners do not', () => {
    const course = withRoles('published');
    expect([powerUser, author, co, teacher].map((who) => mayReadCourseRoles(who, course))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect([proofreader, tutor, learner, anonymous].map((who) => mayReadCourseRoles(who, course))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
