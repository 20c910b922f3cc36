import { slicePage, type Page, type PageRequest } from '@lms/kernel';
import type { Message } from '../discussions/domain/message';
import type { MessageRepository } from '../discussions/ports/message.repository';

/** The messages of discussions in memory, in the order the Mongo repository reads them. */
export class InMemoryMessageRepository implements MessageRepository {
  private readonly rows = new Map<string, Message>();

  async insert(message: Message): Promise<void> {
    if (this.rows.has(message.id)) throw new Error(`duplicate message id ${message.id}`);
    this.rows.set(message.id, structuredClone(message));
  }

  async listOf(tenantId: string, assignmentId: string, page: PageRequest): Promise<Page<Message>> {
    const of = [...this.rows.values()]
      .filter((m) => m.tenantId === tenantId && m.assignmentId === assignmentId)
      .sort(
        (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
    return slicePage(
      of.map((m) => structuredClone(m)),
      page,
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
