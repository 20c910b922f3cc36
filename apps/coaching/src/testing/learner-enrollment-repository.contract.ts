import type { EnrollmentState } from '@lms/contracts';
import { newId } from '@lms/kernel';
import type { LearnerEnrollmentChange } from '../enrollments/domain/learner-enrollment';
import type { LearnerEnrollmentRepository } from '../enrollments/ports/learner-enrollment.repository';

function newTenant(): string {
  return `contract-${newId()}`;
}

/** The event of an enrollment at `version`, on that day of March 2025: the enrollment's full state. */
export function anEnrollmentChange(
  tenantId: string,
  who: { enrollmentId?: string; userId: string; courseId: string },
  version: number,
  state: EnrollmentState = 'enrolled',
  live = true,
): LearnerEnrollmentChange {
  return {
    tenantId,
    enrollmentId: who.enrollmentId ?? newId(),
    userId: who.userId,
    courseId: who.courseId,
    state,
    live,
    version,
    updatedAt: new Date(`2025-03-${String(version).padStart(2, '0')}T00:00:00.000Z`),
  };
}

/**
 * What every {@link LearnerEnrollmentRepository} must do, run against the in-memory fake (unit)
 * and the Mongo repository (integration), so that the fake the use case tests rely on behaves
 * like the real thing. Each test works in a tenant of its own.
 */
export function describeLearnerEnrollmentRepositoryContract(
  name: string,
  make: () => LearnerEnrollmentRepository,
): void {
  describe(`${name} (learner enrollment repository contract)`, () => {
    it('given an enrollment moving on, then the newest state is kept and older or repeated events are stale', async () => {
      const repo = make();
      const tenantId = newTenant();
      const who = { enrollmentId: newId(), userId: newId(), courseId: newId() };

      expect(await repo.applyMany([anEnrollmentChange(tenantId, who, 2, 'in_progress')])).toEqual([
        'applied',
      ]);
      expect(
        await repo.applyMany([
          anEnrollmentChange(tenantId, who, 1, 'enrolled'),
          anEnrollmentChange(tenantId, who, 2, 'in_progress'),
        ]),
      ).toEqual(['stale', 'stale']);
      expect(
        await repo.applyMany([
          anEnrollmentChange(tenantId, who, 4, 'completed'),
          anEnrollmentChange(tenantId, who, 1, 'enrolled'),
          anEnrollmentChange(tenantId, who, 3, 'in_progress'),
        ]),
      ).toEqual(['applied', 'stale', 'applied']);

      expect(await repo.findLive(tenantId, [who])).toEqual([
        {
          tenantId,
          enrollmentId: who.enrollmentId,
          userId: who.userId,
          courseId: who.courseId,
          state: 'completed',
          live: true,
          version: 4,
          updatedAt: new Date('2025-03-04T00:00:00.000Z'),
        },
      ]);
    });

    it('given an unenrollment, then the enrollment is no longer found, and an older event arriving late does not bring it back', async () => {
      const repo = make();
      const tenantId = newTenant();
      const who = { enrollmentId: newId(), userId: newId(), courseId: newId() };
      await repo.applyMany([anEnrollmentChange(tenantId, who, 1)]);

      expect(await repo.applyMany([anEnrollmentChange(tenantId, who, 3, 'in_progress', false)])).toEqual([
        'applied',
      ]);
      expect(await repo.applyMany([anEnrollmentChange(tenantId, who, 2, 'in_progress')])).toEqual(['stale']);

      expect(await repo.findLive(tenantId, [who])).toEqual([]);
    });

    it('finds exactly the pairs asked, in their tenant only', async () => {
      const repo = make();
      const [tenantId, otherTenant] = [newTenant(), newTenant()];
      const [ada, bob, negotiation, safety] = [newId(), newId(), newId(), newId()];
      await repo.applyMany([
        anEnrollmentChange(tenantId, { userId: ada, courseId: negotiation }, 1),
        anEnrollmentChange(tenantId, { userId: ada, courseId: safety }, 1, 'completed'),
        anEnrollmentChange(tenantId, { userId: bob, courseId: negotiation }, 1, 'waiting'),
        anEnrollmentChange(otherTenant, { userId: bob, courseId: safety }, 1),
      ]);

      const found = await repo.findLive(tenantId, [
        { userId: ada, courseId: safety },
        { userId: bob, courseId: negotiation },
        { userId: bob, courseId: safety },
      ]);

      expect(found.map((e) => `${e.userId === ada ? 'ada' : 'bob'}:${e.state}`).sort()).toEqual([
        'ada:completed',
        'bob:waiting',
      ]);
      expect(await repo.findLive(tenantId, [])).toEqual([]);
    });
  });
}
