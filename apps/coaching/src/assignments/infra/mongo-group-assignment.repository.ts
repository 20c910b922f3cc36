import { Injectable } from '@nestjs/common';
import { trusted, type Model } from 'mongoose';
import { asOutboxCollection, OutboxRelay, writeIfVersion, type OutboxEntry } from '@lms/messaging';
import { type Page, type PageRequest, type SortOrder } from '@lms/kernel';
import { findPage, InjectModel } from '@lms/service-kit';
import type { GroupAssignment } from '../domain/group-assignment';
import type {
  FanOutChunk,
  FollowChunk,
  GroupAssignmentRepository,
} from '../ports/group-assignment.repository';
import { GROUP_ASSIGNMENT_MODEL, type GroupAssignmentDocument } from './group-assignment.schema';

/** The order of the list: newest first, by id among those created at once. */
const NEWEST_FIRST: SortOrder = [
  ['createdAt', -1],
  ['_id', -1],
];
/** Unfinished fan-outs (or follows) re-enqueued per look; the next look takes the rest. */
const UNFINISHED_FAN_OUTS_PER_LOOK = 1_000;

@Injectable()
export class MongoGroupAssignmentRepository implements GroupAssignmentRepository {
  constructor(
    @InjectModel(GROUP_ASSIGNMENT_MODEL) private readonly model: Model<GroupAssignmentDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  async create(groupAssignment: GroupAssignment, outbox: readonly OutboxEntry[]): Promise<void> {
    const { id, ...state } = groupAssignment;
    await this.model.create({ _id: id, ...state, outbox: [...outbox] });
    this.relay.publishSoon(asOutboxCollection(this.model), [id]);
  }

  async save(
    groupAssignment: GroupAssignment,
    outbox: readonly OutboxEntry[],
    expectedVersion: number,
  ): Promise<boolean> {
    const { id, tenantId, createdAt: _c, ...state } = groupAssignment;
    // Exactly the fields of the `group_assignment_version` unique index, served from it on both engines.
    const key = { _id: id, tenantId, version: expectedVersion };
    if (!(await writeIfVersion(this.model, key, state, outbox))) return false;
    this.relay.publishSoon(asOutboxCollection(this.model), [id]);
    return true;
  }

  async recordFollowChunk(tenantId: string, id: string, chunk: FollowChunk): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: id, tenantId, version: chunk.version, 'follow.cursor': chunk.expectedCursor },
      {
        $set: { 'follow.cursor': chunk.cursor, updatedAt: chunk.now },
        $inc: { 'follow.processed': chunk.processed },
      },
    );
    return result.modifiedCount === 1;
  }

  async markFollowDone(tenantId: string, id: string, version: number): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: id, tenantId, version },
      { $set: { 'follow.status': 'done' } },
    );
    return result.matchedCount === 1;
  }

  async listDueToExpire(today: string, afterId: string | null, limit: number): Promise<GroupAssignment[]> {
    // A periodic sweep over every tenant: MongoDB serves it from the (status, endDate) index;
    // the local stand-in scans, once per batch.
    const docs = await this.model
      .find(
        {
          status: 'current',
          deletedAt: null,
          endDate: trusted({ $ne: null, $lt: today }),
          ...(afterId === null ? {} : { _id: trusted({ $gt: afterId }) }),
        },
        { outbox: 0 },
      )
      .sort({ _id: 1 })
      .limit(limit)
      .lean<GroupAssignmentDocument[]>()
      .exec();
    return docs.map(toGroupAssignment);
  }

  async listUnfinishedFollows(): Promise<GroupAssignment[]> {
    const docs = await this.model
      .find({ 'follow.status': 'pending' }, { outbox: 0 })
      .limit(UNFINISHED_FAN_OUTS_PER_LOOK)
      .lean<GroupAssignmentDocument[]>()
      .exec();
    return docs.map(toGroupAssignment);
  }

  async findById(tenantId: string, id: string): Promise<GroupAssignment | null> {
    const doc = await this.model
      // By `_id` alone, which both engines serve from an index; the tenant is checked below.
      .findOne({ _id: id }, { outbox: 0 })
      .lean<GroupAssignmentDocument>()
      .exec();
    return doc && doc.tenantId === tenantId ? toGroupAssignment(doc) : null;
  }

  async listCurrentByGroups(tenantId: string, groupIds: readonly string[]): Promise<GroupAssignment[]> {
    if (groupIds.length === 0) return [];
    // MongoDB serves this from the (tenantId, groupId, status) index, one bound per group; the
    // local stand-in scans the collection once (group assignments are few next to members).
    const docs = await this.model
      .find(
        { tenantId, groupId: trusted({ $in: [...new Set(groupIds)] }), status: 'current', deletedAt: null },
        { outbox: 0 },
      )
      .lean<GroupAssignmentDocument[]>()
      .exec();
    return docs.map(toGroupAssignment);
  }

  async list(
    tenantId: string,
    filter: { groupId?: string },
    page: PageRequest,
  ): Promise<Page<GroupAssignment>> {
    const query = {
      tenantId,
      deletedAt: null,
      ...(filter.groupId === undefined ? {} : { groupId: filter.groupId }),
    };
    return findPage(this.model.find(query, { outbox: 0 }), NEWEST_FIRST, page, toGroupAssignment);
  }

  async markFanOutRunning(tenantId: string, id: string, now: Date): Promise<void> {
    await this.model.updateOne(
      { _id: id, tenantId, 'fanOut.status': 'pending' },
      { $set: { 'fanOut.status': 'running', updatedAt: now } },
    );
  }

  async recordFanOutChunk(tenantId: string, id: string, chunk: FanOutChunk): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: id, tenantId, 'fanOut.cursor': chunk.expectedCursor },
      {
        $set: {
          'fanOut.status': 'running',
          'fanOut.cursor': chunk.cursor,
          'fanOut.pendingUntil': null,
          updatedAt: chunk.now,
        },
        $inc: { 'fanOut.processed': chunk.processed },
      },
    );
    return result.modifiedCount === 1;
  }

  async markFanOutChunkPending(
    tenantId: string,
    id: string,
    expectedCursor: string | null,
    until: string,
  ): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: id, tenantId, 'fanOut.cursor': expectedCursor },
      { $set: { 'fanOut.pendingUntil': until } },
    );
    return result.matchedCount === 1;
  }

  async listUnfinishedFanOuts(): Promise<GroupAssignment[]> {
    const docs = await this.model
      .find({ status: 'current', 'fanOut.status': trusted({ $in: ['pending', 'running'] }) }, { outbox: 0 })
      .limit(UNFINISHED_FAN_OUTS_PER_LOOK)
      .lean<GroupAssignmentDocument[]>()
      .exec();
    return docs.map(toGroupAssignment);
  }

  async markFanOutDone(tenantId: string, id: string, now: Date): Promise<void> {
    await this.model.updateOne(
      { _id: id, tenantId },
      {
        $set: {
          'fanOut.status': 'done',
          'fanOut.completedAt': now,
          updatedAt: now,
        },
      },
    );
  }
}

function toGroupAssignment(doc: GroupAssignmentDocument): GroupAssignment {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    groupId: doc.groupId,
    roles: [...doc.roles],
    coachIds: [...doc.coachIds],
    startDate: doc.startDate,
    endDate: doc.endDate ?? null,
    status: doc.status,
    // Written before deactivation, deletion and follows existed: active, kept, nothing to follow.
    active: doc.active ?? true,
    fanOut: {
      status: doc.fanOut.status,
      processed: doc.fanOut.processed,
      cursor: doc.fanOut.cursor ?? null,
      pendingUntil: doc.fanOut.pendingUntil ?? null,
      completedAt: doc.fanOut.completedAt ?? null,
    },
    follow: {
      status: doc.follow?.status ?? 'done',
      version: doc.follow?.version ?? doc.version,
      processed: doc.follow?.processed ?? 0,
      cursor: doc.follow?.cursor ?? null,
    },
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    deletedAt: doc.deletedAt ?? null,
    ...(doc.transferMode ? { transferMode: doc.transferMode } : {}),
    version: doc.version,
  };
}
