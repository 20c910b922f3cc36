import { brokersFromEnv, createKafka } from '@lms/messaging';
import { newId } from '@lms/kernel';
import { createLogger } from '@lms/observability';
import { eventually, uniqueSuffix } from '@lms/testing';
import { MONGO_CONNECTION } from '@lms/service-kit';
import { isolateTestEnvironment, startServiceApp, type ServiceTestApp } from '@lms/service-testing';
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import {
  MEMBERSHIP_PROJECTION_REPOSITORY,
  type MembershipProjectionRepository,
} from '../src/memberships/ports/membership-projection.repository';
import { AssignmentEventsCollector } from './support/assignment-events.collector';
import { IdentityEvents, untilTheServiceConsumes } from './support/identity-events';

// Read when the app module loads: chunks of 50, so that each follow takes several.
process.env.FAN_OUT_CHUNK_SIZE = '50';

const MEMBERS = 230;
const logger = createLogger('coaching-int-test', { level: 'warn' });

interface GroupAssignmentBody {
  id: string;
  status: string;
  active: boolean;
  version: number;
  fanOut: { status: string; processed: number };
  follow: { status: string; processed: number };
}

interface AssignmentBody {
  id: string;
  menteeId: string;
  status: string;
  active: boolean;
  endReason?: string;
}

/**
 * A group assignment's derived assignments follow its deactivation, activation, end and
 * deletion (CO-A5, CO-A6, CO-A9, CO-A11), through the service's own events and its job runner,
 * against the real broker and database: each derived assignment changes once per change, with
 * one event, a chunk at a time.
 */
