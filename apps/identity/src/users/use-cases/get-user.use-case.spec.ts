import { randomUUID } from 'node:crypto';
import {
  actorFor,
  administratorOf,
  buildIdentityTestbed,
  OTHER_TENANT,
} from '../../testing/identity-testbed';

describe('GetUserUseCase', () => {
  it('answers USER.NOT_FOUND for an unknown id', async () => {
    const testbed = buildIdentityTestbed();

    await expect(
      testbed.getUser.execute({ actor: administratorOf(), userId: randomUUID() }),
    ).rejects.toMatchObject({
      code: 'USER.NOT_FOUND',
      kind: 'not_found',
    });
  });

  it("never shows another tenant's user", async () => {
    const testbed = buildIdentityTestbed();
    const elsewhere = await testbed.givenUser({ tenantId: OTHER_TENANT });

    await expect(
      testbed.getUser.execute({ actor: administratorOf(), userId: elsewhere.id }),
    ).rejects.toMatchObject({
      code: 'USER.NOT_FOUND',
    });
  });

  it('given a plain user, then it reads itself and nobody else (USER.FORBIDDEN)', async () => {
    const testbed = buildIdentityTestbed();
    const ada = await testbed.givenUser();
    const bob = await testbed.givenUser();

    expect((await testbed.getUser.execute({ actor: actorFor(ada), userId: ada.id })).id).toBe(ada.id);
    await expect(testbed.getUser.execute({ actor: actorFor(ada), userId: bob.id })).rejects.toMatchObject({
      code: 'USER.FORBIDDEN',
      kind: 'forbidden',
    });
  });

  it('given a System Administrator read by an Application Administrator, then its System Administrator role is not shown (ID-R3)', async () => {
    const testbed = buildIdentityTestbed();
    const root = await testbed.givenUser({
      tenantId: '1000',
      adminRoles: ['system_admin', 'application_admin'],
    });
    const hostApplicationAdministrator = { ...administratorOf('1000'), roles: ['application_admin'] };

    expect(
      (await testbed.getUser.execute({ actor: hostApplicationAdministrator, userId: root.id })).adminRoles,
    ).toEqual(['application_admin']);
    expect(
      (await testbed.getUser.execute({ actor: administratorOf('1000'), userId: root.id })).adminRoles,
    ).toEqual(['system_admin', 'application_admin']);
  });
});

describe('GetUserUseCase — a power user and its scope (ID-U2)', () => {
  it('given a plain user in a group of its scope, then the power user reads it; outside, USER.FORBIDDEN', async () => {
    const testbed = buildIdentityTestbed();
    const group = await testbed.givenGroup();
    const powerUser = await testbed.givenPowerUser([group]);
    const member = await testbed.givenUser();
    await testbed.givenMember(group, member);
    const outsider = await testbed.givenUser();
    const removed = await testbed.givenUser();
    await testbed.givenMember(group, removed);
    await testbed.removeMember.execute({ tenantId: group.tenantId, groupId: group.id, userId: removed.id });

    expect((await testbed.getUser.execute({ actor: actorFor(powerUser), userId: member.id })).id).toBe(
      member.id,
    );
    for (const other of [outsider, removed])
      await expect(
        testbed.getUser.execute({ actor: actorFor(powerUser), userId: other.id }),
      ).rejects.toMatchObject({
        code: 'USER.FORBIDDEN',
      });
  });

  it('given a power user without a scope, or a scope member who is an administrator, then USER.FORBIDDEN', async () => {
    const testbed = buildIdentityTestbed();
    const group = await testbed.givenGroup();
    const unscoped = await testbed.givenUser({ level: 'power_user' });
    const scoped = await testbed.givenPowerUser([group]);
    const admin = await testbed.givenUser({ adminRoles: ['application_admin'] });
    const member = await testbed.givenUser();
    await testbed.givenMember(group, admin);
    await testbed.givenMember(group, member);

    for (const [powerUser, userId] of [
      [unscoped, member.id],
      [scoped, admin.id],
    ] as const)
      await expect(testbed.getUser.execute({ actor: actorFor(powerUser), userId })).rejects.toMatchObject({
        code: 'USER.FORBIDDEN',
      });
  });
});
