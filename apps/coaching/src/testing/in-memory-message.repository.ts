import { slicePage, type MemorySortKey, type Page, type PageRequest } from '@lms/kernel';
import type { Message } from '../discussions/domain/message';
import type { MessageRepository } from '../discussions/ports/message.repository';

/** Oldest first, by id among messages written at once, as the Mongo repository orders them. */
const OLDEST_FIRST: Array<MemorySortKey<Message>> = [
  ['createdAt', (m) => m.createdAt, 1],
  ['_id', (m) => m.id, 1],
];

/** The messages of discussions in memory, in the order the Mongo repository reads them. */
export class InMemoryMessageRepository implements MessageRepository {
  private readonly rows = new Map<string, Message>();

  async insert(message: Message): Promise<void> {
    if (this.rows.has(message.id)) throw new Error(`duplicate message id ${message.id}`);
    this.rows.set(message.id, structuredClone(message));
  }

  async listOf(tenantId: string, assignmentId: string, page: PageRequest): Promise<Page<Message>> {
    const of = [...this.rows.values()].filter(
      (m) => m.tenantId === tenantId && m.assignmentId === assignmentId,
    );
    return slicePage(
      of.map((m) => structuredClone(m)),
      page,
      OLDEST_FIRST,
    );
  }

  async lastMessageAt(tenantId: string, assignmentIds: readonly string[]): Promise<Map<string, Date>> {
    const asked = new Set(assignmentIds);
    const last = new Map<string, Date>();
    for (const m of this.rows.values()) {
      if (m.tenantId !== tenantId || !asked.has(m.assignmentId)) continue;
      const known = last.get(m.assignmentId);
      if (!known || known.getTime() < m.createdAt.getTime()) last.set(m.assignmentId, new Date(m.createdAt));
    }
    return last;
  }
}
