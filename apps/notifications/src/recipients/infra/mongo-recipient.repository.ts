import { Inject, Injectable } from '@nestjs/common';
import { trusted, type Model } from 'mongoose';
import { uuidV7 } from '@lms/observability';
import type { UserState } from '@lms/contracts';
import { isDuplicateKeyError } from '@lms/service-kit';
import type { Recipient, RecipientState } from '../domain/recipient';
import type { RecipientRepository } from '../ports/recipient.repository';
import { RECIPIENT_MODEL, type RecipientDocument } from './recipient.schema';

export const RECIPIENT_MODEL_TOKEN = Symbol(RECIPIENT_MODEL);

@Injectable()
export class MongoRecipientRepository implements RecipientRepository {
  constructor(@Inject(RECIPIENT_MODEL_TOKEN) private readonly model: Model<RecipientDocument>) {}

  applyState(tenantId: string, state: RecipientState, version: number): Promise<boolean> {
    return this.upsertIfNewer(tenantId, state.userId, version, {
      email: state.email,
      firstName: state.firstName,
      lastName: state.lastName,
      locale: state.locale,
      state: state.state,
      deleted: false,
    });
  }

  applyDeletion(tenantId: string, userId: string, version: number): Promise<boolean> {
    return this.upsertIfNewer(tenantId, userId, version, {
      email: null,
      firstName: null,
      lastName: null,
      state: null,
      deleted: true,
    });
  }

  async find(tenantId: string, userId: string): Promise<Recipient | null> {
    const doc = await this.model.findOne({ tenantId, userId }).lean<RecipientDocument>().exec();
    return doc ? toRecipient(doc) : null;
  }

  async findMany(tenantId: string, userIds: readonly string[]): Promise<Recipient[]> {
    if (userIds.length === 0) return [];
    const docs = await this.model
      .find({ tenantId, userId: trusted({ $in: [...userIds] }) })
      .lean<RecipientDocument[]>()
      .exec();
    return docs.map(toRecipient);
  }

  /**
   * Conditional upsert on the natural key: matches only an older version; when the stored
   * version is as new or newer, the upsert's insert hits the unique index and nothing changes.
   */
  private async upsertIfNewer(
    tenantId: string,
    userId: string,
    version: number,
    fields: Partial<RecipientDocument>,
  ): Promise<boolean> {
    const now = new Date();
    try {
      const result = await this.model
        .updateOne(
          { tenantId, userId, version: trusted({ $lt: version }) },
          { $set: { ...fields, version, updatedAt: now }, $setOnInsert: { _id: uuidV7(), createdAt: now } },
          { upsert: true, setDefaultsOnInsert: false },
        )
        .exec();
      return result.matchedCount + result.upsertedCount > 0;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }
}

function toRecipient(doc: RecipientDocument): Recipient {
  return {
    tenantId: doc.tenantId,
    userId: doc.userId,
    email: doc.email ?? null,
    firstName: doc.firstName ?? null,
    lastName: doc.lastName ?? null,
    locale: doc.locale ?? 'en',
    state: (doc.state as UserState | null) ?? null,
    deleted: doc.deleted === true,
    version: doc.version,
  };
}
