import type { Page, PageRequest, WriteOutcome } from '@lms/kernel';
import type { OutboxEntry } from '@lms/messaging';
import type { Invitation, InvitationStatus } from '../domain/invitation';

/**
 * Invitations of one tenant at a time: every method takes the tenant id. Each write stores
 * the invitation and its events (outbox) in one single-document write.
 */
export interface InvitationRepository {
  findById(tenantId: string, id: string): Promise<Invitation | null>;
  insert(invitation: Invitation, outbox: readonly OutboxEntry[]): Promise<void>;
  /** Replaces the stored state if its version is still `expectedVersion`; else `stale`. */
  update(
    invitation: Invitation,
    expectedVersion: number,
    outbox: readonly OutboxEntry[],
  ): Promise<WriteOutcome>;
  /** A group's invitations, oldest first, optionally of one status only. */
  listOfGroup(
    tenantId: string,
    groupId: string,
    filter: { status?: InvitationStatus },
    page: PageRequest,
  ): Promise<Page<Invitation>>;
}

export const INVITATION_REPOSITORY = Symbol('INVITATION_REPOSITORY');
