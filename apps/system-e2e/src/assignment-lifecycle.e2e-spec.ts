import {
  ApiClient,
  eventually,
  MaildevClient,
  startPlatform,
  uniqueSuffix,
  type RunningPlatform,
} from '@lms/testing';
import type { Created, Page, Problem } from './api-shapes';

interface IndividualAssignment {
  id: string;
  menteeId: string;
  coachIds: string[];
  startDate: string;
  endDate: string | null;
  status: string;
  active: boolean;
  version: number;
}

/** The day `days` from today (UTC), as the API writes days. */
function day(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * An individual assignment through its life, end to end through the gateway with every
 * service as a process (CO-A1, CO-A4..A6, CO-A8, CO-A9): users created in identity reach
 * coaching over Kafka before they can be assigned; each change answers the new state; the
 * mentee and both coaches are mailed when it is made and when it ends.
 */
describe('an individual assignment through its life (every service as a process)', () => {
  const run = uniqueSuffix();
  const mail = new MaildevClient();
  let platform: RunningPlatform;
  let api: ApiClient;
  const email = (who: string): string => `${who}.${run}@lifecycle.example.com`;
  const people: Record<'mentee' | 'coach1' | 'coach2', string> = { mentee: '', coach1: '', coach2: '' };

  beforeAll(async () => {
    // Each mail goes out alone, at once: the digest is covered by the group fan-out's test.
    platform = await startPlatform({ basePort: 13_500, env: { notifications: { DIGEST_WINDOW_MS: '0' } } });
    api = await ApiClient.signIn(platform.gatewayUrl, platform.admin, `lifecycle-${run}`);
    for (const who of ['mentee', 'coach1', 'coach2'] as const) {
      const user = await api.create<Created>('/api/v1/identity/users', {
        email: email(who),
        firstName: who,
        lastName: 'Lifecycle',
        password: `${who}-password-${run}`,
      });
      people[who] = user.id;
    }
  });

  afterAll(async () => {
    await platform?.stop();
  });

  /** Creates it once coaching has heard of the three users (their events travel over Kafka). */
  function assign(body: Record<string, unknown>): Promise<IndividualAssignment> {
    return eventually(
      async () => {
        const answer = await api.call<IndividualAssignment & Problem>(
          'POST',
          '/api/v1/coaching/assignments',
          {
            menteeId: people.mentee,
            coachIds: [people.coach1, people.coach2],
            ...body,
          },
        );
        expect(answer.status).toBe(201);
        return answer.body;
      },
      { timeoutMs: 60_000 },
    );
  }

  async function change(method: string, path: string, body?: unknown) {
    return api.call<IndividualAssignment & Problem>(method, `/api/v1/coaching/assignments/${path}`, body);
  }

  it('is created backdated with two coaches, edited, deactivated, activated and ended; everyone involved is mailed', async () => {
    const created = await assign({ startDate: day(-30) });
    expect(created).toMatchObject({ status: 'current', active: true, startDate: day(-30), endDate: null });

    const edited = await change('PATCH', created.id, { endDate: day(90) });
    expect(edited).toMatchObject({ status: 200, body: { endDate: day(90), version: 2 } });
    expect(await change('POST', `${created.id}/deactivate`)).toMatchObject({
      status: 200,
      body: { active: false, status: 'current' },
    });
    const inactive = await api.get<Page<IndividualAssignment>>(
      `/api/v1/coaching/assignments?menteeId=${people.mentee}&active=false`,
    );
    expect(inactive.items.map((a) => a.id)).toEqual([created.id]);
    expect(await change('POST', `${created.id}/activate`)).toMatchObject({
      status: 200,
      body: { active: true },
    });
    expect(await change('PATCH', created.id, { endDate: day(-31) })).toMatchObject({
      status: 422,
      body: { code: 'ASSIGNMENT.DATES_INVALID' },
    });

    expect(await change('POST', `${created.id}/end`)).toMatchObject({
      status: 200,
      body: { status: 'ended', version: 5 },
    });
    expect(await change('POST', `${created.id}/end`)).toMatchObject({
      status: 409,
      body: { code: 'ASSIGNMENT.ALREADY_ENDED' },
    });

    await eventually(
      async () => {
        const subjects = async (who: string) => (await mail.to(email(who))).map((m) => m.subject).sort();
        for (const who of ['mentee', 'coach1', 'coach2']) expect(await subjects(who)).toHaveLength(2);
      },
      { timeoutMs: 60_000 },
    );
  });

  it('expires when its end date is moved into the past, and is reactivated from today with no end', async () => {
    const created = await assign({ startDate: day(-10), endDate: day(10) });

    const expired = await change('PATCH', created.id, { endDate: day(-1) });
    expect(expired).toMatchObject({ status: 200, body: { status: 'expired', endDate: day(-1) } });
    expect(await change('PATCH', created.id, { endDate: day(5) })).toMatchObject({
      status: 409,
      body: { code: 'ASSIGNMENT.EXPIRED' },
    });
    const listed = await api.get<Page<IndividualAssignment>>(
      `/api/v1/coaching/assignments?menteeId=${people.mentee}&status=expired`,
    );
    expect(listed.items.map((a) => a.id)).toContain(created.id);

    expect(await change('POST', `${created.id}/reactivate`)).toMatchObject({
      status: 200,
      body: { status: 'current', startDate: day(0), endDate: null },
    });
    expect(await change('POST', `${created.id}/reactivate`)).toMatchObject({
      status: 409,
      body: { code: 'ASSIGNMENT.NOT_EXPIRED' },
    });
  });

  it('is transferred to another coach, dates kept; the same coaches again are refused (CO-A7)', async () => {
    const created = await assign({ startDate: day(-3) });

    const transferred = await change('POST', `${created.id}/transfer`, {
      coachIds: [people.coach2],
      mode: 'assignment_only',
    });
    expect(transferred).toMatchObject({
      status: 200,
      body: { coachIds: [people.coach2], startDate: day(-3), status: 'current' },
    });
    expect(
      await change('POST', `${created.id}/transfer`, { coachIds: [people.coach2], mode: 'assignment_only' }),
    ).toMatchObject({
      status: 422,
      body: { code: 'ASSIGNMENT.SAME_COACHES' },
    });
  });

  it("is transferred with re-share: the mentee's artifact shared with the old coach moves to the new one at its permission (CO-A7, CO-W2)", async () => {
    const as = (who: 'mentee' | 'coach1' | 'coach2') =>
      ApiClient.signIn(
        platform.gatewayUrl,
        { tenant: platform.admin.tenant, email: email(who), password: `${who}-password-${run}` },
        `lifecycle-${who}-${run}`,
      );
    const [mentee, coach1, coach2] = [await as('mentee'), await as('coach1'), await as('coach2')];
    const created = await eventually(
      async () => {
        const answer = await api.call<IndividualAssignment & Problem>(
          'POST',
          '/api/v1/coaching/assignments',
          {
            menteeId: people.mentee,
            coachIds: [people.coach1],
            startDate: day(-10),
          },
        );
        expect(answer.status).toBe(201);
        return answer.body;
      },
      { timeoutMs: 60_000 },
    );
    const artifact = await mentee.create<Created>('/api/v1/coaching/artifacts', {
      title: `Sales pitch ${run}`,
      link: 'https://docs.example.com/pitch',
    });
    const shared = await mentee.call(
      'PUT',
      `/api/v1/coaching/artifacts/${artifact.id}/shares/${people.coach1}`,
      {
        permission: 'comment',
      },
    );
    expect(shared.status).toBe(200);
    const heldBy = async (client: ApiClient) =>
      (
        await client.call<Page<{ id: string; access: string }>>(
          'GET',
          '/api/v1/coaching/artifacts/shared-with-me',
        )
      ).body.items
        .filter((item) => item.id === artifact.id)
        .map((item) => item.access);
    expect(await heldBy(coach1)).toEqual(['comment']);

    const transferred = await change('POST', `${created.id}/transfer`, {
      coachIds: [people.coach2],
      mode: 'reshare_artifacts',
    });
    expect(transferred).toMatchObject({ status: 200, body: { coachIds: [people.coach2] } });

    await eventually(async () => expect(await heldBy(coach2)).toEqual(['comment']), { timeoutMs: 30_000 });
    expect(await heldBy(coach1)).toEqual([]);
    expect((await coach1.call<Problem>('GET', `/api/v1/coaching/artifacts/${artifact.id}`)).body.code).toBe(
      'ARTIFACT.NOT_FOUND',
    );
  });

  it('is scheduled when it starts later', async () => {
    const scheduled = await assign({ startDate: day(7) });
    expect(scheduled.status).toBe('scheduled');
  });

  it('is deleted only with the confirmation word, and is then gone from reads and lists', async () => {
    const created = await assign({});

    const refused = await change('DELETE', created.id);
    expect(refused).toMatchObject({
      status: 422,
      body: {
        code: 'ASSIGNMENT.DELETE_NOT_CONFIRMED',
        alternative: `/api/v1/coaching/assignments/${created.id}/end`,
      },
    });
    expect((await change('DELETE', `${created.id}?confirm=DELETE`)).status).toBe(204);
    expect(await change('GET', created.id)).toMatchObject({
      status: 404,
      body: { code: 'ASSIGNMENT.NOT_FOUND' },
    });
    const listed = await api.get<Page<IndividualAssignment>>(
      `/api/v1/coaching/assignments?menteeId=${people.mentee}&limit=200`,
    );
    expect(listed.items.map((a) => a.id)).not.toContain(created.id);
    const exported = await api.download(`/api/v1/coaching/assignments/export.csv?menteeId=${people.mentee}`);
    expect(exported).toMatchObject({ status: 200, contentType: expect.stringContaining('text/csv') });
    const csv = exported.text;
    expect(csv.split('\n')[0]).toMatch(/^id,menteeId,coachIds,/);
    expect(csv).toContain(people.mentee);
    expect(csv).not.toContain(created.id);
  });

  it('reports the counts of the filtered assignments by status, coach and group (CO-A12)', async () => {
    const report = await api.get<{
      total: number;
      byStatus: Record<string, number>;
      byCoach: Array<{ coachId: string; count: number }>;
    }>(`/api/v1/coaching/reports/assignments?menteeId=${people.mentee}`);
    const listed = await api.get<Page<IndividualAssignment>>(
      `/api/v1/coaching/assignments?menteeId=${people.mentee}&limit=200`,
    );
    expect(report.total).toBe(listed.items.length);
    expect(Object.values(report.byStatus).reduce((a, b) => a + b, 0)).toBe(report.total);
    expect(report.byCoach.map((c) => c.coachId)).toEqual(
      expect.arrayContaining([people.coach1, people.coach2]),
    );
  });

  it('shows a coach its current, active mentees, and none of them once deactivated (CO-W5)', async () => {
    const created = await assign({});
    const coach = await ApiClient.signIn(platform.gatewayUrl, {
      tenant: platform.admin.tenant,
      email: email('coach1'),
      password: `coach1-password-${run}`,
    });
    const mine = () =>
      coach.get<Page<{ assignmentId: string; menteeId: string; firstName: string }>>(
        '/api/v1/coaching/me/mentees',
      );

    expect((await mine()).items).toContainEqual(
      expect.objectContaining({ assignmentId: created.id, menteeId: people.mentee, firstName: 'mentee' }),
    );
    expect((await coach.call('GET', '/api/v1/coaching/assignments')).status).toBe(403);
    await change('POST', `${created.id}/deactivate`);
    expect((await mine()).items.map((item) => item.assignmentId)).not.toContain(created.id);
  });
});
