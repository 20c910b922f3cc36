import { randomUUID } from 'node:crypto';
import { GroupMembershipsStream, ImportsStream, UsersStream, type EventEnvelope } from '@lms/contracts';
import type { Connection } from 'mongoose';
import { MONGO_CONNECTION, type Principal } from '@lms/service-kit';
import { eventually, uniqueSuffix } from '@lms/testing';
import {
  expectProblem,
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
  state: string;
  rowsTotal: number;
  rowsRead: number;
  rowsValid: number;
  rowsRejected: number;
  rowsApplied: number;
  delimiter: string;
}

function administratorOf(tenantId: string): Principal {
  return { tenantId, userId: randomUUID(), level: 'superadmin', roles: ['application_admin'] };
}

/** A `multipart/form-data` body: the fields, then the file (or the file first when asked). */
function multipart(
  fields: Record<string, string>,
  file: { content: string | Buffer; name?: string } | null,
  fileFirst = false,
): { payload: Buffer; contentType: string } {
  const boundary = `----import-${randomUUID()}`;
  const fieldParts = Object.entries(fields).map((entry) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${entry[0]}"\r\n\r\n${entry[1]}\r\n`),
  );
  const fileParts = file
    ? [
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name ?? 'people.csv'}"\r\nContent-Type: text/csv\r\n\r\n`,
        ),
        Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content, 'utf8'),
        Buffer.from('\r\n'),
      ]
    : [];
  const parts = fileFirst ? [...fileParts, ...fieldParts] : [...fieldParts, ...fileParts];
  return {
    payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/**
 * CSV imports (ID-I1, ID-I3, ID-I4) against the real broker and database: the file is
 * uploaded as multipart, stored in GridFS, validated and applied by a job, reported, and
 * announced on `identity.imports.v1`.
 */
describe('CSV imports (real Kafka and Mongo)', () => {
  let service: ServiceTestApp;
  let recorder: StreamRecorder;
  const tenantId = `imports-${uniqueSuffix()}`;
  const admin = administratorOf(tenantId);

  beforeAll(async () => {
    service = await startIdentity(admin);
    recorder = await recordStreams(
      [ImportsStream, UsersStream, GroupMembershipsStream],
      'identity-imports-it',
    );
  });

  afterAll(async () => {
    await recorder?.stop();
    await service?.close();
  });

  async function upload(
    fields: Record<string, string>,
    file: { content: string | Buffer; name?: string } | null,
    options: { as?: Principal; fileFirst?: boolean } = {},
  ): Promise<TestResponse> {
    const { payload, contentType } = multipart(fields, file, options.fileFirst);
    const response = await service.app.inject({
      method: 'POST',
      url: '/v1/imports',
      payload,
      headers: {
        'content-type': contentType,
        authorization: `Bearer ${await service.tokenFor(options.as ?? admin)}`,
      },
    });
    const json = /json/.test(String(response.headers['content-type']));
    return {
      status: response.statusCode,
      headers: response.headers,
      body: json ? (JSON.parse(response.body) as unknown) : undefined,
      text: response.body,
    };
  }

  async function untilOver(location: string): Promise<ImportBody> {
    return eventually(
      async () => {
        const status = await service.request('GET', location, undefined, { as: admin });
        expect(['finished', 'failed']).toContain((status.body as ImportBody).state);
        return status.body as ImportBody;
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );
  }

  async function givenGroup(name: string): Promise<string> {
    const created = await service.request('POST', '/v1/groups', { name }, { as: admin });
    expect(created.status).toBe(201);
    return (created.body as { id: string }).id;
  }

  const locationOf = (response: TestResponse) =>
    new URL(String(response.headers.location), 'http://identity/v1/imports').pathname;

  it('given a users file, when uploaded, then 202 at once, and every valid row becomes a user and a membership, the rest reported, and import.finished published', async () => {
    const groupId = await givenGroup('Sales');
    const email = `ada-${uniqueSuffix()}@example.com`;
    const file = [
      '\uFEFFEmail;First Name;Last Name;Role;Group ID;Locale;Extra information;Labels',
      `${email};Ada;"Love\nlace";3;${groupId};it;COUNTRY=UK;pilot`,
      `${email};;;1;${groupId};;;`,
      `bad@example.com;=cmd|'/c calc'!A0;X;3;${groupId};;;`,
    ].join('\r\n');

    const started = await upload(
      { kind: 'users', mode: 'valid_rows' },
      { content: file },
      { fileFirst: true },
    );

    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ state: 'validating', kind: 'users', delimiter: ';', rowsTotal: 3 });
    const done = await untilOver(locationOf(started));
    expect(done).toMatchObject({
      state: 'finished',
      rowsRead: 3,
      rowsValid: 2,
      rowsRejected: 1,
      rowsApplied: 2,
    });

    // The file is dropped once the import is over.
    const storedFiles = service.app
      .get<Connection>(MONGO_CONNECTION)
      .collection('import_files.files')
      .countDocuments({ _id: (started.body as ImportBody).id as never });
    expect(await storedFiles).toBe(0);

    const users = await service.request('GET', `/v1/users?email=${encodeURIComponent(email)}`, undefined, {
      as: admin,
    });
    const [user] = (users.body as { items: Array<{ id: string; lastName: string; customFields: object }> })
      .items;
    expect(user).toMatchObject({ lastName: 'Love\nlace', customFields: { COUNTRY: 'UK', LABELS: 'pilot' } });
    const members = await service.request('GET', `/v1/groups/${groupId}/members`, undefined, { as: admin });
    expect((members.body as { items: Array<{ userId: string; roles: string[] }> }).items).toEqual([
      expect.objectContaining({ userId: user?.id, roles: expect.arrayContaining(['coach', 'learner']) }),
    ]);

    const report = await service.request('GET', `${locationOf(started)}/report.csv`, undefined, {
      as: admin,
    });
    expect(report.status).toBe(200);
    expect(String(report.headers['content-type'])).toContain('text/csv');
    const [header, line, ...rest] = report.text.trim().split('\r\n');
    expect(header).toBe('Row,Column,Code,Message,Value');
    expect(line).toMatch(/^4,First Name,IMPORT_ROW\.FORMULA_CELL,.*,'=cmd\|'\/c calc'!A0$/);
    expect(rest).toEqual([]);

    const finished = await eventually(
      () => {
        const event = recorder
          .envelopes(ImportsStream.topic)
          .find((envelope: EventEnvelope) => envelope.aggregateId === (started.body as ImportBody).id);
        expect(event).toBeDefined();
        return event as EventEnvelope;
      },
      { timeoutMs: 30_000 },
    );
    expect(finished).toMatchObject({
      type: 'import.finished',
      tenantId,
      payload: {
        kind: 'users',
        outcome: 'finished',
        startedBy: admin.userId,
        dryRun: false,
        rowsApplied: 2,
        rowsRejected: 1,
      },
    });
    await eventually(
      () =>
        expect(
          recorder
            .envelopes(GroupMembershipsStream.topic)
            .filter(
              (envelope) =>
                envelope.tenantId === tenantId &&
                envelope.payload &&
                (envelope.payload as { userId?: string }).userId === user?.id,
            )
            .map((envelope) => envelope.type),
        ).toEqual(['membership.added', 'membership.roles-changed']),
      { timeoutMs: 30_000 },
    );
  });

  it('given more new users than a chunk holds, with blank lines among them, then each becomes a user and a learner of the group once, each with its user.created and membership.added published once', async () => {
    const groupId = await givenGroup('Bulk');
    const run = uniqueSuffix();
    const count = 1_100;
    const lines = ['Email,First Name,Last Name,Role,Group ID,Locale,Extra information,Labels'];
    for (let i = 0; i < count; i++) {
      lines.push(`bulk-${run}-${i}@example.com,Bulk,User ${i},3,${groupId},en,COUNTRY=UK,`);
      if (i === 700) lines.push('', ',,,,,,,');
    }

    const started = await upload({ kind: 'users', mode: 'valid_rows' }, { content: lines.join('\r\n') });

    expect(started.status).toBe(202);
    expect(await untilOver(locationOf(started))).toMatchObject({
      state: 'finished',
      rowsRead: count,
      rowsValid: count,
      rowsRejected: 0,
      rowsApplied: count,
    });
    const db = service.app.get<Connection>(MONGO_CONNECTION);
    const users = await db
      .collection<{ _id: string; lastName: string; customFields: object }>('users')
      .find({ tenantId, emailNormalized: { $regex: `^bulk-${run}-` } })
      .toArray();
    expect(users).toHaveLength(count);
    expect(users[0]).toMatchObject({ firstName: 'Bulk', locale: 'en', customFields: { COUNTRY: 'UK' } });
    const memberships = await db
      .collection<{ userId: string; roles: string[]; status: string }>('memberships')
      .find({ tenantId, groupId })
      .toArray();
    expect(memberships).toHaveLength(count);
    expect(new Set(memberships.map((membership) => membership.userId))).toEqual(
      new Set(users.map((user) => user._id)),
    );
    expect(memberships.every((m) => m.status === 'active' && m.roles.join() === 'learner')).toBe(true);
    const ids = new Set(users.map((user) => user._id));
    await eventually(
      () => {
        const created = recorder
          .envelopes(UsersStream.topic)
          .filter((envelope) => envelope.type === 'user.created' && ids.has(envelope.aggregateId));
        const added = recorder
          .envelopes(GroupMembershipsStream.topic)
          .filter(
            (envelope) =>
              envelope.type === 'membership.added' &&
              (envelope.payload as { groupId?: string }).groupId === groupId,
          );
        expect(new Set(created.map((envelope) => envelope.aggregateId)).size).toBe(count);
        expect(new Set(added.map((envelope) => envelope.eventId)).size).toBe(count);
        expect(new Set(added.map((envelope) => envelope.aggregateId)).size).toBe(count);
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
  });

  it('given a state file in a dry run, then the report is made and no user changes', async () => {
    const created = await service.request(
      'POST',
      '/v1/users',
      { email: `kim-${uniqueSuffix()}@example.com`, firstName: 'Kim', lastName: 'Keep' },
      { as: admin },
    );
    const kim = created.body as { id: string; email: string };
    const file = `Email,Action,Expiry date\r\n${kim.email},deactivate,2031-01-31\r\nnobody@example.com,deactivate,\r\n`;

    const started = await upload({ kind: 'states', dryRun: 'true' }, { content: file });
    const done = await untilOver(locationOf(started));

    expect(done).toMatchObject({ state: 'finished', rowsValid: 1, rowsRejected: 1, rowsApplied: 0 });
    const after = await service.request('GET', `/v1/users/${kim.id}`, undefined, { as: admin });
    expect(after.body).toMatchObject({ state: 'activated', expiresAt: null });
  });

  it('lists the imports newest first and serves the templates', async () => {
    const list = await service.request('GET', '/v1/imports?limit=1', undefined, { as: admin });
    expect(list.status).toBe(200);
    expect((list.body as { items: unknown[]; nextCursor: string | null }).items).toHaveLength(1);

    const template = await service.request('GET', '/v1/imports/templates/users.csv', undefined, {
      as: admin,
    });
    expect(template.status).toBe(200);
    expect(template.text.split('\r\n')[0]).toBe(
      'Email,First Name,Last Name,Role,Group ID,Locale,Extra information,Labels',
    );
    const states = await service.request('GET', '/v1/imports/templates/states.csv', undefined, { as: admin });
    expect(states.text.split('\r\n')[0]).toBe('Email,Action,Expiry date');
  });

  it.each([
    [
      'not UTF-8',
      Buffer.from([0x45, 0x6d, 0x61, 0x69, 0x6c, 0x0d, 0x0a, 0xff, 0xfe]),
      400,
      'IMPORT.FILE_ENCODING_INVALID',
    ],
    [
      'with a quote never closed',
      'Email,Role,Group ID\r\n"a@example.com,3,g\r\n',
      400,
      'IMPORT.FILE_MALFORMED',
    ],
    ['with an unknown header', 'Email,Role,Group ID,Shoe size\r\n', 422, 'IMPORT.UNKNOWN_COLUMN'],
    ['without a required header', 'Email,First Name\r\n', 422, 'IMPORT.MISSING_COLUMN'],
    ['empty', '', 422, 'IMPORT.FILE_EMPTY'],
  ])(
    'given a file %s, then a problem+json with its code, never a 500',
    async (_what, content, status, code) => {
      expectProblem(await upload({ kind: 'users' }, { content }), status, code);
    },
  );

  it('given no file, a wrong kind or a caller who is no administrator, then the request is refused', async () => {
    expectProblem(await upload({ kind: 'users' }, null), 400, 'IMPORT.FILE_MISSING');
    expectProblem(
      await upload({ kind: 'teams' }, { content: 'Email\r\n' }),
      400,
      'REQUEST.VALIDATION_FAILED',
    );
    expectProblem(
      await service.request('POST', '/v1/imports', { kind: 'users' }, { as: admin }),
      400,
      'IMPORT.FILE_MISSING',
    );
    const learner: Principal = { tenantId, userId: randomUUID(), level: 'user', roles: [] };
    expectProblem(
      await upload({ kind: 'users' }, { content: 'Email,Role,Group ID\r\n' }, { as: learner }),
      403,
      'AUTH.FORBIDDEN',
    );
    expectProblem(
      await service.request('GET', `/v1/imports/${randomUUID()}`, undefined, { as: admin }),
      404,
      'IMPORT.NOT_FOUND',
    );
  });
});
