import { Injectable } from '@nestjs/common';
import { trusted, type Model } from 'mongoose';
import { InjectModel, isDuplicateKeyError } from '@lms/service-kit';
import type { FailureCounter } from '../domain/login-throttle';
import type { FailureCounterRepository } from '../ports/failure-counter.repository';
import type { WriteOutcome } from '@lms/kernel';
import { FAILURE_COUNTER_MODEL, type FailureCounterDocument } from './failure-counter.schema';
import { writeIfVersion } from '@lms/messaging';

@Injectable()
export class MongoFailureCounterRepository implements FailureCounterRepository {
  constructor(@InjectModel(FAILURE_COUNTER_MODEL) private readonly model: Model<FailureCounterDocument>) {}

  async find(keys: readonly string[]): Promise<FailureCounter[]> {
    const docs = await this.model
      .find({ _id: trusted({ $in: [...keys] }) })
      .lean<FailureCounterDocument[]>()
      .exec();
    return docs.map(toCounter);
  }

  async insert(counter: FailureCounter): Promise<WriteOutcome> {
    try {
      await this.model.create(toDocument(counter));
      return 'written';
    } catch (error) {
      if (isDuplicateKeyError(error)) return 'stale';
      throw error;
    }
  }

  async replace(counter: FailureCounter, expectedVersion: number): Promise<WriteOutcome> {
    const { _id, ...state } = toDocument(counter);
    // Exactly the fields of the `failure_counter_version` unique index: a compare-and-set.
    const written = await writeIfVersion(this.model, { _id, version: expectedVersion }, state, []);
    return written ? 'written' : 'stale';
  }

  async increment(key: string): Promise<WriteOutcome> {
    const result = await this.model.updateOne({ _id: key }, { $inc: { failures: 1, version: 1 } }).exec();
    return result.matchedCount === 0 ? 'stale' : 'written';
  }

  async remove(key: string): Promise<void> {
    await this.model.deleteOne({ _id: key }).exec();
  }
}

function toDocument(counter: FailureCounter): FailureCounterDocument {
  return {
    _id: counter.key,
    windowStartedAt: counter.windowStartedAt,
    windowEndsAt: counter.windowEndsAt,
    failures: counter.failures,
    version: counter.version,
  };
}

function toCounter(doc: FailureCounterDocument): FailureCounter {
  return {
    key: doc._id,
    windowStartedAt: new Date(doc.windowStartedAt),
    windowEndsAt: new Date(doc.windowEndsAt),
    failures: doc.failures,
    version: doc.version,
  };
}
