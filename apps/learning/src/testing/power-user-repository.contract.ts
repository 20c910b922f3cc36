import { randomUUID } from 'node:crypto';
import type { PowerUserGrant } from '../users/domain/power-user';
import type { PowerUserRepository } from '../users/ports/power-user.repository';

/**
 * What every {@link PowerUserRepository} guarantees, run against the in-memory fake (unit) and
 * the Mongo repository (integration). Each test works in a tenant of its own.
 */
export function describePowerUserRepositoryContract(name: string, make: () => PowerUserRepository): void {
  describe(`${name} (power user repository contract)`, () => {
    let repository: PowerUserRepository;
    let tenantId: string;

    beforeEach(() => {
      repository = make();
      tenantId = `tenant-${randomUUID()}`;
    });

    const grant = (
      userId: string,
      version: number,
      groupIds: string[] = ['sales'],
      profile: string | null = 'enrollments',
      tenant = tenantId,
    ): PowerUserGrant => ({ tenantId: tenant, userId, groupIds, profile, version });

    it("given a power user's grant, then it is found in its tenant only; a user granted nothing is not", async () => {
      await repository.applyMany([
        grant('pia', 1),
        grant('bob', 1, [], null),
        grant('cyd', 1, ['sales'], 'p', `tenant-${randomUUID()}`),
      ]);

      expect(await repository.find(tenantId, 'pia')).toEqual(grant('pia', 1));
      expect(await repository.find(tenantId, 'bob')).toBeNull();
      expect(await repository.find(tenantId, 'cyd')).toBeNull();
    });

    it('given the grant taken away (no profile, or no scope), then the user grants nothing; an older event arriving late does not bring it back', async () => {
      await repository.applyMany([grant('pia', 1)]);
      await repository.applyMany([grant('pia', 3, ['sales'], null)]);
      expect(await repository.find(tenantId, 'pia')).toBeNull();

      await repository.applyMany([grant('pia', 2), grant('pia', 1)]);
      expect(await repository.find(tenantId, 'pia')).toBeNull();

      await repository.applyMany([grant('pia', 4, ['support'])]);
      expect(await repository.find(tenantId, 'pia')).toEqual(grant('pia', 4, ['support']));
      await repository.applyMany([grant('pia', 5, [])]);
      expect(await repository.find(tenantId, 'pia')).toBeNull();
    });

    it('given a batch redelivered, or versions out of order in one batch, then the newest wins', async () => {
      const batch = [grant('pia', 2, ['support']), grant('pia', 1, ['sales']), grant('pia', 3, ['hr'])];
      await repository.applyMany(batch);
      await repository.applyMany(batch);

      expect(await repository.find(tenantId, 'pia')).toEqual(grant('pia', 3, ['hr']));
    });
  });
}
