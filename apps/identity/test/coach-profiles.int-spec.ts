import { CoachProfilesStream } from '@lms/contracts';
import type { Principal } from '@lms/service-kit';
import { eventually, uniqueSuffix } from '@lms/testing';
import {
  isolateTestEnvironment,
  recordStreams,
  type ServiceTestApp,
  type StreamRecorder,
} from '@lms/service-testing';
import { startIdentity } from './support/identity-app';

process.env.JOB_POLL_INTERVAL_MS = '100';
isolateTestEnvironment('identity');

function administratorOf(tenantId: string): Principal {
  return { tenantId, userId: 'coach-admin', level: 'superadmin', roles: ['application_admin'] };
}

/**
 * Coach profiles and populations (ID-C1, ID-C3) against the real broker and database: the
 * population is recomputed as a job when a coach is linked, then follows the users' own events.
 */
describe('coach profiles and populations (real Kafka and Mongo)', () => {
  let service: ServiceTestApp;
  let recorder: StreamRecorder;
  const tenantId = `coach-${uniqueSuffix()}`;
  const admin = administratorOf(tenantId);

  beforeAll(async () => {
    service = await startIdentity(admin, 'coach-admin');
    recorder = await recordStreams([CoachProfilesStream], 'identity-coach-profiles-it');
  });

  afterAll(async () => {
    await recorder?.stop();
    await service?.close();
  });

  async function givenUser(customFields: Record<string, string>): Promise<string> {
    const created = await service.request(
      'POST',
      '/v1/users',
      { email: `user-${uniqueSuffix()}@example.com`, firstName: 'Lea', lastName: 'Learner', customFields },
      { as: admin },
    );
    expect(created.status).toBe(201);
    return (created.body as { id: string }).id;
  }

  const populationIds = async (coachId: string): Promise<string[]> => {
    const page = await service.request('GET', `/v1/coaches/${coachId}/population`, undefined, { as: admin });
    expect(page.status).toBe(200);
    return (page.body as { items: Array<{ id: string }> }).items.map((user) => user.id).sort();
  };

  it('given users with custom fields, when a coach is linked, then its population is computed, follows user changes and is published', async () => {
    const ann = await givenUser({ COUNTRY: 'UK' });
    await givenUser({ COUNTRY: 'United-Kingdom' });
    const manager = await givenUser({ COUNTRY: 'UK' });
    const learner = await givenUser({ COUNTRY: 'UK' });

    const defined = await service.request(
      'PUT',
      `/v1/coaches/${manager}`,
      {
        learnerUserId: learner,
        roleLearnerManager: 'learners',
        roleCoach: 'coach',
        filters: [
          { field: 'COUNTRY', value: 'UK' },
          { field: 'COUNTRY', value: 'Atlantis' },
        ],
      },
      { as: admin },
    );
    expect(defined.status).toBe(201);
    expect(defined.body).toMatchObject({ id: manager, learnerUserId: learner, version: 1 });

    const first = await eventually(
      async () => {
        const page = await service.request('GET', `/v1/coaches/${manager}/population`, undefined, {
          as: admin,
        });
        expect(page.body).toMatchObject({ recomputedAt: expect.any(String) });
        return page.body as { items: Array<{ id: string }>; unmatchedFilters: unknown };
      },
      { timeoutMs: 30_000 },
    );
    expect(first.items.map((user) => user.id)).toEqual([ann]);
    expect(first.unmatchedFilters).toEqual([{ field: 'COUNTRY', value: 'Atlantis' }]);

    const bob = await givenUser({ COUNTRY: 'UK' });
    expect(
      (await service.request('PATCH', `/v1/users/${ann}`, { customFields: { COUNTRY: 'IE' } }, { as: admin }))
        .status,
    ).toBe(200);
    await eventually(async () => expect(await populationIds(manager)).toEqual([bob]), { timeoutMs: 30_000 });

    await eventually(
      () => {
        const members = recorder
          .envelopes()
          .filter((e) => e.tenantId === tenantId && e.type.startsWith('coach-population.'))
          .map((e) => [e.type, (e.payload as { userId: string }).userId]);
        expect(members).toEqual(
          expect.arrayContaining([
            ['coach-population.member-added', ann],
            ['coach-population.member-added', bob],
            ['coach-population.member-removed', ann],
          ]),
        );
      },
      { timeoutMs: 30_000 },
    );

    const refused = await service.request(
      'PUT',
      `/v1/coaches/${manager}`,
      { learnerUserId: manager, roleLearnerManager: 'learners', roleCoach: 'coach', filters: [] },
      { as: admin },
    );
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'COACH_PROFILE.SAME_ACCOUNT' });

    expect((await service.request('DELETE', `/v1/coaches/${manager}`, undefined, { as: admin })).status).toBe(
      204,
    );
    expect((await service.request('GET', `/v1/coaches/${manager}`, undefined, { as: admin })).status).toBe(
      404,
    );
  });
});
