import { Inject, Injectable } from '@nestjs/common';
import type { User } from '../../users/domain/user';
import { USER_REPOSITORY, type UserRepository } from '../../users/ports/user.repository';
import { NotSignedInError } from '../auth.errors';

export interface GetCurrentUserQuery {
  tenantId: string;
  userId: string;
}

/**
 * ID-A1: the user an access token speaks for. A token whose user no longer exists in its
 * tenant signs nobody in: `AUTH.UNAUTHENTICATED`.
 */
@Injectable()
export class GetCurrentUserUseCase {
  constructor(@Inject(USER_REPOSITORY) private readonly users: UserRepository) {}

  async execute(query: GetCurrentUserQuery): Promise<User> {
    const user = await this.users.findById(query.tenantId, query.userId);
    if (!user) throw new NotSignedInError();
    return user;
  }
}
