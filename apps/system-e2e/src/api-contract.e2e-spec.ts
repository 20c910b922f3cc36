import {
  eventually,
  startPlatform,
  uniqueSuffix,
  type RunningPlatform,
  type SignInCredentials,
} from '@lms/testing';
import type { Created, Page } from './api-shapes';
import {
  operationsOf,
  stringFields,
  type OpenApiDocument,
  type Operation,
} from './contract/openapi-operations';

interface Answer {
  status: number;
  contentType: string;
  body: Record<string, unknown> | null;
  /** What was called, as the client sent it. */
  called: string;
}

const PROBLEM_CODE = /^[A-Z][A-Z_]*\.[A-Z][A-Z_]*$/;
const OVERSIZE_BYTES = 2 * 1024 * 1024;
/**
 * Routes that are no tenant's resources: sign-in, the host tenant's tenant registry, and the
 * import templates (the same for every tenant).
 */
const NOT_TENANT_RESOURCES = [
  /^\/api\/v1\/auth\//,
  /^\/api\/v1\/identity\/tenants/,
  /^\/api\/v1\/identity\/imports\/templates\//,
];
const BELOW_ADMINISTRATORS = ['power_user', 'administrator', 'system_administrator'];

/**
 * Walks every operation of the published OpenAPI document, through the gateway with every
 * service running, as an attacker and a careless integrator would: without a token, with
 * another tenant's token, with a token whose role must not reach the route, with MongoDB
 * operators in every string field and query parameter, with an oversize body and an unknown
 * field. Each answer must be one the document lists, in the problem+json shape. No probe may
 * succeed, so the walk changes nothing.
 */
