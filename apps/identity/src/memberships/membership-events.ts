import { GroupMembershipsStream, membershipAggregateId } from '@lms/contracts';
import type { EventFactory, OutboxEntry } from '@lms/messaging';
import type { Membership } from './domain/membership';

/** `membership.added` of a membership just added (or added again), for its outbox. */
export function membershipAddedEvent(events: EventFactory, membership: Membership, now: Date): OutboxEntry {
  return events.create(GroupMembershipsStream, 'membership.added', {
    tenantId: membership.tenantId,
    aggregateId: membershipAggregateId(membership.groupId, membership.userId),
    aggregateVersion: membership.version,
    occurredAt: now,
    payload: { groupId: membership.groupId, userId: membership.userId, roles: membership.roles },
  });
}
