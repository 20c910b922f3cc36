import { randomUUID } from 'node:crypto';
import { buildIdentityTestKit, OTHER_TENANT, TEST_TENANT } from '../../testing/identity-test-kit';

describe('GetGroupUseCase', () => {
  it('answers GROUP.NOT_FOUND for an unknown id', async () => {
    const kit = buildIdentityTestKit();

    await expect(
      kit.getGroup.execute({ tenantId: TEST_TENANT, groupId: randomUUID() }),
    ).rejects.toMatchObject({
      code: 'GROUP.NOT_FOUND',
      kind: 'not_found',
    });
  });

  it("never shows another tenant's group", async () => {
    const kit = buildIdentityTestKit();
    const elsewhere = await kit.givenGroup({ tenantId: OTHER_TENANT });

    await expect(
      kit.getGroup.execute({ tenantId: TEST_TENANT, groupId: elsewhere.id }),
    ).rejects.toMatchObject({
      code: 'GROUP.NOT_FOUND',
    });
  });
});
