import { Inject, Injectable } from '@nestjs/common';
import type { User } from '../domain/user';
import { USER_REPOSITORY, type UserRepository } from '../ports/user.repository';
import { UserNotFoundError } from '../users.errors';

@Injectable()
export class GetUserUseCase {
  constructor(@Inject(USER_REPOSITORY) private readonly users: UserRepository) {}

  async execute(query: { tenantId: string; userId: string }): Promise<User> {
    const user = await this.users.findById(query.tenantId, query.userId);
    if (!user) throw new UserNotFoundError(query.userId);
    return user;
  }
}
