import { PermissionProfilesStream } from '@lms/contracts';
import type { EventFactory, OutboxEntry } from '@lms/messaging';
import type { PermissionProfile } from './domain/permission-profile';

/** `permission-profile.defined` with the profile's rights as they now are, for its outbox. */
export function permissionProfileDefinedEvent(events: EventFactory, profile: PermissionProfile): OutboxEntry {
  return events.create(PermissionProfilesStream, 'permission-profile.defined', {
    tenantId: profile.tenantId,
    aggregateId: profile.id,
    aggregateVersion: profile.version,
    occurredAt: profile.updatedAt,
    payload: { profileId: profile.id, name: profile.name, rights: [...profile.rights] },
  });
}
