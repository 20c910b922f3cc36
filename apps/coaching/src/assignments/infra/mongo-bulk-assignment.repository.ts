import { Injectable } from '@nestjs/common';
import type { Model } from 'mongoose';
import { writeIfVersion } from '@lms/messaging';
import { InjectModel } from '@lms/service-kit';
import type { WriteOutcome } from '@lms/kernel';
import type { BulkAssignment } from '../domain/bulk-assignment';
import type { BulkAssignmentRepository } from '../ports/bulk-assignment.repository';
import { BULK_ASSIGNMENT_MODEL, type BulkAssignmentDocument } from './bulk-assignment.schema';

@Injectable()
export class MongoBulkAssignmentRepository implements BulkAssignmentRepository {
  constructor(@InjectModel(BULK_ASSIGNMENT_MODEL) private readonly model: Model<BulkAssignmentDocument>) {}

  async findById(tenantId: string, id: string): Promise<BulkAssignment | null> {
    // By `_id` alone, which both engines serve from an index; the tenant is checked here.
    const doc = await this.model.findOne({ _id: id }).lean<BulkAssignmentDocument>().exec();
    return doc && doc.tenantId === tenantId ? toBulk(doc) : null;
  }

  async insert(bulk: BulkAssignment): Promise<void> {
    await this.model.collection.insertOne(toDocument(bulk) as never);
  }

  async update(bulk: BulkAssignment, expectedVersion: number): Promise<WriteOutcome> {
    const { _id, tenantId, ...state } = toDocument(bulk);
    const key = { _id, tenantId, version: expectedVersion };
    return (await writeIfVersion(this.model, key, state, [])) ? 'written' : 'stale';
  }

  async listRunning(limit: number): Promise<Array<Pick<BulkAssignment, 'id' | 'tenantId'>>> {
    const docs = await this.model
      .find({ state: 'running' }, { _id: 1, tenantId: 1 })
      .limit(limit)
      .lean<Array<Pick<BulkAssignmentDocument, '_id' | 'tenantId'>>>()
      .exec();
    return docs.map((doc) => ({ id: doc._id, tenantId: doc.tenantId }));
  }
}

function toDocument(bulk: BulkAssignment): BulkAssignmentDocument {
  const { id, dates, ...rest } = bulk;
  return { _id: id, ...rest, startDate: dates.startDate, endDate: dates.endDate };
}

function toBulk(doc: BulkAssignmentDocument): BulkAssignment {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    groupId: doc.groupId,
    roles: [...doc.roles],
    coachIds: [...doc.coachIds],
    dates: { startDate: doc.startDate, endDate: doc.endDate ?? null },
    menteeIds: [...doc.menteeIds],
    results: doc.results.map(({ menteeId, outcome, assignmentId, reason }) => ({
      menteeId,
      outcome,
      ...(assignmentId === undefined || assignmentId === null ? {} : { assignmentId }),
      ...(reason === undefined || reason === null ? {} : { reason }),
    })),
    state: doc.state,
    createdAt: new Date(doc.createdAt),
    finishedAt: doc.finishedAt ? new Date(doc.finishedAt) : null,
    version: doc.version,
  };
}
