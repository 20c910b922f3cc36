import {
  ApiClient,
  eventually,
  MaildevClient,
  startPlatform,
  uniqueSuffix,
  type RunningPlatform,
} from '@lms/testing';
import type { Created, Assignment, Page } from './api-shapes';

interface GroupAssignment {
  fanOut: { status: string; processed: number };
}

const LEARNERS = 60;

/**
 * A crash in the middle of a fan-out, end to end: coaching is killed with SIGKILL (no
 * shutdown hook, no flush, its job lease still held) while it fans a group assignment out one
 * member at a time, and started again. The fan-out completes by itself, every learner is
 * assigned once, and nobody is mailed twice.
 */
describe('group fan-out across a kill -9 of coaching (every service as a process)', () => {
  const run = uniqueSuffix();
  const mail = new MaildevClient();
  let platform: RunningPlatform;
  let api: ApiClient;
  const email = (who: string): string => `${who}.${run}@crash.example.com`;

  beforeAll(async () => {
    platform = await startPlatform({
      basePort: 13_100,
      // One member per chunk, so that the kill lands in the middle; a short lease, so that the
      // restarted instance takes the dead one's job over soon.
      // Each mail goes out alone, at once, so that each can be counted.
      env: {
        coaching: { FAN_OUT_CHUNK_SIZE: '1', JOB_LEASE_MS: '2000', JOB_POLL_INTERVAL_MS: '200' },
        notifications: { DIGEST_WINDOW_MS: '0' },
      },
    });
    api = await ApiClient.signIn(platform.gatewayUrl, platform.admin, `crash-${run}`);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  async function allAssignments(groupAssignmentId: string): Promise<Assignment[]> {
    const items: Assignment[] = [];
    for (let cursor: string | null = ''; cursor !== null; ) {
      const page: Page<Assignment> = await api.get<Page<Assignment>>(
        `/api/v1/coaching/assignments?groupAssignmentId=${groupAssignmentId}&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
      );
      items.push(...page.items);
      cursor = page.nextCursor;
    }
    return items;
  }

  it('finishes the fan-out after the restart, assigning and mailing every learner once', async () => {
    const coach = await api.create<Created>('/api/v1/identity/users', {
      email: email('coach'),
      firstName: 'Carla',
      lastName: 'Coach',
    });
    const group = await api.create<Created>('/api/v1/identity/groups', { name: `Crash course ${run}` });
    const learners: string[] = [];
    for (let i = 0; i < LEARNERS; i++) {
      const learner = await api.create<Created>('/api/v1/identity/users', {
        email: email(`learner${i}`),
        firstName: `Learner${i}`,
        lastName: 'Crash',
      });
      await api.create(`/api/v1/identity/groups/${group.id}/members`, {
        userId: learner.id,
        roles: ['learner'],
      });
      learners.push(learner.id);
    }
    // Coaching knows every member before the group assignment is made.
    const probe = await api.create<Created>('/api/v1/coaching/group-assignments', {
      groupId: group.id,
      roles: ['learner'],
      coachIds: [coach.id],
    });
    await eventually(async () => expect((await allAssignments(probe.id)).length).toBe(LEARNERS), {
      timeoutMs: 60_000,
      intervalMs: 250,
    });

    const groupAssignment = await api.create<Created>('/api/v1/coaching/group-assignments', {
      groupId: group.id,
      roles: ['learner'],
      coachIds: [coach.id],
    });
    const processedAtKill = await eventually(
      async () => {
        const current = await api.get<GroupAssignment>(
          `/api/v1/coaching/group-assignments/${groupAssignment.id}`,
        );
        expect(current.fanOut.processed).toBeGreaterThanOrEqual(3);
        return current.fanOut.processed;
      },
      { timeoutMs: 60_000, intervalMs: 10 },
    );
    await platform.killService('coaching');
    expect(processedAtKill).toBeLessThan(LEARNERS);

    await platform.startService('coaching');

    await eventually(
      async () => {
        const done = await api.get<GroupAssignment>(
          `/api/v1/coaching/group-assignments/${groupAssignment.id}`,
        );
        expect(done.fanOut.status).toBe('done');
      },
      { timeoutMs: 90_000, intervalMs: 250 },
    );
    const assignments = await allAssignments(groupAssignment.id);
    expect(assignments).toHaveLength(LEARNERS);
    expect(new Set(assignments.map((a) => a.menteeId))).toEqual(new Set(learners));
    // Two group assignments of the same coach: each learner gets exactly two mails, one each.
    await eventually(
      async () => {
        for (let i = 0; i < LEARNERS; i++) expect(await mail.to(email(`learner${i}`))).toHaveLength(2);
      },
      { timeoutMs: 120_000, intervalMs: 1_000 },
    );
    expect(await mail.to(email('coach'))).toHaveLength(2 * LEARNERS);
  }, 300_000);
});
