import { Inject, Injectable } from '@nestjs/common';
import { UsersStream } from '@lms/contracts';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { newId } from '@lms/kernel';
import { CLOCK, type Clock } from '@lms/kernel';
import { registerUser, type Locale, type User } from '../domain/user';
import { USER_REPOSITORY, type UserRepository } from '../ports/user.repository';
import { EmailTakenError } from '../users.errors';

export interface CreateUserCommand {
  tenantId: string;
  email: string;
  firstName: string;
  lastName: string;
  locale?: Locale;
}

/** ID-U1: registers a user and publishes `user.created` with its full state. */
@Injectable()
export class CreateUserUseCase {
  constructor(
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: CreateUserCommand): Promise<User> {
    const now = this.clock.now();
    const user = registerUser({ ...command, id: newId(now) }, now);
    const created = this.events.create(UsersStream, 'user.created', {
      tenantId: user.tenantId,
      aggregateId: user.id,
      aggregateVersion: user.version,
      occurredAt: now,
      payload: {
        userId: user.id,
        email: user.email,
        firstName: user.firstName,
        lastName: user.lastName,
        locale: user.locale,
        state: user.state,
      },
    });
    const outcome = await this.users.insert(user, [created]);
    if (outcome === 'duplicate') throw new EmailTakenError();
    return user;
  }
}
