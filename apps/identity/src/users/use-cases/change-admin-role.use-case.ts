import { Inject, Injectable } from '@nestjs/common';
import type { AdminRole } from '@lms/contracts';
import { OwnerKeepsAdministratorRoleError } from '../../admin-roles/admin-roles.errors';
import { AdministratorRegistry } from '../../admin-roles/use-cases/administrator-registry';
import { TENANT_REPOSITORY, type TenantRepository } from '../../tenants/ports/tenant.repository';
import { asSeenBy, type UserActor } from '../domain/user-permissions';
import { USER_REPOSITORY, type UserRepository } from '../ports/user.repository';
import { UserNotFoundError } from '../users.errors';
import { UserAccess } from './user-access';
import type { WrittenUser } from './user-writes';

export interface ChangeAdminRoleCommand {
  actor: UserActor;
  userId: string;
  role: AdminRole;
  change: 'grant' | 'revoke';
}

/**
 * ID-R1..R3: grants or revokes an administrative role. Only an administrator of the role's
 * kind (or higher) does it, so the System Administrator role is granted only by System
 * Administrators; nobody revokes its own; the last System Administrator of the installation
 * and the last administrator of a tenant keep theirs. The tenant's registry decides first
 * (two administrators racing are decided one after the other), the account follows with
 * `user.updated`.
 */
@Injectable()
export class ChangeAdminRoleUseCase {
  constructor(
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    private readonly access: UserAccess,
    private readonly administrators: AdministratorRegistry,
    @Inject(TENANT_REPOSITORY) private readonly tenants: TenantRepository,
  ) {}

  async execute(command: ChangeAdminRoleCommand): Promise<WrittenUser> {
    const { actor, userId, role, change } = command;
    const tenantId = actor.tenantId;
    const user = await this.users.findById(tenantId, userId);
    if (!user) throw new UserNotFoundError(userId);
    await this.access.authorize(actor, change === 'grant' ? 'grant_role' : 'revoke_role', user, { role });
    // ID-G5: the Platform Owner keeps an administrator role while it owns the platform.
    const leavesNone = change === 'revoke' && user.adminRoles.every((held) => held === role);
    if (leavesNone && (await this.tenants.findById(tenantId))?.ownerId === userId)
      throw new OwnerKeepsAdministratorRoleError(userId);
    const outcome = await this.administrators.changeRole(tenantId, userId, role, change);
    const now = await this.users.findById(tenantId, userId);
    if (!now) throw new UserNotFoundError(userId);
    return { outcome, user: asSeenBy(actor, now) };
  }
}
