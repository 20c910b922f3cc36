import { randomUUID } from 'node:crypto';
import { newId } from '@lms/kernel';
import { editSession, newSession, type CourseSession } from '../courses/domain/course-session';
import type { CourseSessionRepository } from '../courses/ports/course-session.repository';

const PAGE = { limit: 50 };

/**
 * What every {@link CourseSessionRepository} guarantees, run against the in-memory fake (unit)
 * and the Mongo repository (integration). Each test works in a tenant of its own.
 */
export function describeCourseSessionRepositoryContract(
  name: string,
  make: () => CourseSessionRepository,
): void {
  describe(`${name} (course session repository contract)`, () => {
    let repository: CourseSessionRepository;
    let tenantId: string;
    let courseId: string;

    beforeEach(() => {
      repository = make();
      tenantId = `tenant-${randomUUID()}`;
      courseId = newId();
    });

    /** A session starting on `day` of January 2027, created at `created`. */
    function sessionOn(
      day: number,
      options: { course?: string; tenant?: string; created?: number } = {},
    ): CourseSession {
      const now = new Date(Date.UTC(2026, 2, 2, 9, options.created ?? day));
      return newSession(
        {
          tenantId: options.tenant ?? tenantId,
          courseId: options.course ?? courseId,
          details: {
            startsAt: new Date(Date.UTC(2027, 0, day, 9)),
            endsAt: new Date(Date.UTC(2027, 0, day, 17)),
            place: `Room ${day}`,
            link: null,
            capacity: 12,
          },
        },
        { id: newId(now), now },
      );
    }

    it('given a session inserted, then it reads back whole by id, within its tenant and course only', async () => {
      const session = { ...sessionOn(3), link: 'https://meet.example.com/x' };
      await repository.insert(session);

      expect(await repository.findById(tenantId, courseId, session.id)).toEqual(session);
      expect(await repository.findById(`tenant-${randomUUID()}`, courseId, session.id)).toBeNull();
      expect(await repository.findById(tenantId, newId(), session.id)).toBeNull();
      expect(await repository.findById(tenantId, courseId, newId())).toBeNull();
    });

    it("given sessions of several courses, then a course's list reads its own soonest first, ties by id, a page at a time", async () => {
      const late = sessionOn(20, { created: 1 });
      const early = sessionOn(5, { created: 2 });
      const [tieLow, tieHigh] = [sessionOn(10, { created: 3 }), sessionOn(10, { created: 4 })];
      for (const s of [late, tieHigh, early, tieLow]) await repository.insert(s);
      await repository.insert(sessionOn(1, { course: newId() }));
      await repository.insert(sessionOn(2, { tenant: `tenant-${randomUUID()}` }));

      const first = await repository.list(tenantId, courseId, { limit: 3 });
      const rest = await repository.list(tenantId, courseId, {
        limit: 3,
        cursor: first.nextCursor ?? undefined,
      });

      expect(first).toEqual({ items: [early, tieLow, tieHigh], limit: 3, nextCursor: expect.any(String) });
      expect(rest).toEqual({ items: [late], limit: 3, nextCursor: null });
    });

    it('given the version read, then a save replaces the session and keeps its course and creation; otherwise it writes nothing', async () => {
      const session = sessionOn(3);
      await repository.insert(session);
      const moved = editSession(
        session,
        { ...session, place: null, link: 'https://meet.example.com/y', capacity: 30 },
        new Date('2026-03-05T09:00:00.000Z'),
      );

      expect(await repository.save(`tenant-${randomUUID()}`, moved, 1)).toBe(false);
      expect(await repository.save(tenantId, moved, 2)).toBe(false);
      expect(await repository.findById(tenantId, courseId, session.id)).toEqual(session);
      expect(await repository.save(tenantId, moved, 1)).toBe(true);
      expect(await repository.findById(tenantId, courseId, session.id)).toEqual(moved);
    });

    it('given the version read, then a deletion removes the session; at another version, course or tenant it removes nothing', async () => {
      const session = sessionOn(3);
      await repository.insert(session);

      expect(await repository.delete(`tenant-${randomUUID()}`, courseId, session.id, 1)).toBe(false);
      expect(await repository.delete(tenantId, newId(), session.id, 1)).toBe(false);
      expect(await repository.delete(tenantId, courseId, session.id, 2)).toBe(false);
      expect(await repository.delete(tenantId, courseId, session.id, 1)).toBe(true);
      expect(await repository.findById(tenantId, courseId, session.id)).toBeNull();
      expect(await repository.delete(tenantId, courseId, session.id, 1)).toBe(false);
    });

    it("given a course's sessions deleted all at once, then other courses' sessions stay", async () => {
      const [ours, theirs] = [sessionOn(3), sessionOn(4, { course: newId() })];
      await repository.insert(ours);
      await repository.insert(theirs);

      await repository.deleteAllOf(tenantId, courseId);

      expect((await repository.list(tenantId, courseId, PAGE)).items).toEqual([]);
      expect(await repository.findById(tenantId, theirs.courseId, theirs.id)).toEqual(theirs);
    });
  });
}
