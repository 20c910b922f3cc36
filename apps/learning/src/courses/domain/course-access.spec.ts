import type { CourseState } from './course';
import {
  catalogSeesEverything,
  courseListScope,
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
  return { state, groupIds, authorId };
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
