import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { UsersStream, type EnvelopeOf } from '@lms/contracts';
import { OnEventBatch } from '@lms/messaging';
import type { CoachingUserChange } from './domain/coaching-user';
import { ApplyUserEventsUseCase } from './use-cases/apply-user-events.use-case';

type UserEvents = typeof UsersStream.events;
type UserEvent =
  | EnvelopeOf<UserEvents, 'user.created'>
  | EnvelopeOf<UserEvents, 'user.updated'>
  | EnvelopeOf<UserEvents, 'user.deleted'>;

/**
 * Kafka adapter: identity's user events, in batches (rule 8: an import makes thousands of
 * them), keep coaching's projection of users.
 */
@Controller()
export class UserEventsConsumer {
  constructor(private readonly applyUserEvents: ApplyUserEventsUseCase) {}

  @OnEventBatch(UsersStream, ['user.created', 'user.updated', 'user.deleted'])
  async onUserEvents(@Payload() events: UserEvent[]): Promise<void> {
    await this.applyUserEvents.execute(events.map(toChange));
  }
}

function toChange(event: UserEvent): CoachingUserChange {
  const common = {
    tenantId: event.tenantId,
    userId: event.payload.userId,
    version: event.aggregateVersion,
    occurredAt: new Date(event.occurredAt),
  };
  if (event.type === 'user.deleted') return { ...common, profile: null };
  // user.created and user.updated carry the user's full state.
  const { email, firstName, lastName, locale, state, level, adminRoles, expiresAt } = event.payload;
  return {
    ...common,
    profile: {
      email,
      firstName,
      lastName,
      locale,
      state,
      level,
      adminRoles: [...adminRoles],
      expiresAt: expiresAt ? new Date(expiresAt) : null,
    },
  };
}
