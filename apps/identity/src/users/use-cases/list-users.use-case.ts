import { Inject, Injectable } from '@nestjs/common';
import type { PlatformLevel, UserState } from '@lms/contracts';
import { mapPage, normalizeEmail, type Page, type PageRequest } from '@lms/kernel';
import { type User } from '../domain/user';
import { asSeenBy, type UserActor } from '../domain/user-permissions';
import { USER_REPOSITORY, type UserRepository } from '../ports/user.repository';
import { UserAccess } from './user-access';

export interface ListUsersQuery {
  actor: UserActor;
  /** Exact email, any case. */
  email?: string;
  state?: UserState;
  level?: PlatformLevel;
  /** The start of the email, first or last name, any case. */
  text?: string;
  /** A custom field's exact value (ID-U1). */
  customField?: { key: string; value: string };
  page: PageRequest;
}

/** ID-U1: the users of the actor's tenant, filtered, in creation order; for those who manage every user. */
@Injectable()
export class ListUsersUseCase {
  constructor(
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    private readonly access: UserAccess,
  ) {}

  async execute(query: ListUsersQuery): Promise<Page<User>> {
    const { actor, email, page, ...filter } = query;
    await this.access.authorize(actor, 'list');
    const emailNormalized = email === undefined ? undefined : normalizeEmail(email);
    const found = await this.users.list(actor.tenantId, { ...filter, emailNormalized }, page);
    return mapPage(found, (user) => asSeenBy(actor, user));
  }
}
