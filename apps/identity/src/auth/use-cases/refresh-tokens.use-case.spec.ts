import { decodeJwt } from 'jose';
import { buildIdentityTestbed } from '../../testing/identity-testbed';
import { SYSTEM_ADMINISTRATOR } from '../../testing/tenant-use-cases';
import { refreshTokenHash } from './token-pair-issuer';

describe('RefreshTokensUseCase (ID-A1)', () => {
  it('given a fresh refresh token, then a new pair, the presented token spent, and the access token with the current level and roles', async () => {
    const testbed = buildIdentityTestbed();
    const { user, tokens } = await testbed.givenSignedInUser();
    await testbed.givenUserChanged(user, { level: 'superadmin', adminRoles: ['system_admin'] });
    testbed.clock.advance(60_000);

    const next = await testbed.refreshTokens.execute({ refreshToken: tokens.refreshToken });

    expect(next).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    expect(next.refreshToken).not.toBe(tokens.refreshToken);
    expect(decodeJwt(next.accessToken)).toMatchObject({
      sub: user.id,
      lvl: 'superadmin',
      roles: ['system_admin'],
    });
    const [spent, issued] = await Promise.all(
      [tokens, next].map((pair) =>
        testbed.storedRefreshTokens.findByHash(refreshTokenHash(pair.refreshToken)),
      ),
    );
    expect(spent?.spentAt).toEqual(testbed.clock.now());
    expect(issued).toMatchObject({ familyId: spent?.familyId, spentAt: null, issuedAt: testbed.clock.now() });
  });

  it('given a tenant being deleted, then a refresh token of its accounts is refused as deactivated (ID-T2)', async () => {
    const testbed = buildIdentityTestbed();
    await testbed.givenTenant('going');
    const { tokens } = await testbed.givenSignedInUser({ tenantId: 'going' });
    await testbed.deleteTenant.execute({ actor: SYSTEM_ADMINISTRATOR, code: 'going' });

    await expect(testbed.refreshTokens.execute({ refreshToken: tokens.refreshToken })).rejects.toMatchObject({
      code: 'AUTH.ACCOUNT_DEACTIVATED',
    });
  });

  it('given a spent token presented again, then its family is revoked: the newest token is refused too', async () => {
    const testbed = buildIdentityTestbed();
    const { tokens } = await testbed.givenSignedInUser();
    const next = await testbed.refreshTokens.execute({ refreshToken: tokens.refreshToken });

    await expect(testbed.refreshTokens.execute({ refreshToken: tokens.refreshToken })).rejects.toMatchObject({
      code: 'AUTH.REFRESH_TOKEN_REUSED',
      kind: 'unauthenticated',
    });
    await expect(testbed.refreshTokens.execute({ refreshToken: next.refreshToken })).rejects.toMatchObject({
      code: 'AUTH.INVALID_REFRESH_TOKEN',
    });
  });

  it('given two refreshes with one token at once, then one wins, the other is a reuse, and the family is revoked', async () => {
    const testbed = buildIdentityTestbed();
    const { tokens } = await testbed.givenSignedInUser();

    const outcomes = await Promise.allSettled([
      testbed.refreshTokens.execute({ refreshToken: tokens.refreshToken }),
      testbed.refreshTokens.execute({ refreshToken: tokens.refreshToken }),
    ]);

    const won = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    const lost = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    expect(won).toHaveLength(1);
    expect(lost).toEqual([expect.objectContaining({ code: 'AUTH.REFRESH_TOKEN_REUSED' })]);
    await expect(testbed.refreshTokens.execute({ refreshToken: won[0].refreshToken })).rejects.toMatchObject({
      code: 'AUTH.INVALID_REFRESH_TOKEN',
    });
  });

  it('given an unknown or expired token, then it is refused as invalid', async () => {
    const testbed = buildIdentityTestbed();
    const { tokens } = await testbed.givenSignedInUser();

    await expect(testbed.refreshTokens.execute({ refreshToken: 'not-a-token' })).rejects.toMatchObject({
      code: 'AUTH.INVALID_REFRESH_TOKEN',
    });
    testbed.clock.advance(testbed.config.signIn.refreshTokenTtlMs);
    await expect(testbed.refreshTokens.execute({ refreshToken: tokens.refreshToken })).rejects.toMatchObject({
      code: 'AUTH.INVALID_REFRESH_TOKEN',
    });
  });

  it.each([
    ['deactivated', { state: 'deactivated' as const }, 'AUTH.ACCOUNT_DEACTIVATED'],
    ['past its expiry', { expiresAt: new Date('2026-03-02T09:00:00.000Z') }, 'AUTH.ACCOUNT_EXPIRED'],
  ])(
    'given the user %s since signing in, then no new tokens, and the token stays unspent',
    async (_case, changes, code) => {
      const testbed = buildIdentityTestbed();
      const { user, tokens } = await testbed.givenSignedInUser();
      await testbed.givenUserChanged(user, changes);

      await expect(
        testbed.refreshTokens.execute({ refreshToken: tokens.refreshToken }),
      ).rejects.toMatchObject({
        code,
        kind: 'forbidden',
      });
      expect(
        (await testbed.storedRefreshTokens.findByHash(refreshTokenHash(tokens.refreshToken)))?.spentAt,
      ).toBeNull();
    },
  );
});
