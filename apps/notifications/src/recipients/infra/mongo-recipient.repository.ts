import { Injectable } from '@nestjs/common';
import type { Model, mongo } from 'mongoose';
import type { UserState } from '@lms/contracts';
import { normalizeEmail } from '@lms/kernel';
import { applyVersionedBatch, InjectModel, type VersionedBatchPlan } from '@lms/service-kit';
import {
  foldRecipientChanges,
  recipientKey,
  type ProjectionOutcome,
  type Recipient,
  type RecipientChange,
  type RecipientState,
} from '../domain/recipient';
import type { RecipientRepository } from '../ports/recipient.repository';
import { RECIPIENT_MODEL, type RecipientDocument } from './recipient.schema';

/** How the recipients take a batch of user changes (see applyVersionedBatch). */
const RECIPIENT_BATCH: VersionedBatchPlan<RecipientChange, RecipientChange, RecipientDocument> = {
  what: 'Recipients',
  keyOf: (change) => recipientKey(change.tenantId, change.userId),
  fold: foldRecipientChanges,
  versionOf: (write) => write.version,
  toInsert: (key, write) => {
    const now = new Date();
    return {
      _id: key,
      tenantId: write.tenantId,
      userId: write.userId,
      ...fieldsOf(write),
      locale: write.state?.locale ?? 'en',
      timezone: write.state?.timezone ?? null,
      version: write.version,
      createdAt: now,
      updatedAt: now,
    };
  },
  toSet: (write) => ({
    ...fieldsOf(write),
    ...(write.state ? { locale: write.state.locale, timezone: write.state.timezone } : {}),
    version: write.version,
    updatedAt: new Date(),
  }),
};

@Injectable()
export class MongoRecipientRepository implements RecipientRepository {
  constructor(@InjectModel(RECIPIENT_MODEL) private readonly model: Model<RecipientDocument>) {}

  /** The driver's collection, not mongoose's casting: these are plain, already valid documents. */
  private collection(): mongo.Collection<RecipientDocument> {
    return this.model.collection as unknown as mongo.Collection<RecipientDocument>;
  }

  /**
   * Read, decide, write, without a scan on either engine (applyVersionedBatch): per
   * recipient, the newest change of the batch if it is newer than what is stored, written by
   * a compare-and-set on the version read.
   */
  applyMany(changes: readonly RecipientChange[]): Promise<ProjectionOutcome[]> {
    return applyVersionedBatch(this.collection(), changes, RECIPIENT_BATCH);
  }

  async applyState(tenantId: string, state: RecipientState, version: number): Promise<boolean> {
    const [outcome] = await this.applyMany([{ tenantId, userId: state.userId, version, state }]);
    return outcome === 'applied';
  }

  async applyDeletion(tenantId: string, userId: string, version: number): Promise<boolean> {
    const [outcome] = await this.applyMany([{ tenantId, userId, version, state: null }]);
    return outcome === 'applied';
  }

  /** By `_id`; the tenant is part of the key, and checked again on what comes back. */
  async find(tenantId: string, userId: string): Promise<Recipient | null> {
    const doc = await this.collection().findOne({ _id: recipientKey(tenantId, userId) });
    return doc && doc.tenantId === tenantId && doc.userId === userId ? toRecipient(doc) : null;
  }

  /** One read by `_id: {$in}`. */
  async findMany(tenantId: string, userIds: readonly string[]): Promise<Recipient[]> {
    if (userIds.length === 0) return [];
    const keys = [...new Set(userIds)].map((userId) => recipientKey(tenantId, userId));
    const docs = await this.collection()
      .find({ _id: { $in: keys } })
      .toArray();
    return docs.filter((doc) => doc.tenantId === tenantId).map(toRecipient);
  }

  /** `{tenantId, emailNormalized: {$in}}`: the index of that name on MongoDB (a scan on the local stand-in). */
  async findByEmails(tenantId: string, emails: readonly string[]): Promise<Recipient[]> {
    if (emails.length === 0) return [];
    const normalized = [...new Set(emails.map(normalizeEmail))];
    const docs = await this.collection()
      .find({ tenantId, emailNormalized: { $in: normalized } })
      .toArray();
    return docs.filter((doc) => !doc.deleted).map(toRecipient);
  }
}

/**
 * The fields a change sets (a deletion clears the address, the name, the state and the
 * expiry; the locale and the time zone stay).
 */
function fieldsOf(
  change: RecipientChange,
): Pick<
  RecipientDocument,
  'email' | 'emailNormalized' | 'firstName' | 'lastName' | 'state' | 'expiresAt' | 'deleted'
> {
  const state = change.state;
  return state
    ? {
        email: state.email,
        emailNormalized: normalizeEmail(state.email),
        firstName: state.firstName,
        lastName: state.lastName,
        state: state.state,
        expiresAt: state.expiresAt,
        deleted: false,
      }
    : {
        email: null,
        emailNormalized: null,
        firstName: null,
        lastName: null,
        state: null,
        expiresAt: null,
        deleted: true,
      };
}

function toRecipient(doc: RecipientDocument): Recipient {
  return {
    tenantId: doc.tenantId,
    userId: doc.userId,
    email: doc.email ?? null,
    firstName: doc.firstName ?? null,
    lastName: doc.lastName ?? null,
    locale: doc.locale ?? 'en',
    timezone: doc.timezone ?? null,
    state: (doc.state as UserState | null) ?? null,
    expiresAt: doc.expiresAt ? new Date(doc.expiresAt) : null,
    deleted: doc.deleted === true,
    version: doc.version,
  };
}
