import {
  ApiClient,
  eventually,
  MaildevClient,
  startPlatform,
  uniqueSuffix,
  type RunningPlatform,
} from '@lms/testing';
import type { Created, Problem } from './api-shapes';

interface Enrollment {
  id: string;
  state: string;
}

interface MyCourse {
  courseId: string;
  title: string;
  state: string;
  may: { open: boolean; seeMaterial: boolean; attend: boolean };
}

/**
 * A learner's way through an instructor-led course, end to end through the gateway with every
 * service running: it enrolls itself in a full session and waits; the seat frees and it is
 * confirmed; it opens the course, is in progress, and its first access makes it `active` in
 * identity; it is mailed at each step, in its language. Overbooking an ILT course is refused.
 * A plan assigned to a group enrolls a member who joins it, and the instructor's attendance
 * completes the instructor-led course and the plan.
 */
describe('a learning journey (every service as a process, through the gateway)', () => {
  const run = uniqueSuffix();
  const code = `lj-${run}`;
  const mail = new MaildevClient();
  const email = (who: string): string => `${who}.${run}@learning.example.com`;
  let platform: RunningPlatform;
  let admin: ApiClient;

  beforeAll(async () => {
    platform = await startPlatform({ basePort: 13_600 });
    const systemAdmin = await ApiClient.signIn(platform.gatewayUrl, platform.admin, `journey-${run}`);
    const administrator = { email: email('admin'), password: `admin-password-${run}` };
    const tenant = await systemAdmin.call('POST', '/api/v1/identity/tenants', {
      code,
      name: `Academy ${code}`,
      administrator: { ...administrator, firstName: 'Ada', lastName: 'Admin' },
    });
    expect(tenant.status).toBe(201);
    admin = await ApiClient.signIn(platform.gatewayUrl, { tenant: code, ...administrator }, `journey-${run}`);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  async function learner(name: string, locale = 'en'): Promise<{ id: string; client: ApiClient }> {
    const password = `${name}-password-${run}`;
    const created = await admin.create<Created>('/api/v1/identity/users', {
      email: email(name),
      firstName: name,
      lastName: 'Learner',
      password,
      locale,
    });
    const client = await ApiClient.signIn(
      platform.gatewayUrl,
      { tenant: code, email: email(name), password },
      `journey-${run}`,
    );
    return { id: created.id, client };
  }

  it('waits for a seat, is confirmed when one frees, opens the course and becomes active, mailed at each step', async () => {
    const anna = await learner('anna');
    const bruno = await learner('bruno', 'it');
    const course = await admin.create<Created>('/api/v1/learning/courses', {
      title: 'Negotiation workshop',
      kind: 'ilt',
    });
    const session = await admin.create<Created>(`/api/v1/learning/courses/${course.id}/sessions`, {
      startsAt: '2027-01-15T09:00:00Z',
      endsAt: '2027-01-15T17:00:00Z',
      place: 'Milan office, room 4',
      capacity: 1,
    });
    expect((await admin.call('POST', `/api/v1/learning/courses/${course.id}/publish`)).status).toBe(200);

    // Anna takes the only seat; Bruno enrolls himself and waits.
    const annas = await admin.create<Enrollment>('/api/v1/learning/enrollments', {
      courseId: course.id,
      userId: anna.id,
      sessionId: session.id,
    });
    const brunos = await bruno.client.create<Enrollment>('/api/v1/learning/enrollments', {
      courseId: course.id,
      userId: bruno.id,
      sessionId: session.id,
    });
    expect([annas.state, brunos.state]).toEqual(['enrolled', 'waiting']);
    const mine = await bruno.client.get<{ items: MyCourse[] }>('/api/v1/learning/me/courses');
    expect(mine.items).toEqual([
      expect.objectContaining({
        courseId: course.id,
        state: 'waiting',
        may: expect.objectContaining({ attend: false }),
      }),
    ]);

    // Overbooking is for e-learning only.
    const overbooked = await admin.call<Problem>('PATCH', `/api/v1/learning/enrollments/${brunos.id}`, {
      state: 'overbooking',
    });
    expect([overbooked.status, overbooked.body.code]).toEqual([422, 'ENROLLMENT.OVERBOOKING_NOT_ALLOWED']);

    // Anna is unenrolled: her seat goes to Bruno.
    expect((await admin.call('DELETE', `/api/v1/learning/enrollments/${annas.id}`)).status).toBe(204);
    expect((await admin.get<Enrollment>(`/api/v1/learning/enrollments/${brunos.id}`)).state).toBe('enrolled');

    // Bruno opens the course: in progress, and his first access makes him active in identity.
    expect((await admin.get<{ state: string }>(`/api/v1/identity/users/${bruno.id}`)).state).toBe(
      'activated',
    );
    const opened = await bruno.client.call<Enrollment>(
      'POST',
      `/api/v1/learning/me/courses/${course.id}/open`,
    );
    expect([opened.status, opened.body.state]).toEqual([200, 'in_progress']);
    await eventually(async () =>
      expect((await admin.get<{ state: string }>(`/api/v1/identity/users/${bruno.id}`)).state).toBe('active'),
    );

    // Mailed at each step, in their language, once each.
    await eventually(
      async () => {
        expect((await mail.to(email('anna'))).map((m) => m.subject)).toEqual([
          'You are enrolled in Negotiation workshop',
        ]);
        expect((await mail.to(email('bruno'))).map((m) => m.subject).sort()).toEqual([
          'La tua iscrizione al corso Negotiation workshop è confermata',
          'La tua iscrizione al corso Negotiation workshop è in attesa di conferma',
        ]);
      },
      { timeoutMs: 60_000 },
    );
  });

  it("follows a learner's plan: enrolled in its courses, in progress once one is opened, completed when every one is", async () => {
    const carla = await learner('carla');
    const course = async (title: string): Promise<string> => {
      const created = await admin.create<Created>('/api/v1/learning/courses', {
        title,
        kind: 'elearning',
        material: [{ title: 'The one video', kind: 'video', url: 'https://media.example.com/v.mp4' }],
      });
      expect((await admin.call('POST', `/api/v1/learning/courses/${created.id}/publish`)).status).toBe(200);
      return created.id;
    };
    const courseIds = [await course('Listening'), await course('Closing')];
    const plan = await admin.create<Created>('/api/v1/learning/plans', {
      title: 'Sales onboarding',
      courseIds,
    });
    const planState = async (): Promise<string | undefined> =>
      (
        await carla.client.get<{ items: Array<{ planId: string; state: string }> }>(
          '/api/v1/learning/me/plans',
        )
      ).items.find((p) => p.planId === plan.id)?.state;

    await admin.create(`/api/v1/learning/plans/${plan.id}/enrollments`, { userId: carla.id });
    expect(await planState()).toBe('enrolled');

    // Her enrollment events travel over Kafka back to learning, which recomputes the plan.
    expect((await carla.client.call('POST', `/api/v1/learning/me/courses/${courseIds[0]}/open`)).status).toBe(
      200,
    );
    await eventually(async () => expect(await planState()).toBe('in_progress'));
    for (const courseId of courseIds) {
      expect(
        (await carla.client.call('POST', `/api/v1/learning/me/courses/${courseId}/material/0/complete`))
          .status,
      ).toBe(200);
    }
    await eventually(async () => expect(await planState()).toBe('completed'));
    await eventually(async () =>
      expect((await mail.to(email('carla'))).map((m) => m.subject).sort()).toEqual([
        'You are enrolled in Closing',
        'You are enrolled in Listening',
      ]),
    );
  });

  it("refuses an instructor's enrollment of someone else, shows it the course's enrollments, and mails a reviewer", async () => {
    const ines = await learner('ines');
    const dario = await learner('dario');
    const course = await admin.create<Created>('/api/v1/learning/courses', {
      title: 'Objections',
      kind: 'elearning',
    });
    expect((await admin.call('POST', `/api/v1/learning/courses/${course.id}/publish`)).status).toBe(200);
    expect(
      (
        await admin.call('PUT', `/api/v1/learning/courses/${course.id}/roles/${ines.id}`, {
          role: 'instructor',
        })
      ).status,
    ).toBe(200);

    const refused = await ines.client.call<Problem>('POST', '/api/v1/learning/enrollments', {
      courseId: course.id,
      userId: dario.id,
    });
    const seen = await ines.client.call<{ items: Enrollment[] }>(
      'GET',
      `/api/v1/learning/enrollments?courseId=${course.id}`,
    );

    expect([refused.status, refused.body.code]).toEqual([403, 'ENROLLMENT.FORBIDDEN']);
    expect(seen.status).toBe(200);

    // A reviewer of the published course is mailed about it.
    expect(
      (
        await admin.call('PUT', `/api/v1/learning/courses/${course.id}/roles/${dario.id}`, {
          role: 'reviewer',
        })
      ).status,
    ).toBe(200);
    await eventually(async () =>
      expect((await mail.to(email('dario'))).map((m) => m.subject)).toEqual([
        'You are a reviewer of Objections',
      ]),
    );
  });
  it("enrolls a group's learner in a plan through the group, and the instructor's attendance completes its instructor-led course and the plan", async () => {
    const dora = await learner('dora');
    const ivo = await learner('ivo');
    const workshop = await admin.create<Created>('/api/v1/learning/courses', {
      title: 'Discovery calls',
      kind: 'ilt',
    });
    // It starts in a few seconds: the plan picks a session still to come, attendance needs it begun.
    const startsAt = new Date(Date.now() + 4_000);
    const session = await admin.create<Created>(`/api/v1/learning/courses/${workshop.id}/sessions`, {
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 8 * 60 * 60_000).toISOString(),
      place: 'Turin office',
      capacity: 5,
    });
    expect((await admin.call('POST', `/api/v1/learning/courses/${workshop.id}/publish`)).status).toBe(200);
    expect(
      (
        await admin.call('PUT', `/api/v1/learning/courses/${workshop.id}/roles/${ivo.id}`, {
          role: 'instructor',
        })
      ).status,
    ).toBe(200);
    const plan = await admin.create<Created>('/api/v1/learning/plans', {
      title: 'Field sales',
      courseIds: [workshop.id],
    });

    // The plan is assigned to a group; identity's membership event brings Dora into it.
    const group = await admin.create<Created>('/api/v1/identity/groups', { name: `Field ${run}` });
    const assigned = await admin.call<{ id: string }>('POST', '/api/v1/learning/group-enrollments', {
      groupId: group.id,
      planId: plan.id,
    });
    expect(assigned.status).toBe(202);
    await admin.create(`/api/v1/identity/groups/${group.id}/members`, {
      userId: dora.id,
      roles: ['learner'],
    });
    const myPlan = async () =>
      (
        await dora.client.get<{ items: Array<{ planId: string; state: string }> }>(
          '/api/v1/learning/me/plans',
        )
      ).items.find((p) => p.planId === plan.id)?.state;
    await eventually(async () => expect(await myPlan()).toBe('enrolled'), { timeoutMs: 30_000 });
    const enrollment = (
      await admin.get<{ items: Array<Enrollment & { sessionId: string }> }>(
        `/api/v1/learning/enrollments?courseId=${workshop.id}&userId=${dora.id}`,
      )
    ).items[0] as Enrollment & { sessionId: string };
    expect([enrollment.state, enrollment.sessionId]).toEqual(['enrolled', session.id]);

    // Once the session has begun, its instructor marks her attended: the course and the plan complete.
    await eventually(async () => {
      const marked = await ivo.client.call<Enrollment>(
        'PUT',
        `/api/v1/learning/enrollments/${enrollment.id}/attendance`,
        { attended: true, grade: 90 },
      );
      expect([marked.status, marked.body.state]).toEqual([200, 'completed']);
    });
    await eventually(async () => expect(await myPlan()).toBe('completed'), { timeoutMs: 30_000 });
    const progress = await admin.get<{ counts: { enrolled: number }; joined: { enrolled: number } }>(
      `/api/v1/learning/group-enrollments/${assigned.body.id}`,
    );
    expect(progress.counts.enrolled + progress.joined.enrolled).toBe(1);
  });

  it('lets a power user enroll the members of its scope and nobody else, as its permission profile allows', async () => {
    const elsa = await learner('elsa');
    const fabio = await learner('fabio');
    const pia = await learner('pia');
    expect(
      (
        await admin.call('PUT', '/api/v1/identity/permission-profiles/enrolment-desk', {
          rights: ['enrollments.manage'],
        })
      ).status,
    ).toBe(201);
    const group = await admin.create<Created>('/api/v1/identity/groups', { name: `Retail ${run}` });
    await admin.create(`/api/v1/identity/groups/${group.id}/members`, {
      userId: elsa.id,
      roles: ['learner'],
    });
    const promoted = await admin.call('PATCH', `/api/v1/identity/users/${pia.id}`, {
      level: 'power_user',
      permissionProfile: 'enrolment-desk',
      powerUserScope: { groupIds: [group.id] },
    });
    expect(promoted.status).toBe(200);
    // Signed in again, her token carries her new level.
    const power = await ApiClient.signIn(
      platform.gatewayUrl,
      { tenant: code, email: email('pia'), password: `pia-password-${run}` },
      `journey-${run}`,
    );
    const course = await admin.create<Created>('/api/v1/learning/courses', {
      title: 'Upselling',
      kind: 'elearning',
    });
    expect((await admin.call('POST', `/api/v1/learning/courses/${course.id}/publish`)).status).toBe(200);
    const enroll = (userId: string) =>
      power.call<Problem>('POST', '/api/v1/learning/enrollments', { courseId: course.id, userId });

    // Identity's profile, user and membership events reach learning over Kafka.
    await eventually(async () => expect((await enroll(elsa.id)).status).toBe(201), { timeoutMs: 30_000 });
    const refused = await enroll(fabio.id);
    expect([refused.status, refused.body.code]).toEqual([403, 'ENROLLMENT.FORBIDDEN']);
  });
});
