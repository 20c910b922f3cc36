import type { GroupRole } from '@lms/contracts';
import { newId } from '@lms/kernel';
import type { Membership } from '../memberships/domain/membership';
import type { MembershipProjectionRepository } from '../memberships/ports/membership-projection.repository';

function newTenant(): string {
  return `contract-${newId()}`;
}

/** One membership as the projection holds it, or null. */
async function findOne(
  repo: MembershipProjectionRepository,
  tenantId: string,
  groupId: string,
  userId: string,
): Promise<Membership | null> {
  const [found] = await repo.findMany(tenantId, groupId, [userId]);
  return found ?? null;
}

/**
 * What every {@link MembershipProjectionRepository} must do, run against the in-memory fake (unit)
 * and the Mongo repository (integration), so that the fake the use case tests rely on
 * behaves like the real thing. Each test works in a tenant of its own.
 */
export function describeMembershipProjectionRepositoryContract(
  name: string,
  make: () => MembershipProjectionRepository,
): void {
  describe(`${name} (membership projection repository contract)`, () => {
    it('applies newer events and reports older or repeated ones as stale', async () => {
      const repo = make();
      const tenantId = newTenant();
      const [groupId, userId] = [newId(), newId()];
      const base = { tenantId, groupId, userId, status: 'active' as const };

      expect(
        await repo.applyMany([
          { ...base, roles: ['learner'], version: 2, occurredAt: new Date('2025-03-01T00:00:00.000Z') },
        ]),
      ).toEqual(['applied']);
      expect(
        await repo.applyMany([
          { ...base, roles: ['author'], version: 2, occurredAt: new Date('2025-03-02T00:00:00.000Z') },
        ]),
      ).toEqual(['stale']);
      expect(
        await repo.applyMany([
          { ...base, roles: ['author'], version: 1, occurredAt: new Date('2025-03-02T00:00:00.000Z') },
        ]),
      ).toEqual(['stale']);
      expect(await findOne(repo, tenantId, groupId, userId)).toEqual({
        ...base,
        roles: ['learner'],
        version: 2,
        rolesSince: new Date('2025-03-01T00:00:00.000Z'),
        roleSince: { learner: new Date('2025-03-01T00:00:00.000Z') },
        updatedAt: new Date('2025-03-01T00:00:00.000Z'),
      });

      expect(
        await repo.applyMany([
          {
            ...base,
            status: 'removed',
            roles: null,
            version: 3,
            occurredAt: new Date('2025-03-03T00:00:00.000Z'),
          },
        ]),
      ).toEqual(['applied']);
      expect(await findOne(repo, tenantId, groupId, userId)).toMatchObject({
        status: 'removed',
        roles: ['learner'],
        version: 3,
      });
      expect(await findOne(repo, newTenant(), groupId, userId)).toBeNull();
    });

    it('projects a removal that arrives first as a removed member without roles', async () => {
      const repo = make();
      const tenantId = newTenant();
      const [groupId, userId] = [newId(), newId()];

      await repo.applyMany([
        {
          tenantId,
          groupId,
          userId,
          status: 'removed',
          roles: null,
          version: 4,
          occurredAt: new Date('2025-03-03T00:00:00.000Z'),
        },
      ]);

      expect(await findOne(repo, tenantId, groupId, userId)).toMatchObject({
        status: 'removed',
        roles: [],
        version: 4,
      });
    });

    it('lists active members with any of the roles, by userId, after a cursor, a limited number at a time', async () => {
      const repo = make();
      const tenantId = newTenant();
      const groupId = newId();
      const ids = Array.from({ length: 5 }, () => newId()).sort();
      const roles = [['learner'], ['author'], ['learner', 'reviewer'], ['learner'], ['learner']] as const;
      for (const [i, userId] of ids.entries()) {
        await repo.applyMany([
          {
            tenantId,
            groupId,
            userId,
            status: 'active',
            roles: [...roles[i]],
            version: 1,
            occurredAt: new Date('2025-03-01T00:00:00.000Z'),
          },
        ]);
      }
      await repo.applyMany([
        {
          tenantId,
          groupId,
          userId: ids[3],
          status: 'removed',
          roles: null,
          version: 2,
          occurredAt: new Date('2025-03-02T00:00:00.000Z'),
        },
      ]);
      await repo.applyMany([
        {
          tenantId,
          groupId: newId(),
          userId: ids[1],
          status: 'active',
          roles: ['learner'],
          version: 1,
          occurredAt: new Date('2025-03-01T00:00:00.000Z'),
        },
      ]);

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
      const repo = make();
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
        occurredAt: new Date(`2025-03-0${day}T00:00:00.000Z`),
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
      expect(await findOne(repo, tenantId, groupId, known)).toEqual({
        tenantId,
        groupId,
        userId: known,
        status: 'removed',
        roles: ['reviewer'],
        version: 5,
        rolesSince: new Date('2025-03-03T00:00:00.000Z'),
        roleSince: expect.any(Object),
        updatedAt: new Date('2025-03-04T00:00:00.000Z'),
      });
      expect(await findOne(repo, tenantId, groupId, fresh)).toEqual({
        tenantId,
        groupId,
        userId: fresh,
        status: 'active',
        roles: ['learner', 'author'],
        version: 2,
        rolesSince: new Date('2025-03-03T00:00:00.000Z'),
        roleSince: expect.any(Object),
        updatedAt: new Date('2025-03-03T00:00:00.000Z'),
      });
      expect(await findOne(repo, tenantId, groupId, untouched)).toMatchObject({
        roles: ['author'],
        version: 1,
      });
      expect(await repo.applyMany([])).toEqual([]);
      expect(await repo.applyMany([change(fresh, 2, ['coach'], 5)])).toEqual(['stale']);
    });

    it('projects a new membership whose batch ends in a removal with the roles it had before', async () => {
      const repo = make();
      const tenantId = newTenant();
      const [groupId, userId] = [newId(), newId()];
      const base = { tenantId, groupId, userId };

      const outcomes = await repo.applyMany([
        {
          ...base,
          status: 'active',
          roles: ['learner'],
          version: 1,
          occurredAt: new Date('2025-03-01T00:00:00.000Z'),
        },
        {
          ...base,
          status: 'removed',
          roles: null,
          version: 2,
          occurredAt: new Date('2025-03-02T00:00:00.000Z'),
        },
      ]);

      expect(outcomes).toEqual(['applied', 'applied']);
      expect(await findOne(repo, tenantId, groupId, userId)).toMatchObject({
        status: 'removed',
        roles: ['learner'],
        version: 2,
        rolesSince: new Date('2025-03-01T00:00:00.000Z'),
        roleSince: { learner: new Date('2025-03-01T00:00:00.000Z') },
      });
    });

    it('ends at the newest version when batches on the same memberships run at once', async () => {
      const repo = make();
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
          occurredAt: new Date(`2025-03-0${version}T00:00:00.000Z`),
        }));

      const results = await Promise.all([1, 2, 3, 2, 1].map((version) => repo.applyMany(batch(version))));

      // Version 3 was newer than whatever was stored when it was written.
      expect(results[2]).toEqual(userIds.map(() => 'applied'));
      const stored = await repo.findMany(tenantId, groupId, userIds);
      expect(stored).toHaveLength(20);
      expect(stored.every((m) => m.version === 3 && m.roles[0] === 'learner')).toBe(true);
    });

    it('keeps since when each role is held: a role kept through a change keeps its time, a re-added member starts afresh', async () => {
      const repo = make();
      const tenantId = newTenant();
      const [groupId, userId] = [newId(), newId()];
      const at = (day: number) => new Date(`2025-03-0${day}T00:00:00.000Z`);
      const event = (
        version: number,
        roles: GroupRole[] | null,
        day: number,
        status: 'active' | 'removed' = 'active',
      ) => repo.applyMany([{ tenantId, groupId, userId, status, roles, version, occurredAt: at(day) }]);
      const held = async () => (await repo.findMany(tenantId, groupId, [userId]))[0]?.roleSince;

      await event(1, ['learner'], 1);
      await event(2, ['learner', 'reviewer'], 2);
      expect(await held()).toEqual({ learner: at(1), reviewer: at(2) });
      await event(3, ['reviewer'], 3);
      expect(await held()).toEqual({ reviewer: at(2) });
      await event(4, null, 4, 'removed');
      await event(5, ['reviewer'], 5);
      expect(await held()).toEqual({ reviewer: at(5) });
    });

    it('reads memberships by their natural key within their tenant only', async () => {
      const repo = make();
      const [tenantId, otherTenant] = [newTenant(), newTenant()];
      const [groupId, userId] = [newId(), newId()];
      const change = {
        groupId,
        userId,
        status: 'active' as const,
        roles: ['learner' as const],
        version: 1,
        occurredAt: new Date('2025-03-01T00:00:00.000Z'),
      };
      await repo.applyMany([
        { ...change, tenantId },
        { ...change, tenantId: otherTenant, roles: ['author'] },
      ]);

      expect(await findOne(repo, tenantId, groupId, userId)).toMatchObject({ tenantId, roles: ['learner'] });
      expect(await repo.findMany(otherTenant, groupId, [userId, userId])).toEqual([
        expect.objectContaining({ tenantId: otherTenant, roles: ['author'] }),
      ]);
      expect(await repo.findMany(newTenant(), groupId, [userId])).toEqual([]);
      expect(await findOne(repo, tenantId, newId(), userId)).toBeNull();
    });
  });
}
