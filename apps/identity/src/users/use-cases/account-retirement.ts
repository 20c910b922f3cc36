import { Inject, Injectable } from '@nestjs/common';
import { AdministratorRegistry } from '../../admin-roles/use-cases/administrator-registry';
import type { User } from '../domain/user';
import type { UserChange } from '../domain/user-lifecycle';
import { USER_REPOSITORY, type UserRepository } from '../ports/user.repository';
import { TENANT_REPOSITORY, type TenantRepository } from '../../tenants/ports/tenant.repository';
import { UserIsOwnerError, UserNotFoundError } from '../users.errors';
import { UserWriter, type WrittenUser } from './user-writes';

/**
 * What deactivating and deleting an account share (ID-R3): `decide` refuses first, before the
 * registry is touched; the Platform Owner is refused (ID-G5); then the registry stops counting
 * an administrator (never the last one), and the account is written by compare-and-set with
 * its event.
 */
@Injectable()
export class AccountRetirement {
  constructor(
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    private readonly writer: UserWriter,
    private readonly administrators: AdministratorRegistry,
    @Inject(TENANT_REPOSITORY) private readonly tenants: TenantRepository,
  ) {}

  async retire(
    target: { tenantId: string; userId: string },
    how: 'deactivated' | 'deleted',
    decide: (user: User) => Promise<UserChange>,
  ): Promise<WrittenUser> {
    const current = await this.users.findById(target.tenantId, target.userId);
    if (!current) throw new UserNotFoundError(target.userId);
    if ((await decide(current)).outcome === 'unchanged') return { outcome: 'unchanged', user: current };
    // ID-G5: the owner's account stays usable while it owns the platform.
    if ((await this.tenants.findById(target.tenantId))?.ownerId === target.userId)
      throw new UserIsOwnerError(target.userId);
    const event = how === 'deleted' ? 'user.deleted' : 'user.updated';
    return this.administrators.whileRetired(target, () => this.writer.change(target, decide, event));
  }
}
