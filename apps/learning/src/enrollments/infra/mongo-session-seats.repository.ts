import { Injectable } from '@nestjs/common';
import type { Model } from 'mongoose';
import { InjectModel, isDuplicateKeyError } from '@lms/service-kit';
import { noSeatsTaken, type SessionSeats } from '../domain/session-seats';
import type { SessionSeatsRepository } from '../ports/session-seats.repository';
import { SESSION_SEATS_MODEL, type SessionSeatsDocument } from './session-seats.schema';

@Injectable()
export class MongoSessionSeatsRepository implements SessionSeatsRepository {
  constructor(@InjectModel(SESSION_SEATS_MODEL) private readonly model: Model<SessionSeatsDocument>) {}

  async find(tenantId: string, sessionId: string): Promise<SessionSeats> {
    // By `_id` alone; the tenant is checked here.
    const doc = await this.model.findOne({ _id: sessionId }).lean<SessionSeatsDocument>().exec();
    if (!doc || doc.tenantId !== tenantId) return noSeatsTaken(tenantId, sessionId);
    return { sessionId: doc._id, tenantId: doc.tenantId, holders: [...doc.holders], version: doc.version };
  }

  async save(changed: SessionSeats, expectedVersion: number): Promise<boolean> {
    const { sessionId, tenantId, holders, version } = changed;
    if (expectedVersion === 0) {
      try {
        await this.model.create({ _id: sessionId, tenantId, holders: [...holders], version });
        return true;
      } catch (error) {
        if (isDuplicateKeyError(error)) return false;
        throw error;
      }
    }
    // Exactly the fields of the `session_seats_version` unique index.
    const result = await this.model
      .updateOne({ _id: sessionId, version: expectedVersion }, { $set: { holders: [...holders], version } })
      .exec();
    return result.matchedCount > 0;
  }
}
