import { newId } from '@lms/kernel';
import type { GroupAssignment } from '../assignments/domain/group-assignment';
import type { GroupAssignmentRepository } from '../assignments/ports/group-assignment.repository';

const PAGE = { limit: 50 };

function newTenant(): string {
  return `contract-${newId()}`;
}

function groupAssignment(tenantId: string, overrides: Partial<GroupAssignment> = {}): GroupAssignment {
  return {
    id: newId(),
    tenantId,
    groupId: newId(),
    roles: ['learner'],
    coachIds: [newId()],
    startDate: '2025-03-01',
    endDate: null,
    status: 'current',
    active: true,
    fanOut: { status: 'pending', processed: 0, cursor: null, pendingUntil: null, completedAt: null },
    follow: { status: 'done', version: 1, processed: 0, cursor: null },
    createdAt: new Date('2025-03-01T10:00:00.000Z'),
    updatedAt: new Date('2025-03-01T10:00:00.000Z'),
    deletedAt: null,
    version: 1,
    ...overrides,
  };
}

/**
 * What every {@link GroupAssignmentRepository} must do, run against the in-memory fake (unit)
 * and the Mongo repository (integration), so that the fake the use case tests rely on
 * behaves like the real thing. Each test works in a tenant of its own.
 */
export function describeGroupAssignmentRepositoryContract(
  name: string,
  make: () => GroupAssignmentRepository,
): void {
  describe(`${name} (group assignment repository contract)`, () => {
    it('stores and reads a group assignment within its tenant', async () => {
      const repo = make();
      const tenantId = newTenant();
      const ga = groupAssignment(tenantId, { endDate: '2025-12-31' });

      await repo.create(ga, []);

      expect(await repo.findById(tenantId, ga.id)).toEqual(ga);
      expect(await repo.findById(newTenant(), ga.id)).toBeNull();
    });

    it('finds the current ones whose end date is before a day, by id, a batch at a time, and keeps a transfer mode', async () => {
      const repo = make();
      const tenantId = newTenant();
      const due = [
        groupAssignment(tenantId, { endDate: '2025-03-09' }),
        groupAssignment(tenantId, { endDate: '2025-01-31', transferMode: 'reshare_artifacts' }),
      ];
      const notDue = [
        groupAssignment(tenantId, { endDate: '2025-03-10' }),
        groupAssignment(tenantId, { endDate: null }),
        groupAssignment(tenantId, { endDate: '2025-03-01', status: 'expired' }),
        groupAssignment(tenantId, { endDate: '2025-03-01', status: 'ended' }),
        groupAssignment(tenantId, { endDate: '2025-03-01', deletedAt: new Date('2025-03-02T00:00:00.000Z') }),
      ];
      for (const ga of [...due, ...notDue]) await repo.create(ga, []);

      const mine = async (after: string | null) =>
        (await repo.listDueToExpire('2025-03-10', after, 1_000)).filter((ga) => ga.tenantId === tenantId);
      const ids = due.map((ga) => ga.id).sort();
      expect((await mine(null)).map((ga) => ga.id)).toEqual(ids);
      expect((await mine(ids[0])).map((ga) => ga.id)).toEqual(ids.slice(1));
      expect((await repo.findById(tenantId, due[1].id))?.transferMode).toBe('reshare_artifacts');
      expect(await repo.listDueToExpire('2025-03-10', null, 1)).toHaveLength(1);
    });

    it('saves fan-out progress only from the expected cursor', async () => {
      const repo = make();
      const tenantId = newTenant();
      const ga = groupAssignment(tenantId);
      await repo.create(ga, []);
      const now = new Date('2025-03-02T00:00:00.000Z');

      await repo.markFanOutRunning(tenantId, ga.id, now);
      expect(await repo.markFanOutChunkPending(tenantId, ga.id, 'u0', 'u2')).toBe(false);
      expect(await repo.markFanOutChunkPending(tenantId, ga.id, null, 'u2')).toBe(true);
      expect((await repo.findById(tenantId, ga.id))?.fanOut.pendingUntil).toBe('u2');
      expect(
        await repo.recordFanOutChunk(tenantId, ga.id, {
          expectedCursor: null,
          cursor: 'u2',
          processed: 2,
          now,
        }),
      ).toBe(true);
      expect(
        await repo.recordFanOutChunk(tenantId, ga.id, {
          expectedCursor: null,
          cursor: 'u9',
          processed: 2,
          now,
        }),
      ).toBe(false);
      expect(
        await repo.recordFanOutChunk(tenantId, ga.id, {
          expectedCursor: 'u2',
          cursor: 'u4',
          processed: 2,
          now,
        }),
      ).toBe(true);
      expect((await repo.findById(tenantId, ga.id))?.fanOut).toEqual({
        status: 'running',
        processed: 4,
        cursor: 'u4',
        pendingUntil: null,
        completedAt: null,
      });

      await repo.markFanOutDone(tenantId, ga.id, now);
      await repo.markFanOutRunning(tenantId, ga.id, now);
      expect((await repo.findById(tenantId, ga.id))?.fanOut).toEqual({
        status: 'done',
        processed: 4,
        cursor: 'u4',
        pendingUntil: null,
        completedAt: now,
      });
    });

    it('saves a change only at the expected version; follow progress only for that version; a deleted one is in no list', async () => {
      const repo = make();
      const tenantId = newTenant();
      const ga = groupAssignment(tenantId);
      await repo.create(ga, []);
      const now = new Date('2025-03-03T00:00:00.000Z');
      const off: GroupAssignment = {
        ...ga,
        active: false,
        version: 2,
        follow: { status: 'pending', version: 2, processed: 0, cursor: null },
      };

      expect(await repo.save(off, [], 2)).toBe(false);
      expect(await repo.save(off, [], 1)).toBe(true);
      expect(await repo.findById(tenantId, ga.id)).toEqual(off);
      expect((await repo.listUnfinishedFollows()).map((g) => g.id)).toContain(ga.id);

      const chunk = { version: 2, expectedCursor: null, cursor: 'a3', processed: 3, now };
      expect(await repo.recordFollowChunk(tenantId, ga.id, { ...chunk, version: 1 })).toBe(false);
      expect(await repo.recordFollowChunk(tenantId, ga.id, chunk)).toBe(true);
      expect(await repo.recordFollowChunk(tenantId, ga.id, chunk)).toBe(false);
      expect(await repo.markFollowDone(tenantId, ga.id, 1)).toBe(false);
      expect(await repo.markFollowDone(tenantId, ga.id, 2)).toBe(true);
      expect((await repo.findById(tenantId, ga.id))?.follow).toEqual({
        status: 'done',
        version: 2,
        processed: 3,
        cursor: 'a3',
      });
      expect((await repo.listUnfinishedFollows()).map((g) => g.id)).not.toContain(ga.id);

      const deleted = { ...off, deletedAt: now, version: 3 };
      expect(await repo.save(deleted, [], 2)).toBe(true);
      expect(await repo.findById(tenantId, ga.id)).toEqual(deleted);
      expect(await repo.listCurrentByGroups(tenantId, [ga.groupId])).toEqual([]);
      expect((await repo.list(tenantId, {}, PAGE)).items).toEqual([]);
    });

    it('lists the current ones of a group, and all of them newest first with a page', async () => {
      const repo = make();
      const tenantId = newTenant();
      const groupId = newId();
      const older = groupAssignment(tenantId, { groupId, createdAt: new Date('2025-03-01T00:00:00.000Z') });
      const newer = groupAssignment(tenantId, { groupId, createdAt: new Date('2025-03-02T00:00:00.000Z') });
      const endedOne = groupAssignment(tenantId, {
        groupId,
        status: 'ended',
        createdAt: new Date('2025-02-01T00:00:00.000Z'),
      });
      const elsewhere = groupAssignment(tenantId);
      for (const ga of [older, newer, endedOne, elsewhere]) await repo.create(ga, []);

      expect((await repo.listCurrentByGroups(tenantId, [groupId])).map((g) => g.id).sort()).toEqual(
        [older.id, newer.id].sort(),
      );
      const page = await repo.list(tenantId, { groupId }, { limit: 2 });
      expect(page).toMatchObject({ limit: 2, nextCursor: expect.any(String) });
      expect(page.items.map((g) => g.id)).toEqual([newer.id, older.id]);
      const last = await repo.list(tenantId, { groupId }, { limit: 2, cursor: page.nextCursor ?? undefined });
      expect(last.items.map((g) => g.id)).toEqual([endedOne.id]);
      expect(last.nextCursor).toBeNull();
      expect((await repo.list(tenantId, {}, PAGE)).items).toHaveLength(4);
    });
  });
}
