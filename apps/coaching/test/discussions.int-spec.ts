import { newId } from '@lms/kernel';
import type { Principal } from '@lms/service-kit';
import { isolateTestEnvironment, startServiceApp, type ServiceTestApp } from '@lms/service-testing';
import { uniqueSuffix } from '@lms/testing';
import type { Assignment } from '../src/assignments/domain/assignment';
import { newIndividualAssignment } from '../src/assignments/domain/assignment-lifecycle';
import { calendarDateOf } from '../src/assignments/domain/calendar-date';
import {
  ASSIGNMENT_REPOSITORY,
  type AssignmentRepository,
} from '../src/assignments/ports/assignment.repository';

interface MessageBody {
  id: string;
  assignmentId: string;
  authorId: string;
  text: string;
  createdAt: string;
}

interface PageBody {
  items: MessageBody[];
  limit: number;
  nextCursor: string | null;
}

/** A signed-in user of the tenant: a plain user unless given administrative roles. */
function aUser(tenantId: string, roles: string[] = []): Principal & { userId: string } {
  return { tenantId, userId: newId(), level: 'user', roles };
}

/**
 * The discussion of an individual assignment over HTTP (CO-W1), against the real database: its
 * mentee and its coach write and read, nobody else does, administrators included, and an ended
 * assignment keeps its discussion as history.
 */
