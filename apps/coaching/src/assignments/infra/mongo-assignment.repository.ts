import { Injectable } from '@nestjs/common';
import { trusted, type AnyBulkWriteOperation, type Model } from 'mongoose';
import { asOutboxCollection, OutboxRelay, writeIfVersion } from '@lms/messaging';
import { type Page, type PageRequest, type SortOrder } from '@lms/kernel';
import { bulkUpsertIds, findPage, InjectModel } from '@lms/service-kit';
import { holdsMemberPlace, type Assignment } from '../domain/assignment';
import type {
  CalendarDays,
  AssignmentCounts,
  AssignmentFilter,
  AssignmentRepository,
  AssignmentSort,
  AssignmentWithEvents,
} from '../ports/assignment.repository';
import { ASSIGNMENT_MODEL, CURRENT_SLOT, type AssignmentDocument } from './assignment.schema';

/** Assignments an export reads from the database at once. */
const STREAM_BATCH = 500;

/**
 * The query of a filter: plain values wherever it can (MongoDB serves the lists from the
 * compound indexes below; the local stand-in scans), the ranges as trusted operators built
 * here from checked days, never from a request's own objects.
 */
function queryOf(tenantId: string, filter: AssignmentFilter): Record<string, unknown> {
  const query: Record<string, unknown> = { tenantId, deletedAt: null };
  if (filter.active !== undefined) query.active = filter.active;
  if (filter.origin !== undefined) query.origin = filter.origin;
  if (filter.menteeId !== undefined) query.menteeId = filter.menteeId;
  if (filter.coachId !== undefined) query.coachIds = filter.coachId;
  if (filter.groupAssignmentId !== undefined) query.groupAssignmentId = filter.groupAssignmentId;
  if (filter.groupId !== undefined) query.groupId = filter.groupId;
  if (filter.status !== undefined) query.status = filter.status;
  const start: Record<string, string> = {};
  if (filter.startFrom !== undefined) start.$gte = filter.startFrom;
  if (filter.startTo !== undefined) start.$lte = filter.startTo;
  if (filter.on !== undefined) start.$lte = start.$lte && start.$lte < filter.on ? start.$lte : filter.on;
  if (Object.keys(start).length > 0) query.startDate = trusted(start);
  if (filter.on !== undefined) {
    query.$and = [
      { $or: [{ endDate: null }, { endDate: trusted({ $gte: filter.on }) }] },
      { $or: [{ endedAt: null }, { endedAt: trusted({ $gte: new Date(`${filter.on}T00:00:00.000Z`) }) }] },
    ];
  }
  return query;
}

/**
 * The order of a sort: its field, then `_id` in the same direction, so that assignments created
 * (or starting) at once still come in one order. A cursor names a position in one of them only.
 */
function orderOf(sort: AssignmentSort): SortOrder {
  const direction = sort.startsWith('-') ? -1 : 1;
  return [
    [sort.replace(/^-/, ''), direction],
    ['_id', direction],
  ];
}

