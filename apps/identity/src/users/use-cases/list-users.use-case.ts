import { Inject, Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@lms/kernel';
import { normalizeEmail, type User } from '../domain/user';
import { USER_REPOSITORY, type UserRepository } from '../ports/user.repository';

export interface ListUsersQuery {
  tenantId: string;
  email?: string;
  page: PageRequest;
}

@Injectable()
export class ListUsersUseCase {
  constructor(@Inject(USER_REPOSITORY) private readonly users: UserRepository) {}

  execute(query: ListUsersQuery): Promise<Page<User>> {
    const emailNormalized = query.email === undefined ? undefined : normalizeEmail(query.email);
    return this.users.list(query.tenantId, { emailNormalized }, query.page);
  }
}
