import { Inject, Injectable } from '@nestjs/common';
import type { User } from '../domain/user';
import { asSeenBy, type UserActor } from '../domain/user-permissions';
import { USER_REPOSITORY, type UserRepository } from '../ports/user.repository';
import { UserNotFoundError } from '../users.errors';
import { UserAccess } from './user-access';

/** A user of the actor's tenant, as the actor may see it (ID-R3); a deleted one is not found. */
@Injectable()
export class GetUserUseCase {
  constructor(
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    private readonly access: UserAccess,
  ) {}

  async execute(query: { actor: UserActor; userId: string }): Promise<User> {
    const user = await this.users.findById(query.actor.tenantId, query.userId);
    if (!user) throw new UserNotFoundError(query.userId);
    await this.access.authorize(query.actor, 'read', user);
    return asSeenBy(query.actor, user);
  }
}
