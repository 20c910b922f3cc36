import { Injectable } from '@nestjs/common';
import type { Model } from 'mongoose';
import { InjectModel } from '@lms/service-kit';
import type { RefreshToken } from '../domain/refresh-token';
import type { RefreshTokenRepository } from '../ports/refresh-token.repository';
import type { WriteOutcome } from '@lms/kernel';
import { REFRESH_TOKEN_MODEL, type RefreshTokenDocument } from './refresh-token.schema';
import { writeIfVersion } from '@lms/messaging';

@Injectable()
export class MongoRefreshTokenRepository implements RefreshTokenRepository {
  constructor(@InjectModel(REFRESH_TOKEN_MODEL) private readonly model: Model<RefreshTokenDocument>) {}

  async findByHash(hash: string): Promise<RefreshToken | null> {
    const doc = await this.model.findOne({ _id: hash }).lean<RefreshTokenDocument>().exec();
    return doc ? toToken(doc) : null;
  }

  async insert(token: RefreshToken): Promise<void> {
    await this.model.create(toDocument(token));
  }

  async update(token: RefreshToken, expectedVersion: number): Promise<WriteOutcome> {
    const { _id, ...state } = toDocument(token);
    // Exactly the fields of the `refresh_token_version` unique index: a compare-and-set.
    const written = await writeIfVersion(this.model, { _id, version: expectedVersion }, state, []);
    return written ? 'written' : 'stale';
  }
}

function toDocument(token: RefreshToken): RefreshTokenDocument {
  return {
    _id: token.hash,
    familyId: token.familyId,
    tenantId: token.tenantId,
    userId: token.userId,
    issuedAt: token.issuedAt,
    expiresAt: token.expiresAt,
    spentAt: token.spentAt,
    version: token.version,
  };
}

function toToken(doc: RefreshTokenDocument): RefreshToken {
  return {
    hash: doc._id,
    familyId: doc.familyId,
    tenantId: doc.tenantId,
    userId: doc.userId,
    issuedAt: new Date(doc.issuedAt),
    expiresAt: new Date(doc.expiresAt),
    spentAt: doc.spentAt ? new Date(doc.spentAt) : null,
    version: doc.version,
  };
}
