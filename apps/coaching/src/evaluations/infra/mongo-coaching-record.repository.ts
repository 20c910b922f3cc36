import { Injectable } from '@nestjs/common';
import type { Model } from 'mongoose';
import { writeIfVersion } from '@lms/messaging';
import type { Page, PageRequest, SortOrder } from '@lms/kernel';
import { findPage, InjectModel } from '@lms/service-kit';
import type { CoachingRecord, RecordContents, RecordKind } from '../domain/coaching-record';
import type { RecordScope } from '../domain/record-access';
import type { CoachingRecordRepository } from '../ports/coaching-record.repository';
import { COACHING_RECORD_MODEL, type CoachingRecordDocument } from './coaching-record.schema';

/** Evaluations and coaching sessions, newest first, ties by id. */
const NEWEST_FIRST: SortOrder = [
  ['createdAt', -1],
  ['_id', -1],
];

@Injectable()
export class MongoCoachingRecordRepository implements CoachingRecordRepository {
  constructor(@InjectModel(COACHING_RECORD_MODEL) private readonly model: Model<CoachingRecordDocument>) {}

  async insert(record: CoachingRecord): Promise<void> {
    await this.model.create(toDocument(record));
  }

  async findById<K extends RecordKind>(
    tenantId: string,
    kind: K,
    id: string,
  ): Promise<CoachingRecord<K> | null> {
    // By `_id` alone, which both engines serve from an index; the tenant and the kind are checked here.
    const doc = await this.model.findOne({ _id: id }).lean<CoachingRecordDocument>().exec();
    return doc && doc.tenantId === tenantId && doc.kind === kind ? toRecord<K>(doc) : null;
  }

  list<K extends RecordKind>(
    tenantId: string,
    kind: K,
    scope: RecordScope,
    page: PageRequest,
  ): Promise<Page<CoachingRecord<K>>> {
    // A list behind the HTTP API: MongoDB serves it from the (tenant, kind, mentee or author,
    // time) indexes, each branch of `involving` from its own; the local stand-in scans.
    const query: Record<string, unknown> = { tenantId, kind };
    if (scope.menteeId !== undefined) query.menteeId = scope.menteeId;
    if (scope.authorId !== undefined) query.authorId = scope.authorId;
    if (scope.involving !== undefined)
      query.$or = [{ menteeId: scope.involving }, { authorId: scope.involving }];
    return findPage(this.model.find(query), NEWEST_FIRST, page, toRecord<K>);
  }

  async save(tenantId: string, changed: CoachingRecord, expectedVersion: number): Promise<boolean> {
    const {
      _id,
      tenantId: _t,
      kind: _k,
      menteeId: _m,
      authorId: _a,
      createdAt: _c,
      ...state
    } = toDocument(changed);
    // Exactly the fields of the `coaching_record_version` unique index; no events to publish.
    return writeIfVersion(this.model, { _id, tenantId, version: expectedVersion }, state, []);
  }

  async delete(tenantId: string, id: string, expectedVersion: number): Promise<boolean> {
    // The same compare-and-set filter: a record changed since it was read is not deleted unseen.
    const result = await this.model.deleteOne({ _id: id, tenantId, version: expectedVersion }).exec();
    return result.deletedCount > 0;
  }
}

function toDocument(record: CoachingRecord): CoachingRecordDocument {
  const { id, content, ...rest } = record;
  return { _id: id, ...rest, ...content };
}

function toRecord<K extends RecordKind>(doc: CoachingRecordDocument): CoachingRecord<K> {
  const content: RecordContents[RecordKind] =
    doc.kind === 'evaluation'
      ? { skill: doc.skill ?? '', score: doc.score ?? 0, comment: doc.comment ?? null }
      : { date: doc.date ?? '', notes: doc.notes ?? '', outcome: doc.outcome ?? null };
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    kind: doc.kind as K,
    menteeId: doc.menteeId,
    authorId: doc.authorId,
    content: content as RecordContents[K],
    createdAt: new Date(doc.createdAt),
    updatedAt: new Date(doc.updatedAt),
    version: doc.version,
  };
}
