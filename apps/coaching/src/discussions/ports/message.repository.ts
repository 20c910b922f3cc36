import type { Page, PageRequest } from '@lms/kernel';
import type { Message } from '../domain/message';

/**
 * The messages of assignments' discussions (CO-W1), in a collection of their own: a busy
 * discussion never grows the assignment's document. Every query is scoped by tenant.
 */
export interface MessageRepository {
  insert(message: Message): Promise<void>;
  /** The messages of one assignment, oldest first (by time, then by id). */
  listOf(tenantId: string, assignmentId: string, page: PageRequest): Promise<Page<Message>>;
  /**
   * When each of the assignments last had a message, in one read; an assignment without any is
   * not in the map (CO-A10's last interaction).
   */
  lastMessageAt(tenantId: string, assignmentIds: readonly string[]): Promise<Map<string, Date>>;
}

export const MESSAGE_REPOSITORY = Symbol('MESSAGE_REPOSITORY');
