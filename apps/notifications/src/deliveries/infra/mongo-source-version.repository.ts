import { Injectable } from '@nestjs/common';
import { trusted, type Model } from 'mongoose';
import { InjectModel } from '@lms/service-kit';
import {
  assignmentVersionKey,
  type AssignmentVersion,
  type AssignmentVersionRepository,
} from '../ports/assignment-version.repository';
import { ASSIGNMENT_VERSION_MODEL, type AssignmentVersionDocument } from './assignment-version.schema';

@Injectable()
export class MongoAssignmentVersionRepository implements AssignmentVersionRepository {
  constructor(
    @InjectModel(ASSIGNMENT_VERSION_MODEL) private readonly model: Model<AssignmentVersionDocument>,
  ) {}

  async latestOf(
    keys: ReadonlyArray<{ tenantId: string; assignmentId: string }>,
  ): Promise<Map<string, number>> {
    if (keys.length === 0) return new Map();
    const ids = [...new Set(keys.map(assignmentVersionKey))];
    const docs = await this.model
      .find({ _id: trusted({ $in: ids }) })
      .lean<AssignmentVersionDocument[]>()
      .exec();
    return new Map(docs.map((doc) => [doc._id, doc.version]));
  }

  async recordMany(versions: readonly AssignmentVersion[]): Promise<void> {
    if (versions.length === 0) return;
    // `$max` on an upsert by `_id`: only ever raised, whatever order the writes land in.
    await this.model.bulkWrite(
      versions.map((entry) => ({
        updateOne: {
          filter: { _id: assignmentVersionKey(entry) },
          update: { $max: { version: entry.version }, $setOnInsert: { tenantId: entry.tenantId } },
          upsert: true,
        },
      })),
      { ordered: false },
    );
  }
}
