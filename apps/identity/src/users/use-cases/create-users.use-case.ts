import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { newId, CLOCK, type Clock } from '@lms/kernel';
import { hasDeletionStarted } from '../../tenants/domain/tenant';
import { deactivateForTenantDeletion } from '../../tenants/domain/tenant-deletion';
import { TENANT_REPOSITORY, type TenantRepository } from '../../tenants/ports/tenant.repository';
import { TenantBeingDeletedError } from '../../tenants/tenants.errors';
import { registerUser, type Locale, type User } from '../domain/user';
import type { UserActor } from '../domain/user-permissions';
import { USER_REPOSITORY, type UserRepository } from '../ports/user.repository';
import { userCreatedEvent } from '../user-events';
import { UserAccess } from './user-access';
import { UserWriter } from './user-writes';

/** A new user of a bulk: the fields of `CreateUserCommand` an import gives (no password, level or roles). */
export interface NewUserFields {
  email: string;
  firstName: string;
  lastName: string;
  locale?: Locale;
  customFields?: Record<string, string>;
}

export interface CreateUsersCommand {
  /** Who creates the users: they belong to its tenant. */
  actor: UserActor;
  users: readonly NewUserFields[];
}

/**
 * ID-U1, ID-I4: registers many users at once with the rules of `CreateUserUseCase` (the actor
 * allowed to create users, checked once; no new user in a tenant whose deletion has started,
 * checked before the write and again after it, the users then deactivated as the deletion
 * would have), their documents and `user.created` events inserted in one request. Answers
 * each user as created, or null when its email (or id) was taken meanwhile, in the
 * command's order; a refusal is thrown for all of them.
 */
@Injectable()
export class CreateUsersUseCase {
  constructor(
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: UserAccess,
    @Inject(TENANT_REPOSITORY) private readonly tenants: TenantRepository,
    private readonly writer: UserWriter,
  ) {}

  async execute(command: CreateUsersCommand): Promise<Array<User | null>> {
    const { actor } = command;
    const tenantId = actor.tenantId;
    await this.access.authorize(actor, 'create');
    if (await this.deletionStarted(tenantId)) throw new TenantBeingDeletedError(tenantId);
    const now = this.clock.now();
    const users = command.users.map((fields) =>
      registerUser({ ...fields, id: newId(now), tenantId, passwordHash: null }, now),
    );
    const outcomes = await this.users.insertMany(
      users.map((user) => ({ user, outbox: [userCreatedEvent(this.events, user)] })),
    );
    const created = users.filter((_, at) => outcomes[at] === 'inserted');
    if (await this.deletionStarted(tenantId)) {
      for (const user of created)
        await this.writer.change({ tenantId, userId: user.id }, (stored) =>
          deactivateForTenantDeletion(stored, this.clock.now()),
        );
      throw new TenantBeingDeletedError(tenantId);
    }
    return users.map((user, at) => (outcomes[at] === 'inserted' ? user : null));
  }

  private async deletionStarted(tenantId: string): Promise<boolean> {
    return hasDeletionStarted(await this.tenants.findById(tenantId));
  }
}
