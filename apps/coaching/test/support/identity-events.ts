import {
  GroupMembershipsStream,
  membershipAggregateId,
  TenantsStream,
  UsersStream,
  type EventEnvelope,
  type GroupRole,
  type StreamDefinition,
  type TenantStateV1,
  type UserStateV1,
} from '@lms/contracts';
import { EventFactory, EventProducer, type OutboxEntry } from '@lms/messaging';
import type { Kafka } from 'kafkajs';
import { newId } from '@lms/kernel';
import { ACCOUNT_DEFAULTS, eventually } from '@lms/testing';
import type { MembershipProjectionRepository } from '../../src/memberships/ports/membership-projection.repository';
import type { CoachingTenantRepository } from '../../src/tenants/ports/coaching-tenant.repository';
import type { CoachingUserRepository } from '../../src/users/ports/coaching-user.repository';

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

  /** The `user.created` or `user.updated` of `user` at `version`: the user's full state. */
  userState(type: 'user.created' | 'user.updated', user: UserStateV1, version: number): OutboxEntry {
    return this.factory.create(UsersStream, type, {
      tenantId: this.tenantId,
      aggregateId: user.userId,
      aggregateVersion: version,
      payload: user,
    });
  }

  userDeleted(userId: string, version: number): OutboxEntry {
    return this.factory.create(UsersStream, 'user.deleted', {
      tenantId: this.tenantId,
      aggregateId: userId,
      aggregateVersion: version,
      payload: { userId },
    });
  }

  /**
   * A `tenant.*` event of `tenant` at `version`: its full state. A tenant is its own tenant, so
   * its code is the event's tenant id whatever this producer's.
   */
  tenantState(
    type: 'tenant.created' | 'tenant.updated' | 'tenant.deleted',
    tenant: TenantStateV1,
    version: number,
  ): OutboxEntry {
    return this.factory.create(TenantsStream, type, {
      tenantId: tenant.code,
      aggregateId: tenant.code,
      aggregateVersion: version,
      payload: tenant,
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

/** The full state identity publishes of a new learner who never expires (`activated`). */
export function aUserState(firstName: string, lastName: string, userId = newId()): UserStateV1 {
  return {
    userId,
    email: `${firstName}.${lastName}.${userId}@int.example.test`.toLowerCase(),
    firstName,
    lastName,
    locale: 'en',
    ...ACCOUNT_DEFAULTS,
    state: 'activated',
  };
}

/**
 * The service's consumer group is new and starts at the newest offsets, which it settles on
 * its first fetch, a moment after joining: send a probe event until it shows up, so that no
 * event of the test is sent before that.
 */
async function untilAProbeShowsUp(
  sendProbe: (version: number) => Promise<void>,
  shownUp: () => Promise<void>,
): Promise<void> {
  let version = 0;
  await eventually(
    async () => {
      version++;
      await sendProbe(version);
      await eventually(shownUp, { timeoutMs: 2_000 });
    },
    { timeoutMs: 60_000 },
  );
}

/** {@link untilAProbeShowsUp} on the memberships stream: a probe membership. */
export async function untilTheServiceConsumes(
  identity: IdentityEvents,
  memberships: MembershipProjectionRepository,
  tenantId: string,
): Promise<void> {
  const [group, user] = [newId(), newId()];
  await untilAProbeShowsUp(
    (version) => identity.send(identity.membershipAdded(group, user, ['learner'], version)),
    async () => expect(await memberships.findMany(tenantId, group, [user])).toHaveLength(1),
  );
}

/** {@link untilAProbeShowsUp} on the users stream: a probe user. */
export async function untilTheServiceConsumesUsers(
  identity: IdentityEvents,
  users: CoachingUserRepository,
  tenantId: string,
): Promise<void> {
  const probe = aUserState('Probe', 'User');
  await untilAProbeShowsUp(
    (version) => identity.send(identity.userState('user.updated', probe, version)),
    async () => expect(await users.find(tenantId, probe.userId)).not.toBeNull(),
  );
}

/** {@link untilAProbeShowsUp} on the tenants stream: a probe tenant. */
export async function untilTheServiceConsumesTenants(
  identity: IdentityEvents,
  tenants: CoachingTenantRepository,
): Promise<void> {
  const probe: TenantStateV1 = {
    code: `probe-${newId().replace(/-/g, '').slice(-12)}`,
    name: 'Probe',
    state: 'active',
    timezone: 'UTC',
  };
  await untilAProbeShowsUp(
    (version) => identity.send(identity.tenantState('tenant.updated', probe, version)),
    async () => expect(await tenants.find(probe.code)).not.toBeNull(),
  );
}

/**
 * Runs `send`, then waits until `consumerGroup` has committed the offsets of every partition of
 * `stream` that grew meanwhile. An offset is committed only once the handler's effect is
 * durable (rule 4), so what the events sent did, or did not do, is then in the database: a
 * test can tell an ignored event from one not handled yet.
 */
export async function sendAndWaitUntilConsumed(
  kafka: Kafka,
  consumerGroup: string,
  stream: StreamDefinition,
  send: () => Promise<void>,
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = async () =>
      new Map((await admin.fetchTopicOffsets(stream.topic)).map((p) => [p.partition, BigInt(p.offset)]));
    const before = await ends();
    await send();
    const grown = [...(await ends())].filter(([partition, end]) => end > (before.get(partition) ?? 0n));
    await eventually(
      async () => {
        const [committed] = await admin.fetchOffsets({ groupId: consumerGroup, topics: [stream.topic] });
        const at = new Map((committed?.partitions ?? []).map((p) => [p.partition, BigInt(p.offset)]));
        for (const [partition, end] of grown) expect(at.get(partition) ?? -1n).toBeGreaterThanOrEqual(end);
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
  } finally {
    await admin.disconnect();
  }
}

export type Envelope = EventEnvelope<string, Record<string, unknown>>;
