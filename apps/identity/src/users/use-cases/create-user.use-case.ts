import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { newId } from '@lms/kernel';
import { CLOCK, type Clock } from '@lms/kernel';
import { registerUser, type Locale, type NewUser, type User } from '../domain/user';
import { USER_REPOSITORY, type UserRepository } from '../ports/user.repository';
import { EmailTakenError } from '../users.errors';
import { PASSWORD_HASHER, type PasswordHasher } from '../../auth/ports/password-hasher';
import { userCreatedEvent } from '../user-events';

export interface CreateUserCommand {
  tenantId: string;
  email: string;
  firstName: string;
  lastName: string;
  locale?: Locale;
  timezone?: string;
  customFields?: Record<string, string>;
  level?: NewUser['level'];
  adminRoles?: NewUser['adminRoles'];
  expiresAt?: Date | null;
  /** Stored only as its argon2id hash; without one the user cannot sign in with a password. */
  password?: string;
}

/** ID-U1: registers a user and publishes `user.created` with its full state. */
@Injectable()
export class CreateUserUseCase {
  constructor(
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PASSWORD_HASHER) private readonly passwords: PasswordHasher,
  ) {}

  async execute(command: CreateUserCommand): Promise<User> {
    const now = this.clock.now();
    const { password, ...fields } = command;
    const passwordHash = password === undefined ? null : await this.passwords.hash(password);
    const user = registerUser({ ...fields, id: newId(now), passwordHash }, now);
    const created = userCreatedEvent(this.events, user);
    const outcome = await this.users.insert(user, [created]);
    if (outcome === 'duplicate') throw new EmailTakenError();
    return user;
  }
}
