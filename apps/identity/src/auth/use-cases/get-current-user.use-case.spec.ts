import { randomUUID } from 'node:crypto';
import { buildIdentityTestbed, OTHER_TENANT, TEST_TENANT } from '../../testing/identity-testbed';

describe('GetCurrentUserUseCase (ID-A1)', () => {
  it('given the principal of a signed-in user, then that user', async () => {
    const testbed = buildIdentityTestbed();
    const { user } = await testbed.givenSignedInUser();

    await expect(testbed.getCurrentUser.execute({ tenantId: TEST_TENANT, userId: user.id })).resolves.toEqual(
      user,
    );
  });

  it('given a user unknown in the tenant of the token, then nobody is signed in', async () => {
    const testbed = buildIdentityTestbed();
    const elsewhere = await testbed.givenUser({ tenantId: OTHER_TENANT });

    for (const userId of [elsewhere.id, randomUUID()])
      await expect(testbed.getCurrentUser.execute({ tenantId: TEST_TENANT, userId })).rejects.toMatchObject({
        code: 'AUTH.UNAUTHENTICATED',
        kind: 'unauthenticated',
      });
  });
});
