import type { GroupRole, PermissionRight } from '@lms/contracts';
import { InMemoryJobStore } from '@lms/jobs';
import { EventFactory } from '@lms/messaging';
import { FixedClock } from '@lms/testing';
import { AdministratorRegistry } from '../admin-roles/use-cases/administrator-registry';
import { GetCurrentUserUseCase } from '../auth/use-cases/get-current-user.use-case';
import { LogInUseCase } from '../auth/use-cases/log-in.use-case';
import { LogOutUseCase } from '../auth/use-cases/log-out.use-case';
import { LoginThrottle } from '../auth/use-cases/login-throttle';
import { RefreshTokensUseCase } from '../auth/use-cases/refresh-tokens.use-case';
import { SigningKeyRing } from '../auth/use-cases/signing-key-ring';
import { TokenPairIssuer } from '../auth/use-cases/token-pair-issuer';
import { identityConfigFrom } from '../config/identity.config';
import { IdentityEnv } from '../config/identity.env';
import type { Group } from '../groups/domain/group';
import { CreateGroupUseCase } from '../groups/use-cases/create-group.use-case';
import { DeleteGroupUseCase } from '../groups/use-cases/delete-group.use-case';
import { GetGroupUseCase } from '../groups/use-cases/get-group.use-case';
import { GroupAccess } from '../groups/use-cases/group-access';
import { ListGroupsUseCase } from '../groups/use-cases/list-groups.use-case';
import { RunGroupDeletionUseCase } from '../groups/use-cases/run-group-deletion.use-case';
import { UpdateGroupUseCase } from '../groups/use-cases/update-group.use-case';
import { AcceptInvitationUseCase } from '../invitations/use-cases/accept-invitation.use-case';
import { CreateInvitationUseCase } from '../invitations/use-cases/create-invitation.use-case';
import { ListInvitationsUseCase } from '../invitations/use-cases/list-invitations.use-case';
import { RemindInvitationUseCase } from '../invitations/use-cases/remind-invitation.use-case';
import { RevokeInvitationUseCase } from '../invitations/use-cases/revoke-invitation.use-case';
import type { Membership } from '../memberships/domain/membership';
import { AddMemberUseCase } from '../memberships/use-cases/add-member.use-case';
import { AddNewMembersUseCase } from '../memberships/use-cases/add-new-members.use-case';
import { ChangeMemberRolesUseCase } from '../memberships/use-cases/change-member-roles.use-case';
import { ListMembersUseCase } from '../memberships/use-cases/list-members.use-case';
import { RemoveMemberUseCase } from '../memberships/use-cases/remove-member.use-case';
import type { PermissionProfile } from '../permission-profiles/domain/permission-profile';
import { DefinePermissionProfileUseCase } from '../permission-profiles/use-cases/define-permission-profile.use-case';
import { DeletePermissionProfileUseCase } from '../permission-profiles/use-cases/delete-permission-profile.use-case';
import { GetPermissionProfileUseCase } from '../permission-profiles/use-cases/get-permission-profile.use-case';
import { ListPermissionProfilesUseCase } from '../permission-profiles/use-cases/list-permission-profiles.use-case';
import type { JobQueue } from '@lms/jobs';
import { HOST_TENANT_CODE } from '../tenants/domain/tenant';
import type { NewUser, User } from '../users/domain/user';
import type { UserActor } from '../users/domain/user-permissions';
import { AccountRetirement } from '../users/use-cases/account-retirement';
import { ChangeAdminRoleUseCase } from '../users/use-cases/change-admin-role.use-case';
import { ChangeUserStateUseCase } from '../users/use-cases/change-user-state.use-case';
import { CreateUserUseCase } from '../users/use-cases/create-user.use-case';
import { CreateUsersUseCase } from '../users/use-cases/create-users.use-case';
import { DeleteUserUseCase } from '../users/use-cases/delete-user.use-case';
import { ExpireDueUsersUseCase } from '../users/use-cases/expire-due-users.use-case';
import { GetBulkStateChangeUseCase } from '../users/use-cases/get-bulk-state-change.use-case';
import { GetUserUseCase } from '../users/use-cases/get-user.use-case';
import { ListUsersUseCase } from '../users/use-cases/list-users.use-case';
import { RecordFirstCourseAccessUseCase } from '../users/use-cases/record-first-course-access.use-case';
import { RunBulkStateChangeUseCase } from '../users/use-cases/run-bulk-state-change.use-case';
import { StartBulkStateChangeUseCase } from '../users/use-cases/start-bulk-state-change.use-case';
import { UpdateUserUseCase } from '../users/use-cases/update-user.use-case';
import { UserAccess } from '../users/use-cases/user-access';
import { UserWriter } from '../users/use-cases/user-writes';
import { InMemoryAdminRegistryRepository } from './in-memory-admin-registry.repository';
import { InMemoryBulkStateChangeRepository } from './in-memory-bulk-state-change.repository';
import { InMemoryFailureCounterRepository } from './in-memory-failure-counter.repository';
import { InMemoryGroupRepository } from './in-memory-group.repository';
import { InMemoryInvitationRepository } from './in-memory-invitation.repository';
import { InMemoryMembershipRepository } from './in-memory-membership.repository';
import { InMemoryPermissionProfileRepository } from './in-memory-permission-profile.repository';
import { InMemoryRefreshFamilyRepository } from './in-memory-refresh-family.repository';
import { InMemoryRefreshTokenRepository } from './in-memory-refresh-token.repository';
import { InMemorySigningKeyRepository } from './in-memory-signing-key.repository';
import { InMemoryTenantRepository } from './in-memory-tenant.repository';
import { InMemoryUserRepository } from './in-memory-user.repository';
import { RecordingOutbox } from './recording-outbox';
import { ReversiblePasswordHasher } from './reversible-password-hasher';
import { organisationUseCases } from './organisation-use-cases';
import { tenantUseCases } from './tenant-use-cases';

