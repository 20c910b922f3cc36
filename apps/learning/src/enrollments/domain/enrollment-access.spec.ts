import type { CourseActor } from '../../courses/domain/course-access';
import { enrollmentListScope, mayEnroll, mayReadEnrollment } from './enrollment-access';

const anActor = (userId: string | null, level = 'user', roles: string[] = []): CourseActor => ({
  tenantId: 't',
  userId,
  level,
  roles,
});
const anAdministrator = (userId: string) => anActor(userId, 'user', ['application_admin']);
const aPowerUser = (userId: string) => anActor(userId, 'power_user');

describe('who may enroll whom (LE-E3)', () => {
  it('given administrators and power users, then they enroll anyone, read every enrollment and list the tenant', () => {
    for (const actor of [anAdministrator('admin'), aPowerUser('power')]) {
      expect(mayEnroll(actor, 'someone')).toBe(true);
      expect(mayReadEnrollment(actor, { userId: 'someone' })).toBe(true);
      expect(enrollmentListScope(actor)).toEqual({});
    }
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
