import type { GroupRole } from '@lms/contracts';
import { brokersFromEnv, createKafka } from '@lms/messaging';
import { newId } from '@lms/kernel';
import { createLogger } from '@lms/observability';
import { eventually, uniqueSuffix } from '@lms/testing';
import { isolateTestEnvironment, startServiceApp, type ServiceTestApp } from '@lms/service-testing';
import type { Kafka } from 'kafkajs';
import {
  MEMBERSHIP_PROJECTION_REPOSITORY,
  type MembershipProjectionRepository,
} from '../src/memberships/ports/membership-projection.repository';
import { AssignmentEventsCollector } from './support/assignment-events.collector';
import { IdentityEvents, untilTheServiceConsumes } from './support/identity-events';

interface GroupAssignmentBody {
  id: string;
  groupId: string;
  roles: GroupRole[];
  coachIds: string[];
  startDate: string;
  endDate: string | null;
  status: string;
  fanOut: { status: 'pending' | 'running' | 'done'; processed: number };
  createdAt: string;
  version: number;
}

interface AssignmentBody {
  id: string;
  menteeId: string;
  coachIds: string[];
  origin: string;
  groupAssignmentId: string | null;
  groupId: string | null;
  startDate: string;
  endDate: string | null;
  status: string;
  createdAt: string;
  endedAt?: string;
  endReason?: string;
}

interface PageBody<T> {
  items: T[];
  limit: number;
  nextCursor: string | null;
}

const logger = createLogger('coaching-int-test', { level: 'warn' });

