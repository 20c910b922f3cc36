import { Injectable } from '@nestjs/common';
import type { Model } from 'mongoose';
import { InjectModel } from '@lms/service-kit';
import type { SigningKey } from '../domain/signing-key';
import type { SigningKeyRepository } from '../ports/signing-key.repository';
import { SIGNING_KEY_MODEL, type SigningKeyDocument } from './signing-key.schema';

@Injectable()
export class MongoSigningKeyRepository implements SigningKeyRepository {
  constructor(@InjectModel(SIGNING_KEY_MODEL) private readonly model: Model<SigningKeyDocument>) {}

  async list(): Promise<SigningKey[]> {
    const docs = await this.model.find({}).lean<SigningKeyDocument[]>().exec();
    return docs.map((doc) => ({
      kid: doc._id,
      algorithm: doc.algorithm,
      publicJwk: doc.publicJwk,
      privateJwk: doc.privateJwk,
      createdAt: new Date(doc.createdAt),
      retiredAt: doc.retiredAt ? new Date(doc.retiredAt) : null,
    }));
  }

  async insert(key: SigningKey): Promise<void> {
    await this.model.create({
      _id: key.kid,
      algorithm: key.algorithm,
      publicJwk: key.publicJwk,
      privateJwk: key.privateJwk,
      createdAt: key.createdAt,
      retiredAt: key.retiredAt,
    });
  }

  async retireAllBut(kid: string, at: Date): Promise<void> {
    // By `_id`, one at a time: the stand-in serves only `_id` and unique keys from an index.
    const current = (await this.list()).filter((key) => key.kid !== kid && key.retiredAt === null);
    for (const key of current)
      await this.model.updateOne({ _id: key.kid }, { $set: { retiredAt: at } }).exec();
  }
}
