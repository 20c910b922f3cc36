import { decodeJwt } from 'jose';
import { buildIdentityTestbed, OTHER_TENANT, TEST_TENANT } from '../../testing/identity-testbed';
import { SYSTEM_ADMINISTRATOR } from '../../testing/tenant-use-cases';
import { refreshTokenHash } from './token-pair-issuer';

const PASSWORD = 'correct horse battery';
const ADDRESS = '198.51.100.7';

describe('LogInUseCase (ID-A1)', () => {
  it('given the right password, in any e-mail case, then a token pair for the user, the refresh token stored only as its hash', async () => {
    const testbed = buildIdentityTestbed();
    const user = await testbed.givenUser({
      email: 'Ada@Example.com',
      password: PASSWORD,
      level: 'power_user',
      adminRoles: ['application_admin'],
    });

    const pair = await testbed.logIn.execute({
      tenantId: TEST_TENANT,
      email: ' ADA@example.COM ',
      password: PASSWORD,
      address: ADDRESS,
    });

    expect(pair).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    expect(pair.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(decodeJwt(pair.accessToken)).toMatchObject({
      sub: user.id,
      tid: TEST_TENANT,
      lvl: 'power_user',
      roles: ['application_admin'],
    });
    const stored = await testbed.storedRefreshTokens.findByHash(refreshTokenHash(pair.refreshToken));
    expect(stored).toMatchObject({ tenantId: TEST_TENANT, userId: user.id, spentAt: null });
    expect(stored?.expiresAt.toISOString()).toBe('2026-04-01T09:00:00.000Z');
    expect(JSON.stringify(stored)).not.toContain(pair.refreshToken);
  });

  it('given a wrong password, an unknown e-mail, an unknown tenant or a user without a password, then one answer, after verifying a hash each time', async () => {
    const testbed = buildIdentityTestbed();
    await testbed.givenUser({ email: 'ada@example.com', password: PASSWORD });
    await testbed.givenUser({ email: 'grace@example.com' });
    const verify = jest.spyOn(testbed.passwords, 'verify');
    const attempts = [
      { tenantId: TEST_TENANT, email: 'ada@example.com', password: 'wrong password' },
      { tenantId: TEST_TENANT, email: 'nobody@example.com', password: PASSWORD },
      { tenantId: OTHER_TENANT, email: 'ada@example.com', password: PASSWORD },
      { tenantId: TEST_TENANT, email: 'grace@example.com', password: PASSWORD },
    ];

    for (const attempt of attempts)
      await expect(testbed.logIn.execute({ ...attempt, address: ADDRESS })).rejects.toMatchObject({
        code: 'AUTH.INVALID_CREDENTIALS',
        kind: 'unauthenticated',
      });

    expect(verify).toHaveBeenCalledTimes(attempts.length);
  });

  it.each([
    ['a deactivated account', { state: 'deactivated' as const }, 'AUTH.ACCOUNT_DEACTIVATED'],
    ['an expired account', { state: 'expired' as const }, 'AUTH.ACCOUNT_EXPIRED'],
    [
      'an account past its expiry',
      { expiresAt: new Date('2026-03-02T08:59:59.000Z') },
      'AUTH.ACCOUNT_EXPIRED',
    ],
  ])(
    'given %s, then the right password is refused with its reason, and a wrong one tells nothing',
    async (_case, changes, code) => {
      const testbed = buildIdentityTestbed();
      const user = await testbed.givenUserChanged(await testbed.givenUser({ password: PASSWORD }), changes);
      const attempt = { tenantId: TEST_TENANT, email: user.email, address: ADDRESS };

      const refused = testbed.logIn.execute({ ...attempt, password: PASSWORD });
      await expect(refused).rejects.toMatchObject({ code, kind: 'forbidden' });
      await expect(refused).rejects.toThrow(/contact an administrator/i);
      await expect(testbed.logIn.execute({ ...attempt, password: 'wrong password' })).rejects.toMatchObject({
        code: 'AUTH.INVALID_CREDENTIALS',
      });
    },
  );

  it('given a tenant being deleted, then its accounts are refused as deactivated before the deletion reaches them, as once it is deleted (ID-T2)', async () => {
    const testbed = buildIdentityTestbed();
    for (const code of ['going', 'gone']) {
      await testbed.givenTenant(code);
      const user = await testbed.givenUser({ tenantId: code, password: PASSWORD });
      await testbed.deleteTenant.execute({ actor: SYSTEM_ADMINISTRATOR, code });
      if (code === 'gone') await testbed.runTenantDeletion.execute({ code });
      const attempt = { tenantId: code, email: user.email, address: ADDRESS };

      await expect(testbed.logIn.execute({ ...attempt, password: PASSWORD })).rejects.toMatchObject({
        code: 'AUTH.ACCOUNT_DEACTIVATED',
        kind: 'forbidden',
      });
      await expect(testbed.logIn.execute({ ...attempt, password: 'wrong password' })).rejects.toMatchObject({
        code: 'AUTH.INVALID_CREDENTIALS',
      });
    }
    expect(await testbed.tenants.findById('going')).toMatchObject({ state: 'deleting' });
  });
});

describe('LogInUseCase — throttling', () => {
  type Testbed = ReturnType<typeof buildIdentityTestbed>;

  /** A login of the test tenant, with the right password and from {@link ADDRESS} unless said otherwise. */
  function attempt(testbed: Testbed, email: string, overrides: { password?: string; address?: string } = {}) {
    return testbed.logIn.execute({
      tenantId: TEST_TENANT,
      email,
      password: overrides.password ?? PASSWORD,
      address: overrides.address ?? ADDRESS,
    });
  }

  async function failTimes(testbed: Testbed, times: number, email: string): Promise<void> {
    for (let i = 0; i < times; i++)
      await expect(attempt(testbed, email, { password: 'wrong password' })).rejects.toMatchObject({
        code: 'AUTH.INVALID_CREDENTIALS',
      });
  }

  it('given five failures for an account, then the sixth attempt is refused, even with the right password, until the window ends', async () => {
    const testbed = buildIdentityTestbed();
    const user = await testbed.givenUser({ password: PASSWORD });
    await failTimes(testbed, 5, user.email);

    testbed.clock.advance(60_000);
    await expect(attempt(testbed, user.email, { address: '192.0.2.1' })).rejects.toMatchObject({
      code: 'AUTH.TOO_MANY_ATTEMPTS',
      retryAfterSeconds: 840,
    });

    testbed.clock.advance(840_000);
    await expect(attempt(testbed, user.email, { address: '192.0.2.1' })).resolves.toMatchObject({
      tokenType: 'Bearer',
    });
  });

  it('given a success, then the account starts counting again', async () => {
    const testbed = buildIdentityTestbed();
    const user = await testbed.givenUser({ password: PASSWORD });
    await failTimes(testbed, 4, user.email);
    await attempt(testbed, user.email);

    await failTimes(testbed, 5, user.email);

    await expect(attempt(testbed, user.email)).rejects.toMatchObject({ code: 'AUTH.TOO_MANY_ATTEMPTS' });
  });

  it('given fifty failures from one address over many accounts, then that address is refused for any account, and others are not', async () => {
    const testbed = buildIdentityTestbed();
    const user = await testbed.givenUser({ password: PASSWORD });
    for (let i = 0; i < 50; i++) await failTimes(testbed, 1, `guess-${i}@example.com`);

    await expect(attempt(testbed, user.email)).rejects.toMatchObject({
      code: 'AUTH.TOO_MANY_ATTEMPTS',
      retryAfterSeconds: 900,
    });
    await expect(attempt(testbed, user.email, { address: '192.0.2.1' })).resolves.toMatchObject({
      tokenType: 'Bearer',
    });
  });

  it('given concurrent failures for one account, then every one is counted', async () => {
    const testbed = buildIdentityTestbed();
    const user = await testbed.givenUser({ password: PASSWORD });

    await Promise.allSettled(
      Array.from({ length: 5 }, () => attempt(testbed, user.email, { password: 'wrong password' })),
    );

    await expect(attempt(testbed, user.email)).rejects.toMatchObject({ code: 'AUTH.TOO_MANY_ATTEMPTS' });
  });
});
