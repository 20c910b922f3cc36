import { randomUUID } from 'node:crypto';
import type { AssignmentVersionRepository } from '../deliveries/ports/assignment-version.repository';

/**
 * What every {@link AssignmentVersionRepository} must do, run against the in-memory fake
 * (unit) and the Mongo repository (integration).
 */
export function describeAssignmentVersionRepositoryContract(
  name: string,
  make: () => AssignmentVersionRepository,
): void {
  describe(`${name} (assignment version repository contract)`, () => {
    it('records the newest version of each assignment, never lowers it, and keeps tenants apart', async () => {
      const repo = make();
      const [tenantA, tenantB] = [`tenant-${randomUUID()}`, `tenant-${randomUUID()}`];
      const [first, second] = [randomUUID(), randomUUID()];

      await repo.recordMany([
        { tenantId: tenantA, assignmentId: first, version: 3 },
        { tenantId: tenantA, assignmentId: second, version: 1 },
      ]);
      await repo.recordMany([
        { tenantId: tenantA, assignmentId: first, version: 2 },
        { tenantId: tenantA, assignmentId: second, version: 4 },
      ]);

      const latest = await repo.latestOf([
        { tenantId: tenantA, assignmentId: first },
        { tenantId: tenantA, assignmentId: second },
        { tenantId: tenantB, assignmentId: first },
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