export const TEST_TENANT = 'tenant-a';
export const OTHER_TENANT = 'tenant-b';

/**
 * An administrator of the tenant, as a caller without an account of its own: a System
 * Administrator in the host tenant, an Application Administrator elsewhere.
 */
export function administratorOf(tenantId: string = TEST_TENANT): UserActor {
  const roles = tenantId === HOST_TENANT_CODE ? ['system_admin'] : ['application_admin'];
  return { tenantId, userId: null, level: 'superadmin', roles };
}

/** The rights on users a permission profile can hold (ID-U2): what a power user of the testbed gets unless told. */
export const USER_RIGHTS: PermissionRight[] = ['users.read', 'users.update_profile', 'users.change_state'];

/** A user calling as itself, as its access token would tell. */
export function actorFor(user: User): UserActor {
  return { tenantId: user.tenantId, userId: user.id, level: user.level, roles: [...user.adminRoles] };
}

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
  const tenants = new InMemoryTenantRepository(outbox);
  const bulkStateChanges = new InMemoryBulkStateChangeRepository();
  // Enqueued long work waits here; a test runs it through its use case (`run*`), chunk by chunk.
  const jobs = new InMemoryJobStore();
  const jobQueue: JobQueue = { enqueue: (job) => jobs.enqueue(job, clock.now()) };
  const groups = new InMemoryGroupRepository(outbox);
  const memberships = new InMemoryMembershipRepository(outbox);
  const permissionProfiles = new InMemoryPermissionProfileRepository(outbox);
  const invitations = new InMemoryInvitationRepository(outbox);
  const groupAccess = new GroupAccess(memberships, users, permissionProfiles);
  const passwords = new ReversiblePasswordHasher();
  const config = identityConfigFrom(new IdentityEnv());
  const failureCounters = new InMemoryFailureCounterRepository();
  const storedRefreshTokens = new InMemoryRefreshTokenRepository();
  const refreshFamilies = new InMemoryRefreshFamilyRepository();
  const keyRing = new SigningKeyRing(new InMemorySigningKeyRepository(), clock, config);
  const loginThrottle = new LoginThrottle(failureCounters, config);
  const tokenPairs = new TokenPairIssuer(storedRefreshTokens, refreshFamilies, keyRing, config);
  const adminRegistries = new InMemoryAdminRegistryRepository();
  const writer = new UserWriter(users, events);
  const administratorRegistry = new AdministratorRegistry(adminRegistries, users, writer, clock);
  const access = new UserAccess(users, memberships, permissionProfiles);
  const retirement = new AccountRetirement(users, writer, administratorRegistry, tenants);
  const changeUserState = new ChangeUserStateUseCase(
    writer,
    retirement,
    administratorRegistry,
    access,
    clock,
  );

  const addMember = new AddMemberUseCase(memberships, groups, users, groupAccess, events, clock);
  const addNewMembers = new AddNewMembersUseCase(memberships, groups, groupAccess, events, clock);
  const removeMember = new RemoveMemberUseCase(memberships, groups, groupAccess, events, clock);

  const testbed = {
    clock,
    outbox,
    users,
    bulkStateChanges,
    jobs,
    groups,
    memberships,
    permissionProfiles,
    passwords,
    config,
    failureCounters,
    storedRefreshTokens,
    refreshFamilies,
    keyRing,
    adminRegistries,
    administratorRegistry,
    addNewMembers,
    createUser: new CreateUserUseCase(
      users,
      events,
      clock,
      passwords,
      access,
      administratorRegistry,
      tenants,
      writer,
    ),
    createUsers: new CreateUsersUseCase(users, events, clock, access, tenants, writer),
    getUser: new GetUserUseCase(users, access),
    listUsers: new ListUsersUseCase(users, access),
    updateUser: new UpdateUserUseCase(users, writer, clock, passwords, access, permissionProfiles),
    deleteUser: new DeleteUserUseCase(clock, access, retirement),
    changeUserState,
    startBulkStateChange: new StartBulkStateChangeUseCase(bulkStateChanges, jobQueue, clock),
    runBulkStateChange: new RunBulkStateChangeUseCase(bulkStateChanges, changeUserState, clock, config),
    getBulkStateChange: new GetBulkStateChangeUseCase(bulkStateChanges),
    changeAdminRole: new ChangeAdminRoleUseCase(users, access, administratorRegistry, tenants),
    expireDueUsers: new ExpireDueUsersUseCase(users, writer, clock),
    recordFirstCourseAccess: new RecordFirstCourseAccessUseCase(writer, clock),
    createGroup: new CreateGroupUseCase(groups, events, clock),
    getGroup: new GetGroupUseCase(groups, groupAccess),
    listGroups: new ListGroupsUseCase(groups, groupAccess),
    updateGroup: new UpdateGroupUseCase(groups, groupAccess, events, clock),
    deleteGroup: new DeleteGroupUseCase(groups, memberships, groupAccess, jobQueue, events, clock),
    addMember,
    changeMemberRoles: new ChangeMemberRolesUseCase(memberships, events, clock),
    removeMember,
    listMembers: new ListMembersUseCase(memberships, groups, groupAccess),
    invitations,
    createInvitation: new CreateInvitationUseCase(invitations, groups, users, groupAccess, events, clock),
    listInvitations: new ListInvitationsUseCase(invitations, groups, groupAccess),
    acceptInvitation: new AcceptInvitationUseCase(invitations, groups, users, addMember, events, clock),
    remindInvitation: new RemindInvitationUseCase(invitations, groups, groupAccess, events, clock),
    revokeInvitation: new RevokeInvitationUseCase(invitations, groups, groupAccess, events, clock),
    /** A group's deletion run in chunks of this many members (small, so that tests see several). */
    runGroupDeletion: (chunkSize?: number) =>
      new RunGroupDeletionUseCase(groups, memberships, removeMember, events, clock, chunkSize),
    definePermissionProfile: new DefinePermissionProfileUseCase(permissionProfiles, events, clock),
    getPermissionProfile: new GetPermissionProfileUseCase(permissionProfiles),
    listPermissionProfiles: new ListPermissionProfilesUseCase(permissionProfiles),
    deletePermissionProfile: new DeletePermissionProfileUseCase(permissionProfiles, users),
    ...organisationUseCases({ users, writer, events, clock, outbox }),
    ...tenantUseCases({
      tenants,
      outbox,
      users,
      writer,
      passwords,
      events,
      clock,
      config,
      jobs: jobQueue,
      administratorRegistry,
    }),
    logIn: new LogInUseCase(users, passwords, loginThrottle, tokenPairs, tenants, clock),
    refreshTokens: new RefreshTokensUseCase(
      storedRefreshTokens,
      refreshFamilies,
      users,
      tokenPairs,
      tenants,
      clock,
    ),
    logOut: new LogOutUseCase(storedRefreshTokens, refreshFamilies, clock),
    getCurrentUser: new GetCurrentUserUseCase(users),

    async givenUser(
      overrides: {
        tenantId?: string;
        email?: string;
        firstName?: string;
        password?: string;
        level?: NewUser['level'];
        adminRoles?: NewUser['adminRoles'];
        expiresAt?: Date | null;
      } = {},
    ): Promise<User> {
      const user = await testbed.createUser.execute({
        actor: administratorOf(overrides.tenantId),
        email: overrides.email ?? `user-${Math.random().toString(36).slice(2, 10)}@example.com`,
        firstName: overrides.firstName ?? 'Ada',
        lastName: 'Lovelace',
        password: overrides.password,
        level: overrides.level,
        adminRoles: overrides.adminRoles,
        expiresAt: overrides.expiresAt,
      });
      outbox.drain();
      return user;
    },

    /** A user with a password who has just signed in: the user, the password and the first token pair. */
    async givenSignedInUser(overrides: { tenantId?: string; level?: NewUser['level'] } = {}) {
      const password = 'correct horse battery';
      const user = await testbed.givenUser({ ...overrides, password });
      const tokens = await testbed.logIn.execute({
        tenantId: user.tenantId,
        email: user.email,
        password,
        address: '203.0.113.9',
      });
      return { user, password, tokens };
    },

    /** Changes a stored user as an administrator would, without events: state, level, roles, expiry. */
    async givenUserChanged(
      user: User,
      changes: Partial<Pick<User, 'state' | 'level' | 'adminRoles' | 'expiresAt'>>,
    ): Promise<User> {
      const changed = { ...user, ...changes, version: user.version + 1 };
      await users.update(changed, user.version, []);
      return changed;
    },

    /** A permission profile of the tenant with these rights (ID-U2), defined by an administrator. */
    async givenPermissionProfile(
      rights: readonly string[],
      overrides: { tenantId?: string; name?: string } = {},
    ): Promise<PermissionProfile> {
      const { profile } = await testbed.definePermissionProfile.execute({
        actor: administratorOf(overrides.tenantId),
        name: overrides.name ?? `profile-${Math.random().toString(36).slice(2, 10)}`,
        rights,
        description: null,
      });
      outbox.drain();
      return profile;
    },

    /**
     * A power user whose scope is these groups (ID-U2), holding a profile of these rights
     * (every right on users unless told); `null` rights: no profile at all.
     */
    async givenPowerUser(groups: Group[], rights: readonly string[] | null = USER_RIGHTS): Promise<User> {
      const powerUser = await testbed.givenUser({ level: 'power_user' });
      const profile = rights === null ? null : await testbed.givenPermissionProfile(rights);
      const scoped = await testbed.updateUser.execute({
        actor: administratorOf(powerUser.tenantId),
        userId: powerUser.id,
        changes: {
          powerUserScope: { groupIds: groups.map((group) => group.id) },
          permissionProfile: profile?.name ?? null,
        },
      });
      outbox.drain();
      return scoped;
    },

    async givenGroup(
      overrides: { tenantId?: string; name?: string; confidentiality?: Group['confidentiality'] } = {},
    ): Promise<Group> {
      const group = await testbed.createGroup.execute({
        tenantId: overrides.tenantId ?? TEST_TENANT,
        name: overrides.name ?? 'Sales coaching',
        confidentiality: overrides.confidentiality,
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
