import { randomUUID } from 'node:crypto';
import { CoursesStream } from '@lms/contracts';
import { EventFactory, type OutboxEntry } from '@lms/messaging';
import { newId } from '@lms/kernel';
import {
  editCourse,
  newCourse,
  type Course,
  type CourseDetails,
  type CourseKind,
} from '../courses/domain/course';
import type { CourseRepository } from '../courses/ports/course.repository';

const events = new EventFactory('learning');
const PAGE = { limit: 50 };

/** A repository under test, and the events stored with each course it wrote (rule 1). */
export interface CourseRepositoryUnderTest {
  repository: CourseRepository;
  /** The entries stored with the course `id`, in write order; nothing is published during a contract run. */
  outboxOf(id: string): Promise<OutboxEntry[]>;
}

const DETAILS: CourseDetails = {
  title: 'Negotiation basics',
  description: null,
  enrollmentPolicy: 'free',
  overbookingAllowed: false,
  groupIds: [],
  material: [],
};

/** The `course.updated` of a course's state, as a use case writes it. */
function updated(course: Course): OutboxEntry {
  return events.create(CoursesStream, 'course.updated', {
    tenantId: course.tenantId,
    aggregateId: course.id,
    aggregateVersion: course.version,
    occurredAt: course.updatedAt,
    payload: {
      courseId: course.id,
      title: course.title,
      kind: course.kind,
      state: course.state,
      updatedAt: course.updatedAt.toISOString(),
    },
  });
}

/**
 * What every {@link CourseRepository} guarantees, run against the in-memory fake (unit) and
 * the Mongo repository (integration), so that the fake cannot drift from the real one. Each
 * test works in a tenant of its own.
 */
