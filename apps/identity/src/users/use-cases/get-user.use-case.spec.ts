import { randomUUID } from 'node:crypto';
import { buildIdentityTestKit, OTHER_TENANT, TEST_TENANT } from '../../testing/identity-test-kit';

describe('GetUserUseCase', () => {
  it('answers USER.NOT_FOUND for an unknown id', async () => {
    const kit = buildIdentityTestKit();

    await expect(kit.getUser.execute({ tenantId: TEST_TENANT, userId: randomUUID() })).rejects.toMatchObject({
      code: 'USER.NOT_FOUND',
      kind: 'not_found',
    });
  });

  it("never shows another tenant's user", async () => {
    const kit = buildIdentityTestKit();
    const elsewhere = await kit.givenUser({ tenantId: OTHER_TENANT });

    await expect(kit.getUser.execute({ tenantId: TEST_TENANT, userId: elsewhere.id })).rejects.toMatchObject({
      code: 'USER.NOT_FOUND',
    });
  });
});
