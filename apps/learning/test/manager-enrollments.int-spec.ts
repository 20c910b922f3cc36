import { randomUUID } from 'node:crypto';
import { managerRelationAggregateId, OrganisationStream } from '@lms/contracts';
import { EventFactory } from '@lms/messaging';
import type { Principal } from '@lms/service-kit';
import { expectProblem, isolateTestEnvironment, type TestResponse } from '@lms/service-testing';
import { eventually, uniqueSuffix } from '@lms/testing';
import { learningUnderTest } from './support/learning-under-test';

const identity = new EventFactory('identity');

/**
 * A manager enrolls its managees (LE-E3) once identity's organisation events on Kafka say it
 * manages them (ID-G4), and no longer once the relation is removed; against the real broker and
 * database, through the HTTP routes.
 */
describe('learning service: managers enroll their managees, with real Kafka and Mongo', () => {
  isolateTestEnvironment('learning');
  const tenantId = `learning-managers-it-${uniqueSuffix()}`;
  const admin: Principal = {
    tenantId,
    userId: randomUUID(),
    level: 'superadmin',
    roles: ['application_admin'],
  };
  const manager: Principal = { tenantId, userId: randomUUID(), level: 'user', roles: [] };
  const learning = learningUnderTest(admin, 'learning-managers-int-test');

  function call(method: 'POST', url: string, body: unknown, as: Principal): Promise<TestResponse> {
    return learning.request(method, url, body, { as });
  }

  function relation(manageeId: string, version: number, removed = false) {
    return identity.create(
      OrganisationStream,
      removed ? 'manager.managee-removed' : 'manager.managee-added',
      {
        tenantId,
        aggregateId: managerRelationAggregateId(manager.userId as string, manageeId),
        aggregateVersion: version,
        payload: { managerId: manager.userId as string, manageeId },
      },
    );
  }

  it('given a managee-added event, then the manager enrolls that learner; not another; and not once the relation is removed', async () => {
    const created = await call(
      'POST',
      '/v1/courses',
      {
        title: 'Prospecting',
        kind: 'elearning',
        material: [{ title: 'Intro', kind: 'video', url: 'https://media.example.com/i.mp4' }],
      },
      admin,
    );
    const courseId = (created.body as { id: string }).id;
    expect((await call('POST', `/v1/courses/${courseId}/publish`, undefined, admin)).status).toBe(200);
    const [ada, bob] = [randomUUID(), randomUUID()];
    const enroll = (userId: string) => call('POST', '/v1/enrollments', { courseId, userId }, manager);

    expectProblem(await enroll(ada), 403, 'ENROLLMENT.FORBIDDEN');
    // The service's consumer group may start at the newest offsets: the event is sent again
    // (a redelivery, harmless) until the manager is known.
    await eventually(
      async () => {
        await learning.send([relation(ada, 1)]);
        await eventually(async () => expect((await enroll(ada)).status).toBe(201), { timeoutMs: 3_000 });
      },
      { timeoutMs: 60_000 },
    );
    expectProblem(await enroll(bob), 403, 'ENROLLMENT.FORBIDDEN');

    const unenrolled = await call('POST', '/v1/courses', { title: 'Closing', kind: 'elearning' }, admin);
    const other = (unenrolled.body as { id: string }).id;
    expect((await call('POST', `/v1/courses/${other}/publish`, undefined, admin)).status).toBe(200);
    await learning.send([relation(ada, 2, true)]);
    await eventually(
      async () =>
        expectProblem(
          await call('POST', '/v1/enrollments', { courseId: other, userId: ada }, manager),
          403,
          'ENROLLMENT.FORBIDDEN',
        ),
      { timeoutMs: 20_000 },
    );
  });
});