export function describeCourseRepositoryContract(
  name: string,
  make: () => Promise<CourseRepositoryUnderTest> | CourseRepositoryUnderTest,
): void {
  describe(`${name} (course repository contract)`, () => {
    let repository: CourseRepository;
    let outboxOf: CourseRepositoryUnderTest['outboxOf'];
    let tenantId: string;

    beforeEach(async () => {
      ({ repository, outboxOf } = await make());
      tenantId = `tenant-${randomUUID()}`;
    });

    /** The course created at `minute` past 09:00 (its id sorts by creation), in `state`. */
    function courseAt(
      minute: number,
      options: Partial<Pick<Course, 'state' | 'kind' | 'authorId' | 'groupIds' | 'tenantId'>> = {},
    ): Course {
      const now = new Date(Date.UTC(2026, 2, 2, 9, minute));
      const kind: CourseKind = options.kind ?? (minute % 2 === 0 ? 'elearning' : 'ilt');
      const course = newCourse(
        {
          tenantId: options.tenantId ?? tenantId,
          kind,
          authorId: options.authorId === undefined ? randomUUID() : options.authorId,
          details: { ...DETAILS, title: `Course of ${now.toISOString()}`, groupIds: options.groupIds ?? [] },
        },
        { id: newId(now), now },
      );
      return { ...course, state: options.state ?? 'published' };
    }

    async function insertAll(courses: readonly Course[]): Promise<void> {
      for (const course of courses) await repository.insert({ course, outbox: [] });
    }

    it('given a course inserted, then it reads back whole by id, within its tenant only', async () => {
      const course: Course = {
        ...courseAt(1, { groupIds: [randomUUID(), randomUUID()] }),
        description: 'Ünïcode, "quotes"\nand lines',
        enrollmentPolicy: 'approval',
        overbookingAllowed: true,
        kind: 'elearning',
        material: [
          { title: 'Welcome', kind: 'video', url: 'https://media.example.com/w.mp4' },
          { title: 'Slides', kind: 'slides', url: 'https://media.example.com/s.pdf' },
        ],
      };
      await repository.insert({ course, outbox: [] });

      expect(await repository.findById(tenantId, course.id)).toEqual(course);
      expect(await repository.findById(`tenant-${randomUUID()}`, course.id)).toBeNull();
      expect(await repository.findById(tenantId, newId())).toBeNull();
    });

    it('given a course inserted with its events, then they are stored with it, in the same write', async () => {
      const course = courseAt(1);
      const event = updated(course);

      await repository.insert({ course, outbox: [event] });

      expect(await outboxOf(course.id)).toEqual([event]);
    });

    it('given no course in the tenant, when listed, then the page is empty and the last one', async () => {
      expect(await repository.list(tenantId, {}, PAGE)).toEqual({ items: [], limit: 50, nextCursor: null });
    });

    it('given courses stored in any order, when listed, then they come back whole, in creation order, a page at a time', async () => {
      const courses = [courseAt(1), courseAt(2), courseAt(3), courseAt(4), courseAt(5)];
      await insertAll([courses[2], courses[0], courses[4], courses[1], courses[3]] as Course[]);

      const first = await repository.list(tenantId, {}, { limit: 2 });
      const second = await repository.list(tenantId, {}, { limit: 2, cursor: first.nextCursor ?? undefined });
      const last = await repository.list(tenantId, {}, { limit: 2, cursor: second.nextCursor ?? undefined });

      expect(first).toEqual({ items: courses.slice(0, 2), limit: 2, nextCursor: expect.any(String) });
      expect(second).toEqual({ items: courses.slice(2, 4), limit: 2, nextCursor: expect.any(String) });
      expect(last).toEqual({ items: courses.slice(4), limit: 2, nextCursor: null });
      expect(await repository.list(tenantId, {}, { limit: 5 })).toEqual({
        items: courses,
        limit: 5,
        nextCursor: null,
      });
    });

    it('given courses of two tenants, when one tenant lists, then it sees only its own', async () => {
      const otherTenant = `tenant-${randomUUID()}`;
      const ours = courseAt(1);
      await insertAll([courseAt(0, { tenantId: otherTenant }), ours, courseAt(2, { tenantId: otherTenant })]);

      expect((await repository.list(tenantId, {}, PAGE)).items).toEqual([ours]);
      expect((await repository.list(otherTenant, {}, PAGE)).items).toHaveLength(2);
    });

    it('given courses of every state, kind and author, then each filter narrows the list', async () => {
      const author = randomUUID();
      const draft = courseAt(1, { state: 'draft', kind: 'ilt', authorId: author });
      const published = courseAt(2, { state: 'published', kind: 'elearning', authorId: author });
      const archived = courseAt(3, { state: 'archived', kind: 'ilt' });
      await insertAll([draft, published, archived]);
      const ids = async (filter: Parameters<CourseRepository['list']>[1]) =>
        (await repository.list(tenantId, filter, PAGE)).items.map((c) => c.id);

      expect(await ids({ state: 'draft' })).toEqual([draft.id]);
      expect(await ids({ kind: 'ilt' })).toEqual([draft.id, archived.id]);
      expect(await ids({ authorId: author })).toEqual([draft.id, published.id]);
      expect(await ids({ authorId: author, kind: 'elearning', state: 'published' })).toEqual([published.id]);
      expect(await ids({ authorId: randomUUID() })).toEqual([]);
    });

    it("given courses offered to everyone, to groups, or not published, then a reader's catalog holds the published ones offered to it", async () => {
      const [sales, support, other] = [randomUUID(), randomUUID(), randomUUID()];
      const forEveryone = courseAt(1);
      const forSales = courseAt(2, { groupIds: [sales] });
      const forSupportOrOther = courseAt(3, { groupIds: [support, other] });
      const draftForEveryone = courseAt(4, { state: 'draft' });
      const archivedForSales = courseAt(5, { state: 'archived', groupIds: [sales] });
      await insertAll([forEveryone, forSales, forSupportOrOther, draftForEveryone, archivedForSales]);
      await insertAll([courseAt(6, { tenantId: `tenant-${randomUUID()}` })]);
      const ids = async (reader: Parameters<CourseRepository['listCatalog']>[1], kind?: CourseKind) =>
        (await repository.listCatalog(tenantId, reader, kind, PAGE)).items.map((c) => c.id);

      expect(await ids({ everything: false, memberOf: [] })).toEqual([forEveryone.id]);
      expect(await ids({ everything: false, memberOf: [sales] })).toEqual([forEveryone.id, forSales.id]);
      expect(await ids({ everything: false, memberOf: [other, sales] })).toEqual([
        forEveryone.id,
        forSales.id,
        forSupportOrOther.id,
      ]);
      expect(await ids({ everything: true })).toEqual([forEveryone.id, forSales.id, forSupportOrOther.id]);
      expect(await ids({ everything: true }, 'elearning')).toEqual([forSales.id]);
      const first = await repository.listCatalog(tenantId, { everything: true }, undefined, { limit: 2 });
      const rest = await repository.listCatalog(tenantId, { everything: true }, undefined, {
        limit: 2,
        cursor: first.nextCursor ?? undefined,
      });
      expect([...first.items, ...rest.items].map((c) => c.id)).toEqual([
        forEveryone.id,
        forSales.id,
        forSupportOrOther.id,
      ]);
      expect(rest.nextCursor).toBeNull();
    });

    it('given the version read, then a save replaces the course with its events and keeps kind and creation; at another version or in another tenant it writes nothing', async () => {
      const course = courseAt(1);
      await repository.insert({ course, outbox: [] });
      const edited = editCourse(
        course,
        { ...DETAILS, title: 'Renamed', groupIds: [randomUUID()] },
        new Date('2026-03-03T09:00:00.000Z'),
      );
      const event = updated(edited);

      expect(await repository.save(`tenant-${randomUUID()}`, { course: edited, outbox: [event] }, 1)).toBe(
        false,
      );
      expect(await repository.save(tenantId, { course: edited, outbox: [event] }, 2)).toBe(false);
      expect(await repository.findById(tenantId, course.id)).toEqual(course);
      expect(await outboxOf(course.id)).toEqual([]);

      expect(await repository.save(tenantId, { course: edited, outbox: [event] }, 1)).toBe(true);
      expect(await repository.findById(tenantId, course.id)).toEqual(edited);
      expect(await outboxOf(course.id)).toEqual([event]);
      const again = editCourse(edited, { ...DETAILS, title: 'Again' }, new Date('2026-03-04T09:00:00.000Z'));
      expect(await repository.save(tenantId, { course: again, outbox: [updated(again)] }, 2)).toBe(true);
      expect((await outboxOf(course.id)).map((e) => e.envelope.aggregateVersion)).toEqual([2, 3]);
      expect(await repository.save(tenantId, { course: edited, outbox: [] }, 1)).toBe(false);
    });

    it('given the version read, then a deletion removes the course for good; at another version or in another tenant it removes nothing', async () => {
      const course = courseAt(1, { state: 'draft' });
      await repository.insert({ course, outbox: [] });

      expect(await repository.delete(`tenant-${randomUUID()}`, course.id, 1)).toBe(false);
      expect(await repository.delete(tenantId, course.id, 2)).toBe(false);
      expect(await repository.findById(tenantId, course.id)).toEqual(course);
      expect(await repository.delete(tenantId, course.id, 1)).toBe(true);
      expect(await repository.findById(tenantId, course.id)).toBeNull();
      expect((await repository.list(tenantId, {}, PAGE)).items).toEqual([]);
      expect(await repository.delete(tenantId, course.id, 1)).toBe(false);
    });

    it('given roles granted and the authorship handed on, then the course reads back with them, and lists the courses where a user holds any role', async () => {
      const [ada, bob, cleo] = [randomUUID(), randomUUID(), randomUUID()];
      const authored = courseAt(1, { authorId: ada });
      const reviewed = courseAt(2, { authorId: randomUUID() });
      const unrelated = courseAt(3, { authorId: randomUUID() });
      const elsewhere = courseAt(4, { authorId: ada, tenantId: `tenant-${randomUUID()}` });
      await insertAll([authored, reviewed, unrelated, elsewhere]);
      const changed: Course = {
        ...authored,
        authorId: bob,
        roles: [
          { userId: ada, role: 'co_author' },
          { userId: cleo, role: 'instructor' },
        ],
        version: 2,
      };
      expect(await repository.save(tenantId, { course: changed, outbox: [] }, 1)).toBe(true);
      const withReviewer: Course = { ...reviewed, roles: [{ userId: ada, role: 'reviewer' }], version: 2 };
      expect(await repository.save(tenantId, { course: withReviewer, outbox: [] }, 1)).toBe(true);

      expect(await repository.findById(tenantId, authored.id)).toEqual(changed);
      const heldBy = async (userId: string) =>
        (await repository.listWithUser(tenantId, userId, PAGE)).items.map((c) => c.id);
      expect(await heldBy(ada)).toEqual([authored.id, reviewed.id]);
      expect(await heldBy(bob)).toEqual([authored.id]);
      expect(await heldBy(cleo)).toEqual([authored.id]);
      expect(await heldBy(randomUUID())).toEqual([]);
      const first = await repository.listWithUser(tenantId, ada, { limit: 1 });
      expect(first.items.map((c) => c.id)).toEqual([authored.id]);
      const rest = await repository.listWithUser(tenantId, ada, {
        limit: 1,
        cursor: first.nextCursor ?? undefined,
      });
      expect(rest.items.map((c) => c.id)).toEqual([reviewed.id]);
    });
  });
}