describe('the discussion between a mentee and its coach (real Mongo)', () => {
  const tenantId = `coaching-discussions-${uniqueSuffix()}`;
  const [mentee, coach, stranger] = [aUser(tenantId), aUser(tenantId), aUser(tenantId)];
  const administrator = aUser(tenantId, ['application_admin']);
  let service: ServiceTestApp;
  let assignment: Assignment;

  beforeAll(async () => {
    isolateTestEnvironment('coaching');
    const { AppModule } = await import('../src/app.module');
    // The default caller is a superadmin of the tenant: it ends the assignment below.
    service = await startServiceApp(AppModule, {
      globalPrefix: 'v1',
      withConsumers: false,
      caller: { tenantId },
    });
    const now = new Date();
    assignment = newIndividualAssignment(
      {
        tenantId,
        menteeId: mentee.userId,
        coachIds: [coach.userId],
        groupId: null,
        dates: { startDate: calendarDateOf(now), endDate: null },
      },
      { id: newId(now), now, today: calendarDateOf(now) },
    );
    await service.app.get<AssignmentRepository>(ASSIGNMENT_REPOSITORY).insert({ assignment, outbox: [] });
  });

  afterAll(async () => {
    await service?.close();
  });

  const messagesOf = (id: string) => `/v1/assignments/${id}/messages`;

  it('given a current assignment, when the mentee and the coach write, then both read the exchange oldest first, a page at a time', async () => {
    const asked = await service.request(
      'POST',
      messagesOf(assignment.id),
      { text: '  Module 2 on Thursday?  ' },
      { as: mentee },
    );
    expect(asked).toMatchObject({
      status: 201,
      body: { assignmentId: assignment.id, authorId: mentee.userId, text: 'Module 2 on Thursday?' },
    });
    const answered = await service.request(
      'POST',
      messagesOf(assignment.id),
      { text: 'Yes, 10:00.' },
      { as: coach },
    );
    expect(answered).toMatchObject({ status: 201, body: { authorId: coach.userId, text: 'Yes, 10:00.' } });
    const [first, second] = [asked.body as MessageBody, answered.body as MessageBody];
    expect(Object.keys(first).sort()).toEqual(['assignmentId', 'authorId', 'createdAt', 'id', 'text']);

    for (const reader of [mentee, coach]) {
      const read = await service.request('GET', messagesOf(assignment.id), undefined, { as: reader });
      expect(read).toMatchObject({ status: 200, body: { items: [first, second], nextCursor: null } });
    }
    const page = await service.request('GET', `${messagesOf(assignment.id)}?limit=1`, undefined, {
      as: mentee,
    });
    expect(page.body).toEqual({ items: [first], limit: 1, nextCursor: expect.any(String) });
    const { nextCursor } = page.body as PageBody;
    const next = await service.request(
      'GET',
      `${messagesOf(assignment.id)}?limit=1&cursor=${nextCursor}`,
      undefined,
      {
        as: mentee,
      },
    );
    expect(next.body).toEqual({ items: [second], limit: 1, nextCursor: null });
    // The last message is the assignment's last interaction in an administrator's list (CO-A10).
    const listed = await service.request('GET', `/v1/assignments/${assignment.id}`);
    expect(listed.body).toMatchObject({ lastInteractionAt: second.createdAt });
  });

  it('given a retry of a message with the same Idempotency-Key, then it is written once', async () => {
    const key = `discussion-retry-${newId()}`;
    const once = await service.request(
      'POST',
      messagesOf(assignment.id),
      { text: 'Sent twice?' },
      { as: coach, headers: { 'idempotency-key': key } },
    );
    const again = await service.request(
      'POST',
      messagesOf(assignment.id),
      { text: 'Sent twice?' },
      { as: coach, headers: { 'idempotency-key': key } },
    );

    expect(once.status).toBe(201);
    expect(again).toMatchObject({ status: 201, body: once.body });
    const read = await service.request('GET', messagesOf(assignment.id), undefined, { as: coach });
    expect((read.body as PageBody).items.filter((m) => m.text === 'Sent twice?')).toHaveLength(1);
  });

  it('given a stranger or an administrator of the tenant, then neither reads nor writes the discussion', async () => {
    // Undefined: the service's default caller, a superadmin of the tenant.
    for (const caller of [stranger, administrator, undefined]) {
      const as = caller ? { as: caller } : {};
      expect(
        await service.request('POST', messagesOf(assignment.id), { text: 'Let me in' }, as),
      ).toMatchObject({
        status: 403,
        body: { code: 'DISCUSSION.FORBIDDEN' },
      });
      expect(await service.request('GET', messagesOf(assignment.id), undefined, as)).toMatchObject({
        status: 403,
        body: { code: 'DISCUSSION.FORBIDDEN' },
      });
    }
    const read = await service.request('GET', messagesOf(assignment.id), undefined, { as: mentee });
    expect((read.body as PageBody).items.map((m) => m.text)).not.toContain('Let me in');
  });

  it('given an unknown assignment, or the mentee of the same id in another tenant, then it is not found', async () => {
    expect(await service.request('GET', messagesOf(newId()), undefined, { as: mentee })).toMatchObject({
      status: 404,
      body: { code: 'ASSIGNMENT.NOT_FOUND' },
    });
    const elsewhere = { ...mentee, tenantId: `${tenantId}-other` };
    expect(
      await service.request('POST', messagesOf(assignment.id), { text: 'hi' }, { as: elsewhere }),
    ).toMatchObject({
      status: 404,
      body: { code: 'ASSIGNMENT.NOT_FOUND' },
    });
  });

  it('given an empty or blank text, one too long, or an author of its own, then the request is refused and nothing is written', async () => {
    const count = async () =>
      ((await service.request('GET', messagesOf(assignment.id), undefined, { as: mentee })).body as PageBody)
        .items.length;
    const before = await count();
    for (const body of [
      {},
      { text: ' \n ' },
      { text: 'x'.repeat(4001) },
      { text: 'hi', authorId: stranger.userId },
    ]) {
      expect(await service.request('POST', messagesOf(assignment.id), body, { as: mentee })).toMatchObject({
        status: 400,
        body: { code: 'REQUEST.VALIDATION_FAILED' },
      });
    }
    expect(await count()).toBe(before);
    const longest = await service.request(
      'POST',
      messagesOf(assignment.id),
      { text: 'y'.repeat(4000) },
      { as: mentee },
    );
    expect(longest.status).toBe(201);
  });

  it('given the assignment has ended, then writing is refused as closed and the exchange is still read', async () => {
    const before = await service.request('GET', messagesOf(assignment.id), undefined, { as: coach });
    expect(await service.request('POST', `/v1/assignments/${assignment.id}/end`)).toMatchObject({
      status: 200,
      body: { status: 'ended' },
    });

    for (const writer of [mentee, coach]) {
      expect(
        await service.request('POST', messagesOf(assignment.id), { text: 'Too late' }, { as: writer }),
      ).toMatchObject({
        status: 409,
        body: { code: 'DISCUSSION.CLOSED' },
      });
    }
    expect(
      await service.request('POST', messagesOf(assignment.id), { text: 'Too late' }, { as: stranger }),
    ).toMatchObject({
      status: 403,
      body: { code: 'DISCUSSION.FORBIDDEN' },
    });
    const after = await service.request('GET', messagesOf(assignment.id), undefined, { as: mentee });
    expect(after).toMatchObject({ status: 200, body: before.body as PageBody });
  });
});
