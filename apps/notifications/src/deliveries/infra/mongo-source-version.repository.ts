import { Injectable } from '@nestjs/common';
import { trusted, type Model } from 'mongoose';
import { InjectModel } from '@lms/service-kit';
import {
  sourceVersionKey,
  type SourceRef,
  type SourceVersion,
  type SourceVersionRepository,
} from '../ports/source-version.repository';
import { SOURCE_VERSION_MODEL, type SourceVersionDocument } from './source-version.schema';

@Injectable()
export class MongoSourceVersionRepository implements SourceVersionRepository {
  constructor(@InjectModel(SOURCE_VERSION_MODEL) private readonly model: Model<SourceVersionDocument>) {}

  async latestOf(keys: readonly SourceRef[]): Promise<Map<string, number>> {
    if (keys.length === 0) return new Map();
    const ids = [...new Set(keys.map(sourceVersionKey))];
    const docs = await this.model
      .find({ _id: trusted({ $in: ids }) })
      .lean<SourceVersionDocument[]>()
      .exec();
    return new Map(docs.map((doc) => [doc._id, doc.version]));
  }

  async recordMany(versions: readonly SourceVersion[]): Promise<void> {
    if (versions.length === 0) return;
    // `$max` on an upsert by `_id`: only ever raised, whatever order the writes land in.
    await this.model.bulkWrite(
      versions.map((entry) => ({
        updateOne: {
          filter: { _id: sourceVersionKey(entry) },
          update: { $max: { version: entry.version }, $setOnInsert: { tenantId: entry.tenantId } },
          upsert: true,
        },
      })),
      { ordered: false },
    );
  }
}
