import { randomUUID } from 'node:crypto';
import { DEFAULT_DIGEST_SETTINGS, decideDigest } from '../deliveries/domain/coach-digest';
import type { DigestLockRepository, DigestPlan } from '../deliveries/ports/digest-lock.repository';

const T0 = new Date('2026-03-02T09:00:00.000Z');
const at = (ms: number): Date => new Date(T0.getTime() + ms);

/**
 * What every {@link DigestLockRepository} guarantees, run against the in-memory fake (unit) and
 * the Mongo repository (integration).
 */
export function describeDigestLockRepositoryContract(
  name: string,
  make: () => Promise<DigestLockRepository> | DigestLockRepository,
): void {
  describe(`${name} (digest lock repository contract)`, () => {
    let repository: DigestLockRepository;
    let key: { tenantId: string; digestKey: string };

    beforeEach(async () => {
      repository = await make();
      key = { tenantId: `tenant-${randomUUID()}`, digestKey: `assignment.created.coach:${randomUUID()}` };
    });

    function aPlan(): DigestPlan {
      const members = Array.from({ length: 5 }, (_, i) => ({
        deliveryId: `delivery-${i}`,
        tenantId: key.tenantId,
        recipientId: 'coach',
        kind: 'assignment.created.coach' as const,
        sourceEventId: randomUUID(),
        sourceType: 'assignment.created',
        menteeId: `mentee-${i}`,
      }));
      const decision = decideDigest(members, DEFAULT_DIGEST_SETTINGS, T0);
      if (decision.outcome !== 'digest') throw new Error('expected a digest');
      return { digest: decision.digest, memberIds: decision.memberIds };
    }

    it('lets one holder in while its lease runs, and another once it ran out', async () => {
      const holders = await Promise.all(
        ['a', 'b', 'c'].map((owner) => repository.acquire(key, owner, T0, at(60_000))),
      );
      const during = await repository.acquire(key, 'd', at(59_999), at(120_000));
      const after = await repository.acquire(key, 'e', at(60_000), at(120_000));
      const otherKey = await repository.acquire({ ...key, digestKey: 'another' }, 'f', T0, at(60_000));

      expect(holders.filter((lock) => lock !== null)).toHaveLength(1);
      expect(during).toBeNull();
      expect(after).toMatchObject({ ...key, owner: 'e', plan: null });
      expect(otherKey).not.toBeNull();
    });

    it("keeps a staged plan for whoever takes the lock over after the holder's lease ran out", async () => {
      const plan = aPlan();
      const held = await repository.acquire(key, 'crashed', T0, at(60_000));
      const staged = await repository.stage(held as NonNullable<typeof held>, plan);

      const next = await repository.acquire(key, 'next', at(60_000), at(120_000));

      expect(staged?.plan).toEqual(plan);
      expect(next?.plan).toEqual(plan);
      // The old holder's writes no longer apply.
      expect(await repository.stage(staged as NonNullable<typeof staged>, aPlan())).toBeNull();
      expect(await repository.release(staged as NonNullable<typeof staged>)).toBe(false);
      expect(await repository.release(next as NonNullable<typeof next>)).toBe(true);
      expect(await repository.acquire(key, 'later', at(60_001), at(120_000))).toMatchObject({ plan: null });
    });

    it('frees the lock on release, for the next holder at once', async () => {
      const held = await repository.acquire(key, 'a', T0, at(60_000));

      expect(await repository.release(held as NonNullable<typeof held>)).toBe(true);
      expect(await repository.acquire(key, 'b', at(1), at(60_000))).toMatchObject({ owner: 'b', plan: null });
    });
  });
}
