import { randomUUID } from 'node:crypto';
import type { SessionChange } from '../sessions/domain/scheduled-session';
import type { ScheduledSessionRepository } from '../sessions/ports/scheduled-session.repository';

/**
 * What every {@link ScheduledSessionRepository} guarantees, run against the in-memory fake
 * (unit) and the Mongo repository (integration). Each test works in a tenant of its own; the
 * sessions it writes start in a year of their own, so that the look-up of those due sees no
 * other test's.
 */
export function describeScheduledSessionRepositoryContract(
  name: string,
  make: () => ScheduledSessionRepository,
): void {
  describe(`${name} (scheduled session repository contract)`, () => {
    let repository: ScheduledSessionRepository;
    let tenantId: string;
    let base: number;

    beforeEach(() => {
      repository = make();
      tenantId = `tenant-${randomUUID()}`;
      // A random hour of a far year: no other run's sessions start near it.
      base =
        Date.UTC(2400 + Math.floor(Math.random() * 5000), 0, 1) +
        Math.floor(Math.random() * 8000) * 3_600_000;
    });

    const at = (hours: number): Date => new Date(base + hours * 3_600_000);

    function change(sessionId: string, startHour: number, version: number, cancelled = false): SessionChange {
      return {
        tenantId,
        sessionId,
        courseId: 'course-1',
        courseTitle: 'Negotiation workshop',
        startsAt: at(startHour),
        endsAt: at(startHour + 8),
        place: 'Room 4',
        link: null,
        cancelled,
        version,
      };
    }

    it('given session events in any order, then the newest state is kept, reminder due unless cancelled', async () => {
      const [a, b] = [randomUUID(), randomUUID()];
      await repository.applyMany([change(a, 10, 2), change(a, 5, 1), change(b, 10, 1)]);
      await repository.applyMany([change(a, 3, 1), change(b, 10, 2, true)]);

      expect(await repository.find(tenantId, a)).toEqual({
        ...change(a, 10, 2),
        remindedStartsAt: null,
        reminderDue: true,
      });
      expect(await repository.find(tenantId, b)).toMatchObject({ cancelled: true, reminderDue: false });
      expect(await repository.find(`tenant-${randomUUID()}`, a)).toBeNull();
    });

    it('given sessions due, then they are read soonest first up to the horizon; once marked they are not due until moved to another time', async () => {
      const [soon, later, far] = [randomUUID(), randomUUID(), randomUUID()];
      await repository.applyMany([change(later, 20, 1), change(soon, 10, 1), change(far, 40, 1)]);
      // The look-up spans every tenant: a session due of another test (an earlier year) may come first.
      const dueOfThisTest = async (): Promise<string[]> =>
        (await repository.dueForReminder(at(30), 10))
          .filter((session) => session.tenantId === tenantId)
          .map((session) => session.sessionId);

      const due = (await repository.dueForReminder(at(30), 10)).filter((s) => s.tenantId === tenantId);
      expect(due.map((s) => s.sessionId)).toEqual([soon, later]);
      expect(await repository.dueForReminder(at(30), 1)).toHaveLength(1);

      const read = due[0]!;
      await repository.applyMany([change(soon, 10, 2)]);
      expect(await repository.markReminded(read)).toBe(false);
      const current = (await repository.find(tenantId, soon))!;
      expect(await repository.markReminded(current)).toBe(true);
      expect(await dueOfThisTest()).toEqual([later]);

      await repository.applyMany([change(soon, 10, 3)]);
      expect(await dueOfThisTest()).toEqual([later]);
      await repository.applyMany([change(soon, 12, 4)]);
      expect(await dueOfThisTest()).toEqual([soon, later]);
    });
  });
}
