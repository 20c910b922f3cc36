import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { OrganisationStream, UsersStream } from '@lms/contracts';
import { MONGO_CONNECTION, type Principal } from '@lms/service-kit';
import { eventually, uniqueSuffix } from '@lms/testing';
import {
  isolateTestEnvironment,
  recordStreams,
  type ServiceTestApp,
  type StreamRecorder,
} from '@lms/service-testing';
import { startIdentity } from './support/identity-app';

// One tenant for this file, and another whose units it must never reach.
const tenantId = `identity-org-${uniqueSuffix()}`;
const otherTenantId = `identity-org-other-${uniqueSuffix()}`;
isolateTestEnvironment('identity');

type Body = Record<string, unknown>;

interface HttpResult {
  status: number;
  contentType: string;
  body: Body;
}

type Caller = Omit<Principal, 'tenantId'> & { tenantId?: string };

const ADMINISTRATOR: Caller = {
  userId: 'identity-org-admin',
  level: 'superadmin',
  roles: ['application_admin'],
};

describe('units, teams, managers and managees over HTTP, with real Kafka and Mongo', () => {
  let service: ServiceTestApp;
  let recorder: StreamRecorder;

  beforeAll(async () => {
    service = await startIdentity({ tenantId });
    recorder = await recordStreams([OrganisationStream, UsersStream], 'identity-org-it');
  });

  afterAll(async () => {
    await recorder?.stop();
    await service?.close();
  });

  async function http(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    caller: Caller = ADMINISTRATOR,
  ): Promise<HttpResult> {
    const token = await service.tokenFor({ tenantId, ...caller });
    const response = await service.app.inject({
      method,
      url,
      payload: body === undefined ? undefined : JSON.stringify(body),
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
    });
    return {
      status: response.statusCode,
      contentType: String(response.headers['content-type'] ?? ''),
      body: response.body ? (JSON.parse(response.body) as Body) : {},
    };
  }

  function expectProblem(result: HttpResult, status: number, code: string): void {
    expect({ status: result.status, code: result.body.code }).toEqual({ status, code });
    expect(result.contentType).toContain('application/problem+json');
  }

  async function createUser(email = `ann-${uniqueSuffix()}@example.com`): Promise<Body> {
    const result = await http('POST', '/v1/users', { email, firstName: 'Ann', lastName: 'Smith' });
    expect(result.status).toBe(201);
    return result.body;
  }

  async function created(url: string, body: Body): Promise<Body> {
    const result = await http('POST', url, body);
    expect(result.status).toBe(201);
    return result.body;
  }

  it('given a unit with a team, its manager and a member, then the user shows Manager and Agent, and every change is published', async () => {
    const [manager, agent] = [await createUser(), await createUser()];
    const unit = await created('/v1/units', { name: 'North' });
    const unitUrl = `/v1/units/${String(unit.id)}`;
    const team = await created(`${unitUrl}/teams`, { name: 'Sales' });
    const teamUrl = `${unitUrl}/teams/${String(team.id)}`;

    const managed = await http('PUT', `${unitUrl}/managers/${String(manager.id)}`);
    const joined = await http('PUT', `${teamUrl}/members/${String(agent.id)}`);
    const renamed = await http('PATCH', teamUrl, { name: 'Inside sales' });
    const teams = await http('GET', `${unitUrl}/teams`);
    const managerNow = await http('GET', `/v1/users/${String(manager.id)}`);
    const agentNow = await http('GET', `/v1/users/${String(agent.id)}`);

    expect(unit).toEqual({
      id: expect.any(String),
      name: 'North',
      managerIds: [],
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      version: 1,
    });
    expect(managed.status).toBe(200);
    expect(managed.body).toMatchObject({ managerIds: [manager.id], version: 2 });
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({ unitId: unit.id, memberIds: [agent.id], version: 2 });
    expect(renamed.body).toMatchObject({ name: 'Inside sales', version: 3 });
    expect(teams.body).toEqual({ items: [renamed.body], limit: 50, nextCursor: null });
    expect(managerNow.body).toMatchObject({ isManager: true, isAgent: false, version: 2 });
    expect(agentNow.body).toMatchObject({ isManager: false, isAgent: true, version: 2 });

    const organisationEvents = await eventually(
      () => {
        const events = recorder.events.filter(
          (r) => r.topic === OrganisationStream.topic && r.envelope.tenantId === tenantId,
        );
        expect(events.length).toBeGreaterThanOrEqual(5);
        return events;
      },
      { timeoutMs: 30_000 },
    );
    expect(organisationEvents.map((e) => [e.envelope.type, e.key, e.envelope.aggregateVersion])).toEqual(
      expect.arrayContaining([
        ['unit.created', `${tenantId}:${String(unit.id)}`, 1],
        ['team.created', `${tenantId}:${String(team.id)}`, 1],
        ['unit.manager-added', `${tenantId}:${String(unit.id)}`, 2],
        ['team.member-added', `${tenantId}:${String(team.id)}`, 2],
        ['team.updated', `${tenantId}:${String(team.id)}`, 3],
      ]),
    );
    expect(
      organisationEvents.find((e) => e.envelope.type === 'unit.manager-added')?.envelope.payload,
    ).toEqual({
      unitId: unit.id,
      name: 'North',
      managerIds: [manager.id],
      userId: manager.id,
    });
    await eventually(
      () => {
        const roles = recorder.events
          .filter((r) => r.topic === UsersStream.topic && r.envelope.type === 'user.updated')
          .map((r) => r.envelope.payload as Body);
        expect(roles).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ userId: manager.id, isManager: true, isAgent: false }),
            expect.objectContaining({ userId: agent.id, isManager: false, isAgent: true }),
          ]),
        );
      },
      { timeoutMs: 30_000 },
    );

    const connection = service.app.get<Connection>(MONGO_CONNECTION);
    await eventually(async () => {
      const docs = await connection
        .collection('organisation_nodes')
        .find({ tenantId })
        .project({ outbox: 1 })
        .toArray();
      expect(docs.map((doc) => doc.outbox)).toEqual(docs.map(() => []));
    });
  });

  it('refuses to delete a unit with teams, and deletes it once they are gone, the roles following', async () => {
    const member = await createUser();
    const unit = await created('/v1/units', { name: `Unit ${uniqueSuffix()}` });
    const unitUrl = `/v1/units/${String(unit.id)}`;
    const team = await created(`${unitUrl}/teams`, { name: 'Support' });
    const teamUrl = `${unitUrl}/teams/${String(team.id)}`;
    await http('PUT', `${teamUrl}/members/${String(member.id)}`);

    const refused = await http('DELETE', unitUrl);
    const teamDeleted = await http('DELETE', teamUrl);
    const unitDeleted = await http('DELETE', unitUrl);
    const gone = await http('GET', unitUrl);
    const memberNow = await http('GET', `/v1/users/${String(member.id)}`);

    expectProblem(refused, 409, 'UNIT.HAS_TEAMS');
    expect(teamDeleted.status).toBe(204);
    expect(unitDeleted.status).toBe(204);
    expectProblem(gone, 404, 'UNIT.NOT_FOUND');
    expect(memberNow.body).toMatchObject({ isAgent: false });
  });

  it('answers 403 to a caller who is no administrator, and 404 for units of another tenant', async () => {
    const unit = await created('/v1/units', { name: 'Private' });
    const plainUser = { userId: randomUUID(), level: 'user', roles: [] };
    const otherAdministrator = { ...ADMINISTRATOR, tenantId: otherTenantId };

    const forbidden = await http('POST', '/v1/units', { name: 'Mine' }, plainUser);
    const forbiddenList = await http('GET', '/v1/units', undefined, plainUser);
    const forbiddenManagees = await http('GET', `/v1/users/${randomUUID()}/managees`, undefined, plainUser);
    const elsewhere = await http('GET', `/v1/units/${String(unit.id)}`, undefined, otherAdministrator);
    const elsewhereTeam = await http(
      'POST',
      `/v1/units/${String(unit.id)}/teams`,
      { name: 'x' },
      otherAdministrator,
    );
    const unknownUser = await http('PUT', `/v1/units/${String(unit.id)}/managers/${randomUUID()}`);

    expectProblem(forbidden, 403, 'AUTH.FORBIDDEN');
    expectProblem(forbiddenList, 403, 'AUTH.FORBIDDEN');
    expectProblem(forbiddenManagees, 403, 'AUTH.FORBIDDEN');
    expectProblem(elsewhere, 404, 'UNIT.NOT_FOUND');
    expectProblem(elsewhereTeam, 404, 'UNIT.NOT_FOUND');
    expectProblem(unknownUser, 422, 'ORGANISATION.USER_UNKNOWN');
  });

  it('given managees by email, adds the active ones, lists them, and removes one; the manager is a Manager while it has any', async () => {
    const manager = await createUser();
    const annEmail = `ann-${uniqueSuffix()}@example.com`;
    const ann = await createUser(annEmail);
    const gone = await createUser();
    expect((await http('POST', `/v1/users/${String(gone.id)}/deactivate`)).status).toBeLessThan(300);
    const managees = `/v1/users/${String(manager.id)}/managees`;

    const added = await http('POST', managees, {
      emails: [
        annEmail.toUpperCase(),
        String(gone.email),
        String(manager.email),
        `nobody-${uniqueSuffix()}@example.com`,
      ],
    });
    const again = await http('POST', managees, { userIds: [ann.id] });
    const both = await http('POST', managees, { userIds: [ann.id], emails: [annEmail] });
    const listed = await http('GET', managees);
    const managerWhile = await http('GET', `/v1/users/${String(manager.id)}`);
    const removed = await http('DELETE', `${managees}/${String(ann.id)}`);
    const removedAgain = await http('DELETE', `${managees}/${String(ann.id)}`);
    const managerAfter = await http('GET', `/v1/users/${String(manager.id)}`);

    expect(added.status).toBe(200);
    expect(added.body).toEqual({
      results: [
        { userId: ann.id, email: annEmail.toUpperCase(), outcome: 'added' },
        { userId: gone.id, email: gone.email, outcome: 'not_active' },
        { userId: manager.id, email: manager.email, outcome: 'self' },
        { userId: null, email: expect.stringContaining('nobody-'), outcome: 'not_found' },
      ],
    });
    expect(again.body).toEqual({ results: [{ userId: ann.id, email: null, outcome: 'already' }] });
    expectProblem(both, 422, 'MANAGEE.REQUEST_INVALID');
    expect(listed.body).toEqual({
      items: [{ managerId: manager.id, manageeId: ann.id, addedAt: expect.any(String), version: 1 }],
      limit: 50,
      nextCursor: null,
    });
    expect(managerWhile.body).toMatchObject({ isManager: true });
    expect(removed.status).toBe(204);
    expectProblem(removedAgain, 404, 'MANAGEE.NOT_FOUND');
    expect(managerAfter.body).toMatchObject({ isManager: false });

    const key = `${tenantId}:${String(manager.id)}:${String(ann.id)}`;
    const relationEvents = await eventually(
      () => {
        const events = recorder.events.filter((r) => r.topic === OrganisationStream.topic && r.key === key);
        expect(events).toHaveLength(2);
        return events;
      },
      { timeoutMs: 30_000 },
    );
    expect(
      relationEvents.map((e) => [e.envelope.type, e.envelope.aggregateVersion, e.envelope.payload]),
    ).toEqual([
      ['manager.managee-added', 1, { managerId: manager.id, manageeId: ann.id }],
      ['manager.managee-removed', 2, { managerId: manager.id, manageeId: ann.id }],
    ]);
  });
});
