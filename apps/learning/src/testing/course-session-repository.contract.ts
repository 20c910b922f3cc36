import { randomUUID } from 'node:crypto';
import { CourseSessionsStream } from '@lms/contracts';
import { EventFactory, type OutboxEntry } from '@lms/messaging';
import { newId } from '@lms/kernel';
import { cancelSession, editSession, newSession, type CourseSession } from '../courses/domain/course-session';
import type { CourseSessionRepository } from '../courses/ports/course-session.repository';

const events = new EventFactory('learning');
const PAGE = { limit: 50 };

/** A repository under test, and the events stored with each session it wrote (rule 1). */
export interface CourseSessionRepositoryUnderTest {
  repository: CourseSessionRepository;
  /** The entries stored with the session `id`, in write order; nothing is published during a contract run. */
  outboxOf(id: string): Promise<OutboxEntry[]>;
}

/** An event of a session's state, as a use case writes it. */
function eventOf(
  type: 'course-session.scheduled' | 'course-session.updated' | 'course-session.cancelled',
  session: CourseSession,
): OutboxEntry {
  return events.create(CourseSessionsStream, type, {
    tenantId: session.tenantId,
    aggregateId: session.id,
    aggregateVersion: session.version,
    occurredAt: session.updatedAt,
    payload: {
      sessionId: session.id,
      courseId: session.courseId,
      courseTitle: 'Negotiation basics',
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      place: session.place,
      link: session.link,
      capacity: session.capacity,
      updatedAt: session.updatedAt.toISOString(),
    },
  });
}

/**
 * What every {@link CourseSessionRepository} guarantees, run against the in-memory fake (unit)
 * and the Mongo repository (integration). Each test works in a tenant of its own.
 */
export function describeCourseSessionRepositoryContract(
  name: string,
  make: () => CourseSessionRepositoryUnderTest,
): void {
  describe(`${name} (course session repository contract)`, () => {
    let repository: CourseSessionRepository;
    let outboxOf: CourseSessionRepositoryUnderTest['outboxOf'];
    let tenantId: string;
    let courseId: string;

    beforeEach(() => {
      ({ repository, outboxOf } = make());
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

    const quietly = (session: CourseSession) => ({ session, outbox: [] });

    it('given a session inserted with its event, then it reads back whole by id, within its tenant and course only, its event stored with it', async () => {
      const session = { ...sessionOn(3), link: 'https://meet.example.com/x' };
      const scheduled = eventOf('course-session.scheduled', session);
      await repository.insert({ session, outbox: [scheduled] });

      expect(await repository.findById(tenantId, courseId, session.id)).toEqual(session);
      expect(await repository.findById(`tenant-${randomUUID()}`, courseId, session.id)).toBeNull();
      expect(await repository.findById(tenantId, newId(), session.id)).toBeNull();
      expect(await repository.findById(tenantId, courseId, newId())).toBeNull();
      expect(await outboxOf(session.id)).toEqual([scheduled]);
    });

    it("given sessions of several courses, then a course's list reads its own soonest first, ties by id, a page at a time", async () => {
      const late = sessionOn(20, { created: 1 });
      const early = sessionOn(5, { created: 2 });
      const [tieLow, tieHigh] = [sessionOn(10, { created: 3 }), sessionOn(10, { created: 4 })];
      for (const s of [late, tieHigh, early, tieLow]) await repository.insert(quietly(s));
      await repository.insert(quietly(sessionOn(1, { course: newId() })));
      await repository.insert(quietly(sessionOn(2, { tenant: `tenant-${randomUUID()}` })));

      const first = await repository.list(tenantId, courseId, { limit: 3 });
      const rest = await repository.list(tenantId, courseId, {
        limit: 3,
        cursor: first.nextCursor ?? undefined,
      });

      expect(first).toEqual({ items: [early, tieLow, tieHigh], limit: 3, nextCursor: expect.any(String) });
      expect(rest).toEqual({ items: [late], limit: 3, nextCursor: null });
    });

    it('given the version read, then a save replaces the session with its event and keeps its course and creation; otherwise it writes nothing', async () => {
      const session = sessionOn(3);
      await repository.insert(quietly(session));
      const moved = editSession(
        session,
        { ...session, place: null, link: 'https://meet.example.com/y', capacity: 30 },
        new Date('2026-03-05T09:00:00.000Z'),
      );
      const updated = eventOf('course-session.updated', moved);

      expect(await repository.save(`tenant-${randomUUID()}`, { session: moved, outbox: [updated] }, 1)).toBe(
        false,
      );
      expect(await repository.save(tenantId, { session: moved, outbox: [updated] }, 2)).toBe(false);
      expect(await repository.findById(tenantId, courseId, session.id)).toEqual(session);
      expect(await outboxOf(session.id)).toEqual([]);
      expect(await repository.save(tenantId, { session: moved, outbox: [updated] }, 1)).toBe(true);
      expect(await repository.findById(tenantId, courseId, session.id)).toEqual(moved);
      expect(await outboxOf(session.id)).toEqual([updated]);
    });

    it('given the version read, then a cancellation hides the session and keeps its event; at another version, course or tenant it changes nothing', async () => {
      const session = sessionOn(3);
      await repository.insert(quietly(session));
      const cancelled = cancelSession(session, new Date('2026-03-05T09:00:00.000Z'));
      const event = eventOf('course-session.cancelled', cancelled);
      const elsewhere = { ...cancelled, courseId: newId() };

      expect(
        await repository.delete(`tenant-${randomUUID()}`, { session: cancelled, outbox: [event] }, 1),
      ).toBe(false);
      expect(await repository.delete(tenantId, { session: elsewhere, outbox: [event] }, 1)).toBe(false);
      expect(await repository.delete(tenantId, { session: cancelled, outbox: [event] }, 2)).toBe(false);
      expect(await outboxOf(session.id)).toEqual([]);
      expect(await repository.delete(tenantId, { session: cancelled, outbox: [event] }, 1)).toBe(true);
      expect(await repository.findById(tenantId, courseId, session.id)).toBeNull();
      expect((await repository.list(tenantId, courseId, PAGE)).items).toEqual([]);
      expect(await outboxOf(session.id)).toEqual([event]);
      expect(await repository.delete(tenantId, { session: cancelled, outbox: [event] }, 1)).toBe(false);
      expect(
        await repository.save(tenantId, quietly(editSession(session, session, cancelled.updatedAt)), 2),
      ).toBe(false);
    });

    it("given a course's sessions deleted all at once, then other courses' sessions stay", async () => {
      const [ours, theirs] = [sessionOn(3), sessionOn(4, { course: newId() })];
      await repository.insert(quietly(ours));
      await repository.insert(quietly(theirs));

      await repository.deleteAllOf(tenantId, courseId);

      expect((await repository.list(tenantId, courseId, PAGE)).items).toEqual([]);
      expect(await repository.findById(tenantId, theirs.courseId, theirs.id)).toEqual(theirs);
    });
  });
}
