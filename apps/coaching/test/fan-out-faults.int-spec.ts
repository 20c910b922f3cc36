import mongoose, { type Connection } from 'mongoose';
import type { MembershipChange } from '../src/memberships/domain/membership';
import { JobRunner } from '@lms/jobs';
import { EventFactory, type OutboxRelay } from '@lms/messaging';
import { newId } from '@lms/kernel';
import { SystemClock } from '@lms/kernel';
import { eventually, uniqueSuffix } from '@lms/testing';
import { isolateTestEnvironment, startServiceApp, type ServiceTestApp } from '@lms/service-testing';
import {
  GROUP_ASSIGNMENT_MODEL,
  GroupAssignmentSchema,
} from '../src/assignments/infra/group-assignment.schema';
import { MongoGroupAssignmentRepository } from '../src/assignments/infra/mongo-group-assignment.repository';
import { calendarDateOf } from '../src/assignments/domain/calendar-date';
import { CreateGroupAssignmentUseCase } from '../src/assignments/use-cases/create-group-assignment.use-case';
import {
  MEMBERSHIP_PROJECTION_REPOSITORY,
  type MembershipProjectionRepository,
} from '../src/memberships/ports/membership-projection.repository';

interface GroupAssignmentRow {
  _id: string;
  fanOut: { status: string; processed: number };
  outbox: unknown[];
}

/**
 * The fan-out under the failures rule 6 names, against the real broker and database: a
 * restart after the process died between a group assignment's write and its publication, a
 * database that refuses the fan-out's writes for a while in the middle of it, and an instance
 * that stops in the middle while another one is running. Each time every member ends up with
 * exactly one assignment.
 */
