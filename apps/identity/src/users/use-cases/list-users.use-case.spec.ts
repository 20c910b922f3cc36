import { buildIdentityTestbed, OTHER_TENANT, TEST_TENANT } from '../../testing/identity-testbed';

describe('ListUsersUseCase', () => {
  it("lists the tenant's users in creation order, page by page", async () => {
    const testbed = buildIdentityTestbed();
    const ada = await testbed.givenUser({ email: 'ada@example.com' });
    testbed.clock.advance(1);
    const bob = await testbed.givenUser({ email: 'bob@example.com' });
    testbed.clock.advance(1);
    const cy = await testbed.givenUser({ email: 'cy@example.com' });
    await testbed.givenUser({ tenantId: OTHER_TENANT, email: 'dan@example.com' });

    const first = await testbed.listUsers.execute({ tenantId: TEST_TENANT, page: { limit: 2, offset: 0 } });
    const second = await testbed.listUsers.execute({ tenantId: TEST_TENANT, page: { limit: 2, offset: 2 } });

    expect(first.items.map((u) => u.id)).toEqual([ada.id, bob.id]);
    expect(first.nextOffset).toBe(2);
    expect(second.items.map((u) => u.id)).toEqual([cy.id]);
    expect(second.nextOffset).toBeNull();
  });

  it('finds a user by email in any case', async () => {
    const testbed = buildIdentityTestbed();
    const ada = await testbed.givenUser({ email: 'Ada@Example.com' });
    await testbed.givenUser({ email: 'bob@example.com' });

    const found = await testbed.listUsers.execute({
      tenantId: TEST_TENANT,
      email: ' ADA@example.COM ',
      page: { limit: 50, offset: 0 },
    });

    expect(found.items.map((u) => u.id)).toEqual([ada.id]);
  });
});
