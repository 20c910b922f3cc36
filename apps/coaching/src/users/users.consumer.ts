import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { UsersStream, type EnvelopeOf, type UserStateV1 } from '@lms/contracts';
import { OnEventBatch } from '@lms/messaging';
import type { UserChange } from './domain/user';
import { ApplyUserEventsUseCase } from './use-cases/apply-user-events.use-case';

type UserEvents = typeof UsersStream.events;
type UserEvent =
  | EnvelopeOf<UserEvents, 'user.created'>
  | EnvelopeOf<UserEvents, 'user.updated'>
  | EnvelopeOf<UserEvents, 'user.deleted'>;

/** Kafka adapter: identity's user events feed the user projection, in batches (rule 8). */
@Controller()
export class UserEventsConsumer {
  constructor(private readonly applyUserEvents: ApplyUserEventsUseCase) {}

  @OnEventBatch(UsersStream, ['user.created', 'user.updated', 'user.deleted'])
  async onUserEvents(@Payload() events: UserEvent[]): Promise<void> {
    await this.applyUserEvents.execute(events.map(toChange));
  }
}

function toChange(event: UserEvent): UserChange {
  return event.type === 'user.deleted'
    ? {
        kind: 'delete',
        tenantId: event.tenantId,
        userId: event.payload.userId,
        version: event.aggregateVersion,
        occurredAt: event.occurredAt,
      }
    : upsertOf(event);
}

function upsertOf(event: {
  tenantId: string;
  aggregateVersion: number;
  occurredAt: string;
  payload: UserStateV1;
}): UserChange {
  const { userId, email, firstName, lastName, state } = event.payload;
  return {
    kind: 'upsert',
    tenantId: event.tenantId,
    userId,
    email,
    firstName,
    lastName,
    state,
    version: event.aggregateVersion,
    occurredAt: event.occurredAt,
  };
}