@Injectable()
export class MongoAssignmentRepository implements AssignmentRepository {
  constructor(
    @InjectModel(ASSIGNMENT_MODEL) private readonly model: Model<AssignmentDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  async insertDerivedIfAbsent(tenantId: string, items: readonly AssignmentWithEvents[]): Promise<string[]> {
    if (items.length === 0) return [];
    const operations = items.map(({ assignment, outbox }): AnyBulkWriteOperation<AssignmentDocument> => {
      if (assignment.tenantId !== tenantId)
        throw new Error('An assignment of another tenant cannot be written here');
      if (!holdsMemberPlace(assignment)) {
        throw new Error('Only derived assignments in force are inserted this way');
      }
      const { tenantId: _t, groupAssignmentId, menteeId, currentSlot: _s, ...rest } = toDocument(assignment);
      // The whole document, events included, is written only by the upsert that inserts it:
      // when a current one exists already, the operation changes nothing and publishes nothing.
      return {
        updateOne: {
          filter: { tenantId, groupAssignmentId, menteeId, currentSlot: CURRENT_SLOT },
          update: { $setOnInsert: { ...rest, outbox: [...outbox] } },
          upsert: true,
        },
      };
    });
    const ids = await this.bulkUpsert(operations);
    // Only the upserts that inserted wrote their entries: those are published from memory.
    const written = new Map(items.map(({ assignment, outbox }) => [assignment.id, outbox]));
    this.relay.publishSoon(asOutboxCollection(this.model), ids, written);
    // A fan-out writes chunk after chunk: never more than the relay's bound ahead of Kafka.
    await this.relay.backpressure();
    return ids;
  }

  /** The driver's collection, not mongoose's casting: these are plain, already valid documents. */
  private bulkUpsert(operations: AnyBulkWriteOperation<AssignmentDocument>[]): Promise<string[]> {
    return bulkUpsertIds(this.model.collection as never, operations as never);
  }

  async insertIfAbsent(tenantId: string, items: readonly AssignmentWithEvents[]): Promise<string[]> {
    if (items.length === 0) return [];
    const operations = items.map(({ assignment, outbox }): AnyBulkWriteOperation<AssignmentDocument> => {
      if (assignment.tenantId !== tenantId)
        throw new Error('An assignment of another tenant cannot be written here');
      const { _id, ...rest } = toDocument(assignment);
      // By `_id`: when it exists already the operation changes nothing and publishes nothing.
      return {
        updateOne: {
          filter: { _id },
          update: { $setOnInsert: { ...rest, outbox: [...outbox] } },
          upsert: true,
        },
      };
    });
    const ids = await this.bulkUpsert(operations);
    this.relay.publishSoon(
      asOutboxCollection(this.model),
      ids,
      new Map(items.map(({ assignment, outbox }) => [assignment.id, outbox])),
    );
    await this.relay.backpressure();
    return ids;
  }

  async listLiveOf(tenantId: string, menteeIds: readonly string[]): Promise<Assignment[]> {
    if (menteeIds.length === 0) return [];
    // MongoDB serves it from the (tenant, mentee, group, status) index; the stand-in scans once per call.
    const docs = await this.model
      .find(
        {
          tenantId,
          menteeId: trusted({ $in: [...new Set(menteeIds)] }),
          status: trusted({ $in: ['scheduled', 'current'] }),
          deletedAt: null,
        },
        { outbox: 0 },
      )
      .lean<AssignmentDocument[]>()
      .exec();
    return docs.map(toAssignment);
  }

  async insert(created: AssignmentWithEvents): Promise<void> {
    const { assignment, outbox } = created;
    await this.model.collection.insertOne({ ...toDocument(assignment), outbox: [...outbox] } as never);
    this.relay.publishSoon(asOutboxCollection(this.model), [assignment.id]);
  }

  async save(tenantId: string, changed: AssignmentWithEvents, expectedVersion: number): Promise<boolean> {
    const { assignment, outbox } = changed;
    // Exactly the fields of the `assignment_version` unique index: the version read says the rest.
    const key = { _id: assignment.id, tenantId, version: expectedVersion };
    if (!(await writeIfVersion(this.model, key, changedState(assignment), outbox))) return false;
    this.relay.publishSoon(asOutboxCollection(this.model), [assignment.id]);
    return true;
  }

  async saveMany(
    tenantId: string,
    changes: ReadonlyArray<AssignmentWithEvents & { expectedVersion: number }>,
  ): Promise<number> {
    if (changes.length === 0) return 0;
    const operations = changes.map(({ assignment, outbox, expectedVersion }) => ({
      updateOne: {
        filter: { _id: assignment.id, tenantId, version: expectedVersion },
        update: { $set: changedState(assignment), $push: { outbox: { $each: [...outbox] } } },
      },
    }));
    const result = await this.model.collection.bulkWrite(operations as never, { ordered: false });
    // Which of them were written is not said per operation: the relay reads each one's outbox
    // from the database, so that only events actually written are published.
    this.relay.publishSoon(
      asOutboxCollection(this.model),
      changes.map(({ assignment }) => assignment.id),
    );
    await this.relay.backpressure();
    return result.modifiedCount;
  }

  async listDerivedAfter(
    tenantId: string,
    groupAssignmentId: string,
    afterId: string | null,
    limit: number,
  ): Promise<Assignment[]> {
    // MongoDB serves it from the (tenant, group assignment, _id) index; the local stand-in scans
    // once per page.
    const docs = await this.model
      .find(
        {
          tenantId,
          groupAssignmentId,
          deletedAt: null,
          ...(afterId === null ? {} : { _id: trusted({ $gt: afterId }) }),
        },
        { outbox: 0 },
      )
      .sort({ _id: 1 })
      .limit(limit)
      .lean<AssignmentDocument[]>()
      .exec();
    return docs.map(toAssignment);
  }

  async recordInteraction(tenantId: string, id: string, at: Date): Promise<void> {
    // By `_id` (index-served on both engines); only ever later, whatever order messages land in.
    await this.model.updateOne({ _id: id, tenantId }, { $max: { lastInteractionAt: at } });
  }

  async findById(tenantId: string, id: string): Promise<Assignment | null> {
    const doc = await this.model
      // By `_id` alone, which both engines serve from an index; the tenant is checked below.
      .findOne({ _id: id }, { outbox: 0 })
      .lean<AssignmentDocument>()
      .exec();
    return doc && doc.tenantId === tenantId && !doc.deletedAt ? toAssignment(doc) : null;
  }

  async listDueOnCalendar(
    { today, noticeUntil }: CalendarDays,
    afterId: string | null,
    limit: number,
  ): Promise<Assignment[]> {
    // A periodic sweep over every tenant: MongoDB serves each branch from its (status, date)
    // index; the local stand-in scans, once per batch.
    const docs = await this.model
      .find(
        {
          deletedAt: null,
          ...(afterId === null ? {} : { _id: trusted({ $gt: afterId }) }),
          $or: [
            // Derived ones start on the calendar too; their end follows their group assignment.
            { status: 'scheduled', startDate: trusted({ $lte: today }) },
            { origin: 'individual', status: 'current', endDate: trusted({ $ne: null, $lt: today }) },
            ...(noticeUntil === null
              ? []
              : [
                  {
                    origin: 'individual' as const,
                    status: 'current' as const,
                    active: true,
                    endDate: trusted({ $gte: today, $lte: noticeUntil }),
                    expiryNoticeSentFor: null,
                  },
                ]),
          ],
        },
        { outbox: 0 },
      )
      .sort({ _id: 1 })
      .limit(limit)
      .lean<AssignmentDocument[]>()
      .exec();
    return docs.map(toAssignment);
  }

  async listCurrentDerivedFor(
    tenantId: string,
    groupAssignmentId: string,
    menteeIds: readonly string[],
  ): Promise<Assignment[]> {
    if (menteeIds.length === 0) return [];
    const docs = await this.model
      .find(
        {
          tenantId,
          groupAssignmentId,
          menteeId: trusted({ $in: [...menteeIds] }),
          currentSlot: CURRENT_SLOT,
        },
        { outbox: 0 },
      )
      .lean<AssignmentDocument[]>()
      .exec();
    return docs.map(toAssignment);
  }

  async listCurrentDerivedInRange(
    tenantId: string,
    groupAssignmentId: string,
    afterMenteeId: string | null,
    untilMenteeId: string | null,
  ): Promise<Assignment[]> {
    const mentee: Record<string, string> = {};
    if (afterMenteeId !== null) mentee.$gt = afterMenteeId;
    if (untilMenteeId !== null) mentee.$lte = untilMenteeId;
    // MongoDB serves it from the one_current_derived_assignment index's prefix, a range on the
    // mentee; the local stand-in scans, once per cut-short chunk only.
    const docs = await this.model
      .find(
        {
          tenantId,
          groupAssignmentId,
          currentSlot: CURRENT_SLOT,
          ...(Object.keys(mentee).length > 0 ? { menteeId: trusted(mentee) } : {}),
        },
        { outbox: 0 },
      )
      .lean<AssignmentDocument[]>()
      .exec();
    return docs.map(toAssignment);
  }

  async listCurrentDerivedForMany(
    tenantId: string,
    groupAssignmentIds: readonly string[],
    menteeIds: readonly string[],
  ): Promise<Assignment[]> {
    if (groupAssignmentIds.length === 0 || menteeIds.length === 0) return [];
    // Filters on exactly the fields of the unique one_current_derived_assignment index, the
    // current slot naming the current ones: MongoDB serves it from that index, one bound per
    // (group assignment, mentee) pair. The local stand-in serves only plain values from an index,
    // so it scans the collection once for the whole batch, not once per member.
    const docs = await this.model
      .find(
        {
          tenantId,
          groupAssignmentId: trusted({ $in: [...new Set(groupAssignmentIds)] }),
          menteeId: trusted({ $in: [...new Set(menteeIds)] }),
          currentSlot: CURRENT_SLOT,
        },
        { outbox: 0 },
      )
      .lean<AssignmentDocument[]>()
      .exec();
    return docs.map(toAssignment);
  }

  async list(
    tenantId: string,
    filter: AssignmentFilter,
    page: PageRequest,
    sort: AssignmentSort = '-createdAt',
  ): Promise<Page<Assignment>> {
    return findPage(
      this.model.find(queryOf(tenantId, filter), { outbox: 0 }),
      orderOf(sort),
      page,
      toAssignment,
    );
  }

  async *stream(
    tenantId: string,
    filter: AssignmentFilter,
    sort: AssignmentSort = '-createdAt',
  ): AsyncIterable<Assignment> {
    const cursor = this.model
      .find(queryOf(tenantId, filter), { outbox: 0 })
      .sort(Object.fromEntries(orderOf(sort)))
      .batchSize(STREAM_BATCH)
      .lean<AssignmentDocument[]>()
      .cursor();
    for await (const doc of cursor) yield toAssignment(doc as unknown as AssignmentDocument);
  }

  async count(tenantId: string, filter: AssignmentFilter): Promise<AssignmentCounts> {
    const byCount = { count: -1 as const, _id: 1 as const };
    const [facets] = await this.model.aggregate<{
      total: Array<{ n: number }>;
      byStatus: Array<{ _id: string; count: number }>;
      byCoach: Array<{ _id: string; count: number }>;
      byGroup: Array<{ _id: string | null; count: number }>;
    }>([
      { $match: queryOf(tenantId, filter) },
      {
        $facet: {
          total: [{ $count: 'n' }],
          byStatus: [{ $group: { _id: '$status', count: { $sum: 1 } } }],
          byCoach: [
            { $unwind: '$coachIds' },
            { $group: { _id: '$coachIds', count: { $sum: 1 } } },
            { $sort: byCount },
          ],
          byGroup: [{ $group: { _id: '$groupId', count: { $sum: 1 } } }, { $sort: byCount }],
        },
      },
    ]);
    return {
      total: facets?.total[0]?.n ?? 0,
      byStatus: Object.fromEntries((facets?.byStatus ?? []).map(({ _id, count }) => [_id, count])),
      byCoach: (facets?.byCoach ?? []).map(({ _id, count }) => ({ coachId: _id, count })),
      byGroup: (facets?.byGroup ?? []).map(({ _id, count }) => ({ groupId: _id ?? null, count })),
    };
  }
}

/**
 * What a change of an assignment writes: everything but its key, its creation and its last
 * interaction, which is never written back from a read (a message may have come since).
 */
function changedState(assignment: Assignment): Partial<AssignmentDocument> {
  const { _id: _i, tenantId: _t, createdAt: _c, lastInteractionAt: _l, ...state } = toDocument(assignment);
  return state;
}

function toDocument(assignment: Assignment): Omit<AssignmentDocument, 'outbox'> {
  const { id, ...state } = assignment;
  return { _id: id, ...state, currentSlot: holdsMemberPlace(assignment) ? CURRENT_SLOT : id };
}

function toAssignment(doc: AssignmentDocument): Assignment {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    menteeId: doc.menteeId,
    coachIds: [...doc.coachIds],
    origin: doc.origin,
    groupAssignmentId: doc.groupAssignmentId ?? null,
    groupId: doc.groupId ?? null,
    startDate: doc.startDate,
    endDate: doc.endDate ?? null,
    status: doc.status,
    // Written before deactivation existed: active.
    active: doc.active ?? true,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    endedAt: doc.endedAt ?? null,
    endReason: doc.endReason ?? null,
    deletedAt: doc.deletedAt ?? null,
    membershipVersion: doc.membershipVersion ?? null,
    lastInteractionAt: doc.lastInteractionAt ?? null,
    expiryNoticeSentFor: doc.expiryNoticeSentFor ?? null,
    version: doc.version,
  };
}
