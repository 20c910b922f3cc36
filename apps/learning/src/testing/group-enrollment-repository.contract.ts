import { randomUUID } from 'node:crypto';
import { newId } from '@lms/kernel';
import {
  endGroupEnrollment,
  newGroupEnrollment,
  recordPage,
  type GroupEnrollment,
} from '../group-enrollments/domain/group-enrollment';
import type {
  GroupEnrollmentDepartureRepository,
  GroupEnrollmentRepository,
} from '../group-enrollments/ports/group-enrollment.repository';

/** The repositories under test: group enrollments and their departures. */
export interface GroupEnrollmentRepositoriesUnderTest {
  groupEnrollments: GroupEnrollmentRepository;
  departures: GroupEnrollmentDepartureRepository;
}

/**
 * What every group enrollment repository guarantees, run against the in-memory fakes (unit)
 * and the Mongo repositories (integration). Each test works in a tenant of its own.
 */
export function describeGroupEnrollmentRepositoryContract(
  name: string,
  make: () => GroupEnrollmentRepositoriesUnderTest,
): void {
  describe(`${name} (group enrollment repository contract)`, () => {
    let repositories: GroupEnrollmentRepositoriesUnderTest;
    let tenantId: string;

    beforeEach(() => {
      repositories = make();
      tenantId = `tenant-${randomUUID()}`;
    });

    function aGroupEnrollment(
      minute: number,
      options: { groupId?: string; courseId?: string } = {},
    ): GroupEnrollment {
      const now = new Date(Date.UTC(2026, 2, 2, 9, minute));
      return newGroupEnrollment(
        {
          tenantId,
          groupId: options.groupId ?? randomUUID(),
          target: { kind: 'course', courseId: options.courseId ?? randomUUID(), sessionId: null },
          roles: ['learner'],
          createdBy: 'admin',
        },
        { id: newId(now), now },
      );
    }

    it('given a group enrollment stored, then it reads back whole in its tenant only, and the same group and target is refused while it is not ended', async () => {
      const { groupEnrollments } = repositories;
      const first = aGroupEnrollment(1);
      expect(await groupEnrollments.insert(first)).toBe(true);
      expect(await groupEnrollments.findById(tenantId, first.id)).toEqual(first);
      expect(await groupEnrollments.findById(`tenant-${randomUUID()}`, first.id)).toBeNull();

      const twin = aGroupEnrollment(2, {
        groupId: first.groupId,
        courseId: (first.target as { courseId: string }).courseId,
      });
      expect(await groupEnrollments.insert(twin)).toBe(false);
      const ended = endGroupEnrollment(first, new Date(Date.UTC(2026, 2, 2, 10))) as GroupEnrollment;
      expect(await groupEnrollments.save(ended, first.version)).toBe(true);
      expect(await groupEnrollments.insert(twin)).toBe(true);
      expect(await groupEnrollments.findById(tenantId, first.id)).toEqual(ended);
    });

    it('given the version read, then a save writes the progress; at another version it writes nothing; joined counts add up apart', async () => {
      const { groupEnrollments } = repositories;
      const stored = aGroupEnrollment(1);
      await groupEnrollments.insert(stored);
      const page = recordPage(
        stored,
        { membersRead: 3, lastUserId: 'u-3', outcomes: [{ userId: 'u-1', outcome: 'enrolled' }] },
        new Date(Date.UTC(2026, 2, 2, 9, 5)),
      );

      expect(await groupEnrollments.save(page, stored.version + 1)).toBe(false);
      await groupEnrollments.addJoined(tenantId, stored.id, { enrolled: 2, kept: 0, notEnrolled: 1 });
      expect(await groupEnrollments.save(page, stored.version)).toBe(true);
      await groupEnrollments.addJoined(tenantId, stored.id, { enrolled: 1, kept: 0, notEnrolled: 0 });

      expect(await groupEnrollments.findById(tenantId, stored.id)).toEqual({
        ...page,
        joined: { enrolled: 3, kept: 0, notEnrolled: 1 },
      });
    });

    it('given several, then lists narrow by group and course newest first, the current ones of groups are found, and the running ones across tenants', async () => {
      const { groupEnrollments } = repositories;
      const groupId = randomUUID();
      const [a, b, c] = [
        aGroupEnrollment(1, { groupId }),
        aGroupEnrollment(2, { groupId }),
        aGroupEnrollment(3),
      ];
      for (const g of [a, b, c]) await groupEnrollments.insert(g);
      await groupEnrollments.save(endGroupEnrollment(b, new Date()) as GroupEnrollment, b.version);

      const byGroup = await groupEnrollments.list(tenantId, { groupId }, { limit: 1 });
      expect(byGroup.items.map((g) => g.id)).toEqual([b.id]);
      const next = await groupEnrollments.list(
        tenantId,
        { groupId },
        { limit: 1, cursor: byGroup.nextCursor ?? undefined },
      );
      expect(next.items.map((g) => g.id)).toEqual([a.id]);
      const byCourse = await groupEnrollments.list(
        tenantId,
        { courseId: (c.target as { courseId: string }).courseId },
        { limit: 5 },
      );
      expect(byCourse.items.map((g) => g.id)).toEqual([c.id]);
      expect(
        (await groupEnrollments.list(tenantId, { status: 'ended' }, { limit: 5 })).items.map((g) => g.id),
      ).toEqual([b.id]);

      expect((await groupEnrollments.listCurrentOfGroups(tenantId, [groupId])).map((g) => g.id)).toEqual([
        a.id,
      ]);
      expect(await groupEnrollments.listCurrentOfGroups(`tenant-${randomUUID()}`, [groupId])).toEqual([]);
      const running = (await groupEnrollments.listRunning(10_000)).filter((g) => g.tenantId === tenantId);
      expect(running.map((g) => g.id).sort()).toEqual([a.id, c.id].sort());
    });

    it('given departures, then they are listed by member, recorded once, forgotten when the member comes back, in their tenant only', async () => {
      const { departures } = repositories;
      const groupEnrollmentId = randomUUID();
      const leftAt = new Date(Date.UTC(2026, 2, 2, 9));
      const d = (userId: string) => ({ tenantId, groupEnrollmentId, userId, leftAt });
      await departures.record([d('u-2'), d('u-1'), d('u-3')]);
      await departures.record([d('u-2')]);
      await departures.forget(tenantId, groupEnrollmentId, ['u-3']);

      const page = await departures.list(tenantId, groupEnrollmentId, { limit: 1 });
      expect(page.items).toEqual([d('u-1')]);
      const rest = await departures.list(tenantId, groupEnrollmentId, {
        limit: 5,
        cursor: page.nextCursor ?? undefined,
      });
      expect(rest.items).toEqual([d('u-2')]);
      expect(
        (await departures.list(`tenant-${randomUUID()}`, groupEnrollmentId, { limit: 5 })).items,
      ).toEqual([]);
    });
  });
}
