import { randomUUID } from 'node:crypto';
import { buildIdentityTestbed, OTHER_TENANT, TEST_TENANT } from '../../testing/identity-testbed';

describe('GetGroupUseCase', () => {
  it('answers GROUP.NOT_FOUND for an unknown id', async () => {
    const testbed = buildIdentityTestbed();

    await expect(
      testbed.getGroup.execute({ tenantId: TEST_TENANT, groupId: randomUUID() }),
    ).rejects.toMatchObject({
      code: 'GROUP.NOT_FOUND',
      kind: 'not_found',
    });
  });

  it("never shows another tenant's group", async () => {
    const testbed = buildIdentityTestbed();
    const elsewhere = await testbed.givenGroup({ tenantId: OTHER_TENANT });

    await expect(
      testbed.getGroup.execute({ tenantId: TEST_TENANT, groupId: elsewhere.id }),
    ).rejects.toMatchObject({
      code: 'GROUP.NOT_FOUND',
    });
  });
});
