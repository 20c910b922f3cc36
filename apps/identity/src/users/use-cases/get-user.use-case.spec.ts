import { randomUUID } from 'node:crypto';
import { buildIdentityTestbed, OTHER_TENANT, TEST_TENANT } from '../../testing/identity-testbed';

describe('GetUserUseCase', () => {
  it('answers USER.NOT_FOUND for an unknown id', async () => {
    const testbed = buildIdentityTestbed();

    await expect(
      testbed.getUser.execute({ tenantId: TEST_TENANT, userId: randomUUID() }),
    ).rejects.toMatchObject({
      code: 'USER.NOT_FOUND',
      kind: 'not_found',
    });
  });

  it("never shows another tenant's user", async () => {
    const testbed = buildIdentityTestbed();
    const elsewhere = await testbed.givenUser({ tenantId: OTHER_TENANT });

    await expect(
      testbed.getUser.execute({ tenantId: TEST_TENANT, userId: elsewhere.id }),
    ).rejects.toMatchObject({
      code: 'USER.NOT_FOUND',
    });
  });
});
