import { Injectable } from '@nestjs/common';
import { trusted, type Model } from 'mongoose';
import { writeIfVersion } from '@lms/messaging';
import { InjectModel } from '@lms/service-kit';
import type { WriteOutcome } from '@lms/kernel';
import type { BulkStateChange } from '../domain/bulk-state-change';
import type { BulkStateChangeRepository } from '../ports/bulk-state-change.repository';
import { BULK_STATE_CHANGE_MODEL, type BulkStateChangeDocument } from './bulk-state-change.schema';

@Injectable()
export class MongoBulkStateChangeRepository implements BulkStateChangeRepository {
  constructor(@InjectModel(BULK_STATE_CHANGE_MODEL) private readonly model: Model<BulkStateChangeDocument>) {}

  async findById(tenantId: string, id: string): Promise<BulkStateChange | null> {
    // By `_id` alone, which both engines serve from an index; the tenant is checked here.
    const doc = await this.model.findOne({ _id: id }).lean<BulkStateChangeDocument>().exec();
    return doc && doc.tenantId === tenantId ? toChange(doc) : null;
  }

  async insert(change: BulkStateChange): Promise<void> {
    await this.model.create(toDocument(change));
  }

  async update(change: BulkStateChange, expectedVersion: number): Promise<WriteOutcome> {
    const { _id, tenantId, ...state } = toDocument(change);
    // Exactly the fields of the `bulk_state_change_version` unique index: a compare-and-set.
    return (await writeIfVersion(this.model, { _id, tenantId, version: expectedVersion }, state, []))
      ? 'written'
      : 'stale';
  }

  async listRunning(
    afterId: string | null,
    limit: number,
  ): Promise<Array<Pick<BulkStateChange, 'id' | 'tenantId'>>> {
    // MongoDB serves it from the `{state, _id}` index; the stand-in scans the changes (a cold
    // path: the job runner's recovery).
    const docs = await this.model
      .find(
        { state: 'running', ...(afterId === null ? {} : { _id: trusted({ $gt: afterId }) }) },
        { _id: 1, tenantId: 1 },
      )
      .sort({ _id: 1 })
      .limit(limit)
      .lean<Array<Pick<BulkStateChangeDocument, '_id' | 'tenantId'>>>()
      .exec();
    return docs.map((doc) => ({ id: doc._id, tenantId: doc.tenantId }));
  }
}

function toDocument(change: BulkStateChange): BulkStateChangeDocument {
  return {
    _id: change.id,
    tenantId: change.tenantId,
    actor: { ...change.actor, roles: [...change.actor.roles] },
    action: change.action,
    userIds: [...change.userIds],
    results: change.results.map((result) => ({ userId: result.userId, outcome: result.outcome })),
    state: change.state,
    createdAt: change.createdAt,
    finishedAt: change.finishedAt,
    version: change.version,
  };
}

function toChange(doc: BulkStateChangeDocument): BulkStateChange {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    actor: {
      tenantId: doc.actor.tenantId,
      userId: doc.actor.userId ?? null,
      level: doc.actor.level,
      roles: [...doc.actor.roles],
    },
    action: doc.action,
    userIds: [...doc.userIds],
    results: doc.results.map((result) => ({ userId: result.userId, outcome: result.outcome })),
    state: doc.state,
    createdAt: new Date(doc.createdAt),
    finishedAt: doc.finishedAt ? new Date(doc.finishedAt) : null,
    version: doc.version,
  };
}
