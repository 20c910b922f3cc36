import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { UsersStream, type EnvelopeOf } from '@lms/contracts';
import { OnEventBatch } from '@lms/messaging';
import { ReleaseRolesOfDeletedUsersUseCase } from '../courses/use-cases/release-roles-of-deleted-users.use-case';
import type { UserPowerState } from './domain/power-user';
import { ApplyPowerUserGrantsUseCase } from './use-cases/apply-power-user-grants.use-case';

type UserEvents = typeof UsersStream.events;
type UserEvent =
  | EnvelopeOf<UserEvents, 'user.created'>
  | EnvelopeOf<UserEvents, 'user.updated'>
  | EnvelopeOf<UserEvents, 'user.deleted'>;

/**
 * Kafka adapter: identity's user events, in batches (rule 8), keep the projection of power
 * users' scopes and profiles (LE-E3, ID-U2); a deleted account's course roles are released (LE-C2).
 */
@Controller()
export class UserEventsConsumer {
  constructor(
    private readonly applyGrants: ApplyPowerUserGrantsUseCase,
    private readonly releaseRoles: ReleaseRolesOfDeletedUsersUseCase,
  ) {}

  @OnEventBatch(UsersStream, ['user.created', 'user.updated', 'user.deleted'])
  async onUserEvents(@Payload() events: UserEvent[]): Promise<void> {
    await this.applyGrants.execute(events.map(toPowerState));
    const deleted = events.filter((event) => event.type === 'user.deleted');
    if (deleted.length > 0)
      await this.releaseRoles.execute(
        deleted.map((event) => ({ tenantId: event.tenantId, userId: event.payload.userId })),
      );
  }
}

function toPowerState(event: UserEvent): UserPowerState {
  const base = { tenantId: event.tenantId, userId: event.payload.userId, version: event.aggregateVersion };
  if (event.type === 'user.deleted') return { ...base, level: 'user', deleted: true };
  return {
    ...base,
    level: event.payload.level,
    powerUserScope: event.payload.powerUserScope ?? null,
    permissionProfile: event.payload.permissionProfile ?? null,
    deleted: false,
  };
}
