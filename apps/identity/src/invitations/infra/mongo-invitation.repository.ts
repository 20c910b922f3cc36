import { Injectable } from '@nestjs/common';
import type { Model } from 'mongoose';
import { asOutboxCollection, OutboxRelay, writeIfVersion, type OutboxEntry } from '@lms/messaging';
import type { Page, PageRequest, SortOrder, WriteOutcome } from '@lms/kernel';
import { findPage, InjectModel } from '@lms/service-kit';
import type { Invitation, InvitationStatus } from '../domain/invitation';
import type { InvitationRepository } from '../ports/invitation.repository';
import { INVITATION_MODEL, type InvitationDocument } from './invitation.schema';

const WITHOUT_OUTBOX = { outbox: 0 } as const;

/** Invitations oldest first: ids are UUIDv7. */
const ID_ORDER: SortOrder = [['_id', 1]];

@Injectable()
export class MongoInvitationRepository implements InvitationRepository {
  constructor(
    @InjectModel(INVITATION_MODEL) private readonly model: Model<InvitationDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  async findById(tenantId: string, id: string): Promise<Invitation | null> {
    // By `_id` alone, which both engines serve from an index; the tenant is checked here.
    const doc = await this.model.findOne({ _id: id }, WITHOUT_OUTBOX).lean<InvitationDocument>().exec();
    return doc && doc.tenantId === tenantId ? toInvitation(doc) : null;
  }

  async insert(invitation: Invitation, outbox: readonly OutboxEntry[]): Promise<void> {
    await this.model.create({ ...toDocument(invitation), outbox: [...outbox] });
    this.published(invitation.id, outbox);
  }

  async update(
    invitation: Invitation,
    expectedVersion: number,
    outbox: readonly OutboxEntry[],
  ): Promise<WriteOutcome> {
    const { _id, tenantId, ...state } = toDocument(invitation);
    if (!(await writeIfVersion(this.model, { _id, tenantId, version: expectedVersion }, state, outbox)))
      return 'stale';
    this.published(invitation.id, outbox);
    return 'written';
  }

  async listOfGroup(
    tenantId: string,
    groupId: string,
    filter: { status?: InvitationStatus },
    page: PageRequest,
  ): Promise<Page<Invitation>> {
    const query = { tenantId, groupId, ...(filter.status ? { status: filter.status } : {}) };
    return findPage(this.model.find(query, WITHOUT_OUTBOX), ID_ORDER, page, toInvitation);
  }

  private published(id: string, outbox: readonly OutboxEntry[]): void {
    if (outbox.length > 0) this.relay.publishSoon(asOutboxCollection(this.model), [id]);
  }
}

function toDocument(invitation: Invitation): Omit<InvitationDocument, 'outbox'> {
  return {
    _id: invitation.id,
    tenantId: invitation.tenantId,
    groupId: invitation.groupId,
    email: invitation.email,
    emailNormalized: invitation.emailNormalized,
    userId: invitation.userId,
    roles: [...invitation.roles],
    status: invitation.status,
    invitedBy: invitation.invitedBy,
    reminders: invitation.reminders,
    lastSentAt: invitation.lastSentAt,
    createdAt: invitation.createdAt,
    updatedAt: invitation.updatedAt,
    closedAt: invitation.closedAt,
    version: invitation.version,
  };
}

function toInvitation(doc: InvitationDocument): Invitation {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    groupId: doc.groupId,
    email: doc.email,
    emailNormalized: doc.emailNormalized,
    userId: doc.userId ?? null,
    roles: [...doc.roles],
    status: doc.status,
    invitedBy: doc.invitedBy ?? null,
    reminders: doc.reminders,
    lastSentAt: new Date(doc.lastSentAt),
    createdAt: new Date(doc.createdAt),
    updatedAt: new Date(doc.updatedAt),
    closedAt: doc.closedAt ? new Date(doc.closedAt) : null,
    version: doc.version,
  };
}
