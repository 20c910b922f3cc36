import { UsersStream, type UserStateV1 } from '@lms/contracts';
import type { EventFactory, OutboxEntry } from '@lms/messaging';
import type { User } from './domain/user';

/** `user.created` with the user's full state (event-carried state transfer), for its outbox. */
export function userCreatedEvent(events: EventFactory, user: User): OutboxEntry {
  return events.create(UsersStream, 'user.created', {
    tenantId: user.tenantId,
    aggregateId: user.id,
    aggregateVersion: user.version,
    occurredAt: user.createdAt,
    payload: userStateOf(user),
  });
}

/** `user.updated` with the user's new full state: any change of profile, level, roles, state or expiry. */
export function userUpdatedEvent(events: EventFactory, user: User): OutboxEntry {
  return events.create(UsersStream, 'user.updated', {
    tenantId: user.tenantId,
    aggregateId: user.id,
    aggregateVersion: user.version,
    occurredAt: user.updatedAt,
    payload: userStateOf(user),
  });
}

/** `user.deleted`: projections drop the user. */
export function userDeletedEvent(events: EventFactory, user: User): OutboxEntry {
  return events.create(UsersStream, 'user.deleted', {
    tenantId: user.tenantId,
    aggregateId: user.id,
    aggregateVersion: user.version,
    occurredAt: user.deletedAt ?? user.updatedAt,
    payload: { userId: user.id },
  });
}

/** The user's full state as events carry it. */
export function userStateOf(user: User): UserStateV1 {
  return {
    userId: user.id,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    locale: user.locale,
    timezone: user.timezone,
    level: user.level,
    adminRoles: [...user.adminRoles],
    customFields: { ...user.customFields },
    state: user.state,
    expiresAt: user.expiresAt?.toISOString() ?? null,
    isManager: user.isManager,
    isAgent: user.isAgent,
    powerUserScope: user.powerUserScope && { groupIds: [...user.powerUserScope.groupIds] },
    permissionProfile: user.permissionProfile,
  };
}
