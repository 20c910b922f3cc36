import {
  GroupMembershipsStream,
  membershipAggregateId,
  type EventEnvelope,
  type GroupRole,
} from '@lms/contracts';
import { EventFactory, EventProducer, type OutboxEntry } from '@lms/messaging';
import type { Kafka } from 'kafkajs';
import { newId } from '@lms/kernel';
import { eventually } from '@lms/testing';
import type { MembershipProjectionRepository } from '../../src/memberships/ports/membership-projection.repository';

/**
 * Puts identity's events on the real topics, the way identity does: envelopes from an
 * EventFactory named 'identity', keyed by the stream's contract, sent by a real producer.
 */
export class IdentityEvents {
  private readonly factory = new EventFactory('identity');
  private readonly producer: EventProducer;

  constructor(
    kafka: Kafka,
    private readonly tenantId: string,
  ) {
    this.producer = new EventProducer(kafka);
  }

  membershipAdded(groupId: string, userId: string, roles: GroupRole[], version = 1): OutboxEntry {
    return this.factory.create(GroupMembershipsStream, 'membership.added', {
      tenantId: this.tenantId,
      aggregateId: membershipAggregateId(groupId, userId),
      aggregateVersion: version,
      payload: { groupId, userId, roles },
    });
  }

  rolesChanged(groupId: string, userId: string, roles: GroupRole[], version: number): OutboxEntry {
    return this.factory.create(GroupMembershipsStream, 'membership.roles-changed', {
      tenantId: this.tenantId,
      aggregateId: membershipAggregateId(groupId, userId),
      aggregateVersion: version,
      payload: { groupId, userId, roles },
    });
  }

  membershipRemoved(groupId: string, userId: string, version: number): OutboxEntry {
    return this.factory.create(GroupMembershipsStream, 'membership.removed', {
      tenantId: this.tenantId,
      aggregateId: membershipAggregateId(groupId, userId),
      aggregateVersion: version,
      payload: { groupId, userId },
    });
  }

  /** Sends events (again, for a redelivery: same envelope, same event id). */
  async send(...entries: OutboxEntry[]): Promise<void> {
    await this.producer.send(entries);
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
  }
}

/**
 * The service's consumer group is new and starts at the newest offsets, which it settles on
 * its first fetch, a moment after joining: send a probe membership until it shows up, so that
 * no event of the test is sent before that.
 */
export async function untilTheServiceConsumes(
  identity: IdentityEvents,
  memberships: MembershipProjectionRepository,
  tenantId: string,
): Promise<void> {
  const [group, user] = [newId(), newId()];
  let version = 0;
  await eventually(
    async () => {
      version++;
      await identity.send(identity.membershipAdded(group, user, ['learner'], version));
      await eventually(
        async () => expect(await memberships.findMany(tenantId, group, [user])).toHaveLength(1),
        { timeoutMs: 2_000 },
      );
    },
    { timeoutMs: 60_000 },
  );
}

export type Envelope = EventEnvelope<string, Record<string, unknown>>;
