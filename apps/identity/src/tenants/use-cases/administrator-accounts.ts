import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { AdministratorRegistry } from '../../admin-roles/use-cases/administrator-registry';
import { registerUser, type AdminRole } from '../../users/domain/user';
import { USER_REPOSITORY, type UserRepository } from '../../users/ports/user.repository';
import { userCreatedEvent } from '../../users/user-events';

export interface AdministratorAccount {
  id: string;
  tenantId: string;
  email: string;
  firstName: string;
  lastName: string;
  adminRoles: AdminRole[];
  passwordHash: string;
}

/**
 * Creates the administrator a tenant starts with, under an id chosen beforehand, so that
 * trying again (a retry, a second instance) finds it instead of making a second one.
 */
@Injectable()
export class AdministratorAccounts {
  constructor(
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    private readonly registry: AdministratorRegistry,
  ) {}

  /**
   * `created`, or `existing` when the user of this id is there already; `email-taken` when
   * another user of the tenant has the email. Either of the first two is in the tenant's
   * administrator registry afterwards (ID-R2), a second try enrolling what a first left out.
   */
  async create(account: AdministratorAccount, now: Date): Promise<'created' | 'existing' | 'email-taken'> {
    const { adminRoles, ...identity } = account;
    const user = registerUser({ ...identity, level: 'superadmin', adminRoles }, now);
    const created = userCreatedEvent(this.events, user);
    const outcome =
      (await this.users.insert(user, [created])) === 'inserted'
        ? 'created'
        : (await this.users.findById(user.tenantId, user.id))
          ? 'existing'
          : 'email-taken';
    if (outcome !== 'email-taken') await this.registry.enroll(user.tenantId, user.id);
    return outcome;
  }

  /** Whether the user of this id exists in the tenant. */
  async exists(tenantId: string, id: string): Promise<boolean> {
    return (await this.users.findById(tenantId, id)) !== null;
  }
}
