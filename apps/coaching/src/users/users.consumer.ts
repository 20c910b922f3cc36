import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { UsersStream, type EnvelopeOf, type UserStateV1 } from '@lms/contracts';
import { OnEvent } from '@lms/messaging';
import type { UserChange } from './domain/user';
import { ApplyUserEventUseCase } from './use-cases/apply-user-event.use-case';

type UserEvents = typeof UsersStream.events;

/** Kafka adapter: identity's user events feed the user projection. */
@Controller()
export class UserEventsConsumer {
  constructor(private readonly applyUserEvent: ApplyUserEventUseCase) {}

  @OnEvent(UsersStream, 'user.created')
  async onCreated(@Payload() event: EnvelopeOf<UserEvents, 'user.created'>): Promise<void> {
    await this.applyUserEvent.execute(upsertOf(event));
  }

  @OnEvent(UsersStream, 'user.updated')
  async onUpdated(@Payload() event: EnvelopeOf<UserEvents, 'user.updated'>): Promise<void> {
    await this.applyUserEvent.execute(upsertOf(event));
  }

  @OnEvent(UsersStream, 'user.deleted')
  async onDeleted(@Payload() event: EnvelopeOf<UserEvents, 'user.deleted'>): Promise<void> {
    await this.applyUserEvent.execute({
      kind: 'delete',
      tenantId: event.tenantId,
      userId: event.payload.userId,
      version: event.aggregateVersion,
      occurredAt: event.occurredAt,
    });
  }
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
