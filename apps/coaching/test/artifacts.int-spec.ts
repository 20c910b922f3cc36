import { UsersStream, type UserStateV1 } from '@lms/contracts';
import { brokersFromEnv, createKafka } from '@lms/messaging';
import { createLogger } from '@lms/observability';
import type { Principal } from '@lms/service-kit';
import { isolateTestEnvironment, startServiceApp, type ServiceTestApp } from '@lms/service-testing';
import { eventually, uniqueSuffix } from '@lms/testing';
import type { Kafka } from 'kafkajs';
import { ReshareArtifactsUseCase } from '../src/artifacts/use-cases/reshare-artifacts.use-case';
import {
  COACHING_USER_REPOSITORY,
  type CoachingUserRepository,
} from '../src/users/ports/coaching-user.repository';
import { AssignmentEventsCollector } from './support/assignment-events.collector';
import { aUserState, IdentityEvents, sendAndWaitUntilConsumed } from './support/identity-events';

const logger = createLogger('coaching-artifacts-it', { level: 'warn' });

interface ArtifactBody {
  id: string;
  ownerId: string;
  title: string;
  access: string;
  shares: Array<{ userId: string; permission: string; sharedBy: string; resharedFrom: string | null }> | null;
}

interface PageBody {
  items: ArtifactBody[];
}

/**
 * Artifacts over HTTP against the real broker and database (CO-W2), and their re-share when the
 * assignment is transferred with it (CO-A7): the transfer's event moves the mentee's shares
 * from the coach who leaves to the new one, and leaves the shares that coach made.
 */