describe('a group assignment through its life, its derived assignments following (real Kafka and Mongo)', () => {
  const tenantId = `coaching-ga-life-${uniqueSuffix()}`;
  let service: ServiceTestApp;
  let kafka: Kafka;
  let identity: IdentityEvents;
  let reader: AssignmentEventsCollector;

  beforeAll(async () => {
    isolateTestEnvironment('coaching');
    const { AppModule } = await import('../src/app.module');
    service = await startServiceApp(AppModule, { globalPrefix: 'v1', caller: { tenantId } });
    const memberships = service.app.get<MembershipProjectionRepository>(MEMBERSHIP_PROJECTION_REPOSITORY);
    kafka = createKafka({ brokers: brokersFromEnv(process.env), clientId: 'coaching-ga-life-it' }, logger);
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

  async function groupAssignment(id: string): Promise<GroupAssignmentBody> {
    const response = await service.request('GET', `/v1/group-assignments/${id}`);
    expect(response.status).toBe(200);
    return response.body as GroupAssignmentBody;
  }

  async function derived(id: string): Promise<AssignmentBody[]> {
    const items: AssignmentBody[] = [];
    // The first page without a cursor, then each page after the one before, to the last.
    for (let cursor: string | null | undefined; cursor !== null; ) {
      const after = cursor === undefined ? '' : `&cursor=${cursor}`;
      const page = (await service.request('GET', `/v1/assignments?groupAssignmentId=${id}&limit=200${after}`))
        .body as { items: AssignmentBody[]; nextCursor: string | null };
      items.push(...page.items);
      cursor = page.nextCursor;
    }
    return items;
  }

  /** Derived assignments whose outbox still holds events. */
  function unpublished(ids: ReadonlySet<string>): Promise<number> {
    return service.app
      .get<Connection>(MONGO_CONNECTION)
      .collection<{ _id: string }>('assignments')
      .countDocuments({ _id: { $in: [...ids] }, 'outbox.0': { $exists: true } });
  }

  /** The events of a type about the given assignments that reached the topic, read from the log. */
  async function published(
    type: Parameters<AssignmentEventsCollector['of']>[0],
    ids: ReadonlySet<string>,
  ): Promise<unknown[]> {
    return (await reader.readFromLog()).filter((event) => event.type === type && ids.has(event.aggregateId));
  }

  it('deactivated, activated, ended, then deleted: every derived assignment follows each change once', async () => {
    const group = newId();
    const coach = newId();
    await identity.send(
      ...Array.from({ length: MEMBERS }, () => identity.membershipAdded(group, newId(), ['learner'])),
    );
    const created = await service.request('POST', '/v1/group-assignments', {
      groupId: group,
      roles: ['learner'],
      coachIds: [coach],
    });
    const { id } = created.body as GroupAssignmentBody;
    const all = await eventually(
      async () => {
        const found = await derived(id);
        expect(found).toHaveLength(MEMBERS);
        return found;
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    const ids = new Set(all.map((assignment) => assignment.id));

    const off = await service.request('POST', `/v1/group-assignments/${id}/deactivate`);
    expect(off).toMatchObject({ status: 200, body: { active: false, follow: { status: 'pending' } } });
    await eventually(
      async () => expect((await groupAssignment(id)).follow).toEqual({ status: 'done', processed: MEMBERS }),
      {
        timeoutMs: 60_000,
        intervalMs: 250,
      },
    );
    expect((await derived(id)).filter((assignment) => assignment.active)).toEqual([]);

    await service.request('POST', `/v1/group-assignments/${id}/activate`);
    await eventually(
      async () => expect((await derived(id)).filter((assignment) => !assignment.active)).toEqual([]),
      {
        timeoutMs: 60_000,
        intervalMs: 250,
      },
    );
    // What reached the topic, read afresh from the log, and what is still waiting in the outbox.
    await eventually(
      async () =>
        expect({
          published: (await published('assignment.updated', ids)).length,
          unpublished: await unpublished(ids),
        }).toEqual({ published: 2 * MEMBERS, unpublished: 0 }),
      { timeoutMs: 60_000, intervalMs: 1_000 },
    );
    expect(await service.request('POST', `/v1/group-assignments/${id}/end`)).toMatchObject({
      status: 200,
      body: { status: 'ended' },
    });
    await eventually(
      async () =>
        expect(
          new Set((await derived(id)).map((assignment) => `${assignment.status}/${assignment.endReason}`)),
        ).toEqual(new Set(['ended/group-assignment.ended'])),
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    expect(await service.request('POST', `/v1/group-assignments/${id}/end`)).toMatchObject({
      status: 409,
      body: { code: 'GROUP_ASSIGNMENT.ALREADY_ENDED' },
    });

    expect(await service.request('DELETE', `/v1/group-assignments/${id}`)).toMatchObject({
      status: 422,
      body: { code: 'GROUP_ASSIGNMENT.DELETE_NOT_CONFIRMED' },
    });
    expect((await service.request('DELETE', `/v1/group-assignments/${id}?confirm=DELETE`)).status).toBe(204);
    expect((await service.request('GET', `/v1/group-assignments/${id}`)).status).toBe(404);
    await eventually(async () => expect(await derived(id)).toEqual([]), {
      timeoutMs: 60_000,
      intervalMs: 250,
    });

    const events = await eventually(
      async () => {
        const all = (await reader.readFromLog()).filter((event) => ids.has(event.aggregateId));
        expect(all.filter((event) => event.type === 'assignment.ended')).toHaveLength(MEMBERS);
        expect(all.filter((event) => event.type === 'assignment.deleted')).toHaveLength(MEMBERS);
        return all;
      },
      { timeoutMs: 60_000, intervalMs: 1_000 },
    );
    // Each derived assignment changed exactly once per change: versions 1 (created) to 5 (deleted).
    const byAssignment = new Map<string, number[]>();
    for (const event of events)
      byAssignment.set(event.aggregateId, [
        ...(byAssignment.get(event.aggregateId) ?? []),
        event.aggregateVersion,
      ]);
    expect(byAssignment.size).toBe(MEMBERS);
    // The running reader goes through the consumer code the services use: should it miss what
    // the log holds, say so (what this test asserts is the log).
    const readByTheReader = () => reader.events.filter((event) => ids.has(event.aggregateId)).length;
    await eventually(() => expect(readByTheReader()).toBe(events.length), { timeoutMs: 15_000 }).catch(() =>
      logger.warn(
        { readByTheReader: readByTheReader(), onTheLog: events.length },
        'the running reader missed events',
      ),
    );
    for (const versions of byAssignment.values()) expect([...versions].sort()).toEqual([1, 2, 3, 4, 5]);
  }, 240_000);

  it('given its end date moved into the past, then it expires and its derived assignments expire with it; reactivated, the members get new ones', async () => {
    const group = newId();
    const members = Array.from({ length: 60 }, () => newId());
    await identity.send(...members.map((member) => identity.membershipAdded(group, member, ['learner'])));
    const created = await service.request('POST', '/v1/group-assignments', {
      groupId: group,
      roles: ['learner'],
      coachIds: [newId()],
      startDate: '2024-01-01',
    });
    const { id } = created.body as GroupAssignmentBody;
    await eventually(async () => expect(await derived(id)).toHaveLength(members.length), {
      timeoutMs: 60_000,
      intervalMs: 250,
    });

    expect(
      await service.request('PATCH', `/v1/group-assignments/${id}`, { endDate: '2024-12-31' }),
    ).toMatchObject({
      status: 200,
      body: { status: 'expired', endDate: '2024-12-31' },
    });
    await eventually(
      async () =>
        expect(new Set((await derived(id)).map((assignment) => assignment.status))).toEqual(
          new Set(['expired']),
        ),
      { timeoutMs: 60_000, intervalMs: 250 },
    );

    expect(await service.request('POST', `/v1/group-assignments/${id}/reactivate`, {})).toMatchObject({
      status: 200,
      body: { status: 'current', endDate: null },
    });
    await eventually(
      async () => {
        const all = await derived(id);
        expect(all.filter((assignment) => assignment.status === 'current')).toHaveLength(members.length);
        expect(all.filter((assignment) => assignment.status === 'expired')).toHaveLength(members.length);
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
  }, 180_000);
});
