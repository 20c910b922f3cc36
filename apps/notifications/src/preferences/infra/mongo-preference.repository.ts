import { Injectable } from '@nestjs/common';
import type { Model, mongo } from 'mongoose';
import type { WriteOutcome } from '@lms/kernel';
import { InjectModel, isDuplicateKeyError } from '@lms/service-kit';
import {
  isMailCategory,
  preferencesKey,
  type MailPreferences,
  type PreferenceOwner,
} from '../domain/mail-preferences';
import type { PreferenceRepository } from '../ports/preference.repository';
import { PREFERENCE_MODEL, type PreferenceDocument } from './preference.schema';

/**
 * Every filter is `_id`, `_id: {$in}` or the `{_id, version}` compare-and-set: served from an
 * index on both engines. The tenant is part of the key, and checked again on what comes back.
 */
@Injectable()
export class MongoPreferenceRepository implements PreferenceRepository {
  constructor(@InjectModel(PREFERENCE_MODEL) private readonly model: Model<PreferenceDocument>) {}

  /** The driver's collection, not mongoose's casting: these are plain, already valid documents. */
  private collection(): mongo.Collection<PreferenceDocument> {
    return this.model.collection as unknown as mongo.Collection<PreferenceDocument>;
  }

  async find(owner: PreferenceOwner): Promise<MailPreferences | null> {
    const doc = await this.collection().findOne({ _id: preferencesKey(owner.tenantId, owner.userId) });
    return doc && isOf(doc, owner) ? toPreferences(doc) : null;
  }

  /** One read by `_id: {$in}`, whatever the number of tenants. */
  async findMany(owners: readonly PreferenceOwner[]): Promise<MailPreferences[]> {
    if (owners.length === 0) return [];
    const asked = new Map(owners.map((owner) => [preferencesKey(owner.tenantId, owner.userId), owner]));
    const docs = await this.collection()
      .find({ _id: { $in: [...asked.keys()] } })
      .toArray();
    return docs
      .filter((doc) => {
        const owner = asked.get(doc._id);
        return owner !== undefined && isOf(doc, owner);
      })
      .map(toPreferences);
  }

  async insert(preferences: MailPreferences): Promise<WriteOutcome> {
    const at = preferences.updatedAt ?? new Date();
    try {
      await this.collection().insertOne({
        _id: preferencesKey(preferences.tenantId, preferences.userId),
        tenantId: preferences.tenantId,
        userId: preferences.userId,
        optedOut: [...preferences.optedOut],
        createdAt: at,
        updatedAt: at,
        version: preferences.version,
      });
      return 'written';
    } catch (error) {
      if (isDuplicateKeyError(error)) return 'stale';
      throw error;
    }
  }

  async update(preferences: MailPreferences, expectedVersion: number): Promise<WriteOutcome> {
    const result = await this.collection().updateOne(
      { _id: preferencesKey(preferences.tenantId, preferences.userId), version: expectedVersion },
      {
        $set: {
          optedOut: [...preferences.optedOut],
          updatedAt: preferences.updatedAt ?? new Date(),
          version: preferences.version,
        },
      },
    );
    return result.matchedCount === 1 ? 'written' : 'stale';
  }
}

function isOf(doc: PreferenceDocument, owner: PreferenceOwner): boolean {
  return doc.tenantId === owner.tenantId && doc.userId === owner.userId;
}

function toPreferences(doc: PreferenceDocument): MailPreferences {
  return {
    tenantId: doc.tenantId,
    userId: doc.userId,
    // A category no longer mailed is dropped: there is nothing left to opt out of.
    optedOut: (doc.optedOut ?? []).filter(isMailCategory),
    updatedAt: doc.updatedAt,
    version: doc.version,
  };
}
