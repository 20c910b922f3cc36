import { randomUUID } from 'node:crypto';
import { EventFactory, type OutboxEntry } from '@lms/messaging';
import { newId } from '@lms/kernel';
import { newEnrollment, withState, type Enrollment } from '../enrollments/domain/enrollment';
import type { EnrollmentRepository } from '../enrollments/ports/enrollment.repository';
import { enrollmentEvent } from '../enrollments/use-cases/enrollment-events';

const events = new EventFactory('learning');
const PAGE = { limit: 50 };

/** A repository under test, and the events stored with each enrollment it wrote (rule 1). */
export interface EnrollmentRepositoryUnderTest {
  repository: EnrollmentRepository;
  /** The entries stored with the enrollment `id`, in write order; nothing is published during a contract run. */
  outboxOf(id: string): Promise<OutboxEntry[]>;
}

/**
 * What every {@link EnrollmentRepository} guarantees, run against the in-memory fake (unit) and
 * the Mongo repository (integration). Each test works in a tenant of its own.
 */
export function describeEnrollmentRepositoryContract(
  name: string,
  make: () => Promise<EnrollmentRepositoryUnderTest> | EnrollmentRepositoryUnderTest,
): void {
  describe(`${name} (enrollment repository contract)`, () => {
    let repository: EnrollmentRepository;
    let outboxOf: EnrollmentRepositoryUnderTest['outboxOf'];
    let tenantId: string;

    beforeEach(async () => {
      ({ repository, outboxOf } = await make());
      tenantId = `tenant-${randomUUID()}`;
    });

    /** An enrollment created at `minute` past 09:00 (its id sorts by creation). */
    function enrollmentAt(minute: number, options: Partial<Enrollment> = {}): Enrollment {
      const now = new Date(Date.UTC(2026, 2, 2, 9, minute));
      const enrollment = newEnrollment(
        {
          tenantId,
          courseId: randomUUID(),
          userId: randomUUID(),
          courseKind: 'elearning',
          sessionId: null,
          state: 'enrolled',
        },
        { id: newId(now), now },
      );
      return { ...enrollment, ...options };
    }

    const created = (e: Enrollment) => enrollmentEvent(events, 'enrollment.created', e, null);

    it('given an enrollment inserted with its event, then it reads back whole by id and by course and learner, within its tenant only', async () => {
      const enrollment: Enrollment = {
        ...enrollmentAt(1, { courseKind: 'ilt', sessionId: randomUUID(), state: 'to_be_confirmed' }),
        completedMaterial: [0, 2],
        firstAccessedAt: new Date('2026-03-02T10:00:00.000Z'),
      };
      const event = created(enrollment);

      expect(await repository.insert({ enrollment, outbox: [event] })).toBe(true);

      expect(await repository.findById(tenantId, enrollment.id)).toEqual(enrollment);
      expect(await repository.findOf(tenantId, enrollment.courseId, enrollment.userId)).toEqual(enrollment);
      expect(await repository.findById(`tenant-${randomUUID()}`, enrollment.id)).toBeNull();
      expect(
        await repository.findOf(`tenant-${randomUUID()}`, enrollment.courseId, enrollment.userId),
      ).toBeNull();
      expect(await repository.findById(tenantId, newId())).toBeNull();
      expect(await outboxOf(enrollment.id)).toEqual([event]);
      expect(await repository.findMany(tenantId, [enrollment.id, newId(), enrollment.id])).toEqual([
        enrollment,
      ]);
      expect(await repository.findMany(`tenant-${randomUUID()}`, [enrollment.id])).toEqual([]);
      expect(await repository.findMany(tenantId, [])).toEqual([]);
    });

    it('given a learner enrolled in a course, when a second enrollment of the same course and learner is inserted, then it is refused and nothing is written', async () => {
      const first = enrollmentAt(1);
      await repository.insert({ enrollment: first, outbox: [] });
      const second = enrollmentAt(2, { courseId: first.courseId, userId: first.userId });

      expect(await repository.insert({ enrollment: second, outbox: [created(second)] })).toBe(false);
      expect(await repository.findById(tenantId, second.id)).toBeNull();
      expect(await repository.findOf(tenantId, first.courseId, first.userId)).toEqual(first);
      const elsewhere = enrollmentAt(3, {
        courseId: first.courseId,
        userId: first.userId,
        tenantId: `tenant-${randomUUID()}`,
      });
      expect(await repository.insert({ enrollment: elsewhere, outbox: [] })).toBe(true);
    });

    it('given many new enrollments in one bulk, then those whose learner is not enrolled yet are inserted with their events, once, and the others are left as they are', async () => {
      const courseId = randomUUID();
      const before = enrollmentAt(1, { courseId });
      await repository.insert({ enrollment: before, outbox: [] });
      const fresh = [2, 3, 4].map((minute) => enrollmentAt(minute, { courseId }));
      const again = enrollmentAt(5, { courseId, userId: before.userId });
      const bulk = [...fresh, again].map((e) => ({ enrollment: e, outbox: [created(e)] }));

      const inserted = await repository.insertManyIfAbsent(tenantId, bulk);

      expect([...inserted].sort()).toEqual(fresh.map((e) => e.id).sort());
      for (const [i, e] of fresh.entries()) {
        expect(await repository.findOf(tenantId, courseId, e.userId)).toEqual(e);
        expect((await outboxOf(e.id)).map((entry) => entry.eventId)).toEqual([bulk[i]?.outbox[0]?.eventId]);
      }
      expect(await repository.findOf(tenantId, courseId, before.userId)).toEqual(before);
      expect(await repository.findById(tenantId, again.id)).toBeNull();
      expect(await repository.insertManyIfAbsent(tenantId, bulk)).toEqual([]);
      expect(await repository.insertManyIfAbsent(tenantId, [])).toEqual([]);
    });

    it('given enrollments stored in any order, when listed, then they come back in creation order, a page at a time, each filter narrowing', async () => {
      const course = randomUUID();
      const session = randomUUID();
      const all = [
        enrollmentAt(1, { courseId: course }),
        enrollmentAt(2, { courseId: course, courseKind: 'ilt', sessionId: session, state: 'waiting' }),
        enrollmentAt(3),
        enrollmentAt(4, { courseId: course, courseKind: 'ilt', sessionId: session, state: 'waiting' }),
      ] as const;
      for (const e of [all[2], all[0], all[3], all[1]])
        await repository.insert({ enrollment: e, outbox: [] });
      await repository.insert({
        enrollment: enrollmentAt(0, { tenantId: `tenant-${randomUUID()}` }),
        outbox: [],
      });

      const first = await repository.list(tenantId, {}, { limit: 3 });
      const rest = await repository.list(tenantId, {}, { limit: 3, cursor: first.nextCursor ?? undefined });
      expect(first).toEqual({ items: all.slice(0, 3), limit: 3, nextCursor: expect.any(String) });
      expect(rest).toEqual({ items: all.slice(3), limit: 3, nextCursor: null });
      const ids = async (filter: Parameters<EnrollmentRepository['list']>[1]) =>
        (await repository.list(tenantId, filter, PAGE)).items.map((e) => e.id);
      expect(await ids({ courseId: course })).toEqual([all[0].id, all[1].id, all[3].id]);
      expect(await ids({ userId: all[2].userId })).toEqual([all[2].id]);
      expect(await ids({ sessionId: session, state: 'waiting' })).toEqual([all[1].id, all[3].id]);
      expect(await ids({ state: 'completed' })).toEqual([]);
    });

    it('given the version read, then a save replaces the state with its events; at another version or in another tenant it writes nothing', async () => {
      const enrollment = enrollmentAt(1);
      await repository.insert({ enrollment, outbox: [] });
      const moved = {
        ...withState(enrollment, 'in_progress', new Date('2026-03-03T09:00:00.000Z')),
        completedMaterial: [1],
      };
      const event = enrollmentEvent(events, 'enrollment.state-changed', moved, 'enrolled');

      expect(await repository.save(`tenant-${randomUUID()}`, { enrollment: moved, outbox: [event] }, 1)).toBe(
        false,
      );
      expect(await repository.save(tenantId, { enrollment: moved, outbox: [event] }, 2)).toBe(false);
      expect(await repository.findById(tenantId, enrollment.id)).toEqual(enrollment);
      expect(await repository.save(tenantId, { enrollment: moved, outbox: [event] }, 1)).toBe(true);
      expect(await repository.findById(tenantId, enrollment.id)).toEqual(moved);
      expect(await outboxOf(enrollment.id)).toEqual([event]);
    });

    it('given the version read, then a deletion unenrolls with its event: the enrollment is gone from reads and lists, and the learner may enroll again', async () => {
      const enrollment = enrollmentAt(1);
      await repository.insert({ enrollment, outbox: [] });
      const last = { ...enrollment, updatedAt: new Date('2026-03-03T09:00:00.000Z'), version: 2 };
      const event = enrollmentEvent(events, 'enrollment.deleted', last, 'enrolled');

      expect(await repository.delete(tenantId, { enrollment: last, outbox: [event] }, 2)).toBe(false);
      expect(
        await repository.delete(`tenant-${randomUUID()}`, { enrollment: last, outbox: [event] }, 1),
      ).toBe(false);
      expect(await repository.delete(tenantId, { enrollment: last, outbox: [event] }, 1)).toBe(true);

      expect(await repository.findById(tenantId, enrollment.id)).toBeNull();
      expect(await repository.findMany(tenantId, [enrollment.id])).toEqual([]);
      expect(await repository.findOf(tenantId, enrollment.courseId, enrollment.userId)).toBeNull();
      expect((await repository.list(tenantId, {}, PAGE)).items).toEqual([]);
      expect(await outboxOf(enrollment.id)).toEqual([event]);
      expect(
        await repository.save(
          tenantId,
          { enrollment: withState(last, 'completed', last.updatedAt), outbox: [] },
          2,
        ),
      ).toBe(false);
      const again = enrollmentAt(2, { courseId: enrollment.courseId, userId: enrollment.userId });
      expect(await repository.insert({ enrollment: again, outbox: [] })).toBe(true);
      expect(await repository.findOf(tenantId, enrollment.courseId, enrollment.userId)).toEqual(again);
    });

    it("given an attendance marked, then the save keeps it whole, and a session's list narrows the course's to that session", async () => {
      const course = randomUUID();
      const session = randomUUID();
      const ilt = { courseId: course, courseKind: 'ilt' as const, sessionId: session };
      const learner = enrollmentAt(1, ilt);
      const elsewhere = enrollmentAt(2, { ...ilt, sessionId: randomUUID() });
      const other = enrollmentAt(3, { ...ilt, state: 'waiting' });
      for (const e of [learner, elsewhere, other]) await repository.insert({ enrollment: e, outbox: [] });
      const at = new Date('2026-04-01T12:00:00.000Z');
      const attended: Enrollment = {
        ...withState(learner, 'completed', at),
        firstAccessedAt: at,
        firstAccessByAttendance: true,
        attendance: 'attended',
        attendanceMarkedAt: at,
        attendanceMarkedBy: randomUUID(),
        grade: 87,
        note: 'Led the role play',
      };
      const event = enrollmentEvent(events, 'enrollment.state-changed', attended, 'enrolled');

      expect(await repository.save(tenantId, { enrollment: attended, outbox: [event] }, 1)).toBe(true);

      expect(await repository.findById(tenantId, learner.id)).toEqual(attended);
      expect(await outboxOf(learner.id)).toEqual([event]);
      const listed = await repository.list(tenantId, { courseId: course, sessionId: session }, PAGE);
      expect(listed.items).toEqual([attended, other]);
      const corrected: Enrollment = {
        ...withState(attended, 'enrolled', at),
        firstAccessedAt: null,
        firstAccessByAttendance: false,
        attendance: 'absent',
        grade: null,
        note: null,
      };
      expect(await repository.save(tenantId, { enrollment: corrected, outbox: [] }, 2)).toBe(true);
      expect(await repository.findById(tenantId, learner.id)).toEqual(corrected);
    });
  });
}
