import { randomUUID } from 'node:crypto';
import { CoachProfilesStream, ImportsStream, type EventEnvelope } from '@lms/contracts';
import type { Principal } from '@lms/service-kit';
import { eventually, uniqueSuffix } from '@lms/testing';
import {
  isolateTestEnvironment,
  recordStreams,
  type ServiceTestApp,
  type StreamRecorder,
  type TestResponse,
} from '@lms/service-testing';
import { startIdentity } from './support/identity-app';

process.env.JOB_POLL_INTERVAL_MS = '100';
isolateTestEnvironment('identity');

interface ImportBody {
  id: string;
  kind: string;
  state: string;
  rowsRead: number;
  rowsValid: number;
  rowsRejected: number;
  rowsApplied: number;
}

interface CoachBody {
  learnerUserId: string;
  roleLearnerManager: string;
  roleCoach: string;
  filters: Array<{ field: string; value: string }>;
  version: number;
}

function administratorOf(tenantId: string): Principal {
  return { tenantId, userId: randomUUID(), level: 'superadmin', roles: ['application_admin'] };
}

/** A `multipart/form-data` body: the fields, then the file. */
function multipart(
  fields: Record<string, string>,
  content: string,
): { payload: Buffer; contentType: string } {
  const boundary = `----import-${randomUUID()}`;
  const parts = [
    ...Object.entries(fields).map((entry) =>
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${entry[0]}"\r\n\r\n${entry[1]}\r\n`,
      ),
    ),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="managers.csv"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    Buffer.from(content, 'utf8'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ];
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * The CSV import of coaches' manager accounts (ID-I2, ID-C1, ID-C3, ID-I4) against the real
 * broker and database: each good row links a coach through its profile's rules, the bad ones
 * are reported, a filter value nobody holds is noted, and the same file again changes nothing.
 */
describe('CSV import of manager accounts (real Kafka and Mongo)', () => {
  let service: ServiceTestApp;
  let recorder: StreamRecorder;
  const tenantId = `manager-imports-${uniqueSuffix()}`;
  const admin = administratorOf(tenantId);
  const run = uniqueSuffix();
  const email = (who: string) => `${who}-${run}@example.com`;

  beforeAll(async () => {
    service = await startIdentity(admin);
    recorder = await recordStreams([ImportsStream, CoachProfilesStream], 'identity-manager-imports-it');
  });

  afterAll(async () => {
    await recorder?.stop();
    await service?.close();
  });

  async function upload(fields: Record<string, string>, content: string): Promise<TestResponse> {
    const { payload, contentType } = multipart(fields, content);
    const response = await service.app.inject({
      method: 'POST',
      url: '/v1/imports',
      payload,
      headers: { 'content-type': contentType, authorization: `Bearer ${await service.tokenFor(admin)}` },
    });
    return {
      status: response.statusCode,
      headers: response.headers,
      body: JSON.parse(response.body) as unknown,
      text: response.body,
    };
  }

  async function importManagers(content: string): Promise<ImportBody> {
    const started = await upload({ kind: 'managers' }, content);
    expect(started.status).toBe(202);
    const location = new URL(String(started.headers.location), 'http://identity/v1/imports').pathname;
    return eventually(
      async () => {
        const status = await service.request('GET', location, undefined, { as: admin });
        expect((status.body as ImportBody).state).toBe('finished');
        return status.body as ImportBody;
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );
  }

  async function givenUser(who: string, customFields: Record<string, string> = {}): Promise<string> {
    const created = await service.request(
      'POST',
      '/v1/users',
      { email: email(who), firstName: who, lastName: 'Imported', customFields },
      { as: admin },
    );
    expect(created.status).toBe(201);
    return (created.body as { id: string }).id;
  }

  it('given good and bad rows, then the good ones become coach profiles, the bad ones are reported with their codes, a filter value nobody holds is noted, and the same file again changes nothing', async () => {
    const carla = await givenUser('carla-manager');
    const carlaLearner = await givenUser('carla-coach');
    const dan = await givenUser('dan-manager');
    const danLearner = await givenUser('dan-coach');
    const ann = await givenUser('ann', { COUNTRY: `UK-${run}` });
    const file = [
      'Manager email,Learner email,roleLearnerManager,roleCoach,Filters',
      `${email('carla-manager')},${email('carla-coach')},1,1,COUNTRY=UK-${run}; COUNTRY=United-Kingdom-${run}`,
      `${email('dan-manager')},${email('dan-coach')},1,1,COUNTRY=UK-${run}`,
      `${email('nobody')},${email('carla-coach')},1,1,COUNTRY=UK-${run}`,
      `${email('dan-manager')},${email('dan-coach')},0,1,COUNTRY=UK-${run}`,
      `${email('carla-manager')},${email('carla-manager')},1,1,`,
    ].join('\r\n');

    const first = await importManagers(file);

    expect(first).toMatchObject({
      kind: 'managers',
      rowsRead: 5,
      rowsValid: 2,
      rowsRejected: 3,
      rowsApplied: 2,
    });
    const report = await service.request('GET', `/v1/imports/${first.id}/report.csv`, undefined, {
      as: admin,
    });
    expect(report.status).toBe(200);
    const [header, ...lines] = report.text.trim().split('\r\n');
    expect(header).toBe('Row,Column,Code,Message,Value');
    expect(lines.map((line) => line.split(',').slice(0, 3).join(','))).toEqual([
      '2,Filters,IMPORT_ROW.FILTER_UNMATCHED',
      '4,Manager email,IMPORT_ROW.USER_UNKNOWN',
      '5,roleLearnerManager,IMPORT_ROW.COACH_RIGHT_REQUIRED',
      '6,Learner email,COACH_PROFILE.SAME_ACCOUNT',
    ]);
    expect(lines[0]).toContain(`COUNTRY=United-Kingdom-${run}`);

    const coachOf = async (id: string) => {
      const response = await service.request('GET', `/v1/coaches/${id}`, undefined, { as: admin });
      expect(response.status).toBe(200);
      return response.body as CoachBody;
    };
    const carlaProfile = await coachOf(carla);
    expect(carlaProfile).toMatchObject({
      learnerUserId: carlaLearner,
      roleLearnerManager: 'Can access the learners section',
      roleCoach: 'Can be a coach in the Coaching add-on',
      filters: [
        { field: 'COUNTRY', value: `UK-${run}` },
        { field: 'COUNTRY', value: `United-Kingdom-${run}` },
      ],
    });
    expect(await coachOf(dan)).toMatchObject({ learnerUserId: danLearner });

    // Its population is recomputed as after the profile's PUT, and names the value nobody holds.
    const population = await eventually(
      async () => {
        const page = await service.request('GET', `/v1/coaches/${carla}/population`, undefined, {
          as: admin,
        });
        const body = page.body as {
          items: Array<{ id: string }>;
          recomputedAt: string | null;
          unmatchedFilters: unknown[];
        };
        expect(body.recomputedAt).not.toBeNull();
        return body;
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    expect(population.items.map((user) => user.id)).toEqual([ann]);
    expect(population.unmatchedFilters).toEqual([{ field: 'COUNTRY', value: `United-Kingdom-${run}` }]);

    // The version once the population's recomputation has recorded itself on the profile.
    const versionBefore = (await coachOf(carla)).version;
    const again = await importManagers(file);

    expect(again).toMatchObject({ rowsValid: 2, rowsRejected: 3, rowsApplied: 2 });
    expect((await coachOf(carla)).version).toBe(versionBefore);
    const finished = await eventually(
      () => {
        const events = recorder
          .envelopes(ImportsStream.topic)
          .filter((envelope: EventEnvelope) => [first.id, again.id].includes(envelope.aggregateId));
        expect(events).toHaveLength(2);
        return events;
      },
      { timeoutMs: 30_000 },
    );
    expect(finished.map((event) => event.payload)).toEqual([
      expect.objectContaining({ kind: 'managers', rowsApplied: 2, rowsRejected: 3 }),
      expect.objectContaining({ kind: 'managers', rowsApplied: 2, rowsRejected: 3 }),
    ]);
    // One creation per coach, none for the second file.
    await eventually(
      () =>
        expect(
          recorder
            .envelopes(CoachProfilesStream.topic)
            .filter(
              (envelope) => envelope.tenantId === tenantId && envelope.type.startsWith('coach-profile.'),
            )
            .map((envelope) => [envelope.type, envelope.aggregateId])
            .sort(),
        ).toEqual(
          [
            ['coach-profile.created', carla],
            ['coach-profile.created', dan],
          ].sort(),
        ),
      { timeoutMs: 30_000 },
    );
  });

  it('serves the template of a manager file: its header', async () => {
    const template = await service.request('GET', '/v1/imports/templates/managers.csv', undefined, {
      as: admin,
    });

    expect(template.status).toBe(200);
    expect(template.text.split('\r\n')[0]).toBe(
      'Manager email,Learner email,roleLearnerManager,roleCoach,Filters',
    );
  });
});
