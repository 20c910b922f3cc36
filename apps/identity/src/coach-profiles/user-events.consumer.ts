import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { UsersStream, type EnvelopeOf } from '@lms/contracts';
import { OnEventBatch } from '@lms/messaging';
import {
  FollowUserChangesUseCase,
  type UserChangeForPopulation,
} from './use-cases/follow-user-changes.use-case';

type UserEvents = typeof UsersStream.events;
type UserEvent =
  | EnvelopeOf<UserEvents, 'user.created'>
  | EnvelopeOf<UserEvents, 'user.updated'>
  | EnvelopeOf<UserEvents, 'user.deleted'>;

/**
 * Kafka adapter: identity's own user events, in batches (rule 8), keep the coaches'
 * populations in line with the users' custom fields and deletions (ID-C3).
 */
@Controller()
export class CoachPopulationUserEventsConsumer {
  constructor(private readonly followUserChanges: FollowUserChangesUseCase) {}

  @OnEventBatch(UsersStream, ['user.created', 'user.updated', 'user.deleted'])
  async onUserEvents(@Payload() events: UserEvent[]): Promise<void> {
    await this.followUserChanges.execute(events.map(toChange));
  }
}

function toChange(event: UserEvent): UserChangeForPopulation {
  return {
    tenantId: event.tenantId,
    userId: event.payload.userId,
    version: event.aggregateVersion,
    customFields: event.type === 'user.deleted' ? null : { ...event.payload.customFields },
  };
}
