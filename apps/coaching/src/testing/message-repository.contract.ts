import { newId } from '@lms/kernel';
import type { Message } from '../discussions/domain/message';
import type { MessageRepository } from '../discussions/ports/message.repository';

function newTenant(): string {
  return `contract-${newId()}`;
}

function aMessage(
  tenantId: string,
  assignmentId: string,
  at: string,
  overrides: Partial<Message> = {},
): Message {
  const createdAt = new Date(at);
  return {
    id: newId(createdAt),
    tenantId,
    assignmentId,
    authorId: newId(),
    text: `said at ${at}`,
    createdAt,
    ...overrides,
  };
}

/**
 * What every {@link MessageRepository} must do, run against the in-memory fake (unit) and the
 * Mongo repository (integration), so that the fake the use case tests rely on behaves like the
 * real thing. Each test works in a tenant of its own.
 */
export function describeMessageRepositoryContract(name: string, make: () => MessageRepository): void {
  describe(`${name} (message repository contract)`, () => {
    it('given messages written out of order, then a discussion reads them oldest first, a page at a time, as written', async () => {
      const repo = make();
      const tenantId = newTenant();
      const assignmentId = newId();
      const second = aMessage(tenantId, assignmentId, '2025-03-10T09:05:00.000Z', {
        text: 'Ünïcode, "quotes" and\nlines survive',
      });
      const first = aMessage(tenantId, assignmentId, '2025-03-10T09:00:00.000Z');
      const third = aMessage(tenantId, assignmentId, '2025-03-10T09:10:00.000Z');
      for (const message of [second, third, first]) await repo.insert(message);

      const page = await repo.listOf(tenantId, assignmentId, { limit: 2 });
      expect(page).toEqual({ items: [first, second], limit: 2, nextCursor: expect.any(String) });
      expect(
        await repo.listOf(tenantId, assignmentId, { limit: 2, cursor: page.nextCursor ?? undefined }),
      ).toEqual({
        items: [third],
        limit: 2,
        nextCursor: null,
      });
    });

    it('given two messages of the same instant, then they read in the order of their ids, a page at a time too', async () => {
      const repo = make();
      const tenantId = newTenant();
      const assignmentId = newId();
      const at = '2025-03-10T09:00:00.000Z';
      const [low, high] = [aMessage(tenantId, assignmentId, at), aMessage(tenantId, assignmentId, at)].sort(
        (a, b) => (a.id < b.id ? -1 : 1),
      );
      await repo.insert(high);
      await repo.insert(low);

      const page = await repo.listOf(tenantId, assignmentId, { limit: 10 });
      const first = await repo.listOf(tenantId, assignmentId, { limit: 1 });
      const next = await repo.listOf(tenantId, assignmentId, {
        limit: 1,
        cursor: first.nextCursor ?? undefined,
      });

      expect(page.items.map((m) => m.id)).toEqual([low.id, high.id]);
      expect([...first.items, ...next.items].map((m) => m.id)).toEqual([low.id, high.id]);
      expect(next.nextCursor).toBeNull();
    });

    it('reads the messages of one assignment of one tenant only', async () => {
      const repo = make();
      const [tenantId, otherTenant] = [newTenant(), newTenant()];
      const [assignmentId, otherAssignment] = [newId(), newId()];
      const mine = aMessage(tenantId, assignmentId, '2025-03-10T09:00:00.000Z');
      await repo.insert(mine);
      await repo.insert(aMessage(tenantId, otherAssignment, '2025-03-10T09:01:00.000Z'));
      await repo.insert(aMessage(otherTenant, assignmentId, '2025-03-10T09:02:00.000Z'));

      expect((await repo.listOf(tenantId, assignmentId, { limit: 10 })).items).toEqual([mine]);
      expect(await repo.listOf(newTenant(), assignmentId, { limit: 10 })).toEqual({
        items: [],
        limit: 10,
        nextCursor: null,
      });
    });

    it('given discussions of several assignments, then it tells when each asked for last had a message, in one read, within the tenant', async () => {
      const repo = make();
      const [tenantId, otherTenant] = [newTenant(), newTenant()];
      const [busy, quiet, silent, notAsked] = [newId(), newId(), newId(), newId()];
      await repo.insert(aMessage(tenantId, busy, '2025-03-10T09:00:00.000Z'));
      await repo.insert(aMessage(tenantId, busy, '2025-03-12T17:30:00.000Z'));
      await repo.insert(aMessage(tenantId, busy, '2025-03-11T08:00:00.000Z'));
      await repo.insert(aMessage(tenantId, quiet, '2025-02-01T12:00:00.000Z'));
      await repo.insert(aMessage(tenantId, notAsked, '2025-03-20T12:00:00.000Z'));
      // Later, but in another tenant: never part of this tenant's answer.
      await repo.insert(aMessage(otherTenant, quiet, '2025-03-30T12:00:00.000Z'));

      const last = await repo.lastMessageAt(tenantId, [busy, quiet, silent, busy]);

      expect(last).toEqual(
        new Map([
          [busy, new Date('2025-03-12T17:30:00.000Z')],
          [quiet, new Date('2025-02-01T12:00:00.000Z')],
        ]),
      );
      expect(await repo.lastMessageAt(tenantId, [])).toEqual(new Map());
      expect(await repo.lastMessageAt(newTenant(), [busy, quiet])).toEqual(new Map());
    });
  });
}