describe('group assignment fan-out against Kafka and Mongo (CO-A2, CO-A11)', () => {
  const tenantId = `coaching-it-${uniqueSuffix()}`;
  let service: ServiceTestApp;
  let kafka: Kafka;
  let identity: IdentityEvents;
  let reader: AssignmentEventsCollector;
  let memberships: MembershipProjectionRepository;

  beforeAll(async () => {
    isolateTestEnvironment('coaching');
    const { AppModule } = await import('../src/app.module');
    service = await startServiceApp(AppModule, { globalPrefix: 'v1', caller: { tenantId } });
    memberships = service.app.get<MembershipProjectionRepository>(MEMBERSHIP_PROJECTION_REPOSITORY);
    kafka = createKafka({ brokers: brokersFromEnv(process.env), clientId: 'coaching-int-test' }, logger);
    identity = new IdentityEvents(kafka, tenantId);
    reader = new AssignmentEventsCollector(kafka, logger, tenantId);
    await reader.start();
    await untilTheServiceConsumes(identity, memberships, tenantId);
  });

  afterAll(async () => {
    await reader?.stop();
    await identity?.close();
    await service?.close();
  });

  async function listAssignments(query: string): Promise<PageBody<AssignmentBody>> {
    const response = await service.request('GET', `/v1/assignments?${query}`);
    expect(response.status).toBe(200);
    return response.body as PageBody<AssignmentBody>;
  }

  async function createGroupAssignment(body: Record<string, unknown>): Promise<GroupAssignmentBody> {
    const response = await service.request('POST', '/v1/group-assignments', body);
    expect(response.status).toBe(201);
    return response.body as GroupAssignmentBody;
  }

  async function fanOutDone(id: string, timeoutMs = 30_000): Promise<GroupAssignmentBody> {
    return eventually(
      async () => {
        const response = await service.request('GET', `/v1/group-assignments/${id}`);
        expect(response.status).toBe(200);
        const body = response.body as GroupAssignmentBody;
        expect(body.fanOut.status).toBe('done');
        return body;
      },
      { timeoutMs, intervalMs: 200 },
    );
  }

  it('assigns every current member holding a matching role, follows membership events, and publishes one event per mentee', async () => {
    const group = newId();
    const [learner1, learner2, learner3, author, coach, newcomer] = Array.from({ length: 6 }, () => newId());
    // Given memberships published by identity, the coach being a learner of the group too.
    await identity.send(
      identity.membershipAdded(group, learner1, ['learner']),
      identity.membershipAdded(group, learner2, ['learner', 'reviewer']),
      identity.membershipAdded(group, learner3, ['learner']),
      identity.membershipAdded(group, author, ['author']),
      identity.membershipAdded(group, coach, ['learner']),
    );
    await eventually(async () =>
      expect(
        await memberships.listActiveWithAnyRole(tenantId, group, ['learner', 'author'], {
          afterUserId: null,
          limit: 10,
        }),
      ).toHaveLength(5),
    );

    // When a group assignment is made for the learners.
    const created = await createGroupAssignment({
      groupId: group,
      roles: ['learner'],
      coachIds: [coach],
      startDate: '2025-01-15',
    });

    expect(created).toMatchObject({
      groupId: group,
      roles: ['learner'],
      coachIds: [coach],
      startDate: '2025-01-15',
      endDate: null,
      status: 'current',
      fanOut: { status: 'pending', processed: 0 },
      version: 1,
    });
    // Then each learner but the coach gets one derived assignment; the author gets none.
    const done = await fanOutDone(created.id);
    expect(done.fanOut.processed).toBe(4);
    const derived = await listAssignments(`groupAssignmentId=${created.id}`);
    expect(derived.items.map((a) => a.menteeId).sort()).toEqual([learner1, learner2, learner3].sort());
    for (const assignment of derived.items) {
      expect(assignment).toMatchObject({
        coachIds: [coach],
        origin: 'group',
        groupAssignmentId: created.id,
        groupId: group,
        startDate: '2025-01-15',
        endDate: null,
        status: 'current',
      });
    }
    expect((await listAssignments(`menteeId=${author}`)).items).toEqual([]);
    expect((await listAssignments(`menteeId=${coach}`)).items).toEqual([]);

    // When a learner joins later, they get one more.
    const joined = identity.membershipAdded(group, newcomer, ['learner']);
    await identity.send(joined);
    const [newcomers] = await eventually(async () => {
      const page = await listAssignments(`menteeId=${newcomer}`);
      expect(page.items).toHaveLength(1);
      return page.items;
    });
    expect(newcomers).toMatchObject({ groupAssignmentId: created.id, status: 'current', origin: 'group' });

    // When a learner leaves, their assignment ends.
    await identity.send(identity.membershipRemoved(group, learner2, 2));
    const ended = await eventually(async () => {
      const [assignment] = (await listAssignments(`menteeId=${learner2}`)).items;
      expect(assignment.status).toBe('ended');
      return assignment;
    });
    expect(ended).toMatchObject({ endReason: 'membership.removed', groupAssignmentId: created.id });
    expect(Date.parse(ended.endedAt ?? '')).not.toBeNaN();
    const byId = await service.request('GET', `/v1/assignments/${ended.id}`);
    expect(byId.status).toBe(200);
    expect(byId.body).toEqual(ended);

    // When the newcomer's membership.added is delivered again, nothing changes. A later event of
    // the same membership (same partition, so handled after it) tells when it has been handled.
    await identity.send(joined, identity.rolesChanged(group, newcomer, ['learner', 'reviewer'], 2));
    await eventually(async () =>
      expect(await memberships.findMany(tenantId, group, [newcomer])).toMatchObject([{ version: 2 }]),
    );
    expect((await listAssignments(`menteeId=${newcomer}`)).items).toEqual([newcomers]);

    // And the assignments topic carries exactly one assignment.created per mentee, and one assignment.ended.
    await eventually(() => {
      expect(reader.of('assignment.created')).toHaveLength(4);
      expect(reader.of('assignment.ended')).toHaveLength(1);
    });
    for (const mentee of [learner1, learner2, learner3, newcomer]) {
      expect(reader.of('assignment.created', mentee)).toHaveLength(1);
      expect(reader.of('assignment.created', mentee)[0].payload).toMatchObject({
        origin: 'group',
        status: 'current',
      });
    }
    expect(reader.of('assignment.ended', learner2)[0]).toMatchObject({
      aggregateId: ended.id,
      aggregateVersion: 2,
      payload: { status: 'ended' },
    });
    expect(reader.of('assignment.created', author)).toHaveLength(0);
    expect(reader.of('assignment.created', coach)).toHaveLength(0);
  });

  it('fans out to 2,000 members in chunks', async () => {
    const group = newId();
    const coach = newId();
    const members = Array.from({ length: 2_000 }, () => newId());
    await identity.send(...members.map((userId) => identity.membershipAdded(group, userId, ['learner'])));
    await eventually(
      async () =>
        expect(
          await memberships.listActiveWithAnyRole(tenantId, group, ['learner'], {
            afterUserId: null,
            limit: 5_000,
          }),
        ).toHaveLength(2_000),
      { timeoutMs: 90_000, intervalMs: 500 },
    );

    const started = Date.now();
    const created = await createGroupAssignment({ groupId: group, roles: ['learner'], coachIds: [coach] });
    const done = await fanOutDone(created.id, 100_000);
    const fanOutMs = Date.now() - started;
    await eventually(
      () =>
        expect(reader.events.filter((e) => e.payload.groupAssignmentId === created.id)).toHaveLength(2_000),
      {
        timeoutMs: 100_000,
        intervalMs: 250,
      },
    );
    const publishedMs = Date.now() - started;

    expect(done.fanOut.processed).toBe(2_000);
    const first = await listAssignments(`groupAssignmentId=${created.id}&limit=200`);
    expect(first.items).toHaveLength(200);
    expect(first.nextCursor).toEqual(expect.any(String));
    const mentees = new Set(first.items.map((a) => a.menteeId));
    for (let cursor = first.nextCursor; cursor !== null; ) {
      const page = await listAssignments(`groupAssignmentId=${created.id}&limit=200&cursor=${cursor}`);
      for (const assignment of page.items) mentees.add(assignment.menteeId);
      cursor = page.nextCursor;
    }
    expect(mentees.size).toBe(2_000);
    console.log(
      `fan-out of 2,000 members: done ${fanOutMs} ms after the POST; all 2,000 assignment.created events on Kafka after ${publishedMs} ms`,
    );
  }, 300_000);
});
