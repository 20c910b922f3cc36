import { randomUUID } from 'node:crypto';
import type { SigningKey } from '../auth/domain/signing-key';
import type { SigningKeyRepository } from '../auth/ports/signing-key.repository';
import { freshForEachTest, type MakeRepositoryUnderContract } from './repository-under-contract';

/**
 * What every {@link SigningKeyRepository} guarantees, run against the in-memory fake (unit)
 * and the Mongo repository (integration). Keys belong to no tenant, so each test looks only
 * at the keys it wrote.
 */
export function describeSigningKeyRepositoryContract(
  name: string,
  make: MakeRepositoryUnderContract<SigningKeyRepository>,
): void {
  describe(`${name} (signing key repository contract)`, () => {
    const subject = freshForEachTest(make);

    function key(createdAt: string, retiredAt: string | null = null): SigningKey {
      const kid = randomUUID();
      return {
        kid,
        algorithm: 'EdDSA',
        publicJwk: { kty: 'OKP', crv: 'Ed25519', x: 'public-half', kid },
        privateJwk: { kty: 'OKP', crv: 'Ed25519', x: 'public-half', d: 'private-half', kid },
        createdAt: new Date(createdAt),
        retiredAt: retiredAt === null ? null : new Date(retiredAt),
      };
    }

    async function stored(...kids: string[]): Promise<SigningKey[]> {
      const all = await subject.repository.list();
      return kids.map((kid) => all.find((found) => found.kid === kid)).filter((found) => found !== undefined);
    }

    it('given a key inserted, then the list holds it whole', async () => {
      const written = key('2026-03-02T09:00:00.000Z');
      await subject.repository.insert(written);

      expect(await stored(written.kid)).toEqual([written]);
    });

    it('given a kid already taken, then the insert is refused and the first key stays', async () => {
      const first = key('2026-03-02T09:00:00.000Z');
      await subject.repository.insert(first);

      await expect(
        subject.repository.insert({ ...first, privateJwk: { kty: 'OKP', d: 'other' } }),
      ).rejects.toThrow();
      expect(await stored(first.kid)).toEqual([first]);
    });

    it('given a rotation, then every other key not yet retired retires at that time, and retired ones keep their date', async () => {
      const [older, old, kept] = [
        key('2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'),
        key('2026-02-01T00:00:00.000Z'),
        key('2026-03-01T00:00:00.000Z'),
      ];
      for (const each of [older, old, kept]) await subject.repository.insert(each);

      await subject.repository.retireAllBut(kept.kid, new Date('2026-03-01T00:00:00.000Z'));

      expect(
        (await stored(older.kid, old.kid, kept.kid)).map((each) => each.retiredAt?.toISOString() ?? null),
      ).toEqual(['2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z', null]);
    });
  });
}
