import { randomUUID } from 'node:crypto';
import { newId } from '@lms/kernel';
import type { ProfileRights } from '../users/domain/permission-profile-rights';
import type { ProfileRightsRepository } from '../users/ports/profile-rights.repository';

/**
 * What every {@link ProfileRightsRepository} guarantees, run against the in-memory fake (unit)
 * and the Mongo repository (integration). Each test works in a tenant of its own.
 */
export function describeProfileRightsRepositoryContract(
  name: string,
  make: () => ProfileRightsRepository,
): void {
  describe(`${name} (permission profile rights repository contract)`, () => {
    let repository: ProfileRightsRepository;
    let tenantId: string;

    beforeEach(() => {
      repository = make();
      tenantId = `tenant-${randomUUID()}`;
    });

    const defined = (
      profileId: string,
      version: number,
      rights: string[],
      name = 'desk',
      tenant = tenantId,
    ): ProfileRights => ({ tenantId: tenant, profileId, name, rights, version });

    it("given a profile defined and redefined, then its name's rights are the newest version's, in its tenant only", async () => {
      const desk = newId(new Date('2026-03-02T09:00:00Z'));
      await repository.applyMany([
        defined(desk, 1, ['users.read']),
        defined(desk, 2, ['enrollments.manage']),
        defined(newId(), 1, ['users.read'], 'desk', `tenant-${randomUUID()}`),
      ]);

      expect(await repository.rightsOf(tenantId, 'desk')).toEqual(['enrollments.manage']);
      expect(await repository.rightsOf(tenantId, 'other')).toBeNull();

      await repository.applyMany([defined(desk, 1, ['users.read'])]);
      expect(await repository.rightsOf(tenantId, 'desk')).toEqual(['enrollments.manage']);
    });

    it('given a name defined again after its profile was deleted, then the later profile is the one its holders hold', async () => {
      const first = newId(new Date('2026-03-02T09:00:00Z'));
      const second = newId(new Date('2026-03-03T09:00:00Z'));
      await repository.applyMany([
        defined(second, 1, ['users.read']),
        defined(first, 3, ['enrollments.manage']),
      ]);

      expect(await repository.rightsOf(tenantId, 'desk')).toEqual(['users.read']);
    });
  });
}
