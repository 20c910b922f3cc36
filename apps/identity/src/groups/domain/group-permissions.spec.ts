import type { GroupRole } from '@lms/contracts';
import type { UserActor } from '../../users/domain/user-permissions';
import { decideGroupAction, groupListScope, isPlatformCoach, type GroupAction } from './group-permissions';

const tenantId = 'tenant-a';
const administrator: UserActor = { tenantId, userId: 'a', level: 'user', roles: ['application_admin'] };
const superadmin: UserActor = { tenantId, userId: 's', level: 'superadmin', roles: [] };
const plain: UserActor = { tenantId, userId: 'u', level: 'user', roles: [] };
const powerUser: UserActor = { tenantId, userId: 'p', level: 'power_user', roles: [] };
const publicGroup = { tenantId, confidentiality: 'public' as const };
const privateGroup = { tenantId, confidentiality: 'private' as const };

function allowed(
  actor: UserActor,
  action: GroupAction,
  group: typeof publicGroup | typeof privateGroup,
  rolesInGroup: GroupRole[] = [],
  platformCoach = false,
): boolean {
  return decideGroupAction(actor, action, group, { rolesInGroup, platformCoach }).allowed;
}

describe('who may do what to a group (ID-G2)', () => {
  it.each<[string, UserActor, GroupAction, GroupRole[], boolean, boolean]>([
    ['a tenant administrator deletes', administrator, 'delete', [], false, true],
    ['a superadmin edits', superadmin, 'edit', [], false, true],
    ["a group's admin adds and removes members", plain, 'manage_members', ['admin'], false, true],
    ["a group's admin edits it", plain, 'edit', ['admin'], false, true],
    ["a group's admin manages its invitations", plain, 'manage_invitations', ['admin'], false, true],
    ["a group's admin does not delete it", plain, 'delete', ['admin'], false, false],
    ["a group's coach lists its members", plain, 'list_members', ['coach'], false, true],
    ["a group's coach reads it", plain, 'read', ['coach'], false, true],
    ["a group's coach does not add members", plain, 'manage_members', ['coach'], false, false],
    ["a group's learner does not list its members", plain, 'list_members', ['learner'], false, false],
    ['a user of no role sees nothing', plain, 'read', [], false, false],
  ])('%s', (_, actor, action, roles, platformCoach, expected) => {
    expect(allowed(actor, action, privateGroup, roles, platformCoach)).toBe(expected);
  });

  it('a platform coach lists the members of a public group, not of a private one, and manages neither', () => {
    expect(allowed(powerUser, 'list_members', publicGroup, [], true)).toBe(true);
    expect(allowed(powerUser, 'read', publicGroup, [], true)).toBe(true);
    expect(allowed(powerUser, 'list_members', privateGroup, [], true)).toBe(false);
    expect(allowed(powerUser, 'manage_members', publicGroup, [], true)).toBe(false);
  });

  it('roles of several kinds combine (ID-R4): a platform coach who is a group coach of a private group sees it', () => {
    expect(allowed(powerUser, 'list_members', privateGroup, ['coach'], true)).toBe(true);
  });

  it('nobody acts on a group of another tenant, administrators included', () => {
    expect(allowed(administrator, 'read', { ...publicGroup, tenantId: 'tenant-b' })).toBe(false);
  });

  it('a platform coach is a power user whose profile holds groups.coach', () => {
    expect(isPlatformCoach('power_user', ['users.read', 'groups.coach'])).toBe(true);
    expect(isPlatformCoach('power_user', ['users.read'])).toBe(false);
    expect(isPlatformCoach('user', ['groups.coach'])).toBe(false);
  });

  it('lists every group to administrators, the own and (for a platform coach) the public ones to others', () => {
    expect(groupListScope(administrator, { ownGroupIds: ['g'], platformCoach: false })).toEqual({
      all: true,
    });
    expect(groupListScope(powerUser, { ownGroupIds: ['g'], platformCoach: true })).toEqual({
      all: false,
      groupIds: ['g'],
      publicGroups: true,
    });
  });
});