describe('artifacts shared with coaches, and re-shared on a transfer (real Kafka and Mongo)', () => {
  const tenantId = `coaching-artifacts-${uniqueSuffix()}`;
  const [mentee, oldCoach, newCoach, colleague] = [
    aUserState('Mia', 'Mentee'),
    aUserState('Olga', 'Coach'),
    aUserState('Nils', 'Coach'),
    aUserState('Cole', 'Colleague'),
  ];
  const as = (user: UserStateV1): Principal => ({ tenantId, userId: user.userId, level: 'user', roles: [] });
  let service: ServiceTestApp;
  let kafka: Kafka;
  let identity: IdentityEvents;
  let collector: AssignmentEventsCollector;

  beforeAll(async () => {
    const { consumerGroup } = isolateTestEnvironment('coaching');
    const { AppModule } = await import('../src/app.module');
    service = await startServiceApp(AppModule, { globalPrefix: 'v1', caller: { tenantId } });
    kafka = createKafka({ brokers: brokersFromEnv(process.env), clientId: 'coaching-artifacts-it' }, logger);
    identity = new IdentityEvents(kafka, tenantId);
    collector = new AssignmentEventsCollector(kafka, logger, tenantId);
    await collector.start();
    const users = service.app.get<CoachingUserRepository>(COACHING_USER_REPOSITORY);
    const everyone = [mentee, oldCoach, newCoach, colleague];
    await eventually(
      async () => {
        await sendAndWaitUntilConsumed(kafka, consumerGroup, UsersStream, () =>
          identity.send(...everyone.map((user) => identity.userState('user.created', user, 1))),
        );
        expect(
          await users.findMany(
            tenantId,
            everyone.map((user) => user.userId),
          ),
        ).toHaveLength(4);
      },
      { timeoutMs: 60_000 },
    );
  });

  afterAll(async () => {
    await collector?.stop();
    await identity?.close();
    await service?.close();
  });

  async function create(title: string, owner: UserStateV1): Promise<string> {
    const created = await service.request(
      'POST',
      '/v1/artifacts',
      { title, text: `${title}: notes` },
      { as: as(owner) },
    );
    expect(created).toMatchObject({ status: 201, body: { title, ownerId: owner.userId, access: 'owner' } });
    return (created.body as ArtifactBody).id;
  }

  async function share(id: string, by: UserStateV1, to: UserStateV1, permission: string) {
    return service.request('PUT', `/v1/artifacts/${id}/shares/${to.userId}`, { permission }, { as: as(by) });
  }

  async function heldBy(user: UserStateV1): Promise<Map<string, string>> {
    const page = (await service.request('GET', '/v1/artifacts/shared-with-me', undefined, { as: as(user) }))
      .body as PageBody;
    return new Map(page.items.map((item) => [item.title, item.access]));
  }

  it('given shares with a coach, when the assignment is transferred with re-share, then the new coach holds them at the same permissions and the shares the old coach made stay', async () => {
    const plan = await create('Plan', mentee);
    const diary = await create('Diary', mentee);
    const own = await create("Coach's checklist", oldCoach);
    expect((await share(plan, mentee, oldCoach, 'view')).status).toBe(200);
    expect((await share(diary, mentee, oldCoach, 'high')).status).toBe(200);
    expect((await share(own, oldCoach, mentee, 'comment')).status).toBe(200);
    // A holder of `high` shares onward; a holder of `view` does not.
    expect((await share(diary, oldCoach, colleague, 'view')).status).toBe(200);
    expect(await share(plan, oldCoach, colleague, 'view')).toMatchObject({
      status: 403,
      body: { code: 'ARTIFACT.SHARE_FORBIDDEN' },
    });
    // Whoever may not see it does not learn it exists.
    expect(
      await service.request('GET', `/v1/artifacts/${plan}`, undefined, { as: as(newCoach) }),
    ).toMatchObject({ status: 404, body: { code: 'ARTIFACT.NOT_FOUND' } });
    expect(await heldBy(oldCoach)).toEqual(
      new Map([
        ['Plan', 'view'],
        ['Diary', 'high'],
      ]),
    );

    const assigned = await service.request('POST', '/v1/assignments', {
      menteeId: mentee.userId,
      coachIds: [oldCoach.userId],
      startDate: '2024-01-01',
    });
    expect(assigned.status).toBe(201);
    const assignmentId = (assigned.body as { id: string }).id;
    const transferred = await service.request('POST', `/v1/assignments/${assignmentId}/transfer`, {
      coachIds: [newCoach.userId],
      mode: 'reshare_artifacts',
    });
    expect(transferred).toMatchObject({ status: 200, body: { coachIds: [newCoach.userId] } });

    await eventually(
      async () =>
        expect(await heldBy(newCoach)).toEqual(
          new Map([
            ['Plan', 'view'],
            ['Diary', 'high'],
          ]),
        ),
      {
        timeoutMs: 30_000,
      },
    );
    expect(await heldBy(oldCoach)).toEqual(new Map());
    expect(await heldBy(colleague)).toEqual(new Map([['Diary', 'view']]));
    expect(await heldBy(mentee)).toEqual(new Map([["Coach's checklist", 'comment']]));
    const diaryAsOwner = (
      await service.request('GET', `/v1/artifacts/${diary}`, undefined, { as: as(mentee) })
    ).body as ArtifactBody;
    expect(diaryAsOwner.shares).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          userId: newCoach.userId,
          permission: 'high',
          resharedFrom: oldCoach.userId,
        }),
        expect.objectContaining({ userId: colleague.userId, permission: 'view', sharedBy: oldCoach.userId }),
      ]),
    );
    expect(diaryAsOwner.shares).toHaveLength(2);

    // The same transfer applied again (a redelivery) changes nothing.
    const [event] = collector.of('assignment.transferred');
    const payload = event.payload as unknown as {
      previousCoachIds: string[];
      coachIds: string[];
      startDate: string;
    };
    expect(
      await service.app.get(ReshareArtifactsUseCase).execute({
        tenantId,
        menteeId: mentee.userId,
        previousCoachIds: payload.previousCoachIds,
        coachIds: payload.coachIds,
        startDate: payload.startDate,
        endDate: null,
        transferredAt: new Date(),
      }),
    ).toEqual({ moved: 0 });
    expect(await heldBy(newCoach)).toEqual(
      new Map([
        ['Plan', 'view'],
        ['Diary', 'high'],
      ]),
    );
  }, 120_000);

  it('given an artifact shared for comments and for viewing, then the owner and the commenter comment, the viewer reads them and may not comment', async () => {
    const plan = await create('Quarter plan', mentee);
    await share(plan, mentee, oldCoach, 'comment');
    await share(plan, mentee, colleague, 'view');
    const comment = (by: UserStateV1, text: string) =>
      service.request('POST', `/v1/artifacts/${plan}/comments`, { text }, { as: as(by) });

    expect(await comment(oldCoach, '  Start with objective two.  ')).toMatchObject({
      status: 201,
      body: { artifactId: plan, authorId: oldCoach.userId, text: 'Start with objective two.' },
    });
    expect((await comment(mentee, 'Agreed.')).status).toBe(201);
    expect(await comment(colleague, 'Nice')).toMatchObject({
      status: 403,
      body: { code: 'ARTIFACT.COMMENT_FORBIDDEN' },
    });
    expect(await comment(newCoach, 'Hello')).toMatchObject({
      status: 404,
      body: { code: 'ARTIFACT.NOT_FOUND' },
    });

    const read = await service.request('GET', `/v1/artifacts/${plan}/comments`, undefined, {
      as: as(colleague),
    });
    expect((read.body as { items: Array<{ text: string }> }).items.map((c) => c.text)).toEqual([
      'Start with objective two.',
      'Agreed.',
    ]);
  });

  it('given a transfer of the assignment only, then the shares stay with the coach who had them', async () => {
    const notes = await create('Notes', mentee);
    await share(notes, mentee, oldCoach, 'comment');
    const assigned = await service.request('POST', '/v1/assignments', {
      menteeId: mentee.userId,
      coachIds: [oldCoach.userId],
    });
    const assignmentId = (assigned.body as { id: string }).id;
    await service.request('POST', `/v1/assignments/${assignmentId}/transfer`, {
      coachIds: [colleague.userId],
      mode: 'assignment_only',
    });
    await eventually(() => expect(collector.of('assignment.transferred')).toHaveLength(2), {
      timeoutMs: 30_000,
    });

    expect((await heldBy(oldCoach)).get('Notes')).toBe('comment');
    expect((await heldBy(colleague)).has('Notes')).toBe(false);
  }, 60_000);
});
