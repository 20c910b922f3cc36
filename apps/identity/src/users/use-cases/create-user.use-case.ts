import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { newId, CLOCK, type Clock } from '@lms/kernel';
import { AdministratorRegistry } from '../../admin-roles/use-cases/administrator-registry';
import { hasDeletionStarted } from '../../tenants/domain/tenant';
import { deactivateForTenantDeletion } from '../../tenants/domain/tenant-deletion';
import { TENANT_REPOSITORY, type TenantRepository } from '../../tenants/ports/tenant.repository';
import { TenantBeingDeletedError } from '../../tenants/tenants.errors';
import { registerUser, type Locale, type NewUser, type User } from '../domain/user';
import { asSeenBy, type UserActor } from '../domain/user-permissions';
import { USER_REPOSITORY, type UserRepository } from '../ports/user.repository';
import { EmailTakenError } from '../users.errors';
import { PASSWORD_HASHER, type PasswordHasher } from '../../auth/ports/password-hasher';
import { userCreatedEvent } from '../user-events';
import { UserAccess } from './user-access';
import { UserWriter } from './user-writes';

export interface CreateUserCommand {
  /** Who creates the user: the user belongs to its tenant. */
  actor: UserActor;
  email: string;
  firstName: string;
  lastName: string;
  locale?: Locale;
  timezone?: string;
  customFields?: Record<string, string>;
  level?: NewUser['level'];
  /** Granted as the admin-roles routes grant them: only by an administrator of the role's kind. */
  adminRoles?: NewUser['adminRoles'];
  expiresAt?: Date | null;
  /** Stored only as its argon2id hash; without one the user cannot sign in with a password. */
  password?: string;
}

/**
 * ID-U1: registers a user and publishes `user.created` with its full state. A tenant whose
 * deletion has started takes no new user (`TENANT.BEING_DELETED`, ID-T2). The tenant is read
 * again after the write: a deletion that started in between may have read its last page of
 * accounts already, so the new account is deactivated here, as the deletion would have.
 */
@Injectable()
export class CreateUserUseCase {
  constructor(
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PASSWORD_HASHER) private readonly passwords: PasswordHasher,
    private readonly access: UserAccess,
    private readonly administrators: AdministratorRegistry,
    @Inject(TENANT_REPOSITORY) private readonly tenants: TenantRepository,
    private readonly writer: UserWriter,
  ) {}

  async execute(command: CreateUserCommand): Promise<User> {
    const now = this.clock.now();
    const { actor, password, ...fields } = command;
    const id = newId(now);
    const tenantId = actor.tenantId;
    await this.access.authorize(actor, 'create');
    for (const role of fields.adminRoles ?? [])
      await this.access.authorize(
        actor,
        'grant_role',
        { id, tenantId, level: fields.level ?? 'user', adminRoles: [] },
        { role },
      );
    if (await this.deletionStarted(tenantId)) throw new TenantBeingDeletedError(tenantId);
    const passwordHash = password === undefined ? null : await this.passwords.hash(password);
    const user = registerUser({ ...fields, id, tenantId, passwordHash }, now);
    const created = userCreatedEvent(this.events, user);
    const outcome = await this.users.insert(user, [created]);
    if (outcome === 'duplicate') throw new EmailTakenError();
    if (await this.deletionStarted(tenantId)) {
      await this.writer.change({ tenantId, userId: id }, (stored) =>
        deactivateForTenantDeletion(stored, this.clock.now()),
      );
      throw new TenantBeingDeletedError(tenantId);
    }
    if (user.adminRoles.length > 0) await this.administrators.enroll(tenantId, id);
    return asSeenBy(actor, user);
  }

  private async deletionStarted(tenantId: string): Promise<boolean> {
    return hasDeletionStarted(await this.tenants.findById(tenantId));
  }
}
