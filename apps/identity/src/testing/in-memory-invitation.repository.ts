import type { OutboxEntry } from '@lms/messaging';
import { slicePage, type MemorySortKey, type Page, type PageRequest, type WriteOutcome } from '@lms/kernel';
import type { Invitation, InvitationStatus } from '../invitations/domain/invitation';
import type { InvitationRepository } from '../invitations/ports/invitation.repository';
import { RecordingOutbox } from './recording-outbox';

/** The order of the Mongo repository's lists: by id. */
const ID_ORDER: ReadonlyArray<MemorySortKey<Invitation>> = [['_id', (invitation) => invitation.id, 1]];

/** Invitations in memory, with the guarantees of the Mongo repository. */
export class InMemoryInvitationRepository implements InvitationRepository {
  private readonly rows = new Map<string, Invitation>();

  constructor(private readonly outbox: RecordingOutbox = new RecordingOutbox()) {}

  async findById(tenantId: string, id: string): Promise<Invitation | null> {
    const row = this.rows.get(id);
    return row && row.tenantId === tenantId ? structuredClone(row) : null;
  }

  async insert(invitation: Invitation, outbox: readonly OutboxEntry[]): Promise<void> {
    if (this.rows.has(invitation.id)) throw new Error(`duplicate invitation id ${invitation.id}`);
    this.rows.set(invitation.id, structuredClone(invitation));
    this.outbox.record(invitation.id, outbox);
  }

  async update(
    invitation: Invitation,
    expectedVersion: number,
    outbox: readonly OutboxEntry[],
  ): Promise<WriteOutcome> {
    const stored = this.rows.get(invitation.id);
    if (!stored || stored.tenantId !== invitation.tenantId || stored.version !== expectedVersion)
      return 'stale';
    this.rows.set(invitation.id, structuredClone(invitation));
    this.outbox.record(invitation.id, outbox);
    return 'written';
  }

  async listOfGroup(
    tenantId: string,
    groupId: string,
    filter: { status?: InvitationStatus },
    page: PageRequest,
  ): Promise<Page<Invitation>> {
    const matching = [...this.rows.values()].filter(
      (row) =>
        row.tenantId === tenantId &&
        row.groupId === groupId &&
        (filter.status === undefined || row.status === filter.status),
    );
    return structuredClone(slicePage(matching, page, ID_ORDER));
  }
}
