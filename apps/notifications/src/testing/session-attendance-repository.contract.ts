import { randomUUID } from 'node:crypto';
import type { EnrollmentState } from '@lms/contracts';
import type { AttendanceChange } from '../sessions/domain/session-attendance';
import type { SessionAttendanceRepository } from '../sessions/ports/session-attendance.repository';

/**
 * What every {@link SessionAttendanceRepository} guarantees, run against the in-memory fake
 * (unit) and the Mongo repository (integration). Each test works in a tenant of its own.
 */
export function describeSessionAttendanceRepositoryContract(
  name: string,
  make: () => SessionAttendanceRepository,
): void {
  describe(`${name} (session attendance repository contract)`, () => {
    let repository: SessionAttendanceRepository;
    let tenantId: string;
    let sessionId: string;

    beforeEach(() => {
      repository = make();
      tenantId = `tenant-${randomUUID()}`;
      sessionId = randomUUID();
    });

    function change(
      userId: string,
      state: EnrollmentState,
      version: number,
      options: { enrollmentId?: string; session?: string | null; unenrolled?: boolean; tenant?: string } = {},
    ): AttendanceChange {
      return {
        tenantId: options.tenant ?? tenantId,
        enrollmentId: options.enrollmentId ?? `enrollment-of-${userId}`,
        sessionId: options.session === undefined ? sessionId : options.session,
        userId,
        state,
        unenrolled: options.unenrolled ?? false,
        version,
      };
    }

    it('given enrollments in a session, then its attendees are the enrolled and in-progress learners, each once, within the tenant', async () => {
      await repository.applyMany([
        change('ada', 'enrolled', 1),
        change('bea', 'in_progress', 3),
        change('cid', 'waiting', 1),
        change('dan', 'to_be_confirmed', 1),
        change('eve', 'completed', 4),
        change('fay', 'enrolled', 1, { session: null }),
        change('gus', 'enrolled', 1, { session: randomUUID() }),
        change('hal', 'enrolled', 1, { tenant: `tenant-${randomUUID()}` }),
      ]);
      await repository.applyMany([change('ada', 'enrolled', 1, { enrollmentId: 'again' })]);

      const attendees = await repository.attendeesOf(tenantId, [sessionId, 'nobody']);

      expect(attendees.get(sessionId)?.sort()).toEqual(['ada', 'bea']);
      expect(attendees.get('nobody')).toEqual([]);
    });

    it('given an enrollment that changes, then the newest version wins whatever the order, and an unenrolled learner no longer attends', async () => {
      await repository.applyMany([change('ada', 'enrolled', 3), change('ada', 'waiting', 2)]);
      await repository.applyMany([change('ada', 'waiting', 1)]);
      expect((await repository.attendeesOf(tenantId, [sessionId])).get(sessionId)).toEqual(['ada']);

      await repository.applyMany([change('ada', 'enrolled', 4, { unenrolled: true })]);
      await repository.applyMany([change('ada', 'enrolled', 3)]);

      expect((await repository.attendeesOf(tenantId, [sessionId])).get(sessionId)).toEqual([]);
    });
  });
}
