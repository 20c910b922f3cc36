import { brokersFromEnv, createKafka, type OutboxEntry } from '@lms/messaging';
import { newId } from '@lms/kernel';
import { createLogger } from '@lms/observability';
import { eventually, uniqueSuffix } from '@lms/testing';
import { isolateTestEnvironment, startServiceApp, type ServiceTestApp } from '@lms/service-testing';
import type { Kafka } from 'kafkajs';
import type { Membership } from '../src/memberships/domain/membership';
import {
  MEMBERSHIP_PROJECTION_REPOSITORY,
  type MembershipProjectionRepository,
} from '../src/memberships/ports/membership-projection.repository';
import { IdentityEvents, untilTheServiceConsumes } from './support/identity-events';

const GROUPS = 100;
const MEMBERS_PER_GROUP = 100;
const SEND_CHUNK = 2_000;

const logger = createLogger('coaching-int-test', { level: 'warn' });

interface PageBody<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Rule 8: identity's membership events are applied in batches. Some 17,000 events (every
 * membership added, half of them changing roles, one in five removed) across 100 groups, one
 * of which has a group assignment, must all end in the projection at their newest version,
 * and in that group's derived assignments.
 */
describe('membership events in bulk against Kafka and Mongo (rule 8)', () => {
  const tenantId = `coaching-it-${uniqueSuffix()}`;
  let service: ServiceTestApp;
  let kafka: Kafka;
  let identity: IdentityEvents;
  let memberships: MembershipProjectionRepository;

  beforeAll(async () => {
    isolateTestEnvironment('coaching');
    const { AppModule } = await import('../src/app.module');
    service = await startServiceApp(AppModule, { globalPrefix: 'v1', caller: { tenantId } });
    memberships = service.app.get<MembershipProjectionRepository>(MEMBERSHIP_PROJECTION_REPOSITORY);
    kafka = createKafka({ brokers: brokersFromEnv(process.env), clientId: 'coaching-int-test' }, logger);
    identity = new IdentityEvents(kafka, tenantId);
    await untilTheServiceConsumes(identity, memberships, tenantId);
  });

  afterAll(async () => {
    await identity?.close();
    await service?.close();
  });

  it('applies every membership event at its newest version, and derives the assignments of the one group that has a group assignment', async () => {
    const groups = Array.from({ length: GROUPS }, () => newId());
    const members = groups.map(() => Array.from({ length: MEMBERS_PER_GROUP }, () => newId()));
    const [assignedGroup] = groups as [string];
    const created = await service.request('POST', '/v1/group-assignments', {
      groupId: assignedGroup,
      roles: ['learner'],
      coachIds: [newId()],
    });
    expect(created.status).toBe(201);
    const groupAssignmentId = (created.body as { id: string }).id;

    // Each membership: added as a learner; every second one becomes an author too, then every
    // fifth one leaves. Sent in that order, so that a membership's versions share a partition in order.
    const expected = new Map<string, Pick<Membership, 'status' | 'version' | 'roles'>>();
    const added: OutboxEntry[] = [];
    const changed: OutboxEntry[] = [];
    const removed: OutboxEntry[] = [];
    groups.forEach((groupId, g) =>
      members[g]?.forEach((userId, u) => {
        let state: Pick<Membership, 'status' | 'version' | 'roles'> = {
          status: 'active',
          version: 1,
          roles: ['learner'],
        };
        added.push(identity.membershipAdded(groupId, userId, ['learner'], 1));
        if (u % 2 === 0) {
          changed.push(identity.rolesChanged(groupId, userId, ['learner', 'author'], 2));
          state = { status: 'active', version: 2, roles: ['learner', 'author'] };
        }
        if (u % 5 === 0) {
          removed.push(identity.membershipRemoved(groupId, userId, 3));
          state = { ...state, status: 'removed', version: 3 };
        }
        expected.set(`${groupId}:${userId}`, state);
      }),
    );
    const events = [...added, ...changed, ...removed];

    const started = Date.now();
    for (let from = 0; from < events.length; from += SEND_CHUNK) {
      await identity.send(...events.slice(from, from + SEND_CHUNK));
    }
    const sentMs = Date.now() - started;
    await eventually(
      async () => {
        let behind = 0;
        for (const [g, groupId] of groups.entries()) {
          const stored = await memberships.findMany(tenantId, groupId, members[g] ?? []);
          for (const m of stored) {
            if (m.version !== expected.get(`${groupId}:${m.userId}`)?.version) behind++;
          }
          behind += (members[g]?.length ?? 0) - stored.length;
        }
        expect(behind).toBe(0);
      },
      { timeoutMs: 240_000, intervalMs: 500 },
    );
    const appliedMs = Date.now() - started;

    for (const [g, groupId] of groups.entries()) {
      const stored = await memberships.findMany(tenantId, groupId, members[g] ?? []);
      for (const m of stored) {
        expect({ status: m.status, version: m.version, roles: m.roles }).toEqual(
          expected.get(`${groupId}:${m.userId}`),
        );
      }
    }
    // The assigned group: one current derived assignment per member still there.
    const stayed = (members[0] ?? []).filter((_, u) => u % 5 !== 0);
    await eventually(async () => {
      const response = await service.request(
        'GET',
        `/v1/assignments?groupAssignmentId=${groupAssignmentId}&status=current&limit=200`,
      );
      const page = response.body as PageBody<{ menteeId: string }>;
      expect(page.items.map((a) => a.menteeId).sort()).toEqual([...stayed].sort());
    });
    const rate = Math.round((events.length * 1000) / appliedMs);
    console.log(
      `${events.length} membership events across ${GROUPS} groups: sent in ${sentMs} ms, all applied after ${appliedMs} ms (${rate} events/s end to end)`,
    );
  }, 300_000);
});
