import type { OutboxEntry } from '@lms/messaging';
import type { Group } from '../domain/group';

/** Groups of one tenant at a time: every method takes the tenant id. */
export interface GroupRepository {
  findById(tenantId: string, id: string): Promise<Group | null>;
  insert(group: Group, outbox: readonly OutboxEntry[]): Promise<void>;
}

export const GROUP_REPOSITORY = Symbol('GROUP_REPOSITORY');
