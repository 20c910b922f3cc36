import { Inject, Injectable } from '@nestjs/common';
import { AdministratorRegistry } from '../../admin-roles/use-cases/administrator-registry';
import type { User } from '../domain/user';
import type { UserChange } from '../domain/user-lifecycle';
import { USER_REPOSITORY, type UserRepository } from '../ports/user.repository';
import { UserNotFoundError } from '../users.errors';
import { UserWriter, type WrittenUser } from './user-writes';

/**
 * What deactivating and deleting an account share (ID-R3): `decide` refuses first, before the
 * registry is touched; then the registry stops counting an administrator (never the last
 * one), and the account is written by compare-and-set with its event.
 */
@Injectable()
export class AccountRetirement {
  constructor(
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    private readonly writer: UserWriter,
    private readonly administrators: AdministratorRegistry,
  ) {}

  async retire(
    target: { tenantId: string; userId: string },
    how: 'deactivated' | 'deleted',
    decide: (user: User) => Promise<UserChange>,
  ): Promise<WrittenUser> {
    const current = await this.users.findById(target.tenantId, target.userId);
    if (!current) throw new UserNotFoundError(target.userId);
    if ((await decide(current)).outcome === 'unchanged') return { outcome: 'unchanged', user: current };
    const event = how === 'deleted' ? 'user.deleted' : 'user.updated';
    return this.administrators.whileRetired(target, () => this.writer.change(target, decide, event));
  }
}
