import { GroupsStream } from '@lms/contracts';
import type { EventFactory, OutboxEntry } from '@lms/messaging';
import type { Group } from '../domain/group';

export type GroupEventType = 'group.renamed' | 'group.confidentiality-changed' | 'group.deleted';

/** A group event with the group's full state, at its version (ID-G1). */
export function groupEvent(events: EventFactory, type: GroupEventType, group: Group, now: Date): OutboxEntry {
  return events.create(GroupsStream, type, {
    tenantId: group.tenantId,
    aggregateId: group.id,
    aggregateVersion: group.version,
    occurredAt: now,
    payload: { groupId: group.id, name: group.name, confidentiality: group.confidentiality },
  });
}
