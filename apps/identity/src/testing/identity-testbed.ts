import type { GroupRole } from '@lms/contracts';
import { EventFactory } from '@lms/messaging';
import { FixedClock } from '@lms/testing';
import type { Group } from '../groups/domain/group';
import { CreateGroupUseCase } from '../groups/use-cases/create-group.use-case';
import { GetGroupUseCase } from '../groups/use-cases/get-group.use-case';
import type { Membership } from '../memberships/domain/membership';
import { AddMemberUseCase } from '../memberships/use-cases/add-member.use-case';
import { ChangeMemberRolesUseCase } from '../memberships/use-cases/change-member-roles.use-case';
import { ListMembersUseCase } from '../memberships/use-cases/list-members.use-case';
import { RemoveMemberUseCase } from '../memberships/use-cases/remove-member.use-case';
import type { User } from '../users/domain/user';
import { CreateUserUseCase } from '../users/use-cases/create-user.use-case';
import { GetUserUseCase } from '../users/use-cases/get-user.use-case';
import { ListUsersUseCase } from '../users/use-cases/list-users.use-case';
import { InMemoryGroupRepository } from './in-memory-group.repository';
import { InMemoryMembershipRepository } from './in-memory-membership.repository';
import { InMemoryUserRepository } from './in-memory-user.repository';
import { RecordingOutbox } from './recording-outbox';
import { ReversiblePasswordHasher } from './reversible-password-hasher';

export const TEST_TENANT = 'tenant-a';
export const OTHER_TENANT = 'tenant-b';

/**
 * Every identity use case wired to in-memory repositories, a fixed clock and a recording
 * outbox: the one place unit tests build use cases. The `given*` functions go through the
 * use cases and then drain the outbox, so a test sees only the events of its "when".
 */
export function buildIdentityTestbed(options: { now?: string } = {}) {
  const clock = new FixedClock(options.now);
  const outbox = new RecordingOutbox();
  const events = new EventFactory('identity');
  const users = new InMemoryUserRepository(outbox);
  const groups = new InMemoryGroupRepository(outbox);
  const memberships = new InMemoryMembershipRepository(outbox);
  const passwords = new ReversiblePasswordHasher();

  const testbed = {
    clock,
    outbox,
    users,
    groups,
    memberships,
    passwords,
    createUser: new CreateUserUseCase(users, events, clock, passwords),
    getUser: new GetUserUseCase(users),
    listUsers: new ListUsersUseCase(users),
    createGroup: new CreateGroupUseCase(groups, events, clock),
    getGroup: new GetGroupUseCase(groups),
    addMember: new AddMemberUseCase(memberships, groups, users, events, clock),
    changeMemberRoles: new ChangeMemberRolesUseCase(memberships, events, clock),
    removeMember: new RemoveMemberUseCase(memberships, events, clock),
    listMembers: new ListMembersUseCase(memberships, groups),

    async givenUser(
      overrides: { tenantId?: string; email?: string; firstName?: string } = {},
    ): Promise<User> {
      const user = await testbed.createUser.execute({
        tenantId: overrides.tenantId ?? TEST_TENANT,
        email: overrides.email ?? `user-${Math.random().toString(36).slice(2, 10)}@example.com`,
        firstName: overrides.firstName ?? 'Ada',
        lastName: 'Lovelace',
      });
      outbox.drain();
      return user;
    },

    async givenGroup(overrides: { tenantId?: string; name?: string } = {}): Promise<Group> {
      const group = await testbed.createGroup.execute({
        tenantId: overrides.tenantId ?? TEST_TENANT,
        name: overrides.name ?? 'Sales coaching',
      });
      outbox.drain();
      return group;
    },

    async givenMember(group: Group, user: User, roles: GroupRole[] = ['learner']): Promise<Membership> {
      const membership = await testbed.addMember.execute({
        tenantId: group.tenantId,
        groupId: group.id,
        userId: user.id,
        roles,
      });
      outbox.drain();
      return membership;
    },
  };
  return testbed;
}

export type IdentityTestbed = ReturnType<typeof buildIdentityTestbed>;
