import { buildIdentityTestbed, TEST_TENANT } from '../../testing/identity-testbed';

describe('CreateGroupUseCase', () => {
  it('creates a private group unless told otherwise, and publishes group.created', async () => {
    const testbed = buildIdentityTestbed({ now: '2026-03-02T09:00:00.000Z' });

    const group = await testbed.createGroup.execute({ tenantId: TEST_TENANT, name: '  Sales coaching ' });

    expect(group).toMatchObject({ name: 'Sales coaching', confidentiality: 'private', version: 1 });
    expect(group.createdAt.toISOString()).toBe('2026-03-02T09:00:00.000Z');
    const [event] = testbed.outbox.drain();
    expect(event.topic).toBe('identity.groups.v1');
    expect(event.envelope).toMatchObject({
      type: 'group.created',
      tenantId: TEST_TENANT,
      aggregateId: group.id,
      aggregateVersion: 1,
      payload: { groupId: group.id, name: 'Sales coaching', confidentiality: 'private' },
    });
  });

  it('keeps a public confidentiality', async () => {
    const testbed = buildIdentityTestbed();

    const group = await testbed.createGroup.execute({
      tenantId: TEST_TENANT,
      name: 'All hands',
      confidentiality: 'public',
    });

    expect(await testbed.getGroup.execute({ tenantId: TEST_TENANT, groupId: group.id })).toMatchObject({
      confidentiality: 'public',
    });
  });
});
