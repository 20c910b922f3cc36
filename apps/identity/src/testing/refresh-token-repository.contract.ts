import { randomUUID } from 'node:crypto';
import type { RefreshToken } from '../auth/domain/refresh-token';
import type { RefreshTokenRepository } from '../auth/ports/refresh-token.repository';
import { freshForEachTest, type MakeRepositoryUnderContract } from './repository-under-contract';

/**
 * What every {@link RefreshTokenRepository} guarantees, run against the in-memory fake (unit)
 * and the Mongo repository (integration).
 */
export function describeRefreshTokenRepositoryContract(
  name: string,
  make: MakeRepositoryUnderContract<RefreshTokenRepository>,
): void {
  describe(`${name} (refresh token repository contract)`, () => {
    const subject = freshForEachTest(make);

    function token(): RefreshToken {
      return {
        hash: randomUUID(),
        familyId: randomUUID(),
        tenantId: subject.tenantId,
        userId: randomUUID(),
        issuedAt: new Date('2026-03-02T09:00:00.000Z'),
        expiresAt: new Date('2026-04-01T09:00:00.000Z'),
        spentAt: null,
        version: 1,
      };
    }

    it('finds what it inserted by its hash, whole, and nothing for an unknown hash', async () => {
      const inserted = token();
      await subject.repository.insert(inserted);

      expect(await subject.repository.findByHash(inserted.hash)).toEqual(inserted);
      expect(await subject.repository.findByHash(randomUUID())).toBeNull();
    });

    it('refuses a hash already stored, and keeps the first token', async () => {
      const first = token();
      await subject.repository.insert(first);

      await expect(subject.repository.insert({ ...first, userId: randomUUID() })).rejects.toThrow();
      expect(await subject.repository.findByHash(first.hash)).toEqual(first);
    });

    it('given two spends of one token at the same version, then exactly one is written', async () => {
      const unused = token();
      await subject.repository.insert(unused);
      const spent = { ...unused, spentAt: new Date('2026-03-03T09:00:00.000Z'), version: 2 };

      const outcomes = await Promise.all([
        subject.repository.update(spent, 1),
        subject.repository.update({ ...spent, spentAt: new Date('2026-03-03T09:00:01.000Z') }, 1),
      ]);

      expect(outcomes.sort()).toEqual(['stale', 'written']);
      expect((await subject.repository.findByHash(unused.hash))?.version).toBe(2);
      expect(await subject.repository.update({ ...spent, version: 3 }, 1)).toBe('stale');
    });
  });
}
