import { GroupMembershipsStream, membershipAggregateId } from '@lms/contracts';
import { EventFactory, type EventProducer, type OutboxEntry } from '@lms/messaging';
import { runWithContext } from '@lms/observability';

/** Events per produce request: about what identity's outbox relay sends at once. */
const PRODUCE_BATCH_SIZE = 500;

const identityEvents = new EventFactory('identity');

/**
 * A `membership.added` (learner) as identity publishes it on `identity.group-memberships.v1`:
 * built and validated by the same factory and contract, keyed by the stream's key function.
 * It carries the run's correlation id, so the services' logs can be grepped for it.
 */
export function membershipAdded(
  tenantId: string,
  groupId: string,
  userId: string,
  correlationId: string,
): OutboxEntry {
  return runWithContext({ correlationId, causationId: null }, () =>
    identityEvents.create(GroupMembershipsStream, 'membership.added', {
      tenantId,
      aggregateId: membershipAggregateId(groupId, userId),
      aggregateVersion: 1,
      payload: { groupId, userId, roles: ['learner'] },
    }),
  );
}

/** One `membership.added` per member, the members dealt over the groups in turn. */
export function membershipsAdded(
  tenantId: string,
  groupIds: readonly string[],
  userIds: readonly string[],
  correlationId: string,
): OutboxEntry[] {
  return userIds.map((userId, i) =>
    membershipAdded(tenantId, groupIds[i % groupIds.length], userId, correlationId),
  );
}

/** Puts the events on Kafka in produce requests of {@link PRODUCE_BATCH_SIZE}, one after the other. */
export async function produceInBatches(
  producer: EventProducer,
  entries: readonly OutboxEntry[],
): Promise<void> {
  for (let start = 0; start < entries.length; start += PRODUCE_BATCH_SIZE) {
    await producer.send(entries.slice(start, start + PRODUCE_BATCH_SIZE));
  }
}