describe('every route of the API document, attacked', () => {
  const run = uniqueSuffix();
  let platform: RunningPlatform;
  let document: OpenApiDocument;
  let operations: Operation[];
  const tokens: Record<'system' | 'adminA' | 'adminB' | 'plainA' | 'powerA', string> = {
    system: '',
    adminA: '',
    adminB: '',
    plainA: '',
    powerA: '',
  };
  const fixtures: Record<string, string> = {};

  async function send(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; rawBody?: string; contentType?: string } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
    const response = await fetch(`${platform.gatewayUrl}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: Record<string, unknown> | null = null;
    try {
      parsed = text ? (JSON.parse(text) as Record<string, unknown>) : null;
    } catch {
      parsed = null;
    }
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      body: parsed,
      called: path,
    };
  }

  async function tokenOf(credentials: SignInCredentials): Promise<string> {
    const answer = await send('POST', '/api/v1/auth/login', { body: credentials });
    expect(answer.status).toBe(200);
    return String(answer.body?.accessToken);
  }

  async function create(token: string, path: string, body: unknown): Promise<string> {
    const answer = await send('POST', path, { token, body });
    if (answer.status !== 201)
      throw new Error(`${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return String((answer.body as unknown as Created).id);
  }

  /** The id of a resource of tenant A for each path parameter, by the path segment before it. */
  function pathOf(operation: Operation): string {
    return operation.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
      const segment =
        operation.path
          .slice(0, operation.path.indexOf(`{${name}}`))
          .split('/')
          .at(-2) ?? '';
      const value = fixtures[`${segment}/${name}`] ?? fixtures[name];
      if (value === undefined)
        throw new Error(`no fixture for {${name}} in ${operation.path}: add one to this suite`);
      return encodeURIComponent(value);
    });
  }

  /** The body the document gives as the route's example: the suite proves the API accepts it. */
  function bodyOf(operation: Operation): unknown {
    return operation.body ? operation.example : undefined;
  }

  /** The token of a caller the route admits (for the probes that must fail on the input). */
  function allowedToken(operation: Operation): string {
    return operation.access?.minimum === 'system_administrator' ? tokens.system : tokens.adminA;
  }

  function expectDocumentedProblem(operation: Operation, answer: Answer, status: number): void {
    const where = `${operation.method} ${answer.called}`;
    expect({ where, status: answer.status, body: answer.body }).toMatchObject({ where, status });
    expect({ where, documented: operation.responses }).toEqual({
      where,
      documented: expect.arrayContaining([String(status)]),
    });
    expect({ where, contentType: answer.contentType }).toEqual({
      where,
      contentType: expect.stringContaining('application/problem+json'),
    });
    expect({ where, problem: answer.body }).toMatchObject({
      where,
      problem: {
        type: expect.any(String),
        title: expect.any(String),
        status,
        code: expect.stringMatching(PROBLEM_CODE),
        detail: expect.any(String),
        instance: answer.called,
        correlationId: expect.any(String),
      },
    });
    expect(JSON.stringify(answer.body)).not.toMatch(/\bat .+\.(js|ts):\d+/);
  }

  function fieldErrorsOf(answer: Answer): string[] {
    const errors = (answer.body?.errors ?? []) as Array<{ field: string }>;
    return errors.map((error) => error.field);
  }

  beforeAll(async () => {
    platform = await startPlatform({
      basePort: 13_400,
      env: {
        gateway: {
          RATE_LIMIT_PER_MINUTE: '100000',
          ACCOUNT_RATE_LIMIT_PER_MINUTE: '100000',
          SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000',
        },
      },
    });
    const published = await send('GET', '/api/v1/openapi.json');
    document = published.body as unknown as OpenApiDocument;
    operations = operationsOf(document);

    tokens.system = await tokenOf(platform.admin);
    const tenants: Record<'A' | 'B', SignInCredentials> = {
      A: { tenant: `ca-${run}`, email: `admin@ca-${run}.example.com`, password: `admin-a-password-${run}` },
      B: { tenant: `cb-${run}`, email: `admin@cb-${run}.example.com`, password: `admin-b-password-${run}` },
    };
    for (const credentials of Object.values(tenants)) {
      const created = await send('POST', '/api/v1/identity/tenants', {
        token: tokens.system,
        body: {
          code: credentials.tenant,
          name: `Academy ${credentials.tenant}`,
          administrator: {
            email: credentials.email,
            password: credentials.password,
            firstName: 'Ada',
            lastName: 'Admin',
          },
        },
      });
      expect(created.status).toBe(201);
    }
    tokens.adminA = await tokenOf(tenants.A);
    tokens.adminB = await tokenOf(tenants.B);

    const plain = {
      tenant: tenants.A.tenant,
      email: `lea@ca-${run}.example.com`,
      password: `lea-password-${run}`,
    };
    fixtures['users/id'] = await create(tokens.adminA, '/api/v1/identity/users', {
      email: plain.email,
      firstName: 'Lea',
      lastName: 'Learner',
      password: plain.password,
    });
    tokens.plainA = await tokenOf(plain);
    const coachId = await create(tokens.adminA, '/api/v1/identity/users', {
      email: `coach@ca-${run}.example.com`,
      firstName: 'Carl',
      lastName: 'Coach',
    });
    const groupId = await create(tokens.adminA, '/api/v1/identity/groups', { name: 'Sales' });
    Object.assign(fixtures, {
      'groups/id': groupId,
      groupId,
      userId: fixtures['users/id'],
      role: 'application_admin',
      code: tenants.A.tenant,
    });
    expect(
      (
        await send('POST', `/api/v1/identity/groups/${groupId}/members`, {
          token: tokens.adminA,
          body: { userId: fixtures['users/id'], roles: ['learner'] },
        })
      ).status,
    ).toBe(201);
    fixtures['permission-profiles/name'] = 'readers';
    expect(
      (
        await send('PUT', '/api/v1/identity/permission-profiles/readers', {
          token: tokens.adminA,
          body: { rights: ['users.read'] },
        })
      ).status,
    ).toBe(201);
    const power = {
      tenant: tenants.A.tenant,
      email: `pat@ca-${run}.example.com`,
      password: `pat-password-${run}`,
    };
    const powerUserId = await create(tokens.adminA, '/api/v1/identity/users', {
      email: power.email,
      firstName: 'Pat',
      lastName: 'Power',
      password: power.password,
    });
    const elsewhere = await create(tokens.adminA, '/api/v1/identity/groups', { name: 'Elsewhere' });
    const promoted = await send('PATCH', `/api/v1/identity/users/${powerUserId}`, {
      token: tokens.adminA,
      body: { level: 'power_user', permissionProfile: 'readers', powerUserScope: { groupIds: [elsewhere] } },
    });
    expect(promoted.status).toBe(200);
    tokens.powerA = await tokenOf(power);
    const bulk = await send('POST', '/api/v1/identity/users/bulk-state', {
      token: tokens.adminA,
      body: { userIds: [coachId], action: 'activate' },
    });
    expect(bulk.status).toBe(202);
    fixtures['bulk-state/id'] = String(bulk.body?.id);
    fixtures['group-assignments/id'] = await create(tokens.adminA, '/api/v1/coaching/group-assignments', {
      groupId,
      roles: ['learner'],
      coachIds: [coachId],
    });
    fixtures['assignments/id'] = await eventually(async () => {
      const page = await send('GET', `/api/v1/coaching/assignments?menteeId=${fixtures['users/id']}`, {
        token: tokens.adminA,
      });
      const [assignment] = (page.body as unknown as Page<Created>).items;
      if (!assignment) throw new Error('the fan-out has not assigned the member yet');
      return assignment.id;
    });
    // The member's assignment mails it and its coach (its event travels over Kafka): one of those deliveries.
    fixtures['deliveries/id'] = await eventually(async () => {
      const page = await send('GET', '/api/v1/notifications/deliveries?limit=1', { token: tokens.adminA });
      const [delivery] = (page.body as unknown as Page<Created>).items;
      if (!delivery) throw new Error('notifications has not planned the assignment mails yet');
      return delivery.id;
    });
    // Once coaching knows the coach (its user event travels over Kafka), a bulk assignment.
    fixtures['bulk/id'] = await eventually(async () => {
      const answer = await send('POST', '/api/v1/coaching/assignments/bulk', {
        token: tokens.adminA,
        body: { groupId, roles: ['learner'], coachIds: [coachId], menteeIds: [fixtures['users/id']] },
      });
      if (answer.status !== 202) throw new Error(`the bulk assignment answered ${answer.status}`);
      return String((answer.body as unknown as Created).id);
    });
    // An evaluation and a coaching session of the member, written by its coach (an administrator
    // writes none, CO-W3): the coach signs in once it has a password.
    const coach = {
      tenant: tenants.A.tenant,
      email: `coach@ca-${run}.example.com`,
      password: `coach-password-${run}`,
    };
    expect(
      (
        await send('PATCH', `/api/v1/identity/users/${coachId}`, {
          token: tokens.adminA,
          body: { password: coach.password },
        })
      ).status,
    ).toBe(200);
    const coachToken = await tokenOf(coach);
    fixtures['evaluations/id'] = await create(coachToken, '/api/v1/coaching/evaluations', {
      menteeId: fixtures['users/id'],
      skill: 'Handling objections',
      score: 3,
    });
    fixtures['coaching-sessions/id'] = await create(coachToken, '/api/v1/coaching/coaching-sessions', {
      menteeId: fixtures['users/id'],
      date: '2027-01-15',
      notes: 'Two recorded calls.',
    });
    fixtures['artifacts/id'] = await create(coachToken, '/api/v1/coaching/artifacts', {
      title: 'Call checklist',
      text: 'Open, listen, summarise.',
    });
    // An instructor-led course of the catalog, with a session, published by learning.
    const courseId = await create(tokens.adminA, '/api/v1/learning/courses', {
      title: 'Negotiation workshop',
      kind: 'ilt',
    });
    fixtures['courses/id'] = courseId;
    fixtures['sessions/sessionId'] = await create(
      tokens.adminA,
      `/api/v1/learning/courses/${courseId}/sessions`,
      {
        startsAt: '2027-01-15T09:00:00Z',
        endsAt: '2027-01-15T17:00:00Z',
        place: 'Milan office, room 4',
        capacity: 12,
      },
    );
    expect(
      (await send('POST', `/api/v1/learning/courses/${courseId}/publish`, { token: tokens.adminA })).status,
    ).toBe(200);
    // The member enrolled in the course's session: its enrollment, and its own course's progress.
    fixtures['enrollments/id'] = await create(tokens.adminA, '/api/v1/learning/enrollments', {
      courseId,
      userId: fixtures['users/id'],
      sessionId: fixtures['sessions/sessionId'],
    });
    fixtures['courses/courseId'] = courseId;
    // A course role (LE-C2) in `/courses/{id}/roles/{userId}/{role}`: the tenant's `role` fixture is
    // an administrative role.
    fixtures['{userId}/role'] = 'tutor';
    // A learning plan of that course: its routes and its learners' list.
    fixtures['plans/id'] = await create(tokens.adminA, '/api/v1/learning/plans', {
      title: 'Negotiation plan',
      courseIds: [courseId],
    });
    fixtures['material/index'] = '0';
    // A group enrollment of the plan (LE-G1), accepted at once.
    const groupEnrollment = await send('POST', '/api/v1/learning/group-enrollments', {
      token: tokens.adminA,
      body: { groupId, planId: fixtures['plans/id'] },
    });
    expect(groupEnrollment.status).toBe(202);
    fixtures['group-enrollments/id'] = String((groupEnrollment.body as unknown as Created).id);
    // The organisation (ID-G3, ID-G4): a unit with a team, the member managing the coach.
    fixtures['units/id'] = await create(tokens.adminA, '/api/v1/identity/units', { name: 'Sales unit' });
    fixtures['teams/teamId'] = await create(
      tokens.adminA,
      `/api/v1/identity/units/${fixtures['units/id']}/teams`,
      {
        name: 'North team',
      },
    );
    const managees = await send('POST', `/api/v1/identity/users/${fixtures['users/id']}/managees`, {
      token: tokens.adminA,
      body: { userIds: [coachId] },
    });
    expect(managees.status).toBe(200);
    fixtures['managees/manageeId'] = coachId;
    // An invitation to the group (ID-G2).
    fixtures['invitations/id'] = await create(
      tokens.adminA,
      `/api/v1/identity/groups/${groupId}/invitations`,
      {
        email: `invited@ca-${run}.example.com`,
        roles: ['learner'],
      },
    );
    // A coach profile (ID-C1): the coach's manager account linked to a learner account of its own.
    const coachLearnerId = await create(tokens.adminA, '/api/v1/identity/users', {
      email: `coach-learner@ca-${run}.example.com`,
      firstName: 'Carl',
      lastName: 'Coach',
    });
    const profile = await send('PUT', `/api/v1/identity/coaches/${coachId}`, {
      token: tokens.adminA,
      body: {
        learnerUserId: coachLearnerId,
        roleLearnerManager: 'Sales manager',
        roleCoach: 'Coach',
        filters: [{ field: 'COUNTRY', value: 'UK' }],
      },
    });
    expect(profile.status).toBe(201);
    fixtures['coaches/id'] = coachId;
    fixtures['coaches/managerUserId'] = coachId;
    // A users import (ID-I1), sent as the multipart form it is.
    const boundary = `----import-${run}`;
    const csv =
      'Email,First Name,Last Name,Role,Group ID\r\n' +
      `ida@ca-${run}.example.com,Ida,Import,3,${groupId}\r\n`;
    const form = [
      `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nusers\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="users.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n`,
      `--${boundary}--\r\n`,
    ].join('');
    const imported = await send('POST', '/api/v1/identity/imports', {
      token: tokens.adminA,
      rawBody: form,
      contentType: `multipart/form-data; boundary=${boundary}`,
    });
    expect(imported.status).toBe(202);
    fixtures['imports/id'] = String((imported.body as unknown as Created).id);
    fixtures['templates/file'] = 'users.csv';
    // Once coaching's copy of the catalog has the course (its event travels over Kafka), the
    // coach recommends it to its mentee.
    fixtures['recommendations/id'] = await eventually(async () => {
      const answer = await send('POST', '/api/v1/coaching/recommendations', {
        token: coachToken,
        body: { menteeId: fixtures['users/id'], courseIds: [courseId] },
      });
      if (answer.status !== 201) throw new Error(`the recommendation answered ${answer.status}`);
      const [recommendation] = (answer.body as unknown as Page<Created>).items;
      return String(recommendation?.id);
    });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('documents every route with who may call it', () => {
    expect(operations.length).toBeGreaterThan(20);
    expect(operations.filter((operation) => !operation.access).map((o) => `${o.method} ${o.path}`)).toEqual(
      [],
    );
  });

  it('answers 401 without a token on every route that needs one', async () => {
    for (const operation of operations.filter((o) => o.access?.minimum !== 'anyone')) {
      const answer = await send(operation.method, pathOf(operation), { body: bodyOf(operation) });
      expectDocumentedProblem(operation, answer, 401);
    }
  });

  it("answers 404 to another tenant's administrator on every resource of a tenant", async () => {
    // A PUT that creates what it names (201) creates it in the caller's own tenant: no probe.
    const targeted = operations.filter(
      (o) =>
        o.pathParameters.length > 0 &&
        !NOT_TENANT_RESOURCES.some((pattern) => pattern.test(o.path)) &&
        !(o.method === 'PUT' && o.responses.includes('201')),
    );
    expect(targeted.length).toBeGreaterThan(5);
    for (const operation of targeted) {
      const answer = await send(operation.method, pathOf(operation), {
        token: tokens.adminB,
        body: bodyOf(operation),
      });
      expectDocumentedProblem(operation, answer, 404);
    }
  });

  it('answers 403 to a caller whose role or level the route does not admit', async () => {
    for (const operation of operations.filter((o) =>
      BELOW_ADMINISTRATORS.includes(o.access?.minimum ?? ''),
    )) {
      const answer = await send(operation.method, pathOf(operation), {
        token: tokens.plainA,
        body: bodyOf(operation),
      });
      expectDocumentedProblem(operation, answer, 403);
    }
    for (const operation of operations.filter((o) => o.access?.minimum === 'system_administrator')) {
      const answer = await send(operation.method, pathOf(operation), {
        token: tokens.adminA,
        body: bodyOf(operation),
      });
      expectDocumentedProblem(operation, answer, 403);
    }
  });

  it('answers 403 to a power user on every user outside its scope', async () => {
    const users = operations.filter(
      (o) =>
        o.path.startsWith('/api/v1/identity/users/{id}') &&
        ['user', 'power_user'].includes(o.access?.minimum ?? ''),
    );
    expect(users.length).toBeGreaterThan(3);
    for (const operation of users) {
      const answer = await send(operation.method, pathOf(operation), {
        token: tokens.powerA,
        body: bodyOf(operation),
      });
      expectDocumentedProblem(operation, answer, 403);
    }
  });

  it('refuses a MongoDB operator in every string field and every query parameter', async () => {
    for (const operation of operations) {
      const token = allowedToken(operation);
      for (const field of operation.body ? stringFields(document, operation.body) : []) {
        const body = { ...(bodyOf(operation) as object), [field]: { $gt: '' } };
        const answer = await send(operation.method, pathOf(operation), { token, body });
        expectDocumentedProblem(operation, answer, 400);
        expect({ field, errors: fieldErrorsOf(answer) }).toEqual({
          field,
          errors: expect.arrayContaining([field]),
        });
      }
      for (const parameter of operation.queryParameters) {
        const answer = await send(operation.method, `${pathOf(operation)}?${parameter}[$gt]=`, { token });
        expectDocumentedProblem(operation, answer, 400);
      }
    }
  });

  it('refuses an unknown field and an oversize body on every route that takes a body', async () => {
    const withBody = operations.filter((o) => o.body);
    expect(withBody.length).toBeGreaterThan(5);
    for (const operation of withBody) {
      const token = allowedToken(operation);
      const unknown = await send(operation.method, pathOf(operation), {
        token,
        body: { ...(bodyOf(operation) as object), unexpectedField: 'x' },
      });
      expectDocumentedProblem(operation, unknown, 400);
      expect(fieldErrorsOf(unknown)).toContain('unexpectedField');

      const oversize = await send(operation.method, pathOf(operation), {
        token,
        rawBody: JSON.stringify({ padding: 'x'.repeat(OVERSIZE_BYTES) }),
      });
      expectDocumentedProblem(operation, oversize, 413);
    }
  });

  it('accepts an empty JSON body on a route that takes none', async () => {
    const answer = await send('POST', '/api/v1/auth/keys/rotate', { token: tokens.system, rawBody: '' });
    expect(answer.status).toBe(200);
  });
});
