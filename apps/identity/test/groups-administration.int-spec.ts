import {
  GroupInvitationsStream,
  GroupMembershipsStream,
  GroupsStream,
  type EventEnvelope,
} from '@lms/contracts';
import type { Principal } from '@lms/service-kit';
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

// Read once, when the app module loads: a quick poll of the deletion jobs.
process.env.JOB_POLL_INTERVAL_MS = '100';
isolateTestEnvironment('identity');

interface Body {
  id: string;
  [field: string]: unknown;
}

/** A tenant of one test: its groups, users and invitations are nobody else's. */
function newTenant(): string {
  return `groups-${uniqueSuffix()}`;
}

function administratorOf(tenantId: string): Principal {
  return { tenantId, userId: 'groups-admin', level: 'superadmin', roles: ['application_admin'] };
}

/**
 * Groups administration over HTTP (ID-G1, ID-G2), against the real broker and database: edits
 * and deletions of groups with their events, who sees which groups and members, group admins
 * managing their members, and invitations from creation to acceptance.
 */
describe('groups administration over HTTP (ID-G1, ID-G2), with real Kafka and Mongo', () => {
  let service: ServiceTestApp;
  let recorder: StreamRecorder;

  beforeAll(async () => {
    service = await startIdentity(administratorOf(newTenant()), 'groups-admin');
    recorder = await recordStreams(
      [GroupsStream, GroupMembershipsStream, GroupInvitationsStream],
      'identity-groups-admin-it',
    );
  });

  afterAll(async () => {
    await recorder?.stop();
    await service?.close();
  });

  const as = (
    principal: Principal,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<TestResponse> => service.request(method, url, body, { as: principal, headers });

  async function givenUser(
    tenantId: string,
    email = `user-${uniqueSuffix()}@example.com`,
  ): Promise<Principal> {
    const created = await as(administratorOf(tenantId), 'POST', '/v1/users', {
      email,
      firstName: 'Ada',
      lastName: 'Lovelace',
    });
    expect(created.status).toBe(201);
    return { tenantId, userId: (created.body as Body).id, level: 'user', roles: [] };
  }

  async function givenGroup(tenantId: string, name: string, confidentiality = 'private'): Promise<Body> {
    const created = await as(administratorOf(tenantId), 'POST', '/v1/groups', { name, confidentiality });
    expect(created.status).toBe(201);
    return created.body as Body;
  }

  async function givenMember(group: Body, user: Principal, roles: string[]): Promise<void> {
    const added = await as(administratorOf(user.tenantId), 'POST', `/v1/groups/${group.id}/members`, {
      userId: user.userId,
      roles,
    });
    expect(added.status).toBe(201);
  }

  const eventsOf = (topic: string, aggregateId: string): EventEnvelope[] =>
    recorder.envelopes(topic).filter((envelope) => envelope.aggregateId === aggregateId);

  it('renames a group and makes it public (200) with one event each, and refuses a stale If-Match (412)', async () => {
    const tenantId = newTenant();
    const group = await givenGroup(tenantId, 'Sales');

    const edited = await as(
      administratorOf(tenantId),
      'PATCH',
      `/v1/groups/${group.id}`,
      { name: 'Sales desk', confidentiality: 'public' },
      { 'if-match': '"1"' },
    );
    const stale = await as(
      administratorOf(tenantId),
      'PATCH',
      `/v1/groups/${group.id}`,
      { name: 'Late' },
      { 'if-match': '"1"' },
    );

    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      name: 'Sales desk',
      confidentiality: 'public',
      status: 'active',
      version: 3,
    });
    expectProblem(stale, 412, 'REQUEST.STALE_VERSION');
    await eventually(() =>
      expect(
        eventsOf(GroupsStream.topic, group.id).map((e) => [e.type, e.aggregateVersion, e.payload]),
      ).toEqual([
        ['group.created', 1, { groupId: group.id, name: 'Sales', confidentiality: 'private' }],
        ['group.renamed', 2, { groupId: group.id, name: 'Sales desk', confidentiality: 'private' }],
        [
          'group.confidentiality-changed',
          3,
          { groupId: group.id, name: 'Sales desk', confidentiality: 'public' },
        ],
      ]),
    );
  });

  it('lists groups by name prefix and confidentiality; a group coach sees its own, a platform coach the public ones too', async () => {
    const tenantId = newTenant();
    const admin = administratorOf(tenantId);
    const open = await givenGroup(tenantId, 'Sales open', 'public');
    const closed = await givenGroup(tenantId, 'Sales closed');
    const other = await givenGroup(tenantId, 'Support');
    const coach = await givenUser(tenantId);
    await givenMember(closed, coach, ['coach']);
    const learner = await givenUser(tenantId);
    await givenMember(open, learner, ['learner']);
    await givenMember(other, learner, ['learner']);
    const platformCoach = await givenUser(tenantId);
    expect(
      (await as(admin, 'PUT', '/v1/permission-profiles/coaches', { rights: ['groups.coach'] })).status,
    ).toBe(201);
    const promoted = await as(admin, 'PATCH', `/v1/users/${platformCoach.userId}`, {
      level: 'power_user',
      permissionProfile: 'coaches',
    });
    expect(promoted.status).toBe(200);
    const asPlatformCoach: Principal = { ...platformCoach, level: 'power_user' };
    const names = async (principal: Principal, query = '') =>
      ((await as(principal, 'GET', `/v1/groups${query}`)).body as { items: Body[] }).items
        .map((g) => g.name)
        .sort();

    expect(await names(admin, '?name=sales')).toEqual(['Sales closed', 'Sales open']);
    expect(await names(admin, '?confidentiality=private')).toEqual(['Sales closed', 'Support']);
    expect(await names(coach)).toEqual(['Sales closed']);
    expect(await names(learner)).toEqual([]);
    expect(await names(asPlatformCoach)).toEqual(['Sales open']);

    expect((await as(coach, 'GET', `/v1/groups/${closed.id}/members`)).status).toBe(200);
    expectProblem(await as(coach, 'GET', `/v1/groups/${other.id}/members`), 403, 'GROUP.FORBIDDEN');
    const publicMembers = await as(asPlatformCoach, 'GET', `/v1/groups/${open.id}/members`);
    expect((publicMembers.body as { items: Body[] }).items.map((m) => m.userId)).toEqual([learner.userId]);
    expectProblem(await as(asPlatformCoach, 'GET', `/v1/groups/${other.id}/members`), 403, 'GROUP.FORBIDDEN');
  });

  it("lets a group's admin add and remove members of its own group, with the membership events, and nothing elsewhere", async () => {
    const tenantId = newTenant();
    const group = await givenGroup(tenantId, 'Own');
    const elsewhere = await givenGroup(tenantId, 'Elsewhere');
    const groupAdmin = await givenUser(tenantId);
    await givenMember(group, groupAdmin, ['admin']);
    const newcomer = await givenUser(tenantId);

    const added = await as(groupAdmin, 'POST', `/v1/groups/${group.id}/members`, {
      userId: newcomer.userId,
      roles: ['learner'],
    });
    const removed = await as(
      groupAdmin,
      'DELETE',
      `/v1/groups/${group.id}/members/${String(newcomer.userId)}`,
    );
    const refused = await as(groupAdmin, 'POST', `/v1/groups/${elsewhere.id}/members`, {
      userId: newcomer.userId,
      roles: ['learner'],
    });
    const rolesChange = await as(
      groupAdmin,
      'PUT',
      `/v1/groups/${group.id}/members/${String(groupAdmin.userId)}`,
      {
        roles: ['learner'],
      },
    );

    expect([added.status, removed.status]).toEqual([201, 204]);
    expectProblem(refused, 403, 'GROUP.FORBIDDEN');
    expect(rolesChange.status).toBe(403);
    await eventually(() =>
      expect(
        eventsOf(GroupMembershipsStream.topic, `${group.id}:${String(newcomer.userId)}`).map((e) => [
          e.type,
          e.payload,
        ]),
      ).toEqual([
        ['membership.added', { groupId: group.id, userId: newcomer.userId, roles: ['learner'] }],
        ['membership.removed', { groupId: group.id, userId: newcomer.userId }],
      ]),
    );
  });

  it('deletes an empty group at once (204); a group with members answers 202, its members leave, then it is gone', async () => {
    const tenantId = newTenant();
    const admin = administratorOf(tenantId);
    const empty = await givenGroup(tenantId, 'Empty');
    const full = await givenGroup(tenantId, 'Full');
    const members = [await givenUser(tenantId), await givenUser(tenantId), await givenUser(tenantId)];
    for (const member of members) await givenMember(full, member, ['learner']);

    const emptyDeleted = await as(admin, 'DELETE', `/v1/groups/${empty.id}`);
    const fullDeleting = await as(admin, 'DELETE', `/v1/groups/${full.id}`);

    expect(emptyDeleted.status).toBe(204);
    expectProblem(await as(admin, 'GET', `/v1/groups/${empty.id}`), 404, 'GROUP.NOT_FOUND');
    expect(fullDeleting.status).toBe(202);
    expect(fullDeleting.body).toMatchObject({
      id: full.id,
      status: 'deleting',
      deletion: { membersRemoved: 0 },
    });
    await eventually(
      async () => expectProblem(await as(admin, 'GET', `/v1/groups/${full.id}`), 404, 'GROUP.NOT_FOUND'),
      {
        timeoutMs: 20_000,
      },
    );
    await eventually(() => {
      expect(eventsOf(GroupsStream.topic, empty.id).map((e) => e.type)).toEqual([
        'group.created',
        'group.deleted',
      ]);
      expect(eventsOf(GroupsStream.topic, full.id).map((e) => e.type)).toEqual([
        'group.created',
        'group.deleted',
      ]);
      for (const member of members)
        expect(
          eventsOf(GroupMembershipsStream.topic, `${full.id}:${String(member.userId)}`).map((e) => e.type),
        ).toEqual(['membership.added', 'membership.removed']);
    });
    const groups = (await as(admin, 'GET', '/v1/groups')).body as { items: Body[] };
    expect(groups.items).toEqual([]);
  });

  it("invites by address; the invited account accepts once and joins; reminders wait an hour; a revoked one can't be accepted", async () => {
    const tenantId = newTenant();
    const group = await givenGroup(tenantId, 'Invited');
    const groupAdmin = await givenUser(tenantId);
    await givenMember(group, groupAdmin, ['admin']);
    const email = `grace-${uniqueSuffix()}@example.com`;
    const grace = await givenUser(tenantId, email);
    const stranger = await givenUser(tenantId);

    const created = await as(groupAdmin, 'POST', `/v1/groups/${group.id}/invitations`, {
      email: email.toUpperCase(),
      roles: ['coach'],
    });
    expect(created.status).toBe(201);
    const invitation = created.body as Body;
    const listed = await as(groupAdmin, 'GET', `/v1/groups/${group.id}/invitations?status=pending`);
    expect((listed.body as { items: Body[] }).items.map((each) => each.id)).toEqual([invitation.id]);
    expectProblem(await as(stranger, 'GET', `/v1/groups/${group.id}/invitations`), 403, 'GROUP.FORBIDDEN');
    expectProblem(
      await as(groupAdmin, 'POST', `/v1/invitations/${invitation.id}/remind`),
      422,
      'INVITATION.REMINDED_TOO_SOON',
    );
    expectProblem(
      await as(stranger, 'POST', `/v1/invitations/${invitation.id}/accept`),
      403,
      'INVITATION.NOT_INVITEE',
    );

    const accepted = await as(grace, 'POST', `/v1/invitations/${invitation.id}/accept`);
    const again = await as(grace, 'POST', `/v1/invitations/${invitation.id}/accept`);

    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', userId: grace.userId, roles: ['coach'] });
    expectProblem(again, 409, 'INVITATION.ALREADY_ACCEPTED');
    const members = (await as(groupAdmin, 'GET', `/v1/groups/${group.id}/members?role=coach`)).body as {
      items: Body[];
    };
    expect(members.items.map((m) => m.userId)).toEqual([grace.userId]);

    const second = (
      await as(administratorOf(tenantId), 'POST', `/v1/groups/${group.id}/invitations`, {
        userId: stranger.userId,
        roles: ['learner'],
      })
    ).body as Body;
    expect((await as(groupAdmin, 'DELETE', `/v1/invitations/${second.id}`)).status).toBe(204);
    expectProblem(
      await as(stranger, 'POST', `/v1/invitations/${second.id}/accept`),
      409,
      'INVITATION.REVOKED',
    );

    await eventually(() => {
      expect(
        eventsOf(GroupInvitationsStream.topic, invitation.id).map((e) => [e.type, e.payload]),
      ).toMatchObject([
        [
          'invitation.created',
          { groupId: group.id, groupName: 'Invited', email: email.toUpperCase(), roles: ['coach'] },
        ],
        ['invitation.accepted', { status: 'accepted', userId: grace.userId }],
      ]);
      expect(eventsOf(GroupInvitationsStream.topic, second.id).map((e) => e.type)).toEqual([
        'invitation.created',
        'invitation.revoked',
      ]);
      expect(
        eventsOf(GroupMembershipsStream.topic, `${group.id}:${String(grace.userId)}`).map((e) => [
          e.type,
          e.payload,
        ]),
      ).toEqual([['membership.added', { groupId: group.id, userId: grace.userId, roles: ['coach'] }]]);
    });
  });
});
