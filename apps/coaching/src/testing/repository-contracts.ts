import type { GroupRole } from '@lms/contracts';
import { newId } from '@lms/kernel';
import type { Assignment } from '../assignments/domain/assignment';
import type { GroupAssignment } from '../assignments/domain/group-assignment';
import type { AssignmentRepository } from '../assignments/ports/assignment.repository';
import type { GroupAssignmentRepository } from '../assignments/ports/group-assignment.repository';
import type { MembershipProjectionRepository } from '../memberships/ports/membership-projection.repository';
import type { UserProjectionRepository } from '../users/ports/user-projection.repository';

/**
 * What every implementation of the repository ports must do, run against the in-memory fakes
 * (unit) and the Mongo repositories (integration), so that the fakes the use case tests rely
 * on behave like the real thing. Each test works in a tenant of its own.
 */
export interface ContractSubjects {
  assignments: () => AssignmentRepository;
  groupAssignments: () => GroupAssignmentRepository;
  memberships: () => MembershipProjectionRepository;
  users: () => UserProjectionRepository;
}

const PAGE = { limit: 50, offset: 0 };

function newTenant(): string {
  return `contract-${newId()}`;
}

export function derivedAssignment(tenantId: string, overrides: Partial<Assignment> = {}): Assignment {
  return {
    id: newId(),
    tenantId,
    menteeId: newId(),
    coachIds: [newId()],
    origin: 'group',
    groupAssignmentId: newId(),
    groupId: newId(),
    startDate: '2025-03-01',
    endDate: null,
    status: 'current',
    createdAt: '2025-03-01T10:00:00.000Z',
    updatedAt: '2025-03-01T10:00:00.000Z',
    endedAt: null,
    endReason: null,
    version: 1,
    ...overrides,
  };
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
    fanOut: { status: 'pending', processed: 0, cursor: null, completedAt: null },
    createdAt: '2025-03-01T10:00:00.000Z',
    updatedAt: '2025-03-01T10:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

function ended(assignment: Assignment): Assignment {
  return {
    ...assignment,
    status: 'ended',
    endedAt: '2025-03-05T10:00:00.000Z',
    endReason: 'membership.removed',
    updatedAt: '2025-03-05T10:00:00.000Z',
    version: assignment.version + 1,
  };
}

export function describeRepositoryContracts(subjects: ContractSubjects): void {
  describe('AssignmentRepository contract', () => {
    it('inserts a derived assignment once per (tenant, group assignment, mentee) and returns only the ids it inserted', async () => {
      const repo = subjects.assignments();
      const tenantId = newTenant();
      const first = derivedAssignment(tenantId);
      const again = { ...first, id: newId() };
      const other = derivedAssignment(tenantId, {
        groupAssignmentId: first.groupAssignmentId,
        groupId: first.groupId,
      });

      expect(await repo.insertDerivedIfAbsent(tenantId, [{ assignment: first, outbox: [] }])).toEqual([
        first.id,
      ]);
      expect(
        (
          await repo.insertDerivedIfAbsent(tenantId, [
            { assignment: again, outbox: [] },
            { assignment: other, outbox: [] },
          ])
        ).sort(),
      ).toEqual([other.id]);

      expect(await repo.findById(tenantId, first.id)).toEqual(first);
      expect(await repo.findById(tenantId, again.id)).toBeNull();
      const sameKeyOtherTenant = { ...first, id: newId(), tenantId: newTenant() };
      expect(
        await repo.insertDerivedIfAbsent(sameKeyOtherTenant.tenantId, [
          { assignment: sameKeyOtherTenant, outbox: [] },
        ]),
      ).toEqual([sameKeyOtherTenant.id]);
      expect(await repo.findById(tenantId, sameKeyOtherTenant.id)).toBeNull();
    });

    it('ends a current assignment only at the expected version, then lets a new current one take its place', async () => {
      const repo = subjects.assignments();
      const tenantId = newTenant();
      const assignment = derivedAssignment(tenantId);
      await repo.insertDerivedIfAbsent(tenantId, [{ assignment, outbox: [] }]);

      expect(await repo.end(tenantId, { assignment: ended(assignment), outbox: [] }, 7)).toBe(false);
      expect(await repo.end(newTenant(), { assignment: ended(assignment), outbox: [] }, 1)).toBe(false);
      expect(await repo.end(tenantId, { assignment: ended(assignment), outbox: [] }, 1)).toBe(true);
      expect(await repo.end(tenantId, { assignment: ended(assignment), outbox: [] }, 1)).toBe(false);
      expect(await repo.findById(tenantId, assignment.id)).toEqual(ended(assignment));

      const comeback = { ...assignment, id: newId(), createdAt: '2025-04-01T10:00:00.000Z' };
      expect(await repo.insertDerivedIfAbsent(tenantId, [{ assignment: comeback, outbox: [] }])).toEqual([
        comeback.id,
      ]);
      expect(
        (await repo.listCurrentDerivedOfMember(tenantId, assignment.groupId ?? '', assignment.menteeId)).map(
          (a) => a.id,
        ),
      ).toEqual([comeback.id]);
    });

    it("lists a member's current derived assignments in a group, and a group assignment's for some mentees", async () => {
      const repo = subjects.assignments();
      const tenantId = newTenant();
      const a = derivedAssignment(tenantId);
      const sameMemberOtherGa = derivedAssignment(tenantId, { menteeId: a.menteeId, groupId: a.groupId });
      const sameMemberOtherGroup = derivedAssignment(tenantId, { menteeId: a.menteeId });
      const sameGaOtherMentee = derivedAssignment(tenantId, {
        groupAssignmentId: a.groupAssignmentId,
        groupId: a.groupId,
      });
      const items = [a, sameMemberOtherGa, sameMemberOtherGroup, sameGaOtherMentee];
      await repo.insertDerivedIfAbsent(
        tenantId,
        items.map((assignment) => ({ assignment, outbox: [] })),
      );
      await repo.end(tenantId, { assignment: ended(sameMemberOtherGa), outbox: [] }, 1);

      expect(
        (await repo.listCurrentDerivedOfMember(tenantId, a.groupId ?? '', a.menteeId)).map((x) => x.id),
      ).toEqual([a.id]);
      expect(
        (
          await repo.listCurrentDerivedFor(tenantId, a.groupAssignmentId ?? '', [
            a.menteeId,
            sameGaOtherMentee.menteeId,
          ])
        )
          .map((x) => x.id)
          .sort(),
      ).toEqual([a.id, sameGaOtherMentee.id].sort());
      expect(await repo.listCurrentDerivedFor(tenantId, a.groupAssignmentId ?? '', [])).toEqual([]);
      expect(await repo.listCurrentDerivedOfMember(newTenant(), a.groupId ?? '', a.menteeId)).toEqual([]);
    });

    it('lists newest first with filters, a page at a time', async () => {
      const repo = subjects.assignments();
      const tenantId = newTenant();
      const coach = newId();
      const items = [1, 2, 3].map((day) =>
        derivedAssignment(tenantId, {
          coachIds: [coach, newId()],
          createdAt: `2025-03-0${day}T10:00:00.000Z`,
        }),
      );
      const otherCoach = derivedAssignment(tenantId);
      await repo.insertDerivedIfAbsent(
        tenantId,
        [...items, otherCoach].map((assignment) => ({ assignment, outbox: [] })),
      );
      await repo.end(tenantId, { assignment: ended(items[0]), outbox: [] }, 1);

      const byCoach = await repo.list(tenantId, { coachId: coach }, { limit: 2, offset: 0 });
      expect(byCoach).toMatchObject({ limit: 2, offset: 0, nextOffset: 2 });
      expect(byCoach.items.map((a) => a.id)).toEqual([items[2].id, items[1].id]);
      const lastByCoach = await repo.list(tenantId, { coachId: coach }, { limit: 2, offset: 2 });
      expect(lastByCoach).toMatchObject({ limit: 2, offset: 2, nextOffset: null });
      expect(lastByCoach.items.map((a) => a.id)).toEqual([items[0].id]);
      expect((await repo.list(tenantId, { status: 'ended' }, PAGE)).items.map((a) => a.id)).toEqual([
        items[0].id,
      ]);
      expect(
        (await repo.list(tenantId, { menteeId: otherCoach.menteeId }, PAGE)).items.map((a) => a.id),
      ).toEqual([otherCoach.id]);
      expect(
        (await repo.list(tenantId, { groupAssignmentId: items[1].groupAssignmentId ?? '' }, PAGE)).items.map(
          (a) => a.id,
        ),
      ).toEqual([items[1].id]);
      expect(await repo.list(newTenant(), {}, PAGE)).toEqual({ items: [], ...PAGE, nextOffset: null });
    });
  });

  describe('GroupAssignmentRepository contract', () => {
    it('stores and reads a group assignment within its tenant', async () => {
      const repo = subjects.groupAssignments();
      const tenantId = newTenant();
      const ga = groupAssignment(tenantId, { endDate: '2025-12-31' });

      await repo.create(ga, []);

      expect(await repo.findById(tenantId, ga.id)).toEqual(ga);
      expect(await repo.findById(newTenant(), ga.id)).toBeNull();
    });

    it('saves fan-out progress only from the expected cursor', async () => {
      const repo = subjects.groupAssignments();
      const tenantId = newTenant();
      const ga = groupAssignment(tenantId);
      await repo.create(ga, []);
      const now = new Date('2025-03-02T00:00:00.000Z');

      await repo.markFanOutRunning(tenantId, ga.id, now);
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
        completedAt: null,
      });

      await repo.markFanOutDone(tenantId, ga.id, now);
      await repo.markFanOutRunning(tenantId, ga.id, now);
      expect((await repo.findById(tenantId, ga.id))?.fanOut).toEqual({
        status: 'done',
        processed: 4,
        cursor: 'u4',
        completedAt: now.toISOString(),
      });
    });

    it('lists the current ones of a group, and all of them newest first with a page', async () => {
      const repo = subjects.groupAssignments();
      const tenantId = newTenant();
      const groupId = newId();
      const older = groupAssignment(tenantId, { groupId, createdAt: '2025-03-01T00:00:00.000Z' });
      const newer = groupAssignment(tenantId, { groupId, createdAt: '2025-03-02T00:00:00.000Z' });
      const endedOne = groupAssignment(tenantId, {
        groupId,
        status: 'ended',
        createdAt: '2025-02-01T00:00:00.000Z',
      });
      const elsewhere = groupAssignment(tenantId);
      for (const ga of [older, newer, endedOne, elsewhere]) await repo.create(ga, []);

      expect((await repo.listCurrentByGroup(tenantId, groupId)).map((g) => g.id).sort()).toEqual(
        [older.id, newer.id].sort(),
      );
      const page = await repo.list(tenantId, { groupId }, { limit: 2, offset: 0 });
      expect(page).toMatchObject({ limit: 2, offset: 0, nextOffset: 2 });
      expect(page.items.map((g) => g.id)).toEqual([newer.id, older.id]);
      const last = await repo.list(tenantId, { groupId }, { limit: 2, offset: 2 });
      expect(last.items.map((g) => g.id)).toEqual([endedOne.id]);
      expect(last.nextOffset).toBeNull();
      expect((await repo.list(tenantId, {}, PAGE)).items).toHaveLength(4);
    });
  });

  describe('MembershipProjectionRepository contract', () => {
    it('applies newer events and reports older or repeated ones as stale', async () => {
      const repo = subjects.memberships();
      const tenantId = newTenant();
      const [groupId, userId] = [newId(), newId()];
      const base = { tenantId, groupId, userId, status: 'active' as const };

      expect(
        await repo.apply({ ...base, roles: ['learner'], version: 2, occurredAt: '2025-03-01T00:00:00.000Z' }),
      ).toBe('applied');
      expect(
        await repo.apply({ ...base, roles: ['author'], version: 2, occurredAt: '2025-03-02T00:00:00.000Z' }),
      ).toBe('stale');
      expect(
        await repo.apply({ ...base, roles: ['author'], version: 1, occurredAt: '2025-03-02T00:00:00.000Z' }),
      ).toBe('stale');
      expect(await repo.find(tenantId, groupId, userId)).toEqual({
        ...base,
        roles: ['learner'],
        version: 2,
        rolesSince: '2025-03-01T00:00:00.000Z',
        updatedAt: '2025-03-01T00:00:00.000Z',
      });

      expect(
        await repo.apply({
          ...base,
          status: 'removed',
          roles: null,
          version: 3,
          occurredAt: '2025-03-03T00:00:00.000Z',
        }),
      ).toBe('applied');
      expect(await repo.find(tenantId, groupId, userId)).toMatchObject({
        status: 'removed',
        roles: ['learner'],
        version: 3,
      });
      expect(await repo.find(newTenant(), groupId, userId)).toBeNull();
    });

    it('projects a removal that arrives first as a removed member without roles', async () => {
      const repo = subjects.memberships();
      const tenantId = newTenant();
      const [groupId, userId] = [newId(), newId()];

      await repo.apply({
        tenantId,
        groupId,
        userId,
        status: 'removed',
        roles: null,
        version: 4,
        occurredAt: '2025-03-03T00:00:00.000Z',
      });

      expect(await repo.find(tenantId, groupId, userId)).toMatchObject({
        status: 'removed',
        roles: [],
        version: 4,
      });
    });

    it('lists active members with any of the roles, by userId, after a cursor, a limited number at a time', async () => {
      const repo = subjects.memberships();
      const tenantId = newTenant();
      const groupId = newId();
      const ids = Array.from({ length: 5 }, () => newId()).sort();
      const roles = [['learner'], ['author'], ['learner', 'reviewer'], ['learner'], ['learner']] as const;
      for (const [i, userId] of ids.entries()) {
        await repo.apply({
          tenantId,
          groupId,
          userId,
          status: 'active',
          roles: [...roles[i]],
          version: 1,
          occurredAt: '2025-03-01T00:00:00.000Z',
        });
      }
      await repo.apply({
        tenantId,
        groupId,
        userId: ids[3],
        status: 'removed',
        roles: null,
        version: 2,
        occurredAt: '2025-03-02T00:00:00.000Z',
      });
      await repo.apply({
        tenantId,
        groupId: newId(),
        userId: ids[1],
        status: 'active',
        roles: ['learner'],
        version: 1,
        occurredAt: '2025-03-01T00:00:00.000Z',
      });

      const first = await repo.listActiveWithAnyRole(tenantId, groupId, ['learner'], {
        afterUserId: null,
        limit: 2,
      });
      expect(first.map((m) => m.userId)).toEqual([ids[0], ids[2]]);
      const rest = await repo.listActiveWithAnyRole(tenantId, groupId, ['learner'], {
        afterUserId: ids[2],
        limit: 2,
      });
      expect(rest.map((m) => m.userId)).toEqual([ids[4]]);
      expect(
        (
          await repo.listActiveWithAnyRole(tenantId, groupId, ['author', 'reviewer'], {
            afterUserId: null,
            limit: 10,
          })
        ).map((m) => m.userId),
      ).toEqual([ids[1], ids[2]]);
      expect(
        (await repo.findMany(tenantId, groupId, [ids[3], ids[4], newId()])).map((m) => m.userId).sort(),
      ).toEqual([ids[3], ids[4]].sort());
      expect(await repo.findMany(tenantId, groupId, [])).toEqual([]);
    });

    it('applies a batch in bulk: new and known memberships, several versions of one, stale and repeated events', async () => {
      const repo = subjects.memberships();
      const tenantId = newTenant();
      const groupId = newId();
      const [known, fresh, untouched] = [newId(), newId(), newId()];
      const change = (userId: string, version: number, roles: GroupRole[] | null, day: number) => ({
        tenantId,
        groupId,
        userId,
        status: roles === null ? ('removed' as const) : ('active' as const),
        roles,
        version,
        occurredAt: `2025-03-0${day}T00:00:00.000Z`,
      });
      await repo.applyMany([change(known, 3, ['learner'], 1), change(untouched, 1, ['author'], 1)]);

      const outcomes = await repo.applyMany([
        change(known, 2, ['author'], 2), // older than stored
        change(known, 3, ['author'], 2), // the version stored
        change(fresh, 1, ['learner'], 2),
        change(known, 4, ['reviewer'], 3),
        change(fresh, 2, ['learner', 'author'], 3),
        change(fresh, 2, ['learner', 'author'], 3), // repeated in the batch
        change(known, 5, null, 4),
      ]);

      expect(outcomes).toEqual(['stale', 'stale', 'applied', 'applied', 'applied', 'stale', 'applied']);
      expect(await repo.find(tenantId, groupId, known)).toEqual({
        tenantId,
        groupId,
        userId: known,
        status: 'removed',
        roles: ['reviewer'],
        version: 5,
        rolesSince: '2025-03-03T00:00:00.000Z',
        updatedAt: '2025-03-04T00:00:00.000Z',
      });
      expect(await repo.find(tenantId, groupId, fresh)).toEqual({
        tenantId,
        groupId,
        userId: fresh,
        status: 'active',
        roles: ['learner', 'author'],
        version: 2,
        rolesSince: '2025-03-03T00:00:00.000Z',
        updatedAt: '2025-03-03T00:00:00.000Z',
      });
      expect(await repo.find(tenantId, groupId, untouched)).toMatchObject({ roles: ['author'], version: 1 });
      expect(await repo.applyMany([])).toEqual([]);
      expect(await repo.applyMany([change(fresh, 2, ['coach'], 5)])).toEqual(['stale']);
    });

    it('projects a new membership whose batch ends in a removal with the roles it had before', async () => {
      const repo = subjects.memberships();
      const tenantId = newTenant();
      const [groupId, userId] = [newId(), newId()];
      const base = { tenantId, groupId, userId };

      const outcomes = await repo.applyMany([
        { ...base, status: 'active', roles: ['learner'], version: 1, occurredAt: '2025-03-01T00:00:00.000Z' },
        { ...base, status: 'removed', roles: null, version: 2, occurredAt: '2025-03-02T00:00:00.000Z' },
      ]);

      expect(outcomes).toEqual(['applied', 'applied']);
      expect(await repo.find(tenantId, groupId, userId)).toMatchObject({
        status: 'removed',
        roles: ['learner'],
        version: 2,
        rolesSince: '2025-03-01T00:00:00.000Z',
      });
    });

    it('ends at the newest version when batches on the same memberships run at once', async () => {
      const repo = subjects.memberships();
      const tenantId = newTenant();
      const groupId = newId();
      const userIds = Array.from({ length: 20 }, () => newId());
      const batch = (version: number) =>
        userIds.map((userId) => ({
          tenantId,
          groupId,
          userId,
          status: 'active' as const,
          roles: [version % 2 === 0 ? ('author' as const) : ('learner' as const)],
          version,
          occurredAt: `2025-03-0${version}T00:00:00.000Z`,
        }));

      const results = await Promise.all([1, 2, 3, 2, 1].map((version) => repo.applyMany(batch(version))));

      // Version 3 was newer than whatever was stored when it was written.
      expect(results[2]).toEqual(userIds.map(() => 'applied'));
      const stored = await repo.findMany(tenantId, groupId, userIds);
      expect(stored).toHaveLength(20);
      expect(stored.every((m) => m.version === 3 && m.roles[0] === 'learner')).toBe(true);
    });

    it('reads memberships by their natural key within their tenant only', async () => {
      const repo = subjects.memberships();
      const [tenantId, otherTenant] = [newTenant(), newTenant()];
      const [groupId, userId] = [newId(), newId()];
      const change = {
        groupId,
        userId,
        status: 'active' as const,
        roles: ['learner' as const],
        version: 1,
        occurredAt: '2025-03-01T00:00:00.000Z',
      };
      await repo.applyMany([
        { ...change, tenantId },
        { ...change, tenantId: otherTenant, roles: ['author'] },
      ]);

      expect(await repo.find(tenantId, groupId, userId)).toMatchObject({ tenantId, roles: ['learner'] });
      expect(await repo.findMany(otherTenant, groupId, [userId, userId])).toEqual([
        expect.objectContaining({ tenantId: otherTenant, roles: ['author'] }),
      ]);
      expect(await repo.findMany(newTenant(), groupId, [userId])).toEqual([]);
      expect(await repo.find(tenantId, newId(), userId)).toBeNull();
    });
  });

  describe('UserProjectionRepository contract', () => {
    it('applies newer user events, ignores older ones, and keeps a deleted user as a tombstone', async () => {
      const repo = subjects.users();
      const tenantId = newTenant();
      const userId = newId();
      const state = {
        email: 'ada@example.com',
        firstName: 'Ada',
        lastName: 'Lovelace',
        state: 'activated' as const,
      };

      expect(
        await repo.apply({
          kind: 'upsert',
          tenantId,
          userId,
          ...state,
          version: 1,
          occurredAt: '2025-03-01T00:00:00.000Z',
        }),
      ).toBe('applied');
      expect(
        await repo.apply({
          kind: 'upsert',
          tenantId,
          userId,
          ...state,
          state: 'active',
          version: 1,
          occurredAt: '2025-03-01T00:00:00.000Z',
        }),
      ).toBe('stale');
      expect(
        await repo.apply({
          kind: 'delete',
          tenantId,
          userId,
          version: 2,
          occurredAt: '2025-03-02T00:00:00.000Z',
        }),
      ).toBe('applied');

      expect(await repo.find(tenantId, userId)).toEqual({
        tenantId,
        userId,
        ...state,
        deleted: true,
        version: 2,
        updatedAt: '2025-03-02T00:00:00.000Z',
      });
      expect(await repo.find(newTenant(), userId)).toBeNull();
    });
  });
}