describe('group fan-out under faults (real Kafka and Mongo)', () => {
  const tenantId = `coaching-faults-${uniqueSuffix()}`;
  let dbName: string;
  let db: Connection;
  const apps: ServiceTestApp[] = [];

  beforeAll(async () => {
    dbName = isolateTestEnvironment('coaching-faults').dbName;
    process.env.FAN_OUT_CHUNK_SIZE = '10';
    process.env.JOB_POLL_INTERVAL_MS = '100';
    // The faults below make the service warn on purpose.
    process.env.LOG_LEVEL = 'error';
    db = await mongoose.createConnection(process.env.MONGODB_URI as string, { dbName }).asPromise();
  });

  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close().catch(() => undefined)));
  });

  afterAll(async () => {
    await db?.dropDatabase();
    await db?.close();
  });

  /** Starts a coaching instance on the test's database, optionally through another address. */
  async function startCoaching(env: Record<string, string> = {}): Promise<ServiceTestApp> {
    const saved = { ...process.env };
    Object.assign(process.env, { JOB_LEASE_MS: '1500' }, env);
    try {
      const { AppModule } = await import('../src/app.module');
      const app = await startServiceApp(AppModule, { globalPrefix: 'v1', caller: { tenantId } });
      apps.push(app);
      return app;
    } finally {
      process.env = saved;
    }
  }

  async function givenMembers(app: ServiceTestApp, groupId: string, count: number): Promise<string[]> {
    const userIds = Array.from({ length: count }, () => newId());
    const changes: MembershipChange[] = userIds.map((userId) => ({
      tenantId,
      groupId,
      userId,
      status: 'active',
      roles: ['learner'],
      version: 1,
      occurredAt: new Date(),
    }));
    await app.app.get<MembershipProjectionRepository>(MEMBERSHIP_PROJECTION_REPOSITORY).applyMany(changes);
    return userIds;
  }

  const jobs = () => db.collection<{ _id: string; leaseOwner: string | null }>('jobs');

  const groupAssignment = async (id: string): Promise<GroupAssignmentRow | null> =>
    db.collection<GroupAssignmentRow>('group_assignments').findOne({ _id: id });

  async function createGroupAssignment(app: ServiceTestApp, groupId: string): Promise<string> {
    const response = await app.request('POST', '/v1/group-assignments', {
      groupId,
      roles: ['learner'],
      coachIds: [newId()],
    });
    expect(response.status).toBe(201);
    return (response.body as { id: string }).id;
  }

  async function waitUntilRunning(id: string): Promise<number> {
    return eventually(
      async () => {
        const processed = (await groupAssignment(id))?.fanOut.processed ?? 0;
        expect(processed).toBeGreaterThan(0);
        return processed;
      },
      { timeoutMs: 60_000, intervalMs: 5 },
    );
  }

  /** Every member has exactly one assignment of the group assignment, and the fan-out is done. */
  async function expectEachMemberAssignedOnce(id: string, members: string[], timeoutMs = 90_000) {
    await eventually(async () => expect((await groupAssignment(id))?.fanOut.status).toBe('done'), {
      timeoutMs,
      intervalMs: 200,
    });
    const rows = await db
      .collection<{ menteeId: string }>('assignments')
      .find({ groupAssignmentId: id }, { projection: { menteeId: 1 } })
      .toArray();
    expect(rows).toHaveLength(members.length);
    expect(new Set(rows.map((row) => row.menteeId))).toEqual(new Set(members));
    expect(await jobs().countDocuments({ _id: `group-assignment.fan-out:${id}` })).toBe(0);
  }

  it('after a crash between the write of a group assignment and its publication, the restarted service fans it out', async () => {
    const groupId = newId();
    const before = await startCoaching();
    const members = await givenMembers(before, groupId, 120);
    await before.close();
    // What the process wrote just before it was killed: the group assignment with its event
    // in the outbox, never published (the relay never ran).
    const crashedRelay = { publishSoon: () => undefined } as unknown as OutboxRelay;
    const model = db.model(GROUP_ASSIGNMENT_MODEL, GroupAssignmentSchema);
    const written = await new CreateGroupAssignmentUseCase(
      new MongoGroupAssignmentRepository(model, crashedRelay),
      new EventFactory('coaching'),
      new SystemClock(),
      // A tenant coaching has not heard of counts its days in UTC.
      {
        todayOf: async (_tenantId: string, now: Date) => calendarDateOf(now),
        dayOfIn: async () => calendarDateOf,
      },
    ).execute({ tenantId, groupId, roles: ['learner'], coachIds: [newId()] });
    expect((await groupAssignment(written.id))?.outbox).toHaveLength(1);

    await startCoaching();

    await expectEachMemberAssignedOnce(written.id, members);
    expect((await groupAssignment(written.id))?.outbox).toEqual([]);
  });

  it('a fan-out whose database refuses its writes for a while resumes by itself and assigns each member once', async () => {
    const coaching = await startCoaching();
    const groupId = newId();
    const members = (await givenMembers(coaching, groupId, 1_500)).sort();
    // The database refuses to save the fan-out's progress past the 70th chunk: a unique index
    // and a document that already holds the cursor that save would write.
    const groupAssignments = db.collection<{ _id: string; fanOut?: { cursor: string } }>('group_assignments');
    await groupAssignments.createIndex({ 'fanOut.cursor': 1 }, { unique: true, name: 'refuse_progress' });
    const blocker = { _id: newId(), fanOut: { cursor: members[699] as string } };
    await groupAssignments.insertOne(blocker);
    try {
      const id = await createGroupAssignment(coaching, groupId);
      const runner = coaching.app.get(JobRunner);

      await eventually(() => expect(runner.counters.failures).toBeGreaterThanOrEqual(3), {
        timeoutMs: 60_000,
        intervalMs: 50,
      });
      const processedWhileRefused = (await groupAssignment(id))?.fanOut.processed ?? 0;
      await groupAssignments.deleteOne({ _id: blocker._id });

      expect(processedWhileRefused).toBe(690);
      await expectEachMemberAssignedOnce(id, members);
    } finally {
      await groupAssignments.dropIndex('refuse_progress').catch(() => undefined);
    }
  });

  it('an instance that stops in the middle finishes its chunk and hands the fan-out over at once', async () => {
    // A lease far longer than the test: only a release on shutdown lets the other continue in time.
    const first = await startCoaching({ JOB_LEASE_MS: '120000' });
    const second = await startCoaching({ JOB_LEASE_MS: '120000' });
    const groupId = newId();
    const members = await givenMembers(first, groupId, 1_500);
    const id = await createGroupAssignment(first, groupId);

    await waitUntilRunning(id);
    const job = await jobs().findOne({ _id: `group-assignment.fan-out:${id}` });
    const holder = [first, second].find((app) => app.app.get(JobRunner).owner === job?.leaseOwner);
    expect(holder).toBeDefined();
    await holder?.close();
    const processedAtStop = (await groupAssignment(id))?.fanOut.processed ?? 0;

    expect(processedAtStop).toBeLessThan(members.length);
    await expectEachMemberAssignedOnce(id, members, 30_000);
  });
});
