import {
  ApiClient,
  eventually,
  MaildevClient,
  startPlatform,
  uniqueSuffix,
  type RunningPlatform,
} from '@lms/testing';
import type { Created, Assignment, Page } from './api-shapes';

interface Delivery {
  recipientId: string;
  status: string;
  kind: string;
}

/**
 * The heart of the product, end to end: a group coach assignment fans out through Kafka
 * into individual assignments and e-mails, and follows later membership changes.
 * Every service runs as its own process; the test only speaks to the gateway and MailDev.
 */
describe('group coach assignment fan-out (every service as a process, through the gateway)', () => {
  const run = uniqueSuffix();
  const mail = new MaildevClient();
  let platform: RunningPlatform;
  let api: ApiClient;

  const email = (who: string): string => `${who}.${run}@e2e.example.com`;
  const assignmentsOfCoach = (coachId: string): Promise<Page<Assignment>> =>
    api.get<Page<Assignment>>(`/api/v1/coaching/assignments?coachId=${coachId}&limit=50`);

  beforeAll(async () => {
    // The coach's new-mentee mails wait 3 s for others, and three or more make one digest.
    platform = await startPlatform({
      env: { notifications: { DIGEST_WINDOW_MS: '3000', DIGEST_THRESHOLD: '3' } },
    });
    api = await ApiClient.signIn(platform.gatewayUrl, platform.admin, `e2e-${run}`);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('reports every service ready through the gateway', async () => {
    const health = await api.call<{ status: string; services: Record<string, { status: string }> }>(
      'GET',
      '/api/v1/health',
    );
    expect(health.status).toBe(200);
    expect(Object.keys(health.body.services).sort()).toEqual([
      'coaching',
      'identity',
      'learning',
      'notifications',
    ]);
  });

  it('answers 401 problem+json to a call without a token, and to a wrong password', async () => {
    const anonymous = await new ApiClient(platform.gatewayUrl).call<{ code: string }>(
      'GET',
      '/api/v1/coaching/assignments',
    );
    const wrongPassword = await new ApiClient(platform.gatewayUrl).call<{ code: string }>(
      'POST',
      '/api/v1/auth/login',
      { ...platform.admin, password: 'not the password' },
    );

    expect([anonymous.status, anonymous.body.code]).toEqual([401, 'AUTH.UNAUTHENTICATED']);
    expect([wrongPassword.status, wrongPassword.body.code]).toEqual([401, 'AUTH.INVALID_CREDENTIALS']);
  });

  it('refuses bad input with problem+json and a stable code', async () => {
    const result = await api.call<{ code: string; status: number }>('POST', '/api/v1/identity/users', {
      email: 'not-an-email',
      firstName: '',
    });
    expect(result.status).toBe(400);
    expect(result.headers.get('content-type')).toContain('application/problem+json');
    expect(result.body.code).toBe('REQUEST.VALIDATION_FAILED');
  });

  it('assigns the coach to every learner of the group, mails everyone once, and follows membership changes', async () => {
    const coach = await api.create<Created>('/api/v1/identity/users', {
      email: email('coach'),
      firstName: 'Carla',
      lastName: 'Coach',
    });
    const learners: Created[] = [];
    for (const name of ['ada', 'bruno', 'chiara']) {
      learners.push(
        await api.create<Created>('/api/v1/identity/users', {
          email: email(name),
          firstName: name,
          lastName: 'Learner',
        }),
      );
    }
    const group = await api.create<Created>('/api/v1/identity/groups', { name: `Sales academy ${run}` });
    await api.create(`/api/v1/identity/groups/${group.id}/members`, { userId: coach.id, roles: ['coach'] });
    for (const learner of learners) {
      await api.create(`/api/v1/identity/groups/${group.id}/members`, {
        userId: learner.id,
        roles: ['learner'],
      });
    }

    const startedAt = Date.now();
    const groupAssignment = await api.create<Created>('/api/v1/coaching/group-assignments', {
      groupId: group.id,
      roles: ['learner'],
      coachIds: [coach.id],
    });

    const fannedOut = await eventually(
      async () => {
        const page = await assignmentsOfCoach(coach.id);
        expect(page.items).toHaveLength(3);
        return page.items;
      },
      { timeoutMs: 60_000 },
    );
    const assignmentsAfterMs = Date.now() - startedAt;
    expect(fannedOut.map((a) => a.menteeId).sort()).toEqual(learners.map((l) => l.id).sort());
    for (const assignment of fannedOut) {
      expect(assignment).toMatchObject({
        coachIds: [coach.id],
        origin: 'group',
        groupAssignmentId: groupAssignment.id,
        status: 'current',
      });
    }

    await eventually(
      async () => {
        for (const name of ['ada', 'bruno', 'chiara']) expect(await mail.to(email(name))).toHaveLength(1);
        // One digest for the three, not three mails.
        expect((await mail.to(email('coach'))).map((m) => m.subject)).toEqual([
          '3 new mentees have been assigned to you',
        ]);
      },
      { timeoutMs: 60_000 },
    );
    const mailsAfterMs = Date.now() - startedAt;
    console.log(
      `fan-out of 3 members: assignments after ${assignmentsAfterMs} ms, all 4 e-mails after ${mailsAfterMs} ms (the digest window is 3 s)`,
    );

    const deliveries = await api.get<Page<Delivery>>(
      `/api/v1/notifications/deliveries?recipientId=${learners[0].id}`,
    );
    expect(deliveries.items).toEqual([
      expect.objectContaining({ recipientId: learners[0].id, status: 'sent' }),
    ]);

    // A fourth learner joins: the group's coach becomes theirs too.
    const dario = await api.create<Created>('/api/v1/identity/users', {
      email: email('dario'),
      firstName: 'Dario',
      lastName: 'Learner',
    });
    await api.create(`/api/v1/identity/groups/${group.id}/members`, { userId: dario.id, roles: ['learner'] });
    await eventually(async () => {
      const page = await assignmentsOfCoach(coach.id);
      expect(page.items.filter((a) => a.status === 'current').map((a) => a.menteeId)).toContain(dario.id);
    });
    // Alone in its window, the coach's mail about Dario goes out as the usual one.
    await eventually(async () => {
      expect(await mail.to(email('dario'))).toHaveLength(1);
      expect((await mail.to(email('coach'))).map((m) => m.subject).sort()).toEqual([
        '3 new mentees have been assigned to you',
        'New mentee: Dario Learner',
      ]);
    });

    // One learner leaves: their assignment ends, the others stay current.
    const leaving = learners[1];
    const removed = await api.call('DELETE', `/api/v1/identity/groups/${group.id}/members/${leaving.id}`);
    expect(removed.status).toBe(204);
    await eventually(async () => {
      const page = await api.get<Page<Assignment>>(`/api/v1/coaching/assignments?menteeId=${leaving.id}`);
      expect(page.items).toEqual([expect.objectContaining({ menteeId: leaving.id, status: 'ended' })]);
    });
    const current = await api.get<Page<Assignment>>(
      `/api/v1/coaching/assignments?coachId=${coach.id}&status=current`,
    );
    expect(current.items.map((a) => a.menteeId).sort()).toEqual(
      [learners[0].id, learners[2].id, dario.id].sort(),
    );

    // Read a page at a time through the gateway, the cursors give the same list as one page.
    const onePage = await api.get<Page<Assignment>>(
      `/api/v1/coaching/assignments?coachId=${coach.id}&limit=50`,
    );
    const pageByPage: Assignment[] = [];
    for (let cursor: string | null = ''; cursor !== null; ) {
      const page: Page<Assignment> = await api.get<Page<Assignment>>(
        `/api/v1/coaching/assignments?coachId=${coach.id}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(1);
      pageByPage.push(...page.items);
      cursor = page.nextCursor;
    }
    expect(pageByPage.map((a) => a.id)).toEqual(onePage.items.map((a) => a.id));
    expect(pageByPage).toHaveLength(4);
    const otherOrder = await api.call<{ code: string }>(
      'GET',
      `/api/v1/coaching/assignments?coachId=${coach.id}&limit=1&sort=startDate`,
    );
    const firstCursor = (
      await api.get<Page<Assignment>>(`/api/v1/coaching/assignments?coachId=${coach.id}&limit=1`)
    ).nextCursor;
    const refused = await api.call<{ code: string }>(
      'GET',
      `/api/v1/coaching/assignments?coachId=${coach.id}&limit=1&sort=startDate&cursor=${firstCursor}`,
    );
    expect(otherOrder.status).toBe(200);
    expect([refused.status, refused.body.code]).toEqual([400, 'PAGE.CURSOR_INVALID']);

    // Nobody was mailed twice about the same assignment.
    for (const name of ['ada', 'chiara', 'dario']) {
      const subjects = (await mail.to(email(name))).map((m) => m.subject);
      expect(new Set(subjects).size).toBe(subjects.length);
    }
  });
});
