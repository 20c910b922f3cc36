import type { CourseActor } from '../../courses/domain/course-access';
import {
  enrollmentListScope,
  mayChangeEnrollment,
  mayEnroll,
  mayEnrollIn,
  mayMarkAttendance,
  mayReadEnrollment,
} from './enrollment-access';

const anActor = (userId: string | null, level = 'user', roles: string[] = []): CourseActor => ({
  tenantId: 't',
  userId,
  level,
  roles,
});
const anAdministrator = (userId: string) => anActor(userId, 'user', ['application_admin']);
const aPowerUser = (userId: string) => anActor(userId, 'power_user');

describe('who may enroll whom (LE-E3)', () => {
  it('given administrators, then they enroll anyone, read and change every enrollment and list the tenant', () => {
    for (const actor of [anAdministrator('admin'), anActor('super', 'superadmin')]) {
      expect(mayEnroll(actor, 'someone')).toBe(true);
      expect(mayReadEnrollment(actor, { userId: 'someone' })).toBe(true);
      expect(mayChangeEnrollment(actor)).toBe(true);
      expect(enrollmentListScope(actor)).toEqual({});
    }
  });

  it("given a power user, then it enrolls, reads and changes the enrollments of the learners of its scope only, and lists a learner's only when it reaches it", () => {
    const power = aPowerUser('power');
    expect(mayEnroll(power, 'someone', 'scope')).toBe(true);
    expect(mayReadEnrollment(power, { userId: 'someone' }, 'scope')).toBe(true);
    expect(mayChangeEnrollment(power, 'scope')).toBe(true);
    expect(enrollmentListScope(power, { learner: { userId: 'someone', reach: 'scope' } })).toEqual({
      userId: 'someone',
    });

    expect(mayEnroll(power, 'someone')).toBe(false);
    expect(mayReadEnrollment(power, { userId: 'someone' })).toBe(false);
    expect(mayChangeEnrollment(power)).toBe(false);
    expect(enrollmentListScope(power)).toEqual({ userId: 'power' });
    expect(enrollmentListScope(power, { learner: { userId: 'someone', reach: 'none' } })).toEqual({
      userId: 'power',
    });
  });

  it('given a manager, then it enrolls its managee and reads its enrollments, but does not set their states', () => {
    const manager = anActor('mia');
    expect(mayEnroll(manager, 'ada', 'manager')).toBe(true);
    expect(mayReadEnrollment(manager, { userId: 'ada' }, 'manager')).toBe(true);
    expect(mayChangeEnrollment(manager, 'manager')).toBe(false);
    expect(enrollmentListScope(manager, { learner: { userId: 'ada', reach: 'manager' } })).toEqual({
      userId: 'ada',
    });
  });

  it('given a learner, then it enrolls itself only, reads and lists its own', () => {
    const learner = anActor('learner');
    expect(mayEnroll(learner, 'learner')).toBe(true);
    expect(mayEnroll(learner, 'someone')).toBe(false);
    expect(mayReadEnrollment(learner, { userId: 'learner' })).toBe(true);
    expect(mayReadEnrollment(learner, { userId: 'someone' })).toBe(false);
    expect(enrollmentListScope(learner)).toEqual({ userId: 'learner' });
  });

  it('given a caller without an account, then it enrolls nobody and lists nothing', () => {
    const anonymous = anActor(null);
    expect(mayEnroll(anonymous, 'someone')).toBe(false);
    expect(mayReadEnrollment(anonymous, { userId: 'someone' })).toBe(false);
    expect(enrollmentListScope(anonymous)).toBeNull();
  });
});

describe("what a course's instructors do with its enrollments (LE-C2, seed 004)", () => {
  const course = {
    id: 'course-1',
    authorId: 'author',
    roles: [
      { userId: 'teacher', role: 'instructor' as const },
      { userId: 'power-teacher', role: 'instructor' as const },
      { userId: 'co', role: 'co_author' as const },
    ],
  };

  it('given an instructor, then it never enrolls anyone else in its course, not even as a power user; it may enroll itself', () => {
    expect(mayEnrollIn(anActor('teacher'), 'someone', course)).toBe(false);
    expect(mayEnrollIn(aPowerUser('power-teacher'), 'someone', course, 'scope')).toBe(false);
    expect(mayEnrollIn(anActor('teacher'), 'teacher', course)).toBe(true);
    expect(mayEnrollIn(aPowerUser('power-teacher'), 'someone', { ...course, roles: [] }, 'scope')).toBe(true);
  });

  it('given those who may enroll otherwise and teach nothing here, then the course changes nothing', () => {
    for (const [actor, userId] of [
      [anAdministrator('admin'), 'someone'],
      [anActor('learner'), 'learner'],
      [anActor('co'), 'co'],
    ] as const)
      expect(mayEnrollIn(actor, userId, course)).toBe(mayEnroll(actor, userId));
    expect(mayEnrollIn(aPowerUser('power'), 'someone', course, 'scope')).toBe(true);
    expect(mayEnrollIn(anActor('co'), 'someone', course)).toBe(false);
  });

  it("given an instructor listing its course's enrollments, then it sees that course's; a co-author or learner its own only", () => {
    expect(enrollmentListScope(anActor('teacher'), { course })).toEqual({ courseId: 'course-1' });
    expect(enrollmentListScope(anActor('co'), { course })).toEqual({ userId: 'co' });
    expect(enrollmentListScope(anActor('teacher'), { course: { ...course, roles: [] } })).toEqual({
      userId: 'teacher',
    });
    expect(enrollmentListScope(aPowerUser('power-teacher'), { course })).toEqual({ courseId: 'course-1' });
  });
});

describe('who marks attendance and grades (LE-C2)', () => {
  const course = {
    authorId: 'author',
    roles: [
      { userId: 'teacher', role: 'instructor' as const },
      { userId: 'co', role: 'co_author' as const },
      { userId: 'helper', role: 'tutor' as const },
    ],
  };

  it("given the course's instructors, administrators and power users, then they mark; its author, co-authors, tutors and learners do not", () => {
    expect(mayMarkAttendance(anActor('teacher'), course)).toBe(true);
    expect(mayMarkAttendance(anAdministrator('admin'), course)).toBe(true);
    expect(mayMarkAttendance(aPowerUser('power'), course)).toBe(true);
    for (const userId of ['author', 'co', 'helper', 'learner', null])
      expect(mayMarkAttendance(anActor(userId), course)).toBe(false);
    expect(mayMarkAttendance(anActor('teacher'), { ...course, roles: [] })).toBe(false);
  });
});
