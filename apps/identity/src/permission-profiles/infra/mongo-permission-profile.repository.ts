import { Injectable } from '@nestjs/common';
import type { Model } from 'mongoose';
import { asOutboxCollection, OutboxRelay, writeIfVersion, type OutboxEntry } from '@lms/messaging';
import { type Page, type PageRequest, type SortOrder, type WriteOutcome } from '@lms/kernel';
import { findPage, InjectModel, isDuplicateKeyError } from '@lms/service-kit';
import type { PermissionProfile } from '../domain/permission-profile';
import type { PermissionProfileRepository } from '../ports/permission-profile.repository';
import { PERMISSION_PROFILE_MODEL, type PermissionProfileDocument } from './permission-profile.schema';

const WITHOUT_OUTBOX = { outbox: 0 } as const;

/** A list of profiles in name order (one profile per name and tenant; the id only closes the order). */
const NAME_ORDER: SortOrder = [
  ['name', 1],
  ['_id', 1],
];

@Injectable()
export class MongoPermissionProfileRepository implements PermissionProfileRepository {
  constructor(
    @InjectModel(PERMISSION_PROFILE_MODEL) private readonly model: Model<PermissionProfileDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  async find(tenantId: string, name: string): Promise<PermissionProfile | null> {
    // Exactly the fields of the unique key: served from it on both engines.
    const doc = await this.model
      .findOne({ tenantId, name }, WITHOUT_OUTBOX)
      .lean<PermissionProfileDocument>()
      .exec();
    return doc ? toProfile(doc) : null;
  }

  async insert(profile: PermissionProfile, outbox: readonly OutboxEntry[]): Promise<WriteOutcome> {
    try {
      await this.model.create({ ...toDocument(profile), outbox: [...outbox] });
    } catch (error) {
      if (isDuplicateKeyError(error)) return 'stale';
      throw error;
    }
    this.relay.publishSoon(asOutboxCollection(this.model), [profile.id]);
    return 'written';
  }

  async update(
    profile: PermissionProfile,
    expectedVersion: number,
    outbox: readonly OutboxEntry[],
  ): Promise<WriteOutcome> {
    const { _id, tenantId, ...state } = toDocument(profile);
    // Exactly the fields of the `permission_profile_version` unique index: a compare-and-set on
    // this profile, never on another one defined under its name after it was deleted.
    if (!(await writeIfVersion(this.model, { _id, tenantId, version: expectedVersion }, state, outbox)))
      return 'stale';
    if (outbox.length > 0) this.relay.publishSoon(asOutboxCollection(this.model), [profile.id]);
    return 'written';
  }

  async delete(tenantId: string, name: string): Promise<boolean> {
    const result = await this.model.deleteOne({ tenantId, name }).exec();
    return result.deletedCount > 0;
  }

  async list(tenantId: string, page: PageRequest): Promise<Page<PermissionProfile>> {
    // MongoDB serves it from the unique key; the local stand-in scans (see the schema).
    return findPage(this.model.find({ tenantId }, WITHOUT_OUTBOX), NAME_ORDER, page, toProfile);
  }
}

function toDocument(profile: PermissionProfile): Omit<PermissionProfileDocument, 'outbox'> {
  return {
    _id: profile.id,
    tenantId: profile.tenantId,
    name: profile.name,
    rights: [...profile.rights],
    description: profile.description,
    createdAt: profile.createdAt,
    updatedAt: profile.updatedAt,
    version: profile.version,
  };
}

function toProfile(doc: PermissionProfileDocument): PermissionProfile {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    name: doc.name,
    rights: [...doc.rights],
    description: doc.description ?? null,
    createdAt: new Date(doc.createdAt),
    updatedAt: new Date(doc.updatedAt),
    version: doc.version,
  };
}
