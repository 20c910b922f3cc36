import { buildIdentityTestbed } from '../../testing/identity-testbed';

describe('LogOutUseCase (ID-A1)', () => {
  it('given a logout with the newest token, then no token of the login refreshes any more, and a second logout changes nothing', async () => {
    const testbed = buildIdentityTestbed();
    const { tokens } = await testbed.givenSignedInUser();
    const next = await testbed.refreshTokens.execute({ refreshToken: tokens.refreshToken });

    await testbed.logOut.execute({ refreshToken: next.refreshToken });
    await testbed.logOut.execute({ refreshToken: next.refreshToken });

    await expect(testbed.refreshTokens.execute({ refreshToken: next.refreshToken })).rejects.toMatchObject({
      code: 'AUTH.INVALID_REFRESH_TOKEN',
    });
  });

  it('given an unknown token, then nothing happens, and other logins of the user stay signed in', async () => {
    const testbed = buildIdentityTestbed();
    const { user, password, tokens } = await testbed.givenSignedInUser();
    const otherLogin = await testbed.logIn.execute({
      tenantId: user.tenantId,
      email: user.email,
      password,
      address: '192.0.2.1',
    });

    await expect(testbed.logOut.execute({ refreshToken: 'not-a-token' })).resolves.toBeUndefined();
    await testbed.logOut.execute({ refreshToken: tokens.refreshToken });

    await expect(
      testbed.refreshTokens.execute({ refreshToken: otherLogin.refreshToken }),
    ).resolves.toMatchObject({
      tokenType: 'Bearer',
    });
  });
});
