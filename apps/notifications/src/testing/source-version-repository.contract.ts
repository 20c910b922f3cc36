import { randomUUID } from 'node:crypto';
import type { SourceVersionRepository } from '../deliveries/ports/source-version.repository';

/**
 * What every {@link SourceVersionRepository} must do, run against the in-memory fake
 * (unit) and the Mongo repository (integration).
 */
export function describeSourceVersionRepositoryContract(
  name: string,
  make: () => SourceVersionRepository,
): void {
  describe(`${name} (assignment version repository contract)`, () => {
    it('records the newest version of each assignment, never lowers it, and keeps tenants apart', async () => {
      const repo = make();
      const [tenantA, tenantB] = [`tenant-${randomUUID()}`, `tenant-${randomUUID()}`];
      const [first, second] = [randomUUID(), randomUUID()];

      await repo.recordMany([
        { tenantId: tenantA, aggregateId: first, version: 3 },
        { tenantId: tenantA, aggregateId: second, version: 1 },
      ]);
      await repo.recordMany([
        { tenantId: tenantA, aggregateId: first, version: 2 },
        { tenantId: tenantA, aggregateId: second, version: 4 },
      ]);

      const latest = await repo.latestOf([
        { tenantId: tenantA, aggregateId: first },
        { tenantId: tenantA, aggregateId: second },
        { tenantId: tenantB, aggregateId: first },
      ]);
      expect(latest).toEqual(
        new Map([
          [`${tenantA}:${first}`, 3],
          [`${tenantA}:${second}`, 4],
        ]),
      );
      expect(await repo.latestOf([])).toEqual(new Map());
    });
  });
}
