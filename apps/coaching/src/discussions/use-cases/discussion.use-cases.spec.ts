import { newId } from '@lms/kernel';
import { OTHER_TENANT, TENANT } from '../../testing/coaching-testbed';
import { buildDiscussionsTestbed } from '../../testing/discussions-testbed';

const PAGE = { limit: 50 };

describe('discussions of an assignment (CO-W1)', () => {
  it('given a current assignment, when its mentee and its coach write, then both read the messages oldest first, each under its author, trimmed', async () => {
    const bed = buildDiscussionsTestbed();
    const assignment = await bed.givenAssignment();
    const [coach] = assignment.coachIds;

    const asked = await bed.postMessage.execute({
      tenantId: TENANT,
      assignmentId: assignment.id,
      authorId: assignment.menteeId,
      text: '  Could we look at module 2?  ',
    });
    bed.clock.advance(60_000);
    const answered = await bed.postMessage.execute({
      tenantId: TENANT,
      assignmentId: assignment.id,
      authorId: coach,
      text: 'Yes, on Thursday.',
    });

    expect(asked).toEqual({
      id: expect.any(String),
      tenantId: TENANT,
      assignmentId: assignment.id,
      authorId: assignment.menteeId,
      text: 'Could we look at module 2?',
      createdAt: new Date('2025-03-10T09:00:00.000Z'),
    });
    expect(answered.createdAt).toEqual(new Date('2025-03-10T09:01:00.000Z'));
    for (const readerId of [assignment.menteeId, coach]) {
      const page = await bed.listMessages.execute({
        tenantId: TENANT,
        assignmentId: assignment.id,
        readerId,
        page: PAGE,
      });
      expect(page).toEqual({ items: [asked, answered], limit: 50, nextCursor: null });
    }
    expect(await bed.messages.lastMessageAt(TENANT, [assignment.id])).toEqual(
      new Map([[assignment.id, answered.createdAt]]),
    );
  });

  it('given someone who is neither the mentee nor a coach of the assignment, then they may neither write nor read, and nothing is written', async () => {
    const bed = buildDiscussionsTestbed();
    const assignment = await bed.givenAssignment();
    // A coach of the same mentee under another assignment is a stranger to this one.
    const elsewhere = await bed.givenAssignment({ menteeId: assignment.menteeId });
    const [strangerCoach] = elsewhere.coachIds;

    for (const authorId of [strangerCoach, newId(), null]) {
      await expect(
        bed.postMessage.execute({ tenantId: TENANT, assignmentId: assignment.id, authorId, text: 'hi' }),
      ).rejects.toMatchObject({ code: 'DISCUSSION.FORBIDDEN', kind: 'forbidden' });
      await expect(
        bed.listMessages.execute({
          tenantId: TENANT,
          assignmentId: assignment.id,
          readerId: authorId,
          page: PAGE,
        }),
      ).rejects.toMatchObject({ code: 'DISCUSSION.FORBIDDEN', kind: 'forbidden' });
    }
    expect(await bed.messages.lastMessageAt(TENANT, [assignment.id])).toEqual(new Map());
  });

  it.each([
    ['ended', { status: 'ended' as const }],
    ['expired', { status: 'expired' as const }],
    ['deactivated', { active: false }],
  ])(
    'given an %s assignment, then writing is refused as closed while its discussion is still read',
    async (_state, overrides) => {
      const bed = buildDiscussionsTestbed();
      const open = await bed.givenAssignment();
      const before = await bed.postMessage.execute({
        tenantId: TENANT,
        assignmentId: open.id,
        authorId: open.menteeId,
        text: 'Before it closed',
      });
      const closed = { ...open, ...overrides, version: open.version + 1 };
      expect(await bed.assignments.save(TENANT, { assignment: closed, outbox: [] }, open.version)).toBe(true);

      await expect(
        bed.postMessage.execute({
          tenantId: TENANT,
          assignmentId: open.id,
          authorId: open.menteeId,
          text: 'hi',
        }),
      ).rejects.toMatchObject({ code: 'DISCUSSION.CLOSED', kind: 'conflict' });
      const page = await bed.listMessages.execute({
        tenantId: TENANT,
        assignmentId: open.id,
        readerId: open.coachIds[0],
        page: PAGE,
      });
      expect(page.items).toEqual([before]);
    },
  );

  it('given a scheduled assignment, then its mentee already writes to its coach', async () => {
    const bed = buildDiscussionsTestbed();
    const assignment = await bed.givenAssignment({ status: 'scheduled', startDate: '2025-04-01' });

    const message = await bed.postMessage.execute({
      tenantId: TENANT,
      assignmentId: assignment.id,
      authorId: assignment.menteeId,
      text: 'Looking forward to April',
    });

    expect(message.text).toBe('Looking forward to April');
  });

  it('given an unknown, deleted or other tenant’s assignment, then it is not found, before anyone’s rights are weighed', async () => {
    const bed = buildDiscussionsTestbed();
    const deleted = await bed.givenAssignment({ deletedAt: new Date('2025-03-05T00:00:00.000Z') });
    const foreign = await bed.givenAssignment({ tenantId: OTHER_TENANT });

    for (const { id, menteeId } of [deleted, foreign, { id: newId(), menteeId: newId() }]) {
      await expect(
        bed.postMessage.execute({ tenantId: TENANT, assignmentId: id, authorId: menteeId, text: 'hi' }),
      ).rejects.toMatchObject({ code: 'ASSIGNMENT.NOT_FOUND', kind: 'not_found' });
      await expect(
        bed.listMessages.execute({ tenantId: TENANT, assignmentId: id, readerId: newId(), page: PAGE }),
      ).rejects.toMatchObject({ code: 'ASSIGNMENT.NOT_FOUND', kind: 'not_found' });
    }
  });

  it('given a text of nothing but spaces, or too long once trimmed, then it is refused and nothing is written', async () => {
    const bed = buildDiscussionsTestbed();
    const assignment = await bed.givenAssignment();

    for (const text of [' \n\t ', 'x'.repeat(4001)]) {
      await expect(
        bed.postMessage.execute({
          tenantId: TENANT,
          assignmentId: assignment.id,
          authorId: assignment.menteeId,
          text,
        }),
      ).rejects.toMatchObject({ code: 'DISCUSSION.MESSAGE_INVALID', kind: 'invalid' });
    }
    expect(await bed.messages.lastMessageAt(TENANT, [assignment.id])).toEqual(new Map());
  });

  it('given a long discussion, then it is read a page at a time, oldest first', async () => {
    const bed = buildDiscussionsTestbed();
    const assignment = await bed.givenAssignment();
    for (let n = 1; n <= 5; n++) {
      await bed.postMessage.execute({
        tenantId: TENANT,
        assignmentId: assignment.id,
        authorId: n % 2 ? assignment.menteeId : assignment.coachIds[0],
        text: `message ${n}`,
      });
      bed.clock.advance(1_000);
    }

    const read = (cursor?: string | null) =>
      bed.listMessages.execute({
        tenantId: TENANT,
        assignmentId: assignment.id,
        readerId: assignment.menteeId,
        page: { limit: 2, cursor: cursor ?? undefined },
      });

    const first = await read();
    const second = await read(first.nextCursor);
    const last = await read(second.nextCursor);
    expect(first.items.map((m) => m.text)).toEqual(['message 1', 'message 2']);
    expect(first.nextCursor).toEqual(expect.any(String));
    expect(second.items.map((m) => m.text)).toEqual(['message 3', 'message 4']);
    expect(last.items.map((m) => m.text)).toEqual(['message 5']);
    expect(last.nextCursor).toBeNull();
  });
});
