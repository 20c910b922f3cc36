import { Injectable } from '@nestjs/common';
import type { Model } from 'mongoose';
import { InjectModel } from '@lms/service-kit';
import type { RefreshFamily } from '../domain/refresh-token';
import type { RefreshFamilyRepository } from '../ports/refresh-family.repository';
import { REFRESH_FAMILY_MODEL, type RefreshFamilyDocument } from './refresh-family.schema';

@Injectable()
export class MongoRefreshFamilyRepository implements RefreshFamilyRepository {
  constructor(@InjectModel(REFRESH_FAMILY_MODEL) private readonly model: Model<RefreshFamilyDocument>) {}

  async findById(tenantId: string, id: string): Promise<RefreshFamily | null> {
    // By `_id` alone, which both engines serve from an index; the tenant is checked here.
    const doc = await this.model.findOne({ _id: id }).lean<RefreshFamilyDocument>().exec();
    return doc && doc.tenantId === tenantId ? toFamily(doc) : null;
  }

  async insert(family: RefreshFamily): Promise<void> {
    await this.model.create({
      _id: family.id,
      tenantId: family.tenantId,
      userId: family.userId,
      createdAt: family.createdAt,
      revokedAt: family.revokedAt,
    });
  }

  async revoke(tenantId: string, id: string, at: Date): Promise<void> {
    // Exactly the fields of the `refresh_family_revocation` unique index.
    await this.model.updateOne({ _id: id, tenantId, revokedAt: null }, { $set: { revokedAt: at } }).exec();
  }
}

function toFamily(doc: RefreshFamilyDocument): RefreshFamily {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    userId: doc.userId,
    createdAt: new Date(doc.createdAt),
    revokedAt: doc.revokedAt ? new Date(doc.revokedAt) : null,
  };
}
