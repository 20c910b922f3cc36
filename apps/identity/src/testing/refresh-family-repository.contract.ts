import { randomUUID } from 'node:crypto';
import type { RefreshFamily } from '../auth/domain/refresh-token';
import type { RefreshFamilyRepository } from '../auth/ports/refresh-family.repository';
import {
  contractTenant,
  freshForEachTest,
  type MakeRepositoryUnderContract,
} from './repository-under-contract';

/**
 * What every {@link RefreshFamilyRepository} guarantees, run against the in-memory fake (unit)
 * and the Mongo repository (integration).
 */
export function describeRefreshFamilyRepositoryContract(
  name: string,
  make: MakeRepositoryUnderContract<RefreshFamilyRepository>,
): void {
  describe(`${name} (refresh family repository contract)`, () => {
    const subject = freshForEachTest(make);

    function family(): RefreshFamily {
      return {
        id: randomUUID(),
        tenantId: subject.tenantId,
        userId: randomUUID(),
        createdAt: new Date('2026-03-02T09:00:00.000Z'),
        revokedAt: null,
      };
    }

    it('finds what it inserted by id, whole, within its tenant only', async () => {
      const inserted = family();
      await subject.repository.insert(inserted);

      expect(await subject.repository.findById(subject.tenantId, inserted.id)).toEqual(inserted);
      expect(await subject.repository.findById(contractTenant(), inserted.id)).toBeNull();
      expect(await subject.repository.findById(subject.tenantId, randomUUID())).toBeNull();
    });

    it('refuses an id already stored', async () => {
      const first = family();
      await subject.repository.insert(first);

      await expect(subject.repository.insert({ ...first, userId: randomUUID() })).rejects.toThrow();
      expect(await subject.repository.findById(subject.tenantId, first.id)).toEqual(first);
    });

    it('revokes once: a second revocation keeps the first time, and another tenant revokes nothing', async () => {
      const [revoked, untouched] = [family(), family()];
      await subject.repository.insert(revoked);
      await subject.repository.insert(untouched);
      const first = new Date('2026-03-03T09:00:00.000Z');

      await subject.repository.revoke(subject.tenantId, revoked.id, first);
      await subject.repository.revoke(subject.tenantId, revoked.id, new Date('2026-03-04T09:00:00.000Z'));
      await subject.repository.revoke(contractTenant(), untouched.id, first);

      expect(await subject.repository.findById(subject.tenantId, revoked.id)).toEqual({
        ...revoked,
        revokedAt: first,
      });
      expect(await subject.repository.findById(subject.tenantId, untouched.id)).toEqual(untouched);
    });
  });
}
