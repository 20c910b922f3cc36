import {
  actorFor,
  administratorOf,
  buildIdentityTestbed,
  OTHER_TENANT,
} from '../../testing/identity-testbed';

const page = { limit: 50 };

describe('ListUsersUseCase', () => {
  it("lists the tenant's users in creation order, page by page", async () => {
    const testbed = buildIdentityTestbed();
    const ada = await testbed.givenUser({ email: 'ada@example.com' });
    testbed.clock.advance(1);
    const bob = await testbed.givenUser({ email: 'bob@example.com' });
    testbed.clock.advance(1);
    const cy = await testbed.givenUser({ email: 'cy@example.com' });
    await testbed.givenUser({ tenantId: OTHER_TENANT, email: 'dan@example.com' });

    const first = await testbed.listUsers.execute({
      actor: administratorOf(),
      page: { limit: 2 },
    });
    const second = await testbed.listUsers.execute({
      actor: administratorOf(),
      page: { limit: 2, cursor: first.nextCursor ?? undefined },
    });

    expect(first.items.map((u) => u.id)).toEqual([ada.id, bob.id]);
    expect(first.nextCursor).toEqual(expect.any(String));
    expect(second.items.map((u) => u.id)).toEqual([cy.id]);
    expect(second.nextCursor).toBeNull();
  });

  it('finds a user by email in any case', async () => {
    const testbed = buildIdentityTestbed();
    const ada = await testbed.givenUser({ email: 'Ada@Example.com' });
    await testbed.givenUser({ email: 'bob@example.com' });

    const found = await testbed.listUsers.execute({
      actor: administratorOf(),
      email: ' ADA@example.COM ',
      page,
    });

    expect(found.items.map((u) => u.id)).toEqual([ada.id]);
  });

  it('filters by state, level, the start of a name or email, and a custom field value, exactly', async () => {
    const testbed = buildIdentityTestbed();
    const ada = await testbed.givenUser({ email: 'ada@example.com', firstName: 'Ada' });
    const bob = await testbed.givenUser({ email: 'bob@example.com', firstName: 'Bob', level: 'power_user' });
    await testbed.updateUser.execute({
      actor: administratorOf(),
      userId: ada.id,
      changes: { customFields: { COUNTRY: 'UK' } },
    });
    await testbed.updateUser.execute({
      actor: administratorOf(),
      userId: bob.id,
      changes: { customFields: { COUNTRY: 'United-Kingdom' } },
    });
    await testbed.changeUserState.execute({ actor: administratorOf(), userId: bob.id, action: 'deactivate' });
    const ids = async (filter: object) =>
      (await testbed.listUsers.execute({ actor: administratorOf(), page, ...filter })).items.map((u) => u.id);

    expect(await ids({ state: 'deactivated' })).toEqual([bob.id]);
    expect(await ids({ level: 'power_user' })).toEqual([bob.id]);
    expect(await ids({ text: 'AD' })).toEqual([ada.id]);
    expect(await ids({ customField: { key: 'COUNTRY', value: 'UK' } })).toEqual([ada.id]);
    expect(await ids({ customField: { key: 'COUNTRY', value: 'United' } })).toEqual([]);
  });

  it('given a caller who does not manage every user, then USER.FORBIDDEN', async () => {
    const testbed = buildIdentityTestbed();
    for (const level of ['user', 'power_user'] as const) {
      const caller = await testbed.givenUser({ level });

      await expect(testbed.listUsers.execute({ actor: actorFor(caller), page })).rejects.toMatchObject({
        code: 'USER.FORBIDDEN',
      });
    }
  });

  it('given System Administrators listed for an Application Administrator, then their System Administrator role is not shown', async () => {
    const testbed = buildIdentityTestbed();
    await testbed.givenUser({ tenantId: '1000', adminRoles: ['system_admin'] });

    const listed = await testbed.listUsers.execute({
      actor: { ...administratorOf('1000'), roles: ['application_admin'] },
      page,
    });

    expect(listed.items.map((u) => u.adminRoles)).toEqual([[]]);
  });
});
