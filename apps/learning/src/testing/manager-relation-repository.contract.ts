import { randomUUID } from 'node:crypto';
import type { ManagerRelation } from '../managers/domain/manager-relation';
import type { ManagerRelationRepository } from '../managers/ports/manager-relation.repository';

/**
 * What every {@link ManagerRelationRepository} guarantees, run against the in-memory fake
 * (unit) and the Mongo repository (integration). Each test works in a tenant of its own.
 */
export function describeManagerRelationRepositoryContract(
  name: string,
  make: () => ManagerRelationRepository,
): void {
  describe(`${name} (manager relation repository contract)`, () => {
    let repository: ManagerRelationRepository;
    let tenantId: string;

    beforeEach(() => {
      repository = make();
      tenantId = `tenant-${randomUUID()}`;
    });

    const change = (
      managerId: string,
      manageeId: string,
      active: boolean,
      version: number,
      tenant = tenantId,
    ): ManagerRelation => ({
      tenantId: tenant,
      managerId,
      manageeId,
      active,
      version,
    });

    it('given relations added and removed, then a manager manages its current managees only, in its tenant, one way', async () => {
      await repository.applyMany([
        change('mia', 'ada', true, 1),
        change('mia', 'bob', true, 1),
        change('mia', 'bob', false, 2),
        change('mia', 'cyd', true, 1, `tenant-${randomUUID()}`),
      ]);

      expect(await repository.manages(tenantId, 'mia', 'ada')).toBe(true);
      expect(await repository.manages(tenantId, 'mia', 'bob')).toBe(false);
      expect(await repository.manages(tenantId, 'mia', 'cyd')).toBe(false);
      expect(await repository.manages(tenantId, 'ada', 'mia')).toBe(false);
    });

    it('given an older event arriving late or a batch redelivered, then the newest stays', async () => {
      await repository.applyMany([change('mia', 'ada', false, 4)]);
      await repository.applyMany([change('mia', 'ada', true, 3), change('mia', 'ada', true, 1)]);
      expect(await repository.manages(tenantId, 'mia', 'ada')).toBe(false);
      await repository.applyMany([change('mia', 'ada', true, 5), change('mia', 'ada', true, 5)]);
      expect(await repository.manages(tenantId, 'mia', 'ada')).toBe(true);
    });
  });
}
