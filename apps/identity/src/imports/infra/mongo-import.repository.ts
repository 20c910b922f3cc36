import { Injectable } from '@nestjs/common';
import { trusted, type Model } from 'mongoose';
import { asOutboxCollection, OutboxRelay, writeIfVersion, type OutboxEntry } from '@lms/messaging';
import { findPage, InjectModel } from '@lms/service-kit';
import type { Page, PageRequest, SortOrder, WriteOutcome } from '@lms/kernel';
import type { Import } from '../domain/import';
import type { ImportRepository } from '../ports/import.repository';
import { IMPORT_MODEL, type ImportDocument } from './import.schema';

/** Newest first: ids sort by creation. */
const NEWEST_FIRST: SortOrder = [['_id', -1]];
const WITHOUT_OUTBOX = { outbox: 0 };

@Injectable()
export class MongoImportRepository implements ImportRepository {
  constructor(
    @InjectModel(IMPORT_MODEL) private readonly model: Model<ImportDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  async findById(tenantId: string, id: string): Promise<Import | null> {
    // By `_id` alone, which both engines serve from an index; the tenant is checked here.
    const doc = await this.model.findOne({ _id: id }, WITHOUT_OUTBOX).lean<ImportDocument>().exec();
    return doc && doc.tenantId === tenantId ? toImport(doc) : null;
  }

  async insert(entry: Import): Promise<void> {
    await this.model.create({ ...toDocument(entry), outbox: [] });
  }

  async update(
    entry: Import,
    expectedVersion: number,
    outbox: readonly OutboxEntry[],
  ): Promise<WriteOutcome> {
    const { _id, tenantId, ...state } = toDocument(entry);
    // Exactly the fields of the `import_version` unique index: a compare-and-set.
    const written = await writeIfVersion(
      this.model,
      { _id, tenantId, version: expectedVersion },
      state,
      outbox,
    );
    if (written && outbox.length > 0) this.relay.publishSoon(asOutboxCollection(this.model), [_id]);
    return written ? 'written' : 'stale';
  }

  list(tenantId: string, page: PageRequest): Promise<Page<Import>> {
    return findPage(this.model.find({ tenantId }, WITHOUT_OUTBOX), NEWEST_FIRST, page, toImport);
  }

  async listUnfinished(
    afterId: string | null,
    limit: number,
  ): Promise<Array<Pick<Import, 'id' | 'tenantId'>>> {
    const docs = await this.model
      .find(
        {
          state: trusted({ $in: ['validating', 'applying'] }),
          ...(afterId === null ? {} : { _id: trusted({ $gt: afterId }) }),
        },
        { _id: 1, tenantId: 1 },
      )
      .sort({ _id: 1 })
      .limit(limit)
      .lean<Array<Pick<ImportDocument, '_id' | 'tenantId'>>>()
      .exec();
    return docs.map((doc) => ({ id: doc._id, tenantId: doc.tenantId }));
  }
}

function toDocument(entry: Import): Omit<ImportDocument, 'outbox'> {
  return {
    _id: entry.id,
    tenantId: entry.tenantId,
    kind: entry.kind,
    mode: entry.mode,
    dryRun: entry.dryRun,
    startedBy: { ...entry.startedBy, roles: [...entry.startedBy.roles] },
    fileName: entry.fileName,
    bytes: entry.bytes,
    delimiter: entry.delimiter,
    columns: [...entry.columns],
    rowsTotal: entry.rowsTotal,
    state: entry.state,
    rowReached: entry.rowReached,
    counts: { ...entry.counts },
    failure: entry.failure ? { ...entry.failure } : null,
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
    finishedAt: entry.finishedAt,
    version: entry.version,
  };
}

function toImport(doc: ImportDocument): Import {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    kind: doc.kind,
    mode: doc.mode,
    dryRun: doc.dryRun,
    startedBy: {
      tenantId: doc.startedBy.tenantId,
      userId: doc.startedBy.userId ?? null,
      level: doc.startedBy.level,
      roles: [...doc.startedBy.roles],
    },
    fileName: doc.fileName ?? null,
    bytes: doc.bytes,
    delimiter: doc.delimiter,
    columns: [...doc.columns],
    rowsTotal: doc.rowsTotal,
    state: doc.state,
    rowReached: doc.rowReached,
    counts: {
      rowsRead: doc.counts.rowsRead,
      rowsValid: doc.counts.rowsValid,
      rowsRejected: doc.counts.rowsRejected,
      rowsApplied: doc.counts.rowsApplied,
    },
    failure: doc.failure
      ? { code: doc.failure.code, message: doc.failure.message, row: doc.failure.row ?? null }
      : null,
    createdAt: new Date(doc.createdAt),
    updatedAt: new Date(doc.updatedAt),
    finishedAt: doc.finishedAt ? new Date(doc.finishedAt) : null,
    version: doc.version,
  };
}
