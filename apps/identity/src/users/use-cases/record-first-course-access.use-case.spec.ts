import { randomUUID } from 'node:crypto';
import { buildIdentityTestbed, TEST_TENANT } from '../../testing/identity-testbed';

describe('RecordFirstCourseAccessUseCase (ID-U3, LE-E4)', () => {
  it('given an activated user opening its first course, then active, once, with one user.updated', async () => {
    const testbed = buildIdentityTestbed({ now: '2026-03-02T09:00:00.000Z' });
    const ada = await testbed.givenUser();
    const at = new Date('2026-03-02T08:59:00.000Z');

    const outcomes = [
      await testbed.recordFirstCourseAccess.execute({ tenantId: TEST_TENANT, userId: ada.id, at }),
      await testbed.recordFirstCourseAccess.execute({
        tenantId: TEST_TENANT,
        userId: ada.id,
        at: new Date(),
      }),
    ];

    expect(outcomes).toEqual(['changed', 'unchanged']);
    expect(await testbed.users.findById(TEST_TENANT, ada.id)).toMatchObject({
      state: 'active',
      firstAccessAt: at,
      version: 2,
    });
    expect(testbed.outbox.drain().map((entry) => [entry.envelope.type, entry.envelope.payload])).toEqual([
      ['user.updated', expect.objectContaining({ userId: ada.id, state: 'active' })],
    ]);
  });

  it('given the same first access recorded twice at once, then one write and one event', async () => {
    const testbed = buildIdentityTestbed();
    const ada = await testbed.givenUser();
    const at = testbed.clock.now();

    const outcomes = await Promise.all([
      testbed.recordFirstCourseAccess.execute({ tenantId: TEST_TENANT, userId: ada.id, at }),
      testbed.recordFirstCourseAccess.execute({ tenantId: TEST_TENANT, userId: ada.id, at }),
    ]);

    expect(outcomes.sort()).toEqual(['changed', 'unchanged']);
    expect(testbed.outbox.drain()).toHaveLength(1);
  });

  it('given an unknown user, then not_found, nothing written', async () => {
    const testbed = buildIdentityTestbed();

    expect(
      await testbed.recordFirstCourseAccess.execute({
        tenantId: TEST_TENANT,
        userId: randomUUID(),
        at: new Date(),
      }),
    ).toBe('not_found');
    expect(testbed.outbox.drain()).toEqual([]);
  });
});
